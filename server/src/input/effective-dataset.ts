import type { Dataset } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';

/**
 * One statement building a scheme's effective dataset (the engine's dataset shape) from the tables:
 * - subjects in import order (`position`), with `unit` for members;
 * - one input per subject and indicator, ANNUAL period only, REVIEW over MONITOR over SELF
 *   (`DISTINCT ON` ordered by source priority), as `{ subject, indicator, ...value }`;
 * - VERIFIED adjustments only, in entry order, with `count` and (when set) `points` and `note`.
 */
const EFFECTIVE_SQL = `
  SELECT
    (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('code', s.code, 'name', s.name, 'group', s.group_code, 'unit', s.unit_code))
                               ORDER BY s.position, s.id), '[]'::jsonb)
       FROM subjects s WHERE s.tenant_id = $1 AND s.scheme_id = $2) AS subjects,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('subject', e.code, 'indicator', e.indicator_code) || e.value
                               ORDER BY e.position, e.subject_id, e.indicator_code), '[]'::jsonb)
       FROM (SELECT DISTINCT ON (i.subject_id, i.indicator_code) s.code, s.position, i.subject_id, i.indicator_code, i.value
               FROM inputs i JOIN subjects s ON s.tenant_id = i.tenant_id AND s.id = i.subject_id
              WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.period = 'ANNUAL'
              ORDER BY i.subject_id, i.indicator_code,
                       CASE i.source WHEN 'REVIEW' THEN 0 WHEN 'MONITOR' THEN 1 ELSE 2 END) e) AS inputs,
    (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('subject', s.code, 'rule', a.rule_code, 'count', a.count, 'points', a.points, 'note', a.note))
                               ORDER BY a.seq), '[]'::jsonb)
       FROM adjustments a JOIN subjects s ON s.tenant_id = a.tenant_id AND s.id = a.subject_id
      WHERE a.tenant_id = $1 AND a.scheme_id = $2 AND a.status = 'VERIFIED') AS adjustments`;

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
export async function loadEffectiveDatasetWith(em: EntityManager, tenantId: string, schemeId: string): Promise<Dataset> {
  const [row] = await em.query(EFFECTIVE_SQL, [tenantId, schemeId]);
  return { formatVersion: 1, subjects: row.subjects, inputs: row.inputs, adjustments: row.adjustments };
}
