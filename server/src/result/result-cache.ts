import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors';
import { isId } from '../common/ids';
import type { SubjectResult } from './result.entity';
import { readResults, type ResultsQuery, type ResultsScope } from './result-read';

/**
 * Published runs never change (their subjects are insert-only), so what a published-only
 * reader (API key, UNIT user) was answered from one is kept per process, keyed by tenant, run,
 * the caller's unit and every argument and selection. Which run a request reads (the newest
 * published one, a pointer) is kept for 2 s: a publish on this server drops it at once
 * (`forgetPublished`), one on another server is seen within 2 s. So a request answered
 * from what is kept opens no transaction at all. Language is not part of the key: texts are
 * formatted from the kept data per request.
 */
/**
 * Bounded by subjects kept: a summary row ~0.3 KB; a subject with its nodes and receipt (1,000 ×
 * 100 scheme: ~30 KB of JSON, ~100 KB parsed) counts as 200 rows. So at most ~25,000 summary rows
 * or ~125 full subjects, some 8–15 MB. Larger reads with data are not kept here: repeated, their
 * whole answers are (published-responses.ts, as bytes, off the heap).
 */
const DATA_WEIGHT = 200;
const kept = new LRUCache<string, { subjects: SubjectResult[]; weight: number }>({
  maxSize: 25_000,
  sizeCalculation: (v) => v.weight,
});
/** Reads in flight: concurrent callers of the same key wait for the one read instead of each reading. */
const reading = new Map<string, Promise<{ runId: string | null; subjects: SubjectResult[] }>>();

function keep(key: string, subjects: SubjectResult[], withData: boolean): void {
  kept.set(key, { subjects, weight: Math.max(1, subjects.length * (withData ? DATA_WEIGHT : 1)) });
}

const pointers = new LRUCache<string, { pointer: { run_id: string | null } | undefined }>({
  max: 10_000,
  ttl: 2_000,
});

/** Drops the kept pointers of a tenant's schemes (a run of it was just published or superseded here). */
export function forgetPublished(tenantId: string): void {
  for (const k of [...pointers.keys()]) if (k.startsWith(`${tenantId}:`)) pointers.delete(k);
}

async function pointerOf(
  em: () => Promise<EntityManager>,
  scope: Pick<ResultsScope, 'tenantId' | 'apiKey'>,
  schemeId: string,
  runId: string | null,
): Promise<{ run_id: string | null } | undefined> {
  const key = `${scope.tenantId}:${schemeId}:${runId}:${scope.apiKey}`;
  const hit = pointers.get(key);
  if (hit) return hit.pointer;
  const [pointer] = await (
    await em()
  ).query(
    `SELECT (SELECT r.id FROM result_runs r WHERE r.tenant_id = $1 AND r.scheme_id = $2 AND r.status = 'PUBLISHED' AND ($3::uuid IS NULL OR r.id = $3)
              ORDER BY r.seq DESC LIMIT 1) AS run_id
       FROM schemes WHERE tenant_id = $1 AND id = $2 AND ($4::boolean = false OR status <> 'DRAFT')`,
    [scope.tenantId, schemeId, runId, scope.apiKey],
  );
  pointers.set(key, { pointer });
  return pointer;
}

/** The run a published-only reader of `schemeId` (and `runId`, when given) reads now: null for none, undefined for no such scheme. */
export async function publishedRunOf(
  em: () => Promise<EntityManager>,
  scope: Pick<ResultsScope, 'tenantId' | 'apiKey'>,
  schemeId: string,
  runId: string | null,
): Promise<string | null | undefined> {
  if (!isId(schemeId) || (runId !== null && !isId(runId))) return undefined;
  const pointer = await pointerOf(em, scope, schemeId, runId);
  return pointer && pointer.run_id;
}

/** `em`: the request's transaction, opened only when something must be read. `runId`: the run read (null: none). */
export async function readPublishedResults(
  em: () => Promise<EntityManager>,
  scope: ResultsScope,
  schemeId: string,
  opts: ResultsQuery,
): Promise<{ runId: string | null; subjects: SubjectResult[] }> {
  if (opts.runId !== undefined && opts.runId !== null && !isId(opts.runId)) throw notFound('Result run');
  if (!isId(schemeId)) throw notFound(opts.runId ? 'Result run' : 'Scheme');
  const pointer = await pointerOf(em, scope, schemeId, opts.runId ?? null);
  if (!pointer?.run_id) {
    if (opts.runId) throw notFound('Result run');
    if (!pointer) throw notFound('Scheme');
    return { runId: null, subjects: [] };
  }
  const need = opts.need ?? { data: true, names: true };
  const key = JSON.stringify([
    scope.tenantId,
    pointer.run_id,
    scope.callerUnit,
    opts.group ?? null,
    opts.subject ?? null,
    opts.grade ?? null,
    opts.unit ?? null,
    opts.limit ?? null,
    opts.offset ?? 0,
    !!opts.byRank,
    need.data,
    need.names,
  ]);
  const hit = kept.get(key);
  if (hit) return { runId: pointer.run_id, subjects: hit.subjects };
  const inFlight = reading.get(key);
  if (inFlight) return inFlight;
  const read = (async () => {
    // published meanwhile (the run just found superseded): read as if uncached
    const tx = await em();
    const { runId, subjects } = await readResults(tx, scope, schemeId, { ...opts, runId: pointer.run_id }).catch(() =>
      readResults(tx, scope, schemeId, opts),
    );
    if (runId === pointer.run_id) keep(key, subjects, need.data);
    return { runId, subjects };
  })().finally(() => reading.delete(key));
  reading.set(key, read);
  return read;
}
