/**
 * Chinese names of the scheme and dataset keys and of the kinds of entry, for problem texts
 * (a key without a name here is shown as written).
 */
export const KEY_NAMES_ZH: Readonly<Record<string, string>> = {
  formatVersion: '格式版本', code: '代码', name: '名称', year: '年度', precision: '小数位数', reviewThreshold: '复核阈值',
  grades: '等次', groups: '考核组', rules: '规则', minScore: '最低分数', maxShare: '名额比例', kind: '类型',
  bonusCap: '加分上限', deductionCap: '扣分上限', root: '根节点', children: '下级', weight: '权重', unit: '计量单位',
  method: '计分方法', type: '计分方法类型', direction: '方向', floor: '保底', cap: '封顶', basis: '依据', steps: '档次',
  min: '下限', max: '满分值', score: '得分', step: '名次间隔扣减', levels: '等次得分率', voterGroups: '投票群体',
  options: '选项', voterGroupNames: '投票群体名称', optionNames: '选项名称', expression: '公式', owners: '责任部门',
  points: '分值', minPoints: '最低分值', maxPoints: '最高分值', maxPerSubject: '每个对象累计上限', maxGrade: '最高可评等次',
  subjects: '考核对象', inputs: '数据', adjustments: '加减分记录', subject: '考核对象', indicator: '指标', actual: '实际值',
  target: '目标值', previous: '上年值', grade: '等级', ballots: '测评票', notApplicable: '不适用', count: '次数', note: '备注',
  group: '考核组', value: '值',
};

/** Chinese names of the kinds of entry a problem can be about. */
export const WHAT_NAMES_ZH: Readonly<Record<string, string>> = {
  scheme: '方案', dataset: '数据集', grade: '等次', group: '考核组', node: '节点', rule: '规则', step: '档次',
  subject: '考核对象', input: '数据行', owner: '责任部门', adjustment: '加减分记录', value: '值', ballots: '测评票',
};

export const keyZh = (k: unknown): string => KEY_NAMES_ZH[String(k)] ?? String(k);
export const whatZh = (k: unknown): string => WHAT_NAMES_ZH[String(k)] ?? KEY_NAMES_ZH[String(k)] ?? String(k);
