import type { RequestContext } from '../context/request-context';
import { callerId } from '../common/caller';

/**
 * What a cloned scheme takes over from the one it was cloned from: every subject (same code,
 * name, group, unit and order) and, with `copyTargets`, each subject's last-year `target` as a
 * SELF/ANNUAL starting value `{ target }` (from the effective value, REVIEW over MONITOR over
 * SELF, of indicators that still exist in the new definition's group), so units see it
 * pre-filled and only enter this year's actuals. Two statements; counts for the audit record.
 */
export async function copyYear(
  ctx: RequestContext,
  fromId: string,
  toId: string,
  copyTargets: boolean,
): Promise<{ subjects: number; targets: number }> {
  const em = await ctx.em();
  const subjects: unknown[] = await em.query(
    `INSERT INTO subjects (tenant_id, scheme_id, code, name, group_code, kind, unit_code, position)
     SELECT tenant_id, $3, code, name, group_code, kind, unit_code, position FROM subjects WHERE tenant_id = $1 AND scheme_id = $2
     RETURNING id`,
    [ctx.tenantId, fromId, toId],
  );
  if (!copyTargets) return { subjects: subjects.length, targets: 0 };
  const targets: unknown[] = await em.query(
    `WITH effective AS (
       SELECT DISTINCT ON (i.subject_id, i.indicator_code) s.code, s.group_code, i.indicator_code, i.value->'target' AS target
         FROM inputs i JOIN subjects s ON s.tenant_id = i.tenant_id AND s.id = i.subject_id
        WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.period = 'ANNUAL' AND jsonb_typeof(i.value->'target') = 'number'
        ORDER BY i.subject_id, i.indicator_code, CASE i.source WHEN 'REVIEW' THEN 0 WHEN 'MONITOR' THEN 1 ELSE 2 END
     ), nodes AS (
       SELECT DISTINCT g->>'code' AS grp, c #>> '{}' AS code
         FROM schemes sc, jsonb_array_elements(sc.definition->'groups') g, jsonb_path_query(g->'root', 'strict $.**.code') c
        WHERE sc.tenant_id = $1 AND sc.id = $3
     )
     INSERT INTO inputs (tenant_id, scheme_id, subject_id, indicator_code, source, period, value, entered_by)
     SELECT $1, $3, n.id, e.indicator_code, 'SELF', 'ANNUAL', jsonb_build_object('target', e.target), $4
       FROM effective e JOIN subjects n ON n.tenant_id = $1 AND n.scheme_id = $3 AND n.code = e.code
       JOIN nodes ON nodes.grp = e.group_code AND nodes.code = e.indicator_code
     RETURNING id`,
    [ctx.tenantId, fromId, toId, callerId(ctx)],
  );
  return { subjects: subjects.length, targets: targets.length };
}
