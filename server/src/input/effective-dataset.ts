import type { Dataset } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';

/** A subject's value from one source, as entered (ANNUAL period), with when it was last written (epoch ms). */
export interface EnteredValue {
  source: 'REVIEW' | 'MONITOR' | 'SELF';
  value: Record<string, unknown>;
  at: number;
}

/**
 * Every ANNUAL input row of a scheme in one compact JSON array, in the effective dataset's order
 * (subject position, subject id, indicator) and, within one cell, by source priority
 * (REVIEW, MONITOR, SELF): the first row of a cell is the effective value. One JSON text parsed
 * once is far cheaper than 100,000 driver rows, and needs no DISTINCT ON in the database.
 */
const LEAN_SQL = `
  SELECT
    (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('code', s.code, 'name', s.name, 'group', s.group_code, 'unit', s.unit_code))
                               ORDER BY s.position, s.id), '[]'::jsonb)
       FROM subjects s WHERE s.tenant_id = $1 AND s.scheme_id = $2) AS subjects,
    (SELECT coalesce(json_agg(json_build_array(s.code, i.indicator_code, i.source, i.value, floor(extract(epoch FROM i.updated_at) * 1000))
                              ORDER BY s.position, i.subject_id, i.indicator_code, CASE i.source WHEN 'REVIEW' THEN 0 WHEN 'MONITOR' THEN 1 ELSE 2 END), '[]')::text
       FROM inputs i JOIN subjects s ON s.tenant_id = i.tenant_id AND s.id = i.subject_id
      WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.period = 'ANNUAL') AS inputs,
    (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('subject', s.code, 'rule', a.rule_code, 'count', a.count, 'points', a.points, 'note', a.note))
                               ORDER BY a.seq), '[]'::jsonb)
       FROM adjustments a JOIN subjects s ON s.tenant_id = a.tenant_id AND s.id = a.subject_id
      WHERE a.tenant_id = $1 AND a.scheme_id = $2 AND a.status = 'VERIFIED') AS adjustments`;

/**
 * What a results computation reads, in one statement: the effective dataset and, per subject and
 * indicator (key `code\u0000indicator`), every source's entered value for the receipts.
 */
export async function loadComputeInputs(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
): Promise<{ dataset: Dataset; entered: Map<string, EnteredValue[]> }> {
  const [row] = await em.query(LEAN_SQL, [tenantId, schemeId]);
  const entered = new Map<string, EnteredValue[]>();
  const inputs: Dataset['inputs'] = [];
  for (const [subject, indicator, source, value, at] of JSON.parse(row.inputs) as [
    string,
    string,
    EnteredValue['source'],
    Record<string, unknown>,
    number,
  ][]) {
    const key = `${subject}\u0000${indicator}`;
    const cell = entered.get(key);
    if (cell) cell.push({ source, value, at });
    else {
      entered.set(key, [{ source, value, at }]);
      inputs.push({ subject, indicator, ...value });
    }
  }
  return { dataset: { formatVersion: 1, subjects: row.subjects, inputs, adjustments: row.adjustments }, entered };
}

/**
 * The dataset the results computation evaluates for one scheme: what `evaluate(definition, dataset)`
 * of `@kaoping/shared` takes. One SQL statement in the caller's transaction (RLS applies).
 * It does not check the scheme (existence, tenant, status): the caller has loaded it already.
 * An empty scheme gives `{ formatVersion: 1, subjects: [], inputs: [], adjustments: [] }`.
 */
export async function loadEffectiveDataset(ctx: RequestContext, schemeId: string): Promise<Dataset> {
  return loadEffectiveDatasetWith(await ctx.em(), ctx.tenantId, schemeId);
}

/** As loadEffectiveDataset, on an EntityManager whose transaction is already scoped to `tenantId` (jobs, seeding, tests). */
export async function loadEffectiveDatasetWith(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
): Promise<Dataset> {
  return (await loadComputeInputs(em, tenantId, schemeId)).dataset;
}
