import type { Json } from './server';

/**
 * A GraphQL `SubjectResult` in the engine's result shape (shared `SubjectResult`), so it can be
 * compared with `district-2023.expected.json`: names and explanations dropped, out nodes bare.
 */
export function engineShape(s: Json): Json {
  return {
    subject: s.subject.code,
    group: s.group,
    base: s.base,
    bonus: s.bonus,
    deduction: s.deduction,
    final: s.final,
    rank: s.rank,
    grade: s.grade,
    vetoes: s.vetoes,
    nodes: s.nodes.map((n: Json) =>
      n.out
        ? { code: n.code, out: true }
        : { code: n.code, maxPoints: n.maxPoints, points: n.points, ...(n.rate === null ? {} : { rate: n.rate }) },
    ),
    adjustments: s.adjustments,
    warnings: s.warnings,
  };
}
