/**
 * Receipts: for one subject of a result, why its rank, grade, adjustments and values are what
 * they are, as data (lines with a code and params, see i18n/receipt-texts.ts). Read from what
 * evaluate recorded while deciding them (the group's finals, ranks, the grade trace, each
 * subject's adjustment outcome): nothing is decided twice.
 */
import type { ReceiptLine } from '../i18n/receipt-texts';
import type { Dataset, Input, Result, SubjectResult } from '../scheme/types';
import type { AdjustmentOutcome } from './adjustments';
import type { CompiledGroup, CompiledScheme } from './compile';
import { Missed, type GradeTrace } from './grading';
import { roundHalfUp } from './rounding';
import { LazySubjectResult } from './subject-result';

/** What evaluate keeps of a group for its subjects' receipts. */
export interface GroupOutcome {
  readonly cs: CompiledScheme;
  readonly g: CompiledGroup;
  readonly trace: GradeTrace;
  readonly gradeIdx: readonly number[];
  /** Finals as integer counts of 10^-precision, and ranks, by position in the group. */
  readonly finals: Float64Array;
  readonly ranks: readonly number[];
  readonly adjs: readonly AdjustmentOutcome[];
  /** The dataset's rows and, per subject and leaf, the index of the row read (-1: none), as the store has them. */
  readonly inputs: readonly Input[];
  readonly row: Int32Array;
}

/** One indicator's input as the run read it; `source` and the rest are added by who knows the sources (the server). */
export interface IndicatorReceipt {
  indicator: string;
  /** The row's values (without subject and indicator); null when there was no row. */
  value: Record<string, unknown> | null;
  source?: string;
  others?: { source: string; value: Record<string, unknown> }[];
  decision?: ReceiptLine;
}

export interface SubjectReceipt {
  subject: string;
  group: string;
  rank: { rank: number; peers: number; tied: number };
  grade: { grade: string; lines: ReceiptLine[] };
  adjustments: {
    rule: string;
    name: string;
    kind: 'BONUS' | 'DEDUCTION';
    claimed: number;
    counted: number;
    maxPerSubject: number | null;
  }[];
  bonus: { claimed: number; counted: number; cap: number | null };
  deduction: { claimed: number; counted: number; cap: number | null };
  vetoes: { rule: string; name: string; maxGrade: string; binding: boolean }[];
  indicators: IndicatorReceipt[];
  /** Every reason above in reading order: rank, indicators not applicable, adjustments, caps, vetoes, grade. */
  lines: ReceiptLine[];
}

/** Every subject's receipt, in the result's order. `result` must come from evaluate on this dataset. */
export function buildReceipts(_dataset: Dataset, result: Result): SubjectReceipt[] {
  return result.subjects.map((s) => subjectReceipt(s));
}

/**
 * One subject's receipt; `s` must be a subject of a result evaluate returned. `indicators: false`
 * leaves `indicators` empty (for a caller that has them already: they depend on the subject's
 * rows and the scheme only).
 */
export function subjectReceipt(s: SubjectResult, opts: { indicators?: boolean } = {}): SubjectReceipt {
  const at = LazySubjectResult.outcomeOf(s);
  if (!at) throw new Error('a receipt needs the result evaluate returned');
  const { outcome: o, k } = at;
  const { cs, g, trace } = o;
  const grades = cs.scheme.grades;
  const G = grades.length;
  const round = (x: number) => roundHalfUp(x, cs.precision);
  const lines: ReceiptLine[] = [];

  let tied = 0;
  for (let j = 0; j < o.finals.length; j++) if (j !== k && o.finals[j] === o.finals[k]) tied++;
  const rank = { rank: o.ranks[k], peers: o.finals.length, tied };
  lines.push({ code: 'RANK', params: rank });
  // the rows evaluate placed, by index (the dataset's own rows: nothing is looked up again)
  const r0 = k * g.leaves.length;
  const indicators: IndicatorReceipt[] = [];
  const listed = opts.indicators !== false;
  for (let slot = 0; slot < g.leaves.length; slot++) {
    const leaf = g.leaves[slot];
    const ri = o.row[r0 + slot];
    const row = ri < 0 ? undefined : o.inputs[ri];
    if (row?.notApplicable === true)
      lines.push({ code: 'NOT_APPLICABLE', params: { indicator: leaf.code, name: leaf.indicator.name } });
    if (!listed) continue;
    if (!row) {
      indicators.push({ indicator: leaf.code, value: null });
      continue;
    }
    const { subject: _s, indicator: _i, ...value } = row;
    indicators.push({ indicator: leaf.code, value });
  }

  const adj = o.adjs[k];
  const adjustments = adj.list.map((a, i) => {
    const rule = cs.rules[cs.ruleByCode.get(a.rule)!];
    const claimed = round(adj.claimed[i]);
    const cut = rule.maxPerSubject !== undefined && adj.claimed[i] > rule.maxPerSubject;
    const kind = rule.kind as 'BONUS' | 'DEDUCTION';
    lines.push(
      cut
        ? {
            code: 'ADJUSTMENT_RULE_CAP',
            params: { rule: rule.code, name: rule.name, kind, claimed, cap: rule.maxPerSubject!, counted: a.points },
          }
        : { code: 'ADJUSTMENT', params: { rule: rule.code, name: rule.name, kind, claimed, counted: a.points } },
    );
    return {
      rule: rule.code,
      name: rule.name,
      kind,
      claimed,
      counted: a.points,
      maxPerSubject: rule.maxPerSubject ?? null,
    };
  });
  const bonus = { claimed: round(adj.bonusClaimed), counted: s.bonus, cap: g.bonusCap };
  const deduction = { claimed: round(adj.deductionClaimed), counted: s.deduction, cap: g.deductionCap };
  if (g.bonusCap !== null && adj.bonusClaimed > g.bonusCap)
    lines.push({ code: 'BONUS_GROUP_CAP', params: bonus as never });
  if (g.deductionCap !== null && adj.deductionClaimed > g.deductionCap)
    lines.push({ code: 'DEDUCTION_GROUP_CAP', params: deduction as never });

  const gradeName = (i: number) => grades[i].name;
  let binding: string | undefined;
  let worst = 0;
  const vetoes = adj.vetoes
    .map((code) => {
      const rule = cs.rules[cs.ruleByCode.get(code)!];
      const gi = cs.gradeIndex.get(rule.maxGrade!)!;
      if (gi > worst) {
        worst = gi;
        binding = code;
      }
      lines.push({
        code: 'VETO',
        params: { rule: code, name: rule.name, maxGrade: rule.maxGrade!, maxGradeName: gradeName(gi) },
      });
      return { rule: code, name: rule.name, maxGrade: rule.maxGrade! };
    })
    .map((v) => ({ ...v, binding: v.rule === binding }));

  const mine = o.gradeIdx[k];
  const gradeLines: ReceiptLine[] = [];
  for (let gi = 0; gi < mine; gi++) {
    const gr = grades[gi];
    const base = { grade: gr.code, gradeName: gr.name };
    const pos = { quota: trace.quota[gi], position: trace.position[k * G + gi], candidates: trace.candidates[gi] };
    switch (trace.missed[k * G + gi] as Missed) {
      case Missed.Veto: {
        const rule = cs.rules[cs.ruleByCode.get(binding!)!];
        gradeLines.push({
          code: 'GRADE_VETOED',
          params: {
            ...base,
            rule: rule.code,
            name: rule.name,
            maxGrade: rule.maxGrade!,
            maxGradeName: gradeName(worst),
          },
        });
        break;
      }
      case Missed.BelowMin:
        gradeLines.push({ code: 'GRADE_BELOW_MIN', params: { ...base, final: s.final, minScore: gr.minScore! } });
        break;
      case Missed.QuotaTie: {
        let atCut = 0;
        for (let j = 0; j < o.finals.length; j++)
          if (trace.position[j * G + gi] > 0 && o.finals[j] === o.finals[k]) atCut++;
        gradeLines.push({
          code: 'GRADE_QUOTA_TIE',
          params: { ...base, final: s.final, quota: pos.quota, tied: atCut },
        });
        break;
      }
      case Missed.QuotaFull:
        gradeLines.push({ code: 'GRADE_QUOTA_FULL', params: { ...base, ...pos } });
        break;
      default:
        break;
    }
  }
  const gr = grades[mine];
  const base = { grade: gr.code, gradeName: gr.name };
  if (mine === G - 1) gradeLines.push({ code: 'GRADE_REST', params: base });
  else {
    if (gr.minScore !== undefined)
      gradeLines.push({ code: 'GRADE_MIN_MET', params: { ...base, final: s.final, minScore: gr.minScore } });
    if (gr.maxShare !== undefined) {
      gradeLines.push({
        code: 'GRADE_QUOTA_WITHIN',
        params: {
          ...base,
          quota: trace.quota[mine],
          position: trace.position[k * G + mine],
          candidates: trace.candidates[mine],
        },
      });
    }
    if (gr.minScore === undefined && gr.maxShare === undefined) gradeLines.push({ code: 'GRADE_OPEN', params: base });
  }
  lines.push(...gradeLines);

  return {
    subject: s.subject,
    group: s.group,
    rank,
    grade: { grade: s.grade, lines: gradeLines },
    adjustments,
    bonus,
    deduction,
    vetoes,
    indicators,
    lines,
  };
}
