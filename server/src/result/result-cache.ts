import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors';
import { isId } from '../common/ids';
import type { SubjectResult } from './result.entity';
import { readResults, type ResultsQuery, type ResultsScope } from './result-read';

/**
 * Published runs never change (their subjects are insert-only), so what a published-only
 * reader (API key, UNIT user) was answered from one is kept per process, keyed by tenant, run,
 * the caller's unit and every argument and selection. Which run a request reads is still asked
 * of the database each time (one small statement), so a new publish, on any server, is seen at
 * once and a caller never gets a run it may not see. Language is not part of the key: texts are
 * formatted from the kept data per request.
 */
const kept = new Map<string, { subjects: SubjectResult[]; weight: number }>();
let keptWeight = 0;
/** Reads in flight: concurrent callers of the same key wait for the one read instead of each reading. */
const reading = new Map<string, Promise<SubjectResult[]>>();
/** Bounded by subjects kept, a subject with its nodes and receipt counting as 20 summary rows. */
const MAX_WEIGHT = 50_000;

function keep(key: string, subjects: SubjectResult[], withData: boolean): void {
  const weight = Math.max(1, subjects.length * (withData ? 20 : 1));
  if (weight > MAX_WEIGHT) return;
  while (keptWeight + weight > MAX_WEIGHT && kept.size) {
    const [oldest, v] = kept.entries().next().value!;
    kept.delete(oldest);
    keptWeight -= v.weight;
  }
  kept.set(key, { subjects, weight });
  keptWeight += weight;
}

export async function readPublishedResults(em: EntityManager, scope: ResultsScope, schemeId: string, opts: ResultsQuery): Promise<SubjectResult[]> {
  if (opts.runId !== undefined && opts.runId !== null && !isId(opts.runId)) throw notFound('Result run');
  if (!isId(schemeId)) throw notFound(opts.runId ? 'Result run' : 'Scheme');
  const [pointer] = await em.query(
    `SELECT (SELECT r.id FROM result_runs r WHERE r.tenant_id = $1 AND r.scheme_id = $2 AND r.status = 'PUBLISHED' AND ($3::uuid IS NULL OR r.id = $3)
              ORDER BY r.seq DESC LIMIT 1) AS run_id
       FROM schemes WHERE tenant_id = $1 AND id = $2 AND ($4::boolean = false OR status <> 'DRAFT')`,
    [scope.tenantId, schemeId, opts.runId ?? null, scope.apiKey],
  );
  if (!pointer?.run_id) {
    if (opts.runId) throw notFound('Result run');
    if (!pointer) throw notFound('Scheme');
    return [];
  }
  const need = opts.need ?? { data: true, names: true };
  const key = JSON.stringify([scope.tenantId, pointer.run_id, scope.callerUnit, opts.group ?? null, opts.subject ?? null, opts.grade ?? null, opts.unit ?? null,
    opts.limit ?? null, opts.offset ?? 0, !!opts.byRank, need.data, need.names]);
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key); // most recently used last
    kept.set(key, hit);
    return hit.subjects;
  }
  const inFlight = reading.get(key);
  if (inFlight) return inFlight;
  const read = (async () => {
    // published meanwhile (the run just found superseded): read as if uncached
    const { runId, subjects } = await readResults(em, scope, schemeId, { ...opts, runId: pointer.run_id }).catch(() => readResults(em, scope, schemeId, opts));
    if (runId === pointer.run_id) keep(key, subjects, need.data);
    return subjects;
  })().finally(() => reading.delete(key));
  reading.set(key, read);
  return read;
}
