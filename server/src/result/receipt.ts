/**
 * Receipts and explanations of a run. At compute time: the engine's receipts plus, per indicator,
 * which source's value was used, the other sources' values and the discrepancy decision, stored
 * with each subject. At read time: explanations and receipts formatted in the caller's language.
 * Runs stored before explanations became data keep their Chinese `explain` text and have no receipt.
 */
import {
  subjectReceipt,
  EXPLAIN_TEXTS,
  formatLine,
  formatParts,
  pct,
  unpackParts,
  type Lang,
  type LineParams,
  type ReceiptLine,
  type SubjectResult,
  type SubjectReceipt,
} from '@kaoping/shared';
import type { SubjectInputs } from '../input/kept-inputs';
import { differenceOf } from '../input/discrepancy';
import type { CodedText, Receipt } from './receipt.entity';

/** A receipt as stored with a run's subject (result_subjects.data.receipt). */
export type StoredReceipt = Omit<SubjectReceipt, 'subject' | 'group'>;

const SOURCES = ['REVIEW', 'MONITOR', 'SELF'] as const;
type Source = (typeof SOURCES)[number];
type Entered = Partial<Record<Source, { value: Record<string, unknown>; at: string }>>;

/**
 * One subject's receipt as stored with it, with the source of each value (`entered`:
 * loadComputeInputs'; `threshold`: the scheme's reviewThreshold), built whole. Compute writes the
 * same JSON from its parts, kept ones included (subject-data.ts); this is the reference its test
 * and the compute benchmark build from scratch.
 */
export function storedReceipt(entered: Map<string, SubjectInputs>, threshold: number, s: SubjectResult): StoredReceipt {
  const { subject, group: _g, ...receipt } = subjectReceipt(s);
  const mine = entered.get(subject);
  if (mine) withSources(mine, threshold, receipt.indicators);
  return receipt;
}

/** Adds to a receipt's indicators the source of each value, the other sources' values and the decision between them. */
export function withSources(mine: SubjectInputs, threshold: number, indicators: StoredReceipt['indicators']): void {
  // made only for a subject whose receipt rows are built again (subject-data.ts keeps them): not kept
  const sourceOf = new Map(mine.inputs.map((x, i) => [x.indicator, mine.sources[i]]));
  for (const ind of indicators) {
    const only = sourceOf.get(ind.indicator);
    if (only === undefined) continue;
    const cell = mine.shared?.get(ind.indicator);
    // stored lean: no empty `others`, no SOURCE_ONLY decision (both restored on reading, see decisionOf)
    if (!cell) {
      ind.source = only;
      continue;
    }
    const e: Entered = {};
    for (const v of cell) e[v.source] = { value: v.value, at: v.at };
    const { source, others, decision } = decide(e, threshold);
    Object.assign(
      ind,
      { source },
      others.length ? { others } : {},
      decision.code === 'SOURCE_ONLY' ? {} : { decision },
    );
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which source's value the effective dataset used (REVIEW over MONITOR over SELF), the others, and why. */
function decide(
  e: Entered,
  threshold: number,
): { source: Source; others: { source: Source; value: Record<string, unknown> }[]; decision: ReceiptLine } {
  const source = SOURCES.find((s) => e[s])!;
  const others = SOURCES.filter((s) => s !== source && e[s]).map((s) => ({ source: s, value: e[s]!.value }));
  const used = e[source]!;
  let decision: ReceiptLine;
  if (!others.length) decision = { code: 'SOURCE_ONLY', params: { source } };
  else {
    const d = e.SELF && e.MONITOR ? differenceOf(e.SELF.value, e.MONITOR.value, threshold) : undefined;
    const params = (x: NonNullable<typeof d>): LineParams => ({
      difference:
        x.ratio === null
          ? String(Math.abs(Number(e.SELF!.value[x.field]) - Number(e.MONITOR!.value[x.field])))
          : pct(x.ratio),
      threshold: pct(threshold),
      source,
    });
    if (d?.exceeds) {
      // to the millisecond, as entered times always were compared
      const settled =
        source === 'REVIEW' && Date.parse(used.at) >= Math.max(Date.parse(e.SELF!.at), Date.parse(e.MONITOR!.at));
      decision = settled ? { code: 'REVIEW_SETTLED', params: {} } : { code: 'DISCREPANCY_OPEN', params: params(d) };
    } else if (d) decision = { code: 'WITHIN_THRESHOLD', params: params(d) };
    else
      decision = {
        code: others.every((o) => same(o.value, used.value)) ? 'SOURCES_AGREE' : 'SOURCE_PRIORITY',
        params: { source },
      };
  }
  return { source, others, decision };
}

/** A stored indicator's decision: a value with a source and no other stored a SOURCE_ONLY decision. */
function decisionOf(i: StoredReceipt['indicators'][number]): ReceiptLine | undefined {
  return i.decision ?? (i.source ? { code: 'SOURCE_ONLY', params: { source: i.source } } : undefined);
}

const coded = (l: { code: string; params?: LineParams }, lang: Lang): CodedText => ({
  code: l.code,
  params: { ...(l.params ?? {}) },
  text: formatLine(l, lang),
});

/** A stored node's explanation in `lang`: packed parts are formatted with the POINTS tail; an older run's text is returned as stored. */
export function explainText(
  node: { explain?: string | null; parts?: unknown[]; points?: number | null; maxPoints?: number | null },
  lang: Lang,
): string | null {
  if (Array.isArray(node.parts)) {
    return (
      formatParts(unpackParts(node.parts as unknown[][]), lang) +
      EXPLAIN_TEXTS.POINTS[lang]({ points: String(node.points), maxPoints: String(node.maxPoints) })
    );
  }
  return node.explain ?? null;
}

/** A node's explanation parts as coded texts (none for a run stored before they were data). */
export function explainParts(node: { parts?: unknown[] }, lang: Lang): CodedText[] {
  if (!Array.isArray(node.parts)) return [];
  return unpackParts(node.parts as unknown[][]).map((p) => ({
    code: p.code,
    params: { ...p.params },
    text: formatParts([p], lang),
  }));
}

/** A stored receipt for reading in `lang`; `names` gives indicator names by code. */
export function receiptView(
  r: StoredReceipt,
  hashes: { schemeHash: string; inputsHash: string },
  names: Map<string, string> | undefined,
  lang: Lang,
): Receipt {
  return {
    ...hashes,
    rank: r.rank,
    grade: r.grade.grade,
    gradeReasons: r.grade.lines.map((l) => coded(l, lang)),
    adjustments: r.adjustments.map((a) => ({
      ...a,
      cutByRuleCap: a.maxPerSubject !== null && a.claimed > a.maxPerSubject,
    })),
    bonus: { ...r.bonus, cutByGroupCap: r.bonus.cap !== null && r.bonus.claimed > r.bonus.cap },
    deduction: { ...r.deduction, cutByGroupCap: r.deduction.cap !== null && r.deduction.claimed > r.deduction.cap },
    vetoes: r.vetoes,
    indicators: r.indicators.map((i) => ({
      indicator: i.indicator,
      name: names?.get(i.indicator) ?? i.indicator,
      value: i.value,
      source: i.source ?? null,
      others: i.others ?? [],
      decision: decisionOf(i) ? coded(decisionOf(i)!, lang) : null,
    })),
    lines: r.lines.map((l) => coded(l, lang)),
  };
}
