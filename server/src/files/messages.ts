import { describeValueProblem, type ValueProblem, type ValueProblemCode } from '@kaoping/shared';
import type { Request } from 'express';

export type Lang = 'zh' | 'en';

/** `?lang=en|zh` first, then the first language of Accept-Language; Chinese unless English is asked for. */
export function langOf(req: Request): Lang {
  const q = req.query.lang;
  if (q === 'en' || q === 'zh') return q;
  const first = String(req.headers['accept-language'] ?? '')
    .split(',')[0]
    .trim()
    .toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh';
}

/** Codes of workbook problems beyond a single value's (those come from the shared parser). */
export type SheetProblemCode =
  | ValueProblemCode
  | 'UNKNOWN_SUBJECT' // { subject }
  | 'NOT_YOUR_UNIT' // { subject }
  | 'NOT_YOUR_INDICATOR' // { indicator } — owned by other departments
  | 'DUPLICATE_ROW' // { first } — the cell of the earlier row
  | 'UNKNOWN_COLUMN' // { key }
  | 'NOT_IN_GROUP' // { indicator, group }
  | 'NOT_A_SURVEY' // { indicator }
  | 'NOT_APPLICABLE_WITH_VALUES'
  | 'BALLOTS_NEED_REVIEW'
  | 'SHEET_NOT_ALLOWED' // { sheet }
  | 'REQUIRED' // { field }
  | 'INVALID_VALUE' // { detail } — the engine's own check (English detail)
  | 'CHANGED_MEANWHILE' // { detail }
  | 'NOT_A_WORKBOOK'
  | 'NO_DATA';

export interface SheetProblem {
  sheet: string;
  cell: string;
  code: SheetProblemCode;
  params: Record<string, string | number>;
  message: string;
}

type Words = (p: Record<string, string | number>) => string;

const OWN: Record<Lang, Record<Exclude<SheetProblemCode, ValueProblemCode>, Words>> = {
  zh: {
    UNKNOWN_SUBJECT: (p) => `未知的考核对象“${p.subject}”`,
    NOT_YOUR_UNIT: (p) => `考核对象“${p.subject}”不属于本单位`,
    NOT_YOUR_INDICATOR: (p) => `指标“${p.indicator}”由其他部门填报，本部门不能修改`,
    DUPLICATE_ROW: (p) => `与 ${p.first} 重复`,
    UNKNOWN_COLUMN: (p) => `无法识别的列“${p.key}”`,
    NOT_IN_GROUP: (p) => `指标“${p.indicator}”不属于考核组“${p.group}”`,
    NOT_A_SURVEY: (p) => `指标“${p.indicator}”不是测评指标`,
    NOT_APPLICABLE_WITH_VALUES: () => '已填“不适用”，同一指标的其他格应留空',
    BALLOTS_NEED_REVIEW: () => '测评票数属于考核组核定数据，请以 source=REVIEW 上传',
    SHEET_NOT_ALLOWED: (p) => `无权导入“${p.sheet}”工作表`,
    REQUIRED: (p) =>
      `缺少${({ subject: '考核对象代码', rule: '规则代码', name: '名称' } as Record<string, string>)[p.field] ?? p.field}`,
    INVALID_VALUE: (p) => `不符合方案要求（${p.detail}）`,
    CHANGED_MEANWHILE: () => '导入期间该数据已被他人修改，请重新下载模板',
    NOT_A_WORKBOOK: () => '不是有效的 Excel 工作簿（.xlsx）',
    NO_DATA: () => '工作簿中没有可导入的数据（第 1 行须为机器行：A1 为 subject）',
  },
  en: {
    UNKNOWN_SUBJECT: (p) => `unknown subject "${p.subject}"`,
    NOT_YOUR_UNIT: (p) => `subject "${p.subject}" is not of your unit`,
    NOT_YOUR_INDICATOR: (p) => `indicator "${p.indicator}" is reported by another department; yours cannot change it`,
    DUPLICATE_ROW: (p) => `repeats ${p.first}`,
    UNKNOWN_COLUMN: (p) => `unknown column "${p.key}"`,
    NOT_IN_GROUP: (p) => `indicator "${p.indicator}" is not in group "${p.group}"`,
    NOT_A_SURVEY: (p) => `indicator "${p.indicator}" is not a SURVEY indicator`,
    NOT_APPLICABLE_WITH_VALUES: () => "marked not applicable: leave the indicator's other cells empty",
    BALLOTS_NEED_REVIEW: () => 'ballot counts are REVIEW values: upload with source=REVIEW',
    SHEET_NOT_ALLOWED: (p) => `you may not import the "${p.sheet}" sheet`,
    REQUIRED: (p) => `${p.field} is required`,
    INVALID_VALUE: (p) => String(p.detail),
    CHANGED_MEANWHILE: () => 'changed by someone else during the import; download the template again',
    NOT_A_WORKBOOK: () => 'not a valid Excel workbook (.xlsx)',
    NO_DATA: () => 'nothing to import (row 1 must be the machine row: subject in A1)',
  },
};

const VALUE_CODES = new Set<string>([
  'NOT_A_NUMBER',
  'NOT_A_WHOLE_NUMBER',
  'NEGATIVE',
  'NOT_A_FLAG',
  'UNKNOWN_GRADE',
  'CELL_ERROR',
  'CONTROL_CHARACTER',
  'TOO_LONG',
]);

export function describeProblem(code: SheetProblemCode, params: Record<string, string | number>, lang: Lang): string {
  if (VALUE_CODES.has(code)) return describeValueProblem({ code, params } as ValueProblem, lang);
  return OWN[lang][code as Exclude<SheetProblemCode, ValueProblemCode>](params);
}

/** Headers and labels of the workbooks. */
export const TEXT = {
  zh: {
    subject: '考核对象代码',
    name: '名称',
    unit: '所属单位',
    category: '类别',
    indicator: '指标',
    unitOfMeasure: '计量单位',
    field: '填报项',
    fields: {
      actual: '实际值',
      target: '目标值',
      previous: '上年值',
      score: '得分',
      grade: '等次',
      notApplicable: '不适用',
    } as Record<string, string>,
    notApplicable: '不适用',
    ballots: '测评票数',
    adjustments: '加减分',
    indicatorCode: '指标代码',
    voterGroup: '投票群体',
    option: '选项',
    count: '票数',
    indicatorName: '指标名称',
    rule: '规则代码',
    ruleName: '规则名称',
    points: '分值',
    note: '说明',
    times: '次数',
    numberHint: '请输入数字；不涉及时填“不适用”',
    gradeHint: '请选择等次',
    countHint: '请输入不小于 0 的整数',
    rank: '名次',
    base: '基本分',
    bonus: '加分',
    deduction: '减分',
    final: '总分',
    gradeCol: '等次',
    vetoes: '一票否决',
    breakdown: '指标得分',
    explanations: '得分说明',
    group: '考核组',
    maxPoints: '满分',
    explain: '说明',
    out: '不适用',
    guide: '填报说明',
    sources: { SELF: '单位自报', MONITOR: '部门监测', REVIEW: '考核组核定' } as Record<string, string>,
    guideLines: [
      '每个考核组一张工作表，第 6 行起每行一个考核对象；请勿修改隐藏的第 1 行、A 列的考核对象代码和工作表的列顺序。',
      '数字按平时的写法填写即可：1,234.5、８．２、8.2%（计量单位为 % 的指标按百分点计）、全角数字均可。',
      '不涉及的指标填“不适用”（或 N/A）；留空的指标保持系统中原有的数据不变。',
      '等次从下拉列表中选择；测评票数填在 ballots 表，加减分填在 adjustments 表（每行一条）。',
      '上传时可先“预检”：系统列出每个有问题的单元格（如“镇!D7: 不是有效的数字”）和将要变更的数据，不写入任何内容。',
    ],
    scheme: '考核方案',
    source: '数据来源',
    rules: '加减分规则',
    kind: '类别',
    kinds: { BONUS: '加分', DEDUCTION: '减分', VETO: '一票否决' } as Record<string, string>,
  },
  en: {
    subject: 'Subject code',
    name: 'Name',
    unit: 'Unit',
    category: 'Category',
    indicator: 'Indicator',
    unitOfMeasure: 'Unit of measure',
    field: 'Field',
    fields: {
      actual: 'Actual',
      target: 'Target',
      previous: 'Previous year',
      score: 'Score',
      grade: 'Grade',
      notApplicable: 'Not applicable',
    } as Record<string, string>,
    notApplicable: 'N/A',
    ballots: 'Ballots',
    adjustments: 'Adjustments',
    indicatorCode: 'Indicator code',
    voterGroup: 'Voter group',
    option: 'Option',
    count: 'Count',
    indicatorName: 'Indicator name',
    rule: 'Rule code',
    ruleName: 'Rule name',
    points: 'Points',
    note: 'Note',
    times: 'Count',
    numberHint: 'Enter a number, or N/A when it does not apply',
    gradeHint: 'Choose a grade',
    countHint: 'Enter a whole number ≥ 0',
    rank: 'Rank',
    base: 'Base',
    bonus: 'Bonus',
    deduction: 'Deduction',
    final: 'Final',
    gradeCol: 'Grade',
    vetoes: 'Vetoes',
    breakdown: 'Breakdown',
    explanations: 'Explanations',
    group: 'Group',
    maxPoints: 'Max points',
    explain: 'Explanation',
    out: 'N/A',
    guide: 'Instructions',
    sources: {
      SELF: 'Self-report (unit)',
      MONITOR: 'Monitoring (department)',
      REVIEW: 'Review (assessment team)',
    } as Record<string, string>,
    guideLines: [
      'One sheet per group, one subject per row from row 6; do not change the hidden row 1, the subject codes in column A or the order of the columns.',
      'Type numbers as usual: 1,234.5, full-width digits, 8.2% (an indicator whose unit is % holds percentage points).',
      'Type N/A (or 不适用) where an indicator does not apply; an empty indicator keeps the value already stored.',
      'Choose grades from the list; ballot counts go on the ballots sheet, bonuses and deductions on the adjustments sheet (one per row).',
      'Upload with a dry run first: every bad cell is named (e.g. "镇!D7: not a valid number") with what would change, and nothing is written.',
    ],
    scheme: 'Scheme',
    source: 'Source',
    rules: 'Adjustment rules',
    kind: 'Kind',
    kinds: { BONUS: 'Bonus', DEDUCTION: 'Deduction', VETO: 'Veto' } as Record<string, string>,
  },
};
export type Texts = (typeof TEXT)['zh'];
