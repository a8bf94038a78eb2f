/** Grade assignment, the last step once final scores are known: thresholds, exact quotas with tie exclusion, vetoes. */
import type { Grade } from '../scheme/types';

/** floor(maxShare × n), computed exactly on maxShare's decimal digits: shareQuota(0.7, 90) === 63. */
export function shareQuota(maxShare: number, n: number): number {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(maxShare));
  if (!m) throw new Error(`bad maxShare ${maxShare}`);
  const frac = m[2] ?? '';
  let digits = BigInt(m[1] + frac);
  let scale = frac.length - Number(m[3] ?? 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return Number((digits * BigInt(n)) / 10n ** BigInt(scale));
}

/** Why a subject is not in a grade better than its own (per subject and grade in GradeTrace.missed). */
export const enum Missed {
  None = 0,
  BelowMin = 1,
  Veto = 2,
  QuotaFull = 3,
  QuotaTie = 4,
}

/**
 * How the grades of a group were decided, for receipts: per subject × grade (subject i, grade g at
 * i × grades + g) why a better grade was missed and the subject's position among that grade's
 * candidates (by final, 1 = best; 0 when not a candidate); per grade its quota (-1: none), the
 * number of candidates and the final at the cut-off (NaN when the quota was not reached).
 */
export interface GradeTrace {
  readonly missed: Uint8Array;
  readonly position: Int32Array;
  readonly quota: Int32Array;
  readonly candidates: Int32Array;
  readonly cut: Float64Array;
}

/**
 * Grades for one group. `finals` are the rounded finals, `vetoCap[i]` the index of the worst
 * grade a veto allows subject i (0 = no veto). Returns each subject's grade index; `trace`
 * (when given) is filled with why (see GradeTrace) while the grades are decided.
 */
export function assignGrades(
  grades: readonly Grade[],
  finals: readonly number[],
  vetoCap: readonly number[],
  trace?: GradeTrace,
): number[] {
  const n = finals.length;
  const G = grades.length;
  const result = new Array<number>(n).fill(-1);
  const last = G - 1;
  for (let gi = 0; gi < last; gi++) {
    const g = grades[gi];
    const cand: number[] = [];
    for (let i = 0; i < n; i++) {
      if (result[i] >= 0) continue;
      if (vetoCap[i] > gi) {
        if (trace) trace.missed[i * G + gi] = Missed.Veto;
        continue;
      }
      if (g.minScore !== undefined && finals[i] < g.minScore) {
        if (trace) trace.missed[i * G + gi] = Missed.BelowMin;
        continue;
      }
      cand.push(i);
    }
    if (trace) {
      trace.candidates[gi] = cand.length;
      trace.quota[gi] = -1;
      trace.cut[gi] = NaN;
    }
    if (g.maxShare === undefined) {
      for (const i of cand) result[i] = gi;
      continue;
    }
    const quota = shareQuota(g.maxShare, n);
    if (trace) trace.quota[gi] = quota;
    cand.sort((a, b) => finals[b] - finals[a]);
    if (trace) for (let k = 0; k < cand.length; k++) trace.position[cand[k] * G + gi] = k + 1;
    if (cand.length <= quota) {
      for (const i of cand) result[i] = gi;
      continue;
    }
    const cut = finals[cand[quota]]; // the first one that does not fit: all tied with it stay out
    for (let k = 0; k < quota && finals[cand[k]] > cut; k++) result[cand[k]] = gi;
    if (trace) {
      trace.cut[gi] = cut;
      for (const i of cand)
        if (result[i] < 0) trace.missed[i * G + gi] = finals[i] === cut ? Missed.QuotaTie : Missed.QuotaFull;
    }
  }
  for (let i = 0; i < n; i++) if (result[i] < 0) result[i] = last;
  return result;
}

export function newGradeTrace(subjects: number, grades: number): GradeTrace {
  return {
    missed: new Uint8Array(subjects * grades),
    position: new Int32Array(subjects * grades),
    quota: new Int32Array(grades),
    candidates: new Int32Array(grades),
    cut: new Float64Array(grades),
  };
}
