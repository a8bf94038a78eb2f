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
import { canonicalJson, type Input } from '@kaoping/shared';
import { LRUCache } from 'lru-cache';

/** A subject's value from one source, as entered (ANNUAL period), with when it was last written. */
export interface EnteredValue {
  source: 'REVIEW' | 'MONITOR' | 'SELF';
  value: Record<string, unknown>;
  /** `updated_at` as PostgreSQL writes it in JSON; parsed only where two sources are compared. */
  at: string;
}

/** One subject's inputs: the effective ones in indicator order, every source's value per indicator. */
export interface SubjectInputs {
  digest: string;
  code: string;
  inputs: Input[];
  entered: Map<string, EnteredValue[]>;
  /** The canonical JSON of `inputs`, comma-separated (a piece of the dataset's canonical text). */
  canonical: string;
  /** `version:group` of the scheme under which `inputs` were found valid (see inputsToCheck). */
  validFor?: string;
}

const PRIORITY = { REVIEW: 0, MONITOR: 1, SELF: 2 } as const;

/** A subject's rows as read: [indicator, source, value, updated_at], by indicator then source. */
export type InputRow = [indicator: string, source: EnteredValue['source'], value: Record<string, unknown>, at: string];

/** The effective inputs of one subject (per indicator the value of REVIEW, else MONITOR, else SELF). */
export function subjectInputs(code: string, digest: string, rows: InputRow[]): SubjectInputs {
  const inputs: Input[] = [];
  const entered = new Map<string, EnteredValue[]>();
  // rows of one indicator are adjacent: the first opens its cell
  let cell: EnteredValue[] = [];
  let best = 3;
  for (const [indicator, source, value, at] of rows) {
    if (inputs.length === 0 || inputs[inputs.length - 1].indicator !== indicator) {
      cell = [];
      entered.set(indicator, cell);
      best = 3;
      inputs.push({ subject: code, indicator });
    }
    cell.push({ source, value, at });
    if (PRIORITY[source] < best) {
      best = PRIORITY[source];
      inputs[inputs.length - 1] = { subject: code, indicator, ...value };
    }
  }
  return { digest, code, inputs, entered, canonical: inputs.map(canonicalJson).join(',') };
}

/** Bounded by inputs kept (~0.5 KB each with their texts): some 150 MB at most, a few schemes. */
const kept = new LRUCache<string, Map<string, SubjectInputs>>({
  maxSize: 300_000,
  sizeCalculation: (subjects) => {
    let n = 1;
    for (const s of subjects.values()) n += s.inputs.length;
    return n;
  },
});

/** What is kept of a scheme (subject id → inputs); empty when nothing is. */
export function keptSubjects(tenantId: string, schemeId: string): Map<string, SubjectInputs> {
  return kept.get(`${tenantId}:${schemeId}`) ?? new Map();
}

/** Keeps a scheme's subjects as just read (replacing what was kept of it; a scheme larger than the bound is not kept). */
export function keepSubjects(tenantId: string, schemeId: string, subjects: Map<string, SubjectInputs>): void {
  kept.set(`${tenantId}:${schemeId}`, subjects);
}

/** Forgets everything kept (tests and benchmarks: the next read is a cold one). */
export function forgetKeptInputs(): void {
  kept.clear();
}
