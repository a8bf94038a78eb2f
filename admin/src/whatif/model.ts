// The what-if page's pure part: edits of a definition and one re-evaluation with the shared engine
// (validate the definition, match the data by code, evaluate without explanations, compare).
import {
  evaluateValidated,
  matchDataset,
  movedSubjects,
  standingsOf,
  validateScheme,
  walkTree,
  whatIfSubjects,
  type Dataset,
  type Problem,
  type Scheme,
  type SchemeNode,
  type Standing,
  type Unmatched,
  type WhatIfSubject,
} from '@kaoping/shared';
import type { BeforeRun } from './api';

/** The page's state: the edited definition with every rule, and the rules switched off. */
export interface Variant {
  definition: Scheme;
  off: string[];
}

/** What is evaluated: the edited definition without the rules switched off. */
export const definitionOf = (v: Variant): Scheme =>
  v.off.length
    ? { ...v.definition, rules: (v.definition.rules ?? []).filter(r => !v.off.includes(r.code)) }
    : v.definition;

const mapNode = (n: SchemeNode, code: string, f: (n: SchemeNode) => SchemeNode): SchemeNode => {
  if (n.code === code) return f(n);
  return 'children' in n ? { ...n, children: n.children.map(c => mapNode(c, code, f)) } : n;
};

export const setWeight = (d: Scheme, group: string, node: string, weight: number): Scheme => ({
  ...d,
  groups: d.groups.map(g => (g.code === group ? { ...g, root: mapNode(g.root, node, n => ({ ...n, weight })) } : g)),
});

/** Sets (or, with undefined, removes) one field of a grade, a rule or a group. */
const setField = <T extends object>(o: T, field: string, value: unknown): T => {
  const out = { ...o } as Record<string, unknown>;
  if (value === undefined) delete out[field];
  else out[field] = value;
  return out as T;
};
export const setGrade = (d: Scheme, i: number, field: 'minScore' | 'maxShare', value: number | undefined): Scheme => ({
  ...d,
  grades: d.grades.map((g, k) => (k === i ? setField(g, field, value) : g)),
});
export const setRule = (
  d: Scheme,
  code: string,
  field: 'points' | 'minPoints' | 'maxPoints' | 'maxPerSubject' | 'maxGrade',
  value: number | string | undefined,
): Scheme => ({
  ...d,
  rules: (d.rules ?? []).map(r => (r.code === code ? setField(r, field, value) : r)),
});
export const setCap = (d: Scheme, group: string, field: 'bonusCap' | 'deductionCap', value: number | null): Scheme => ({
  ...d,
  groups: d.groups.map(g => (g.code === group ? { ...g, [field]: value } : g)),
});

/** Every node of a group's tree in preorder, with its depth (the weights tab lists them). */
export const nodesOf = (root: SchemeNode): { node: SchemeNode; depth: number }[] => {
  const out: { node: SchemeNode; depth: number }[] = [];
  walkTree<SchemeNode>(root, (node, _path, depth) => out.push({ node, depth }));
  return out;
};

export interface Outcome {
  problems: Problem[];
  subjects: WhatIfSubject[];
  moved: WhatIfSubject[];
  /** Per group: grade counts before and after, in the definition's grade order. */
  groups: { group: string; before: Record<string, number>; after: Record<string, number> }[];
  unmatched: Unmatched;
  ms: number;
}

const EMPTY: Unmatched = { subjects: [], indicators: [], rules: [] };

/** The standings compared with: the data's newest run, else `baseline` evaluated over the same data. */
export const beforeOf = (run: BeforeRun | null, baseline: Scheme, dataset: Dataset): Map<string, Standing> | null => {
  if (run) return new Map(run.subjects.map(s => [s.subject, { final: s.final, rank: s.rank, grade: s.grade }]));
  if (validateScheme(baseline).length) return null;
  const m = matchDataset(baseline, dataset);
  return m.problems.length ? null : standingsOf(evaluateValidated(baseline, m.dataset, { explain: false }));
};

export const evaluateVariant = (
  definition: Scheme,
  dataset: Dataset,
  before: Map<string, Standing> | null,
): Outcome => {
  const t0 = performance.now();
  const schemeProblems = validateScheme(definition);
  if (schemeProblems.length)
    return {
      problems: schemeProblems,
      subjects: [],
      moved: [],
      groups: [],
      unmatched: EMPTY,
      ms: performance.now() - t0,
    };
  const m = matchDataset(definition, dataset);
  if (m.problems.length)
    return {
      problems: m.problems,
      subjects: [],
      moved: [],
      groups: [],
      unmatched: m.unmatched,
      ms: performance.now() - t0,
    };
  const result = evaluateValidated(definition, m.dataset, { explain: false });
  const subjects = whatIfSubjects(definition, result, before);
  const moved = movedSubjects(definition.grades, subjects);
  const groups = result.groups.map(g => {
    const beforeCounts: Record<string, number> = {};
    for (const s of subjects)
      if (s.group === g.group && s.before) beforeCounts[s.before.grade] = (beforeCounts[s.before.grade] ?? 0) + 1;
    return { group: g.group, before: beforeCounts, after: g.gradeCounts };
  });
  return { problems: [], subjects, moved, groups, unmatched: m.unmatched, ms: performance.now() - t0 };
};

/** Scores per 10-point band, before and after (below 60 together), for the chart. */
export const distributionOf = (subjects: WhatIfSubject[], group: string | null) => {
  const bands = [0, 60, 70, 80, 90, 100];
  const of = (x: number) => bands.findLastIndex((b, i) => i < bands.length - 1 && (i === 0 || x >= b));
  const rows = bands
    .slice(0, -1)
    .map((from, i) => ({ name: i === 0 ? `<${bands[1]}` : `${from}–${bands[i + 1]}`, before: 0, after: 0 }));
  for (const s of subjects) {
    if (group && s.group !== group) continue;
    rows[of(s.final)].after++;
    if (s.before) rows[of(s.before.final)].before++;
  }
  return rows;
};
