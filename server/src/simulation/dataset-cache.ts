import type { Dataset } from '@kaoping/shared';
import type { RequestContext } from '../context/request-context';
import { loadEffectiveDataset } from '../input/effective-dataset';

/**
 * The effective dataset of a scheme, kept in this process between what-if calls. Assembling it
 * for 1,000 subjects × 100 indicators takes PostgreSQL far longer than evaluating it, and a
 * committee's what-if session asks for the same data again and again. Each call first reads a
 * fingerprint of the scheme's rows in its own transaction (RLS applies): row counts and the sum
 * of the rows' transaction ids (`xmin`), which every insert, update and delete changes; only an
 * equal fingerprint reuses the copy. Per process, so several servers each keep their own.
 */
const MAX_ENTRIES = 4;
const cache = new Map<string, { fingerprint: string; dataset: Dataset }>();

const FINGERPRINT_SQL = ['subjects', 'inputs', 'adjustments']
  .map(
    (t) =>
      `(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM ${t} WHERE tenant_id = $1 AND scheme_id = $2)`,
  )
  .join(` || '/' || `);

export async function effectiveDatasetCached(ctx: RequestContext, schemeId: string): Promise<Dataset> {
  const key = `${ctx.tenantId}:${schemeId}`;
  const [row] = await (await ctx.em()).query(`SELECT ${FINGERPRINT_SQL} AS fingerprint`, [ctx.tenantId, schemeId]);
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && hit.fingerprint === row.fingerprint) {
    cache.set(key, hit); // most recently used last
    return hit.dataset;
  }
  const dataset = await loadEffectiveDataset(ctx, schemeId);
  cache.set(key, { fingerprint: row.fingerprint, dataset });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return dataset;
}
