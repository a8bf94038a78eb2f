/**
 * Every validation problem code with its English and Chinese text, made from the problem's
 * params. The English text is the problem's `message`; readers translate by code.
 */
import { keyZh, whatZh } from './names';

export type Params = Readonly<Record<string, string | number>>;
export interface Texts {
  en(p: Params): string;
  zh(p: Params): string;
}

const range = (p: Params) => `${p.minOpen ? '(' : '['}${p.min}, ${p.max === undefined ? '∞)' : `${p.max}]`}`;
const cmpZh = (op: unknown) => (op === '>' ? '大于' : '不小于');
const arity = (p: Params) =>
  p.max === undefined ? `${p.min} or more` : p.min === p.max ? `${p.min}` : `${p.min} to ${p.max}`;
const arityZh = (p: Params) =>
  p.max === undefined ? `至少 ${p.min} 个` : p.min === p.max ? `${p.min} 个` : `${p.min} 到 ${p.max} 个`;

export const PROBLEM_TEXTS = {
  // structure
  UNKNOWN_KEY: {
    en: (p) => `unknown key "${p.key}"${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}`,
    zh: (p) => `未知的键“${p.key}”${p.suggestion ? `（是否应为“${p.suggestion}”？）` : ''}`,
  },
  NOT_AN_OBJECT: { en: (p) => `${p.what} must be an object`, zh: (p) => `${whatZh(p.what)}格式不正确（应为对象）` },
  NOT_AN_ARRAY: { en: (p) => `${p.key} must be an array`, zh: (p) => `${keyZh(p.key)}必须是列表` },
  ARRAY_EMPTY: { en: (p) => `${p.key} must be a non-empty array`, zh: (p) => `${keyZh(p.key)}至少需要一项` },
  MAP_EMPTY: { en: (p) => `${p.key} must not be empty`, zh: (p) => `${keyZh(p.key)}不能为空` },
  NOT_A_NUMBER: { en: (p) => `${p.key} must be a number`, zh: (p) => `${keyZh(p.key)}必须是数字` },
  NOT_A_STRING: { en: (p) => `${p.key} must be a string`, zh: (p) => `${keyZh(p.key)}必须是文字` },
  STRING_EMPTY: { en: (p) => `${p.key} must be a non-empty string`, zh: (p) => `${keyZh(p.key)}不能为空` },
  NOT_A_BOOLEAN: { en: (p) => `${p.key} must be true or false`, zh: (p) => `${keyZh(p.key)}必须是“是”或“否”` },
  REQUIRED: { en: (p) => `${p.key} is required`, zh: (p) => `请填写${keyZh(p.key)}` },
  NUMBER_TOO_SMALL: {
    en: (p) => `${p.key} must be a number ${p.op} ${p.bound}`,
    zh: (p) => `${keyZh(p.key)}必须是${cmpZh(p.op)} ${p.bound} 的数`,
  },
  NUMBER_TOO_LARGE: { en: (p) => `${p.key} must be <= ${p.bound}`, zh: (p) => `${keyZh(p.key)}不能大于 ${p.bound}` },
  NUMBER_NOT_IN_RANGE: {
    en: (p) => `${p.key} must be a number in ${range(p)}`,
    zh: (p) => `${keyZh(p.key)}必须是 ${range(p)} 之间的数`,
  },
  // scheme
  FORMAT_VERSION: { en: () => 'formatVersion must be 1', zh: () => '格式版本必须为 1' },
  CODE_FORMAT: {
    en: () => 'code must match [A-Za-z0-9_-]{1,64}',
    zh: () => '代码只能由字母、数字、下划线和连字符组成（1–64 个字符）',
  },
  NAME_REQUIRED: { en: () => 'name must be a non-empty string', zh: () => '名称不能为空' },
  DUPLICATE_CODE: {
    en: (p) => `duplicate ${p.what} code "${p.code}"`,
    zh: (p) => `${whatZh(p.what)}代码“${p.code}”重复`,
  },
  YEAR_NOT_INTEGER: { en: () => 'year must be a whole number', zh: () => '年度必须是整数' },
  PRECISION_RANGE: {
    en: () => 'precision must be a whole number from 0 to 4',
    zh: () => '小数位数必须是 0 到 4 的整数',
  },
  MIN_SCORE_ORDER: { en: () => 'minScore must not increase down the list', zh: () => '最低分数不能高于上面的等次' },
  MAX_SHARE_RANGE: { en: () => 'maxShare must be a number in (0, 1]', zh: () => '名额比例必须大于 0 且不超过 1' },
  LAST_GRADE_LIMITED: {
    en: () => 'the last grade must have neither minScore nor maxShare',
    zh: () => '最后一个等次不能设最低分数或名额比例（它接收其余所有对象）',
  },
  GROUP_KIND: { en: () => 'kind must be "UNIT" or "MEMBER"', zh: () => '类型必须是“单位”或“班子成员”' },
  CAP_INVALID: {
    en: (p) => `${p.key} must be null or a number >= 0`,
    zh: (p) => `${keyZh(p.key)}必须为空（不封顶）或不小于 0 的数`,
  },
  ROOT_NOT_CATEGORY: {
    en: () => 'the root must be a category with at least one child',
    zh: () => '根节点必须是至少有一个下级的类别',
  },
  WEIGHT_NOT_POSITIVE: { en: () => 'weight must be a number > 0', zh: () => '权重必须是大于 0 的数' },
  CHILDREN_AND_METHOD: {
    en: () => 'a node has children or a method, not both',
    zh: () => '一个节点要么有下级，要么有计分方法，不能两者都有',
  },
  CATEGORY_EMPTY: { en: () => 'a category must have at least one child', zh: () => '类别至少需要一个下级' },
  OWNERS_NOT_INDICATOR: {
    en: () => 'only an indicator has owners (a category has none)',
    zh: () => '只有指标才有责任部门（类别没有）',
  },
  OWNER_UNKNOWN: {
    en: (p) => `unknown department "${p.code}"`,
    zh: (p) => `责任部门“${p.code}”不存在（请先在部门管理中添加）`,
  },
  METHOD_REQUIRED: { en: () => 'an indicator needs a method object (or give children)', zh: () => '指标需要计分方法' },
  METHOD_UNKNOWN: { en: (p) => `unknown method type "${p.type}"`, zh: (p) => `未知的计分方法“${p.type}”` },
  METHOD_MEMBER_ONLY: {
    en: (p) => `${p.type} is allowed only in MEMBER groups`,
    zh: (p) => `“挂钩”计分（${p.type}）只能用于班子成员考核组`,
  },
  RULE_KIND: { en: () => 'kind must be "BONUS", "DEDUCTION" or "VETO"', zh: () => '类别必须是加分、扣分或否决' },
  RULE_GROUPS_REQUIRED: { en: () => 'groups must be a non-empty array of group codes', zh: () => '至少选择一个考核组' },
  GROUP_UNKNOWN: { en: (p) => `unknown group "${p.code}"`, zh: (p) => `考核组“${p.code}”不存在` },
  VETO_HAS_POINTS: { en: (p) => `a VETO rule has no ${p.key}`, zh: (p) => `否决项没有${keyZh(p.key)}` },
  VETO_MAX_GRADE: { en: () => 'maxGrade must name a grade', zh: () => '请选择否决后最高可评的等次' },
  MAX_GRADE_NOT_VETO: { en: () => 'only a VETO rule has maxGrade', zh: () => '只有否决项才有最高可评等次' },
  POINTS_AND_RANGE: { en: () => 'give points or minPoints/maxPoints, not both', zh: () => '分值与分值范围只能选一种' },
  RANGE_INCOMPLETE: {
    en: () => 'a ranged rule needs both minPoints and maxPoints',
    zh: () => '分值范围需要同时填写最低和最高分值',
  },
  POINTS_REQUIRED: {
    en: () => 'points (or minPoints and maxPoints) required',
    zh: () => '请填写每次分值（或最低和最高分值）',
  },
  PROGRESS_THRESHOLD_ORDER: {
    en: (p) => `progress.farBehind (${p.farBehind}) must be >= progress.behind (${p.behind})`,
    zh: (p) => `严重滞后阈值（${p.farBehind}）不能小于滞后阈值（${p.behind}）`,
  },
  RANGE_ORDER: { en: () => 'maxPoints must be >= minPoints', zh: () => '最高分值不能小于最低分值' },
  // methods
  DIRECTION: { en: () => 'direction must be "HIGHER" or "LOWER"', zh: () => '方向必须是越高越好或越低越好' },
  CAP_BELOW_FLOOR: { en: () => 'cap must be >= floor', zh: () => '封顶不能低于保底' },
  LADDER_BASIS: { en: () => 'basis must be "VALUE" or "RATIO"', zh: () => '依据必须是按数值或按完成比' },
  STEP_MIN_AND_MAX: { en: () => 'a step has min or max, not both', zh: () => '一个档次只能有下限或上限之一' },
  STEP_BOUND_MISSING: {
    en: (p) => `every step needs a numeric ${p.key} (all steps use the same one)`,
    zh: (p) => `每个档次都需要数值型的${p.key === 'min' ? '下限' : '上限'}（所有档次相同）`,
  },
  STEPS_ORDER: {
    en: (p) =>
      p.key === 'min' ? 'steps with min must be sorted high to low' : 'steps with max must be sorted low to high',
    zh: (p) => (p.key === 'min' ? '按下限的档次须由高到低排列' : '按上限的档次须由低到高排列'),
  },
  FORMULA_EMPTY: { en: () => 'expression must be a non-empty string', zh: () => '公式不能为空' },
  FORMULA_PARSE: { en: (p) => `does not parse: ${p.detail}`, zh: (p) => `公式无法解析：${p.detail}` },
  FORMULA_LITERAL: {
    en: (p) => `only numbers are allowed as literals, not ${p.raw}`,
    zh: (p) => `公式中只能使用数字常量，不能使用 ${p.raw}`,
  },
  FORMULA_UNKNOWN_NAME: {
    en: (p) => `unknown name "${p.name}"`,
    zh: (p) => `公式中不能使用“${p.name}”：只能使用列出的变量`,
  },
  FORMULA_UNKNOWN_FUNCTION: {
    en: (p) => `unknown function "${p.name}"`,
    zh: (p) => `公式中不能使用函数“${p.name}”：只能使用 min、max、abs、round、if`,
  },
  FORMULA_OPERATOR: { en: (p) => `operator "${p.op}" is not allowed`, zh: (p) => `公式中不能使用运算符“${p.op}”` },
  FORMULA_CALL: {
    en: () => 'only min, max, abs, round and if can be called',
    zh: () => '只能调用 min、max、abs、round 和 if',
  },
  FORMULA_ARITY: {
    en: (p) => `${p.name} takes ${arity(p)} argument(s)`,
    zh: (p) => `${p.name} 的参数个数应为${arityZh(p)}`,
  },
  FORMULA_MEMBER: { en: () => 'property access is not allowed', zh: () => '公式中不能访问属性' },
  FORMULA_THIS: { en: () => '"this" is not allowed', zh: () => '公式中不能使用 this' },
  FORMULA_SYNTAX: { en: (p) => `${p.what} is not allowed`, zh: (p) => `公式中不能使用此写法（${p.what}）` },
  // dataset
  SCHEME_INVALID: {
    en: (p) => `the scheme is invalid (${p.count} problem(s)); validate it first`,
    zh: (p) => `方案有 ${p.count} 处问题，请先修正方案`,
  },
  SUBJECT_DUPLICATE: { en: (p) => `duplicate subject "${p.code}"`, zh: (p) => `考核对象“${p.code}”重复` },
  SUBJECT_UNKNOWN: { en: (p) => `unknown subject "${p.code}"`, zh: (p) => `考核对象“${p.code}”不存在` },
  MEMBER_UNIT_MISSING: { en: () => 'a member must name its unit', zh: () => '班子成员必须填写所在单位' },
  MEMBER_UNIT_UNKNOWN: {
    en: (p) => `unknown unit "${p.code}" (must be a subject of a UNIT group)`,
    zh: (p) => `所在单位“${p.code}”不存在（须为单位考核组中的对象）`,
  },
  UNIT_NOT_ALLOWED: { en: () => 'a subject of a UNIT group has no unit', zh: () => '单位考核组的对象不填写所在单位' },
  INDICATOR_UNKNOWN: { en: (p) => `unknown indicator "${p.code}"`, zh: (p) => `指标“${p.code}”不存在` },
  INDICATOR_NOT_IN_GROUP: {
    en: (p) => `indicator "${p.code}" is not in group ${p.group}'s tree`,
    zh: (p) => `指标“${p.code}”不属于考核组 ${p.group}`,
  },
  INDICATOR_NOT_SURVEY: {
    en: (p) => `indicator "${p.code}" is not a SURVEY indicator`,
    zh: (p) => `指标“${p.code}”不是测评类指标`,
  },
  SUBJECT_GROUP_LOCKED: {
    en: (p) => `subject "${p.code}" has inputs or adjustments in group ${p.group}; its group cannot change`,
    zh: (p) => `考核对象“${p.code}”在考核组 ${p.group} 中已有数据或加减分，不能更换考核组`,
  },
  SUBJECT_HAS_MEMBERS: {
    en: (p) => `subject "${p.code}" has members; it must stay in a UNIT group`,
    zh: (p) => `考核对象“${p.code}”下有班子成员，必须留在单位考核组`,
  },
  OWN_UNIT_ONLY: { en: () => 'a unit user may act for its own unit only', zh: () => '单位用户只能填报本单位的数据' },
  INDICATOR_NOT_OWNED: {
    en: (p) => `indicator "${p.indicator}" is reported by its owner department(s) only`,
    zh: (p) => `指标“${p.indicator}”只能由其责任部门填报`,
  },
  CHANGED_MEANWHILE: {
    en: (p) => `changed meanwhile: the stored value is version ${p.stored}, this row was based on version ${p.seen}`,
    zh: (p) => `已被他人修改：当前为第 ${p.stored} 版，本行基于第 ${p.seen} 版`,
  },
  VERSION_INVALID: { en: () => 'version must be a whole number >= 0', zh: () => '版本号必须是不小于 0 的整数' },
  INPUT_DUPLICATE: {
    en: (p) => `second input for subject "${p.subject}" and indicator "${p.indicator}"`,
    zh: (p) => `考核对象“${p.subject}”的指标“${p.indicator}”有两行数据`,
  },
  TARGET_NOT_POSITIVE: {
    en: () => 'target must be > 0 for a HIGHER target',
    zh: () => '越高越好的指标，目标值必须大于 0',
  },
  GRADE_UNKNOWN: { en: (p) => `unknown grade "${p.code}"`, zh: (p) => `等级“${p.code}”不存在` },
  SCORE_OUT_OF_RANGE: { en: (p) => `score must be within [0, ${p.max}]`, zh: (p) => `评分必须在 0 到 ${p.max} 之间` },
  VOTER_GROUP_UNKNOWN: { en: (p) => `unknown voter group "${p.code}"`, zh: (p) => `投票群体“${p.code}”不存在` },
  OPTION_UNKNOWN: { en: (p) => `unknown option "${p.code}"`, zh: (p) => `选项“${p.code}”不存在` },
  BALLOT_COUNT_INVALID: { en: () => 'count must be a whole number >= 0', zh: () => '票数必须是不小于 0 的整数' },
  RULE_UNKNOWN: { en: (p) => `unknown rule "${p.code}"`, zh: (p) => `规则“${p.code}”不存在` },
  RULE_NOT_FOR_GROUP: {
    en: (p) => `rule ${p.rule} does not apply to group ${p.group}`,
    zh: (p) => `规则 ${p.rule} 不适用于考核组 ${p.group}`,
  },
  COUNT_INVALID: { en: () => 'count must be a whole number >= 1', zh: () => '次数必须是不小于 1 的整数' },
  POINTS_NOT_ALLOWED: {
    en: (p) => `rule ${p.rule} has ${p.kind === 'VETO' ? 'no' : 'fixed'} points; give none`,
    zh: (p) => (p.kind === 'VETO' ? `否决规则 ${p.rule} 没有分值，不要填写` : `规则 ${p.rule} 的分值固定，不要填写`),
  },
  POINTS_MISSING: {
    en: (p) => `rule ${p.rule} needs points in [${p.min}, ${p.max}]`,
    zh: (p) => `规则 ${p.rule} 需要填写 ${p.min} 到 ${p.max} 之间的分值`,
  },
  POINTS_OUT_OF_RANGE: {
    en: (p) => `points must be a number in [${p.min}, ${p.max}]`,
    zh: (p) => `分值必须在 ${p.min} 到 ${p.max} 之间`,
  },
} satisfies Record<string, Texts>;

export type ProblemCode = keyof typeof PROBLEM_TEXTS;
export const PROBLEM_CODES = Object.keys(PROBLEM_TEXTS) as ProblemCode[];
