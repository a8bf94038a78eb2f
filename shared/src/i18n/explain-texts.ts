/**
 * Explanation parts: what a scoring method did, as a code and the numbers it used, with its
 * Chinese and English wording. A node's explanation is its method's parts followed by POINTS;
 * each part but the first brings its own separator, so the text is the parts' texts joined.
 */
import { fmt } from '../engine/rounding';

export type Lang = 'zh' | 'en';
type V = number | string | boolean;
type P = Readonly<Record<string, V>>;
interface PartTexts {
  readonly params: readonly string[];
  zh(p: P): string;
  en(p: P): string;
}

/** A rate as a percentage with up to 2 decimals: 0.334375 → "33.44%". */
export function pct(r: number): string {
  return `${fmt(r * 100, 2)}%`;
}
const n = (v: V) => fmt(v as number);
const r = (v: V) => pct(v as number);
const lowZh = (p: P) => (p.lower ? '（越低越好）' : '');
const lowEn = (p: P) => (p.lower ? ' (lower is better)' : '');

export const EXPLAIN_TEXTS = {
  MISSING_INPUT: { params: [], zh: () => '缺少数据', en: () => 'no data' },
  DIVISION_BY_ZERO: { params: [], zh: () => '除数为零', en: () => 'division by zero' },
  ACTUAL: {
    params: ['actual', 'lower'],
    zh: (p) => `实际 ${n(p.actual)}${lowZh(p)}`,
    en: (p) => `actual ${n(p.actual)}${lowEn(p)}`,
  },
  RATIO: {
    params: ['actual', 'target', 'ratio'],
    zh: (p) => `实际 ${n(p.actual)} / 目标 ${n(p.target)} = ${r(p.ratio)}`,
    en: (p) => `actual ${n(p.actual)} / target ${n(p.target)} = ${r(p.ratio)}`,
  },
  LOWER_MET: {
    params: ['actual', 'target'],
    zh: (p) => `实际 ${n(p.actual)} ≤ 目标 ${n(p.target)}（越低越好）`,
    en: (p) => `actual ${n(p.actual)} ≤ target ${n(p.target)} (lower is better)`,
  },
  LOWER_ZERO_TARGET: {
    params: ['actual'],
    zh: (p) => `实际 ${n(p.actual)} > 目标 0（越低越好）`,
    en: (p) => `actual ${n(p.actual)} > target 0 (lower is better)`,
  },
  LOWER_RATIO: {
    params: ['target', 'actual', 'ratio'],
    zh: (p) => `目标 ${n(p.target)} / 实际 ${n(p.actual)} = ${r(p.ratio)}（越低越好）`,
    en: (p) => `target ${n(p.target)} / actual ${n(p.actual)} = ${r(p.ratio)} (lower is better)`,
  },
  CAPPED: { params: ['rate'], zh: (p) => `，封顶 ${r(p.rate)}`, en: (p) => `, capped at ${r(p.rate)}` },
  FLOORED: { params: ['rate'], zh: (p) => `，保底 ${r(p.rate)}`, en: (p) => `, floored at ${r(p.rate)}` },
  LADDER_STEP: {
    params: ['atLeast', 'bound', 'ratio', 'rate'],
    zh: (p) => `，达到 ${p.atLeast ? '≥' : '≤'} ${p.ratio ? r(p.bound) : n(p.bound)} 档，得分率 ${r(p.rate)}`,
    en: (p) => `, step ${p.atLeast ? '≥' : '≤'} ${p.ratio ? r(p.bound) : n(p.bound)} reached, rate ${r(p.rate)}`,
  },
  LADDER_NO_STEP: { params: [], zh: () => '，未达任何档次', en: () => ', no step reached' },
  RANK_POSITION: {
    params: ['rank', 'peers'],
    zh: (p) => `，在 ${p.peers} 个参评对象中排第 ${p.rank} 名`,
    en: (p) => `, rank ${p.rank} of ${p.peers}`,
  },
  PEER_RANGE: {
    params: ['min', 'max'],
    zh: (p) => `，同组最低 ${n(p.min)}、最高 ${n(p.max)}`,
    en: (p) => `, group min ${n(p.min)}, max ${n(p.max)}`,
  },
  RATE: { params: ['rate'], zh: (p) => `，得分率 ${r(p.rate)}`, en: (p) => `, rate ${r(p.rate)}` },
  GRADE_LEVEL: {
    params: ['grade', 'rate'],
    zh: (p) => `等级 ${p.grade}（${r(p.rate)}）`,
    en: (p) => `grade ${p.grade} (${r(p.rate)})`,
  },
  SCORE: {
    params: ['score', 'max', 'rate'],
    zh: (p) => `评分 ${n(p.score)} / ${n(p.max)} = ${r(p.rate)}`,
    en: (p) => `score ${n(p.score)} / ${n(p.max)} = ${r(p.rate)}`,
  },
  SURVEY: {
    params: ['ballots', 'rate'],
    zh: (p) => `测评 ${p.ballots} 票，加权得分率 ${r(p.rate)}`,
    en: (p) => `survey of ${p.ballots} ballots, weighted rate ${r(p.rate)}`,
  },
  FORMULA: {
    params: ['value'],
    zh: (p) => `公式结果 ${n(p.value)} = ${r(p.value)}`,
    en: (p) => `formula gives ${n(p.value)} = ${r(p.value)}`,
  },
  LINKED: {
    params: ['final', 'ratio'],
    zh: (p) => `所在单位最终得分 ${n(p.final)} / 100 = ${r(p.ratio)}`,
    en: (p) => `unit's final score ${n(p.final)} / 100 = ${r(p.ratio)}`,
  },
  /** The engine's tail: the points out of maxPoints (numbers as the result gives them). */
  POINTS: {
    params: ['points', 'maxPoints'],
    zh: (p) => `，得 ${p.points} 分（满分 ${p.maxPoints} 分）`,
    en: (p) => `: ${p.points} of ${p.maxPoints} points`,
  },
} satisfies Record<string, PartTexts>;

export type ExplainCode = keyof typeof EXPLAIN_TEXTS;
export const EXPLAIN_CODES = Object.keys(EXPLAIN_TEXTS) as ExplainCode[];

/** One step of an explanation: a code and the numbers (or grade) the method used. */
export interface ExplainPart {
  readonly code: ExplainCode;
  readonly params: P;
}
/** The stored form of a part: the code, then the params' values in the catalog's order. */
export type PackedPart = readonly [ExplainCode, ...V[]];

export const part = (code: ExplainCode, params: P = {}): ExplainPart => ({ code, params });

export function packParts(parts: readonly ExplainPart[]): PackedPart[] {
  // a loop, not spread and map: one array a part (explanations are packed for every indicator of every subject)
  const out = new Array<PackedPart>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const { code, params } = parts[i];
    const keys: readonly string[] = EXPLAIN_TEXTS[code].params;
    const packed: V[] = [code];
    for (let j = 0; j < keys.length; j++) packed.push(params[keys[j]]);
    out[i] = packed as unknown as PackedPart;
  }
  return out;
}

/** Parts from their stored form; an unknown code (a newer writer) is dropped rather than misread. */
export function unpackParts(packed: readonly (readonly unknown[])[]): ExplainPart[] {
  const out: ExplainPart[] = [];
  for (const [code, ...values] of packed) {
    const t = (EXPLAIN_TEXTS as Record<string, PartTexts>)[code as string];
    if (t)
      out.push({ code: code as ExplainCode, params: Object.fromEntries(t.params.map((k, i) => [k, values[i] as V])) });
  }
  return out;
}

/** The parts as one text in `lang`. */
export function formatParts(parts: readonly ExplainPart[], lang: Lang): string {
  let s = '';
  for (let i = 0; i < parts.length; i++) s += (EXPLAIN_TEXTS[parts[i].code] as PartTexts)[lang](parts[i].params);
  return s;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Chinese when the scheme's name has CJK characters, else English. */
export function langFor(schemeName: unknown): Lang {
  return typeof schemeName === 'string' && CJK.test(schemeName) ? 'zh' : 'en';
}
