/** Bonus, deduction and veto rules for one subject, applied after the tree is scored and before grading. */
import type { Adjustment, Rule } from '../scheme/types';
import { POW10, roundScaled } from './rounding';

export interface AdjustmentOutcome {
  /** Rounded, as integer counts of 10^-precision. */
  bonus: number;
  deduction: number;
  /** One entry per BONUS/DEDUCTION rule with events, in rule order: subtotal after maxPerSubject, rounded. */
  list: { rule: string; points: number }[];
  vetoes: string[];
  /** Index of the best grade the vetoes allow (0 when no veto). */
  vetoCap: number;
  /** Per entry of `list`: the points claimed before the rule's maxPerSubject (unrounded). */
  claimed: number[];
  /** Bonus and deduction before the group's caps (sums of the counted subtotals, unrounded). */
  bonusClaimed: number;
  deductionClaimed: number;
}

/**
 * Applies a subject's events. `ruleIndex` maps rule codes to their index in `rules`;
 * `gradeIndex` maps grade codes to their index (best first).
 */
export function applyAdjustments(
  events: readonly Adjustment[] | undefined,
  rules: readonly Rule[],
  ruleIndex: ReadonlyMap<string, number>,
  gradeIndex: ReadonlyMap<string, number>,
  bonusCap: number | null,
  deductionCap: number | null,
  precision: number,
): AdjustmentOutcome {
  const res: AdjustmentOutcome = {
    bonus: 0,
    deduction: 0,
    list: [],
    vetoes: [],
    vetoCap: 0,
    claimed: [],
    bonusClaimed: 0,
    deductionClaimed: 0,
  };
  if (!events || events.length === 0) return res;
  // subtotal per rule, in rule order (a few rules: an array beats a Map and a sort)
  const sums = new Array<number>(rules.length).fill(NaN);
  for (const ev of events) {
    const ri = ruleIndex.get(ev.rule)!;
    const rule = rules[ri];
    const pts = rule.kind === 'VETO' ? 0 : (rule.points ?? ev.points ?? 0) * (ev.count ?? 1);
    const before = sums[ri];
    sums[ri] = (before === before ? before : 0) + pts;
  }
  let bonus = 0;
  let deduction = 0;
  for (let ri = 0; ri < sums.length; ri++) {
    if (sums[ri] !== sums[ri]) continue; // no event for this rule
    const rule = rules[ri];
    if (rule.kind === 'VETO') {
      res.vetoes.push(rule.code);
      const gi = gradeIndex.get(rule.maxGrade!)!;
      if (gi > res.vetoCap) res.vetoCap = gi;
      continue;
    }
    const raw = sums[ri];
    const sub = rule.maxPerSubject !== undefined && raw > rule.maxPerSubject ? rule.maxPerSubject : raw;
    res.list.push({ rule: rule.code, points: roundScaled(sub, precision) / POW10[precision] });
    res.claimed.push(raw);
    if (rule.kind === 'BONUS') bonus += sub;
    else deduction += sub;
  }
  res.bonusClaimed = bonus;
  res.deductionClaimed = deduction;
  res.bonus = roundScaled(bonusCap !== null && bonus > bonusCap ? bonusCap : bonus, precision);
  res.deduction = roundScaled(deductionCap !== null && deduction > deductionCap ? deductionCap : deduction, precision);
  return res;
}
