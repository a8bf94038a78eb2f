/**
 * Explanation wording, Chinese or English. A scheme whose name contains CJK characters gets
 * Chinese explanations. Methods build their part from these phrases; the engine appends the tail
 * ("，得 2.68 分（满分 8 分）").
 */
import { fmt } from './rounding';

export interface Lang {
  readonly zh: boolean;
  readonly actual: string;
  readonly target: string;
  readonly sep: string;
  readonly lower: string;
  readonly missing: string;
  readonly divZero: string;
  readonly noStep: string;
  readonly rate: string;
  readonly capped: (pct: string) => string;
  readonly floored: (pct: string) => string;
  readonly ladder: (value: string, cond: string, pct: string) => string;
  readonly rank: (k: number, n: number) => string;
  readonly range: (min: string, max: string) => string;
  readonly grade: (g: string) => string;
  readonly score: (score: string, max: string) => string;
  readonly survey: (n: number) => string;
  readonly formula: (value: string) => string;
  readonly linked: (final: string) => string;
  readonly tail: (points: string, maxPoints: string) => string;
}

export const ZH: Lang = {
  zh: true,
  actual: '实际',
  target: '目标',
  sep: '，',
  lower: '（越低越好）',
  missing: '缺少数据',
  divZero: '除数为零',
  noStep: '未达任何档次',
  rate: '得分率',
  capped: (p) => `封顶 ${p}`,
  floored: (p) => `保底 ${p}`,
  ladder: (v, c, p) => `${v}，达到 ${c} 档，得分率 ${p}`,
  rank: (k, n) => `在 ${n} 个参评对象中排第 ${k} 名`,
  range: (min, max) => `同组最低 ${min}、最高 ${max}`,
  grade: (g) => `等级 ${g}`,
  score: (s, m) => `评分 ${s} / ${m}`,
  survey: (n) => `测评 ${n} 票，加权`,
  formula: (v) => `公式结果 ${v}`,
  linked: (f) => `所在单位最终得分 ${f} / 100`,
  tail: (pts, max) => `，得 ${pts} 分（满分 ${max} 分）`,
};

export const EN: Lang = {
  zh: false,
  actual: 'actual',
  target: 'target',
  sep: ', ',
  lower: ' (lower is better)',
  missing: 'no data',
  divZero: 'division by zero',
  noStep: 'no step reached',
  rate: 'rate',
  capped: (p) => `capped at ${p}`,
  floored: (p) => `floored at ${p}`,
  ladder: (v, c, p) => `${v}, step ${c} reached, rate ${p}`,
  rank: (k, n) => `rank ${k} of ${n}`,
  range: (min, max) => `group min ${min}, max ${max}`,
  grade: (g) => `grade ${g}`,
  score: (s, m) => `score ${s} / ${m}`,
  survey: (n) => `survey of ${n} ballots, weighted`,
  formula: (v) => `formula gives ${v}`,
  linked: (f) => `unit's final score ${f} / 100`,
  tail: (pts, max) => `: ${pts} of ${max} points`,
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Chinese when the scheme's name has CJK characters, else English. */
export function langFor(schemeName: unknown): Lang {
  return typeof schemeName === 'string' && CJK.test(schemeName) ? ZH : EN;
}

/** A rate as a percentage with up to 2 decimals: 0.334375 → "33.44%". */
export function pct(r: number): string {
  return `${fmt(r * 100, 2)}%`;
}

/** Adds the "capped"/"floored" note when the clamp changed the rate. */
export function clampNote(lang: Lang, raw: number, s: number): string {
  if (s < raw) return lang.sep + lang.capped(pct(s));
  if (s > raw) return lang.sep + lang.floored(pct(s));
  return '';
}
