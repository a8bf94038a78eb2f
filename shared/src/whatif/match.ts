/**
 * What-if matching: a dataset collected under one scheme, read by another definition (next
 * year's DRAFT, or this year's with a rule, weight or quota changed). Subjects, indicators and
 * rules are matched by code; what the definition does not know is left out and listed, never an
 * error. Pure, for the server's `simulate` and the console's in-browser what-if alike.
 */
import { compileScheme } from '../engine/compile';
import type { Problem } from '../scheme/problems';
import type { Adjustment, Dataset, Input, Scheme, Subject } from '../scheme/types';
import { validateDatasetFor } from '../scheme/validate-dataset';

/** Codes in the data that the definition does not know, each once, in the order first met. */
export interface Unmatched {
  /** Subjects whose group is not in the definition (or members whose unit was left out). */
  subjects: string[];
  /** Indicators a kept subject has an input for but its group's tree does not hold. */
  indicators: string[];
  /** Rules a kept subject has an adjustment for that the definition lacks or no longer applies to its group. */
  rules: string[];
}

export interface MatchedDataset {
  dataset: Dataset;
  unmatched: Unmatched;
  /**
   * What still cannot be evaluated after matching (an input the changed method refuses, a ranged
   * rule's event without points), with paths into the dataset as given.
   */
  problems: Problem[];
}

/** What subjects and inputs come to under a definition: depends only on its groups' codes, kinds and leaves' methods. */
interface InputsPart {
  subjects: Subject[];
  inputs: Input[];
  groupOf: Map<string, string>;
  unmatchedSubjects: string[];
  unmatchedIndicators: string[];
  subjectAt: number[];
  inputAt: number[];
  problems: Problem[];
}

// The page re-matches on every change of a weight or quota, which leaves this part as it was:
// kept per dataset object (datasets are not changed while in use), for the last structure seen.
const memo = new WeakMap<Dataset, { key: string; part: InputsPart }>();

/** `scheme` must be valid (validateScheme). The given dataset is not changed; unchanged rows are shared. */
export function matchDataset(scheme: Scheme, dataset: Dataset): MatchedDataset {
  const cs = compileScheme(scheme);
  const key = JSON.stringify(cs.groups.map((g) => [g.code, g.kind, g.leaves.map((l) => [l.code, l.indicator.method])]));
  let hit = memo.get(dataset);
  if (!hit || hit.key !== key) memo.set(dataset, (hit = { key, part: matchInputs(scheme, dataset) }));
  const part = hit.part;

  // adjustments: a rule of the definition that applies to the subject's group; points as the rule now takes them
  const rules: string[] = [];
  const adjustmentAt: number[] = [];
  const adjustments: Adjustment[] = [];
  for (const [i, a] of (dataset.adjustments ?? []).entries()) {
    const gc = part.groupOf.get(a.subject);
    if (gc === undefined) continue;
    const ri = cs.ruleByCode.get(a.rule);
    if (ri === undefined || !cs.groupByCode.get(gc)!.rules.has(ri)) {
      if (!rules.includes(a.rule)) rules.push(a.rule);
      continue;
    }
    adjustmentAt.push(i);
    adjustments.push(fitPoints(a, cs.rules[ri]));
  }
  const adjustmentProblems = validateDatasetFor(scheme, {
    formatVersion: 1,
    subjects: part.subjects,
    inputs: [],
    adjustments,
  })
    .filter((p) => p.path.startsWith('/adjustments/'))
    .map((p) => ({
      ...p,
      path: originalPath(p.path, { subjects: part.subjectAt, inputs: [], adjustments: adjustmentAt }),
    }));
  return {
    dataset: { formatVersion: 1, subjects: part.subjects, inputs: part.inputs, adjustments },
    unmatched: { subjects: part.unmatchedSubjects, indicators: part.unmatchedIndicators, rules },
    problems: [...part.problems, ...adjustmentProblems],
  };
}

function matchInputs(scheme: Scheme, dataset: Dataset): InputsPart {
  const cs = compileScheme(scheme);
  const unmatchedSubjects: string[] = [];
  const indicators = new Set<string>();
  // subjects: known group; members also need a kept UNIT subject as their unit
  const groupOf = new Map<string, string>();
  const subjectAt: number[] = [];
  for (const s of dataset.subjects) if (cs.groupByCode.has(s.group)) groupOf.set(s.code, s.group);
  for (let i = 0; i < dataset.subjects.length; i++) {
    const s = dataset.subjects[i];
    const g = cs.groupByCode.get(s.group);
    const unitGroup =
      g?.kind === 'MEMBER' && s.unit !== undefined ? cs.groupByCode.get(groupOf.get(s.unit) ?? '') : undefined;
    if (!g || (g.kind === 'MEMBER' && unitGroup?.kind !== 'UNIT')) {
      groupOf.delete(s.code);
      if (!unmatchedSubjects.includes(s.code)) unmatchedSubjects.push(s.code);
    } else subjectAt.push(i);
  }
  const subjects: Subject[] =
    subjectAt.length === dataset.subjects.length ? dataset.subjects : subjectAt.map((i) => dataset.subjects[i]);

  // inputs: the subject kept and the indicator a leaf of its group's tree
  const inputAt: number[] = [];
  const rows = dataset.inputs;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const gc = groupOf.get(r.subject);
    if (gc === undefined) continue;
    if (cs.groupByCode.get(gc)!.leafByCode.has(r.indicator)) inputAt.push(i);
    else indicators.add(r.indicator);
  }
  const inputs: Input[] = inputAt.length === rows.length ? rows : inputAt.map((i) => rows[i]);
  const problems = validateDatasetFor(scheme, { formatVersion: 1, subjects, inputs, adjustments: [] }).map((p) => ({
    ...p,
    path: originalPath(p.path, { subjects: subjectAt, inputs: inputAt, adjustments: [] }),
  }));
  return {
    subjects,
    inputs,
    groupOf,
    unmatchedSubjects,
    unmatchedIndicators: [...indicators],
    subjectAt,
    inputAt,
    problems,
  };
}

/** A fixed-points or VETO rule takes no points; a ranged one's points are held to its (possibly narrowed) range. */
function fitPoints(a: Adjustment, rule: Scheme['rules'][number]): Adjustment {
  if (rule.minPoints === undefined) {
    if (a.points === undefined) return a;
    const { points: _dropped, ...rest } = a;
    return rest;
  }
  if (a.points === undefined) return a; // refused by validation: the event never said how many points
  const points = Math.min(rule.maxPoints!, Math.max(rule.minPoints, a.points));
  return points === a.points ? a : { ...a, points };
}

/** '/inputs/7/target' in the matched dataset → the same row's pointer in the dataset as given. */
function originalPath(path: string, at: Record<'subjects' | 'inputs' | 'adjustments', number[]>): string {
  const m = /^\/(subjects|inputs|adjustments)\/(\d+)(.*)$/.exec(path);
  if (!m) return path;
  const orig = at[m[1] as keyof typeof at][Number(m[2])];
  return orig === undefined ? path : `/${m[1]}/${orig}${m[3]}`;
}
