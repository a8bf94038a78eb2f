/**
 * How far each subject is from the next better grade under a definition's bands: the points its
 * final must rise by, everyone else's finals unchanged, to reach the next grade's band (its
 * minScore) — the smallest such raise. Null where no score decides: the best grade already, a veto
 * that caps the subject below it, or a quota (the next grade has no band or its places are taken,
 * or the subject already competes for a better grade that has only a quota: its position, not a
 * score, decides).
 */
import { compileScheme } from '../engine/compile';
import { assignGrades, shareQuota } from '../engine/grading';
import { POW10 } from '../engine/rounding';
import type { Result, Scheme } from '../scheme/types';

export type NextGradeBlock = 'BEST_GRADE' | 'VETO' | 'QUOTA';

export interface NextGrade {
  /** Points to add to the final (a multiple of 10^-precision); null when `block` says why not. */
  points: number | null;
  block: NextGradeBlock | null;
}

/** One entry per `result.subjects` entry, same order. `result` must be `scheme` evaluated. */
export function nextGrades(scheme: Scheme, result: Result): NextGrade[] {
  const cs = compileScheme(scheme);
  const grades = scheme.grades;
  const unit = POW10[cs.precision];
  const out: NextGrade[] = new Array(result.subjects.length);
  const byGroup = new Map<string, number[]>();
  result.subjects.forEach((s, i) => {
    const list = byGroup.get(s.group);
    if (list) list.push(i);
    else byGroup.set(s.group, [i]);
  });
  for (const ids of byGroup.values()) {
    const n = ids.length;
    const finals = ids.map((i) => result.subjects[i].final);
    const grade = ids.map((i) => cs.gradeIndex.get(result.subjects[i].grade)!);
    const vetoCap = ids.map((i) =>
      result.subjects[i].vetoes.reduce(
        (cap, code) => Math.max(cap, cs.gradeIndex.get(cs.rules[cs.ruleByCode.get(code)!].maxGrade!)!),
        0,
      ),
    );
    // per grade: how many subjects compete for it now (not placed better, not vetoed below it, score enough)
    const competing = grades.map((g, j) => {
      let c = 0;
      for (let k = 0; k < n; k++)
        if (grade[k] >= j && vetoCap[k] <= j && (g.minScore === undefined || finals[k] >= g.minScore)) c++;
      return c;
    });
    const quota = grades.map((g) => (g.maxShare === undefined ? Infinity : shareQuota(g.maxShare, n)));
    for (let k = 0; k < n; k++) {
      const g = grade[k];
      let answer: NextGrade;
      if (g === 0) answer = { points: null, block: 'BEST_GRADE' };
      else if (vetoCap[k] > g - 1) answer = { points: null, block: 'VETO' };
      else answer = scoreToReach(k, g - 1);
      out[ids[k]] = answer;
    }

    function scoreToReach(k: number, j: number): NextGrade {
      const min = grades[j].minScore;
      if (min === undefined) return { points: null, block: 'QUOTA' };
      // a better grade without a band, only a quota: the subject competes for it already, by position
      if (grades.some((gr, b) => b < j && gr.minScore === undefined && gr.maxShare !== undefined && vetoCap[k] <= b))
        return { points: null, block: 'QUOTA' };
      // finals are multiples of 10^-precision: the smallest one at or above the band
      const needScaled = Math.ceil(min * unit - 1e-7) - Math.round(finals[k] * unit);
      if (needScaled <= 0) return { points: null, block: 'QUOTA' }; // scored enough; the quota left it out
      if (competing[j] + 1 > quota[j]) return { points: null, block: 'QUOTA' };
      const raised = (Math.round(finals[k] * unit) + needScaled) / unit;
      // a better grade with a quota the raised final would also compete for can push others down: check exactly
      const contested = grades.some(
        (gr, b) =>
          b < j && gr.maxShare !== undefined && vetoCap[k] <= b && (gr.minScore === undefined || raised >= gr.minScore),
      );
      if (contested) {
        const trial = finals.slice();
        trial[k] = raised;
        if (assignGrades(grades, trial, vetoCap)[k] > j) return { points: null, block: 'QUOTA' };
      }
      return { points: needScaled / unit, block: null };
    }
  }
  return out;
}
