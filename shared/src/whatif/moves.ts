/** Before and after: each subject's standing under a what-if definition next to the one it had, and who moved most. */
import type { Result, Scheme } from '../scheme/types';
import { nextGrades, type NextGradeBlock } from './next-grade';

export interface Standing {
  final: number;
  rank: number;
  grade: string;
}

export interface WhatIfSubject extends Standing {
  subject: string;
  group: string;
  /** The standing it had (a stored run, or a baseline evaluation); null when it had none. */
  before: Standing | null;
  toNextGrade: number | null;
  nextGradeBlock: NextGradeBlock | null;
}

/** Every subject of `result` (dataset order) with its before standing and distance to the next grade. */
export function whatIfSubjects(
  scheme: Scheme,
  result: Result,
  before: ReadonlyMap<string, Standing> | null,
): WhatIfSubject[] {
  const next = nextGrades(scheme, result);
  return result.subjects.map((s, i) => ({
    subject: s.subject,
    group: s.group,
    final: s.final,
    rank: s.rank,
    grade: s.grade,
    before: before?.get(s.subject) ?? null,
    toNextGrade: next[i].points,
    nextGradeBlock: next[i].block,
  }));
}

/**
 * Grades moved (positive: better now), by the definition's grade order; a grade the definition no
 * longer has counts as a move of one.
 */
export function gradeSteps(grades: Scheme['grades'], before: string, after: string): number {
  if (before === after) return 0;
  const b = grades.findIndex((g) => g.code === before);
  const a = grades.findIndex((g) => g.code === after);
  return b < 0 || a < 0 ? 1 : b - a;
}

/**
 * The subjects whose grade or rank changed, the largest moves first: grades moved, then ranks
 * moved, then the change of final (all by size); ties keep dataset order.
 */
export function movedSubjects(grades: Scheme['grades'], subjects: readonly WhatIfSubject[]): WhatIfSubject[] {
  const moved = subjects.filter((s) => s.before && (s.before.grade !== s.grade || s.before.rank !== s.rank));
  const size = (s: WhatIfSubject) => [
    Math.abs(gradeSteps(grades, s.before!.grade, s.grade)),
    Math.abs(s.before!.rank - s.rank),
    Math.abs(s.final - s.before!.final),
  ];
  const keyed = moved.map((s, i) => ({ s, i, k: size(s) }));
  keyed.sort((x, y) => y.k[0] - x.k[0] || y.k[1] - x.k[1] || y.k[2] - x.k[2] || x.i - y.i);
  return keyed.map((x) => x.s);
}

/** Standings by subject code, from a result. */
export function standingsOf(result: Result): Map<string, Standing> {
  return new Map(result.subjects.map((s) => [s.subject, { final: s.final, rank: s.rank, grade: s.grade }]));
}
