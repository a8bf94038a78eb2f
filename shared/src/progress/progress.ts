/**
 * Progress through the year (督查): quarterly and half-year values are cumulative to date; each
 * indicator and subject's value to date is set against its annual target and the share of the
 * year elapsed, and given a warning level by how many percentage points it is behind schedule.
 * Pure: the caller gives the period (or the share of the year); nothing here reads a clock.
 * Progress never changes a score: only ANNUAL inputs are scored.
 */
import { methodInputFields } from '../input/fields';
import { roundHalfUp } from '../engine/rounding';
import {
  isCategory,
  type Direction,
  type IndicatorNode,
  type Scheme,
  type SchemeNode,
  type Subject,
} from '../scheme/types';

export type ProgressPeriod = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2' | 'ANNUAL';
export type ProgressLevel = 'ON_TRACK' | 'BEHIND' | 'FAR_BEHIND';
/**
 * Why an item has no level: NO_VALUE (nothing reported for the period), NOT_APPLICABLE (reported as
 * not applicable), NO_TARGET (no annual target to measure against), TARGET_NOT_POSITIVE (a
 * higher-is-better target ≤ 0 gives no completion share).
 */
export type ProgressNote = 'NO_VALUE' | 'NOT_APPLICABLE' | 'NO_TARGET' | 'TARGET_NOT_POSITIVE';

/** Share of the year (%) a period's cumulative value should have reached. */
export const PERIOD_SHARE: Readonly<Record<ProgressPeriod, number>> = {
  Q1: 25,
  Q2: 50,
  H1: 50,
  Q3: 75,
  Q4: 100,
  H2: 100,
  ANNUAL: 100,
};

/** Percentage points behind schedule from which an item is BEHIND / FAR_BEHIND. */
export interface ProgressThresholds {
  behind: number;
  farBehind: number;
}
export const DEFAULT_THRESHOLDS: Readonly<ProgressThresholds> = { behind: 10, farBehind: 25 };

/** The scheme's thresholds (its optional `progress` key), the defaults for what it leaves out. */
export function progressThresholds(scheme: Pick<Scheme, 'progress'>): ProgressThresholds {
  return {
    behind: scheme.progress?.behind ?? DEFAULT_THRESHOLDS.behind,
    farBehind: scheme.progress?.farBehind ?? DEFAULT_THRESHOLDS.farBehind,
  };
}

/** One reported value: the effective input of the period (REVIEW over MONITOR over SELF), and the annual target when the period's input has none. */
export interface ProgressValue {
  subject: string;
  indicator: string;
  actual?: number;
  target?: number;
  notApplicable?: boolean;
  /** The target of the ANNUAL input, used when the period's input gives none. */
  annualTarget?: number;
}

export interface ProgressItem {
  subject: string;
  indicator: string;
  direction: Direction;
  /** Value to date (cumulative); null when not reported. */
  actual: number | null;
  target: number | null;
  /** Share of the year elapsed, %. */
  expected: number;
  /** HIGHER: value to date ÷ target; LOWER: the share of the target (a ceiling) used so far; % to 2 places. */
  completion: number | null;
  /** Percentage points behind schedule (negative: ahead); 2 places. */
  gap: number | null;
  level: ProgressLevel | null;
  note: ProgressNote | null;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Levels from the points behind schedule: at or beyond a threshold counts. */
export function levelOf(gap: number, t: ProgressThresholds): ProgressLevel {
  return gap >= t.farBehind ? 'FAR_BEHIND' : gap >= t.behind ? 'BEHIND' : 'ON_TRACK';
}

/**
 * One item's figures. HIGHER: completion = actual ÷ target, gap = expected − completion.
 * LOWER (a ceiling such as accidents or energy use): completion is the share of the ceiling used,
 * gap = completion − expected (using it up faster than the year goes is falling behind); a ceiling
 * of 0 is kept only while nothing is used (completion has no meaning there).
 */
export function measure(
  direction: Direction,
  actual: number,
  target: number,
  expected: number,
  t: ProgressThresholds,
): Pick<ProgressItem, 'completion' | 'gap' | 'level' | 'note'> {
  if (direction === 'LOWER' && target <= 0) {
    const over = actual > target;
    return { completion: null, gap: null, level: over ? 'FAR_BEHIND' : 'ON_TRACK', note: null };
  }
  if (target <= 0) return { completion: null, gap: null, level: null, note: 'TARGET_NOT_POSITIVE' };
  const completion = roundHalfUp((actual / target) * 100, 2);
  const gap = roundHalfUp(direction === 'LOWER' ? completion - expected : expected - completion, 2);
  return { completion, gap, level: levelOf(gap, t), note: null };
}

/** Indicators whose progress can be measured: those whose method reads a numeric `actual`. */
function measurable(node: SchemeNode, out: IndicatorNode[]): IndicatorNode[] {
  if (isCategory(node)) node.children.forEach((c) => measurable(c, out));
  else if (methodInputFields(node.method).includes('actual')) out.push(node);
  return out;
}

export function directionOf(indicator: IndicatorNode): Direction {
  return (indicator.method as { direction?: Direction }).direction ?? 'HIGHER';
}

/**
 * Every subject × measurable indicator of its group, in subject then scheme order. `share` is the
 * share of the year elapsed in % (PERIOD_SHARE[period] for a period's report).
 */
export function progressOf(
  scheme: Scheme,
  subjects: Subject[],
  values: ProgressValue[],
  share: number,
): ProgressItem[] {
  const t = progressThresholds(scheme);
  const byGroup = new Map(scheme.groups.map((g) => [g.code, measurable(g.root, [])]));
  const byKey = new Map(values.map((v) => [`${v.subject}\u0000${v.indicator}`, v]));
  const out: ProgressItem[] = [];
  for (const s of subjects) {
    for (const ind of byGroup.get(s.group) ?? []) {
      const v = byKey.get(`${s.code}\u0000${ind.code}`);
      const direction = directionOf(ind);
      const target = v && num(v.target) ? v.target : v && num(v.annualTarget) ? v.annualTarget : null;
      const actual = v && num(v.actual) && !v.notApplicable ? v.actual : null;
      const item: ProgressItem = {
        subject: s.code,
        indicator: ind.code,
        direction,
        actual,
        target,
        expected: share,
        completion: null,
        gap: null,
        level: null,
        note: null,
      };
      if (v?.notApplicable) item.note = 'NOT_APPLICABLE';
      else if (actual === null) item.note = 'NO_VALUE';
      else if (target === null) item.note = 'NO_TARGET';
      else Object.assign(item, measure(direction, actual, target, share, t));
      out.push(item);
    }
  }
  return out;
}
