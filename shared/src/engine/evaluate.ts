/** evaluate(): a valid scheme and dataset → the result: tree, adjustments, ranking, grades. Pure. */
import { ValidationError } from '../scheme/problems';
import type { Adjustment, Dataset, GroupResult, Input, Result, Scheme, SubjectResult, Warning } from '../scheme/types';
import { validateDatasetFor } from '../scheme/validate-dataset';
import { validateScheme } from '../scheme/validate-scheme';
import { applyAdjustments } from './adjustments';
import { compileScheme, type CompiledGroup, type CompiledScheme } from './compile';
import { assignGrades, newGradeTrace } from './grading';
import { peersOfColumn } from './peers';
import { competitionRanks } from './ranking';
import { POW10 } from './rounding';
import { createStore, type GroupStore } from './store';
import type { ExplainAs } from './nodes';
import type { GroupOutcome } from './receipt';
import { LazySubjectResult } from './subject-result';
import { TreeScorer } from './tree';

export interface EvaluateOptions {
  /**
   * Include an `explain` string on every indicator node (default true). Nodes, and so their
   * explanations, are built when a subject's `nodes` is first read, from the dataset's rows:
   * do not change the dataset while the result is in use.
   */
  explain?: boolean;
  /** 'text' (default): `explain` strings in the scheme's language; 'parts': `parts` as data, for readers in any language. */
  explainAs?: ExplainAs;
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
  // position of each subject within its group
  const pos = new Int32Array(n);
  const members: number[][] = cs.groups.map(() => []);
  for (let i = 0; i < n; i++) {
    const g = cs.groupByCode.get(subjects[i].group)!;
    index.set(subjects[i].code, i);
    groupOf[i] = g;
    pos[i] = members[g.index].length;
    members[g.index].push(i);
  }
  const rows = dataset.inputs;
  const stores = cs.groups.map((g) =>
    createStore(g, members[g.index].length, rows, cs.precision, cs.lang, explain, opts?.explainAs),
  );
  placeRows(rows, index, groupOf, pos, stores);
  const events: (Adjustment[] | undefined)[] = new Array(n);
  for (const a of dataset.adjustments ?? []) {
    const i = index.get(a.subject)!;
    (events[i] ??= []).push(a);
  }
  const results: SubjectResult[] = new Array(n);
  const finals = new Float64Array(n);
  const groupResults: GroupResult[] = new Array(cs.groups.length);
  const ordered = [...cs.groups.filter((g) => g.kind === 'UNIT'), ...cs.groups.filter((g) => g.kind !== 'UNIT')];
  for (const g of ordered) {
    const ids = members[g.index];
    const store = stores[g.index];
    if (g.kind === 'MEMBER') {
      for (let k = 0; k < ids.length; k++) {
        const u = subjects[ids[k]].unit;
        if (u !== undefined) store.unitFinal[k] = finals[index.get(u)!];
      }
    }
    groupResults[g.index] = evaluateGroup(cs, store, ids, events, results, finals, subjects);
  }
  return { scheme: scheme.code, groups: groupResults, subjects: results };
}

/**
 * Puts each input row's index in its subject's group store. Rows usually come subject by subject
 * in tree order, so the next row is first guessed (same subject, next leaf) and the maps are
 * asked only when the guess is wrong.
 */
function placeRows(
  rows: readonly Input[],
  index: Map<string, number>,
  groupOf: CompiledGroup[],
  pos: Int32Array,
  stores: GroupStore[],
): void {
  let subject = '';
  let i = -1;
  let slot = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const s = row.subject;
    if (s !== subject) {
      i = index.get(s)!;
      subject = s;
      slot = -1;
    }
    const g = groupOf[i];
    const leaves = g.leaves;
    const ind = row.indicator;
    slot = slot + 1 < leaves.length && leaves[slot + 1].code === ind ? slot + 1 : g.leafByCode.get(ind)!;
    const at = pos[i] * leaves.length + slot;
    const st = stores[g.index];
    st.row[at] = r;
    const na = row.notApplicable === true;
    if (na) {
      st.na[at] = 1;
      st.hasNa[pos[i]] = 1;
    } else {
      st.na[at] = 0; // a later row for the same leaf wins
    }
    // peers' actuals now, in row order (read column by column later, they would be scattered reads)
    const pc = g.peerColumn[slot];
    if (pc >= 0) {
      const a = row.actual;
      st.actuals[pos[i] * g.peerColumns + pc] = na || a === undefined ? NaN : a;
    }
  }
}

function evaluateGroup(
  cs: CompiledScheme,
  store: GroupStore,
  ids: number[],
  events: (Adjustment[] | undefined)[],
  results: SubjectResult[],
  finals: Float64Array,
  subjects: Dataset['subjects'],
): GroupResult {
  const g = store.g;
  const p = cs.precision;
  const unit = POW10[p];
  const m = ids.length;
  store.peers = Array.from(g.peerColumn, (pc) => (pc < 0 ? null : peersOfColumn(store.actuals, pc, g.peerColumns, m)));
  const scorer = new TreeScorer(store);
  const scaledFinals = new Float64Array(m);
  const roundedFinals: number[] = new Array(m);
  const vetoCaps: number[] = new Array(m);
  const bases = new Float64Array(m);
  const adjs = new Array<ReturnType<typeof applyAdjustments>>(m);
  const warnings = new Array<Warning[]>(m);
  for (let k = 0; k < m; k++) {
    const i = ids[k];
    const w: Warning[] = [];
    const base = scorer.score(k, w);
    const adj = applyAdjustments(events[i], cs.rules, cs.ruleByCode, cs.gradeIndex, g.bonusCap, g.deductionCap, p);
    const fin = Math.max(0, base + adj.bonus - adj.deduction);
    bases[k] = base;
    adjs[k] = adj;
    warnings[k] = w;
    scaledFinals[k] = fin;
    roundedFinals[k] = fin / unit;
    vetoCaps[k] = adj.vetoCap;
    finals[i] = fin / unit;
  }
  const ranks = competitionRanks(scaledFinals);
  const grades = cs.scheme.grades;
  const trace = newGradeTrace(m, grades.length);
  const gradeIdx = assignGrades(grades, roundedFinals, vetoCaps, trace);
  const outcome: GroupOutcome = {
    cs,
    g,
    trace,
    gradeIdx,
    finals: scaledFinals,
    ranks,
    adjs,
    inputs: store.inputs,
    row: store.row,
  };
  const gradeCounts: Record<string, number> = {};
  for (const gr of grades) gradeCounts[gr.code] = 0;
  for (let k = 0; k < m; k++) {
    const grade = grades[gradeIdx[k]].code;
    gradeCounts[grade] += 1;
    const a = adjs[k];
    results[ids[k]] = new LazySubjectResult(
      subjects[ids[k]].code,
      g.code,
      bases[k] / unit,
      a.bonus / unit,
      a.deduction / unit,
      roundedFinals[k],
      ranks[k],
      grade,
      a.vetoes,
      a.list,
      warnings[k],
      store,
      k,
      outcome,
    );
  }
  return { group: g.code, count: m, gradeCounts };
}
