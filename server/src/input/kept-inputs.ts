/**
 * A scheme's ANNUAL inputs as a computation last read them, kept per process and per subject, so
 * that a recompute after a few edits reads only the subjects whose rows changed.
 *
 * A subject's rows are named by a digest the database takes of them (row count and the sum of a
 * 64-bit hash of each visible row version's id and writing transaction, as the run digest): any
 * insert, update or delete changes it, and a committed transaction writes no more. A kept subject
 * is used only when its digest is the one the database gives now, in the computing transaction;
 * what is kept was read together with its digest in one statement. So another server's writes,
 * a rolled-back transaction or a stale entry can only cost a read, never give other data.
 */
import { canonicalJson, type Dataset, type Input } from '@kaoping/shared';
import { LRUCache } from 'lru-cache';

/** A subject's value from one source, as entered (ANNUAL period), with when it was last written. */
export interface EnteredValue {
  source: 'REVIEW' | 'MONITOR' | 'SELF';
  value: Record<string, unknown>;
  /** `updated_at` as PostgreSQL writes it in JSON; parsed only where two sources are compared. */
  at: string;
}

/**
 * One subject's inputs: the effective ones in indicator order and the source of each; every
 * source's value only for cells entered by more than one (most have one: kept lean, ~0.35 KB an
 * input with its canonical text).
 */
export interface SubjectInputs {
  digest: string;
  code: string;
  inputs: Input[];
  /** Per input (same order), the source of its value. */
  sources: EnteredValue['source'][];
  /** Per indicator entered by more than one source, every source's value (for the receipts). */
  shared: Map<string, EnteredValue[]> | undefined;
  /** The canonical JSON of `inputs`, comma-separated (a piece of the dataset's canonical text). */
  canonical: string;
  /** `version:group` of the scheme under which `inputs` were found valid (see inputsToCheck). */
  validFor?: string;
  /**
   * The UTF-8 JSON of the subject's nodes and of its receipt's indicator list as a run last stored them,
   * and `basis`: everything else they depend on (result/subject-data.ts).
   */
  stored?: { basis: string; nodes: Buffer; indicators: Buffer };
}

/**
 * SQL: a 64-bit hash of one row version of table alias `a` — its id seeded with the transaction
 * that wrote it (`xmin`). Summed with the row count it names a set of rows (subject digests here,
 * the run digest in result-compute.ts).
 */
export const rowVersionHash = (a: string) => `uuid_hash_extended(${a}.id, ${a}.xmin::text::bigint)`;

const PRIORITY = { REVIEW: 0, MONITOR: 1, SELF: 2 } as const;

/** A subject's rows as read: [indicator, source, value, updated_at], by indicator then source. */
export type InputRow = [indicator: string, source: EnteredValue['source'], value: Record<string, unknown>, at: string];

/** The effective inputs of one subject (per indicator the value of REVIEW, else MONITOR, else SELF). */
export function subjectInputs(code: string, digest: string, rows: InputRow[]): SubjectInputs {
  const inputs: Input[] = [];
  const sources: EnteredValue['source'][] = [];
  let shared: Map<string, EnteredValue[]> | undefined;
  // rows of one indicator are adjacent
  for (let r = 0; r < rows.length;) {
    const indicator = rows[r][0];
    let end = r + 1;
    while (end < rows.length && rows[end][0] === indicator) end++;
    let best = r;
    for (let j = r + 1; j < end; j++) if (PRIORITY[rows[j][1]] < PRIORITY[rows[best][1]]) best = j;
    inputs.push({ subject: code, indicator, ...rows[best][2] });
    sources.push(rows[best][1]);
    if (end - r > 1)
      (shared ??= new Map()).set(
        indicator,
        rows.slice(r, end).map(([, source, value, at]) => ({ source, value, at })),
      );
    r = end;
  }
  return { digest, code, inputs, sources, shared, canonical: inputs.map(canonicalJson).join(',') };
}

/**
 * What a read kept of a scheme: its subjects' inputs (by subject id) and, named by the digest of
 * the scheme's subject and adjustment rows, the subject list and the verified adjustments.
 */
export interface KeptScheme {
  subjects: Map<string, SubjectInputs>;
  rest?: { digest: string; subjects: SubjectRow[]; adjustments: Dataset['adjustments'] };
}

/** A subject as read: [id, code, name, group, unit]. */
export type SubjectRow = [id: string, code: string, name: string | null, group: string | null, unit: string | null];

/**
 * Bounded by inputs kept (~0.2 KB each with their text, ~0.4 KB with the stored JSON of the nodes
 * and receipt rows they gave): ~210 MB at most, a 5,000 × 100 scheme or a few smaller ones.
 */
const kept = new LRUCache<string, KeptScheme>({
  maxSize: 520_000,
  sizeCalculation: ({ subjects }) => {
    let n = 1;
    for (const s of subjects.values()) n += s.inputs.length;
    return n;
  },
});

/** What is kept of a scheme; nothing when nothing is. */
export function keptScheme(tenantId: string, schemeId: string): KeptScheme {
  return kept.get(`${tenantId}:${schemeId}`) ?? { subjects: new Map() };
}

/** Keeps what was just read of a scheme (replacing what was kept of it; a scheme larger than the bound is not kept). */
export function keepScheme(tenantId: string, schemeId: string, read: KeptScheme): void {
  kept.set(`${tenantId}:${schemeId}`, read);
}

/** Forgets everything kept (tests and benchmarks: the next read is a cold one). */
export function forgetKeptInputs(): void {
  kept.clear();
}
