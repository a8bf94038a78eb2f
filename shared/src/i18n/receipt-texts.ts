/**
 * A receipt's lines: why a subject got its rank, grade, adjustments and values, as a code and
 * params, with the Chinese and English wording. Names (grades, rules, sources) come in the params.
 */
import type { Lang } from './explain-texts';

type V = string | number;
export type LineParams = Readonly<Record<string, V>>;
interface LineTexts {
  zh(p: LineParams): string;
  en(p: LineParams): string;
}

const kindZh = (k: V) => (k === 'BONUS' ? '加分' : '扣分');
const kindEn = (k: V) => (k === 'BONUS' ? 'bonus' : 'deduction');
const SOURCE_ZH: Readonly<Record<string, string>> = { SELF: '自评', MONITOR: '监测', REVIEW: '复核' };
export const sourceName = (s: V, lang: Lang): string =>
  lang === 'zh' ? (SOURCE_ZH[String(s)] ?? String(s)) : String(s).toLowerCase();

export const RECEIPT_TEXTS = {
  RANK: {
    zh: (p) =>
      `在本组 ${p.peers} 个对象中排第 ${p.rank} 名${Number(p.tied) > 0 ? `，与 ${p.tied} 个对象同分并列` : ''}`,
    en: (p) => `rank ${p.rank} of ${p.peers} in the group${Number(p.tied) > 0 ? `, tied with ${p.tied}` : ''}`,
  },
  NOT_APPLICABLE: {
    zh: (p) => `指标“${p.name}”不适用，不计分；其满分按权重分给同一类别的其他项`,
    en: (p) => `indicator "${p.name}" does not apply: its points go to the other items of its category, by weight`,
  },
  ADJUSTMENT: {
    zh: (p) => `${kindZh(p.kind)}“${p.name}”：申报 ${p.claimed} 分，计入 ${p.counted} 分`,
    en: (p) => `${kindEn(p.kind)} "${p.name}": ${p.claimed} claimed, ${p.counted} counted`,
  },
  ADJUSTMENT_RULE_CAP: {
    zh: (p) =>
      `${kindZh(p.kind)}“${p.name}”：申报 ${p.claimed} 分，超过该项每个对象累计上限 ${p.cap} 分，计入 ${p.counted} 分`,
    en: (p) =>
      `${kindEn(p.kind)} "${p.name}": ${p.claimed} claimed, cut by the rule's cap per subject of ${p.cap}: ${p.counted} counted`,
  },
  BONUS_GROUP_CAP: {
    zh: (p) => `加分合计 ${p.claimed} 分，超过本组加分上限 ${p.cap} 分，计入 ${p.counted} 分`,
    en: (p) => `bonus total ${p.claimed}, cut by the group's bonus cap of ${p.cap}: ${p.counted} counted`,
  },
  DEDUCTION_GROUP_CAP: {
    zh: (p) => `扣分合计 ${p.claimed} 分，超过本组扣分上限 ${p.cap} 分，计入 ${p.counted} 分`,
    en: (p) => `deduction total ${p.claimed}, cut by the group's deduction cap of ${p.cap}: ${p.counted} counted`,
  },
  VETO: {
    zh: (p) => `否决项“${p.name}”：最高可评“${p.maxGradeName}”`,
    en: (p) => `veto "${p.name}": "${p.maxGradeName}" at best`,
  },
  GRADE_VETOED: {
    zh: (p) => `未评“${p.gradeName}”：因否决项“${p.name}”，最高只能评“${p.maxGradeName}”`,
    en: (p) => `not "${p.gradeName}": the veto "${p.name}" allows "${p.maxGradeName}" at best`,
  },
  GRADE_BELOW_MIN: {
    zh: (p) => `未评“${p.gradeName}”：最终得分 ${p.final} 低于最低分数 ${p.minScore}`,
    en: (p) => `not "${p.gradeName}": final ${p.final} is below its minimum score ${p.minScore}`,
  },
  GRADE_QUOTA_FULL: {
    zh: (p) => `未评“${p.gradeName}”：名额 ${p.quota} 名，在 ${p.candidates} 名符合条件的对象中排第 ${p.position}`,
    en: (p) =>
      `not "${p.gradeName}": its quota is ${p.quota} and the subject is ${p.position} of ${p.candidates} candidates`,
  },
  GRADE_QUOTA_TIE: {
    zh: (p) =>
      `未评“${p.gradeName}”：名额 ${p.quota} 名，最终得分 ${p.final} 与名额线上的对象同分（共 ${p.tied} 个），同分者均不占名额`,
    en: (p) =>
      `not "${p.gradeName}": its quota is ${p.quota} and the final ${p.final} ties at the cut-off (${p.tied} subjects); all tied there are left out`,
  },
  GRADE_MIN_MET: {
    zh: (p) => `评为“${p.gradeName}”：最终得分 ${p.final} 不低于最低分数 ${p.minScore}`,
    en: (p) => `"${p.gradeName}": final ${p.final} reaches its minimum score ${p.minScore}`,
  },
  GRADE_QUOTA_WITHIN: {
    zh: (p) => `评为“${p.gradeName}”：名额 ${p.quota} 名，在 ${p.candidates} 名符合条件的对象中排第 ${p.position}`,
    en: (p) => `"${p.gradeName}": ${p.position} of ${p.candidates} candidates, within its quota of ${p.quota}`,
  },
  GRADE_OPEN: {
    zh: (p) => `评为“${p.gradeName}”：该等次没有分数或名额条件`,
    en: (p) => `"${p.gradeName}": the grade has no score or quota condition`,
  },
  GRADE_REST: {
    zh: (p) => `评为“${p.gradeName}”：未进入以上等次`,
    en: (p) => `"${p.gradeName}": not in a grade above`,
  },
  SOURCE_ONLY: {
    zh: (p) => `采用${sourceName(p.source, 'zh')}值（无其他来源）`,
    en: (p) => `the ${sourceName(p.source, 'en')} value (no other source)`,
  },
  SOURCE_PRIORITY: {
    zh: (p) => `采用${sourceName(p.source, 'zh')}值（复核优先于监测，监测优先于自评）`,
    en: (p) => `the ${sourceName(p.source, 'en')} value (review over monitor over self)`,
  },
  SOURCES_AGREE: {
    zh: (p) => `采用${sourceName(p.source, 'zh')}值，各来源一致`,
    en: (p) => `the ${sourceName(p.source, 'en')} value; the sources agree`,
  },
  REVIEW_SETTLED: {
    zh: () => '自评与监测值不一致，采用复核值',
    en: () => 'self and monitor values differ; the review value is used',
  },
  WITHIN_THRESHOLD: {
    zh: (p) => `自评与监测值相差 ${p.difference}，未超过复核阈值 ${p.threshold}，采用${sourceName(p.source, 'zh')}值`,
    en: (p) =>
      `self and monitor differ by ${p.difference}, within the review threshold ${p.threshold}; the ${sourceName(p.source, 'en')} value is used`,
  },
  DISCREPANCY_OPEN: {
    zh: (p) =>
      `自评与监测值相差 ${p.difference}，超过复核阈值 ${p.threshold}，尚未复核，采用${sourceName(p.source, 'zh')}值`,
    en: (p) =>
      `self and monitor differ by ${p.difference}, beyond the review threshold ${p.threshold}, not yet reviewed; the ${sourceName(p.source, 'en')} value is used`,
  },
} satisfies Record<string, LineTexts>;

export type ReceiptCode = keyof typeof RECEIPT_TEXTS;
export const RECEIPT_CODES = Object.keys(RECEIPT_TEXTS) as ReceiptCode[];

/** One reason on a receipt. */
export interface ReceiptLine {
  readonly code: ReceiptCode;
  readonly params: LineParams;
}

/** A line in `lang` (an unknown code, e.g. from a newer writer: the code itself). */
export function formatLine(line: { code: string; params?: LineParams }, lang: Lang): string {
  const t = (RECEIPT_TEXTS as Record<string, LineTexts>)[line.code];
  return t ? t[lang](line.params ?? {}) : line.code;
}
