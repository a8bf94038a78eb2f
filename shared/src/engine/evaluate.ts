/** evaluate(): a valid scheme and dataset → the result (scheme-format.md §3, §4). Pure. */
import { ValidationError } from '../scheme/problems';
import type { Adjustment, Dataset, GroupResult, Input, Result, Scheme, SubjectResult } from '../scheme/types';
import { validateDatasetFor } from '../scheme/validate-dataset';
import { validateScheme } from '../scheme/validate-scheme';
import { applyAdjustments } from './adjustments';
import { compileScheme, type CompiledGroup, type CompiledScheme } from './compile';
import { assignGrades } from './grading';
import { peersOf } from './peers';
import { competitionRanks } from './ranking';
import { POW10 } from './rounding';
import { TreeScorer } from './tree';

export interface EvaluateOptions {
  /** Include an `explain` string on every indicator node (default true). */
  explain?: boolean;
}

/** Validates both, then evaluates. Throws ValidationError (with every problem) when either is invalid. */
export function evaluate(scheme: Scheme, dataset: Dataset, opts?: EvaluateOptions): Result {
  const sp = validateScheme(scheme);
  if (sp.length) throw new ValidationError(sp, 'scheme');
  const dp = validateDatasetFor(scheme, dataset);
  if (dp.length) throw new ValidationError(dp, 'dataset');
  return evaluateValidated(scheme, dataset, opts);
}

/** Evaluates a scheme and dataset already known to be valid (skips validation). */
export function evaluateValidated(scheme: Scheme, dataset: Dataset, opts?: EvaluateOptions): Result {
  const cs = compileScheme(scheme);
  const explain = opts?.explain ?? true;
  const subjects = dataset.subjects;
  const n = subjects.length;
  const index = new Map<string, number>();
  const groupOf: CompiledGroup[] = new Array(n);
  const members: number[][] = cs.groups.map(() => []);
  for (let i = 0; i < n; i++) {
    const g = cs.groupByCode.get(subjects[i].group)!;
    index.set(subjects[i].code, i);
    groupOf[i] = g;
    members[g.index].push(i);
  }
  const inputs: (Input | undefined)[][] = groupOf.map((g) => new Array(g.leaves.length));
  // not-applicable flags per subject and leaf, read once per row (rows have many shapes: slow reads)
  const na: Uint8Array[] = groupOf.map((g) => new Uint8Array(g.leaves.length));
  const rows = dataset.inputs;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const i = index.get(r.subject)!;
    const slot = groupOf[i].leafByCode.get(r.indicator)!;
    inputs[i][slot] = r;
    if (r.notApplicable === true) na[i][slot] = 1;
  }
  const events: (Adjustment[] | undefined)[] = new Array(n);
  for (const a of dataset.adjustments ?? []) {
    const i = index.get(a.subject)!;
    (events[i] ??= []).push(a);
  }
  const codes = subjects.map((s) => s.code);
  const results: SubjectResult[] = new Array(n);
  const finals = new Float64Array(n);
  const groupResults: GroupResult[] = new Array(cs.groups.length);
  const ordered = [...cs.groups.filter((g) => g.kind === 'UNIT'), ...cs.groups.filter((g) => g.kind !== 'UNIT')];
  for (const g of ordered) {
    groupResults[g.index] = evaluateGroup(cs, g, members[g.index], inputs, na, events, results, finals, (i) => {
      const u = subjects[i].unit;
      return u === undefined ? undefined : finals[index.get(u)!];
    }, explain, codes);
  }
  return { scheme: scheme.code, groups: groupResults, subjects: results };
}

function evaluateGroup(
  cs: CompiledScheme, g: CompiledGroup, ids: number[], inputs: (Input | undefined)[][], na: Uint8Array[],
  events: (Adjustment[] | undefined)[], results: SubjectResult[], finals: Float64Array,
  unitFinal: (i: number) => number | undefined, explain: boolean, codes: string[],
): GroupResult {
  const p = cs.precision;
  const unit = POW10[p];
  const column = new Array<Input | undefined>(ids.length);
  const peers = g.leaves.map((leaf, slot) => {
    if (!leaf.usesPeers) return null;
    for (let k = 0; k < ids.length; k++) column[k] = na[ids[k]][slot] ? undefined : inputs[ids[k]][slot];
    return peersOf(column);
  });
  const scorer = new TreeScorer(g, peers, p, cs.lang, explain);
  const scaledFinals: number[] = new Array(ids.length);
  const vetoCaps: number[] = new Array(ids.length);
  const partial: SubjectResult[] = new Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    const tree = scorer.score(inputs[i], na[i], g.kind === 'MEMBER' ? unitFinal(i) : undefined);
    const adj = applyAdjustments(events[i], cs.rules, cs.ruleByCode, cs.gradeIndex, g.bonusCap, g.deductionCap, p);
    const fin = Math.max(0, tree.base + adj.bonus - adj.deduction);
    scaledFinals[k] = fin;
    vetoCaps[k] = adj.vetoCap;
    finals[i] = fin / unit;
    partial[k] = {
      subject: codes[i],
      group: g.code,
      base: tree.base / unit,
      bonus: adj.bonus / unit,
      deduction: adj.deduction / unit,
      final: fin / unit,
      rank: 0,
      grade: '',
      vetoes: adj.vetoes,
      nodes: tree.nodes,
      adjustments: adj.list,
      warnings: tree.warnings,
    };
  }
  const ranks = competitionRanks(scaledFinals);
  const grades = cs.scheme.grades;
  const gradeIdx = assignGrades(grades, scaledFinals.map((f) => f / unit), vetoCaps);
  const gradeCounts: Record<string, number> = {};
  for (const gr of grades) gradeCounts[gr.code] = 0;
  for (let k = 0; k < ids.length; k++) {
    const r = partial[k];
    r.rank = ranks[k];
    r.grade = grades[gradeIdx[k]].code;
    gradeCounts[r.grade] += 1;
    results[ids[k]] = r;
  }
  return { group: g.code, count: ids.length, gradeCounts };
}
