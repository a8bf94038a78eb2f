/** Grade assignment (scheme-format.md §3 step 6): thresholds, exact quotas with tie exclusion, vetoes. */
import type { Grade } from '../scheme/types';

/** floor(maxShare × n), computed exactly on maxShare's decimal digits: shareQuota(0.7, 90) === 63. */
export function shareQuota(maxShare: number, n: number): number {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(maxShare));
  if (!m) throw new Error(`bad maxShare ${maxShare}`);
  const frac = m[2] ?? '';
  let digits = BigInt(m[1] + frac);
  let scale = frac.length - Number(m[3] ?? 0);
  if (scale < 0) { digits *= 10n ** BigInt(-scale); scale = 0; }
  return Number((digits * BigInt(n)) / 10n ** BigInt(scale));
}

/**
 * Grades for one group. `finals` are the rounded finals, `vetoCap[i]` the index of the worst
 * grade a veto allows subject i (0 = no veto). Returns each subject's grade index.
 */
export function assignGrades(grades: readonly Grade[], finals: readonly number[], vetoCap: readonly number[]): number[] {
  const n = finals.length;
  const result = new Array<number>(n).fill(-1);
  const last = grades.length - 1;
  for (let gi = 0; gi < last; gi++) {
    const g = grades[gi];
    const cand: number[] = [];
    for (let i = 0; i < n; i++) {
      if (result[i] < 0 && vetoCap[i] <= gi && (g.minScore === undefined || finals[i] >= g.minScore)) cand.push(i);
    }
    if (g.maxShare === undefined) {
      for (const i of cand) result[i] = gi;
      continue;
    }
    const quota = shareQuota(g.maxShare, n);
    if (cand.length <= quota) {
      for (const i of cand) result[i] = gi;
      continue;
    }
    cand.sort((a, b) => finals[b] - finals[a]);
    const cut = finals[cand[quota]]; // the first one that does not fit: all tied with it stay out
    for (let k = 0; k < quota && finals[cand[k]] > cut; k++) result[cand[k]] = gi;
  }
  for (let i = 0; i < n; i++) if (result[i] < 0) result[i] = last;
  return result;
}
