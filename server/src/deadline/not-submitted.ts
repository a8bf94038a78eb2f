import { indicatorsOf, type Scheme as SchemeDefinition } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { expectedCells } from '../dashboard/completeness';
import { InputSource, type Period } from '../input/input.entity';
import { schemeService } from '../scheme/scheme.service';
import { deadlineRows, tenantZone, toDeadline } from './deadline.service';
import type { DepartmentSubmission, NotSubmitted, UnitSubmission } from './deadline.types';

/**
 * Every unit's expected and entered inputs of one period and source: its subjects (the unit and
 * its members) × their group's indicators that take an input (LINKED ones take none), one statement.
 */
export async function unitSubmissions(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
  definition: SchemeDefinition,
  period: Period,
  source: InputSource,
): Promise<(UnitSubmission & { deadlineId: string | null })[]> {
  const rows: { unit: string; name: string | null; expected: number; entered: number; reopened_until: Date | null }[] =
    await em.query(
      `WITH cells AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS c(grp text, indicator text)),
          exp AS (SELECT COALESCE(s.unit_code, s.code) AS unit, s.id AS subject_id, c.indicator
                    FROM subjects s JOIN cells c ON c.grp = s.group_code WHERE s.tenant_id = $1 AND s.scheme_id = $2),
          d AS (SELECT id FROM deadlines WHERE tenant_id = $1 AND scheme_id = $2 AND period = $4 AND source = $5)
     SELECT e.unit, u.name, count(*)::int AS expected, count(i.id)::int AS entered,
            (SELECT max(x.until) FROM deadline_extensions x JOIN d ON d.id = x.deadline_id WHERE x.tenant_id = $1 AND x.target_kind = 'UNIT' AND x.target_code = e.unit) AS reopened_until
       FROM exp e
       LEFT JOIN inputs i ON i.tenant_id = $1 AND i.scheme_id = $2 AND i.subject_id = e.subject_id AND i.indicator_code = e.indicator AND i.source = $5 AND i.period = $4
       LEFT JOIN subjects u ON u.tenant_id = $1 AND u.scheme_id = $2 AND u.code = e.unit
      GROUP BY e.unit, u.name, u.position
      ORDER BY u.position, e.unit`,
      [tenantId, schemeId, JSON.stringify(expectedCells(definition)), period, source],
    );
  return rows.map((r) => ({
    unit: r.unit,
    name: r.name ?? r.unit,
    expected: r.expected,
    entered: r.entered,
    reopenedUntil: r.reopened_until,
    deadlineId: null,
  }));
}

/** (group, indicator, owner department) of every input-taking indicator that names owners. */
export function ownedCells(definition: SchemeDefinition): { grp: string; indicator: string; owner: string }[] {
  return (definition.groups ?? []).flatMap((g) =>
    indicatorsOf(g.root)
      .filter((n) => n.method?.type !== 'LINKED')
      .flatMap((n) => (n.owners ?? []).map((owner) => ({ grp: g.code, indicator: n.code, owner }))),
  );
}

/** Every owner department's expected and entered MONITOR inputs of one period: the subjects × the indicators it owns. */
export async function departmentSubmissions(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
  definition: SchemeDefinition,
  period: Period,
): Promise<DepartmentSubmission[]> {
  const cells = ownedCells(definition);
  if (!cells.length) return [];
  const rows: { code: string; name: string | null; expected: number; entered: number; reopened_until: Date | null }[] =
    await em.query(
      `WITH cells AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS c(grp text, indicator text, owner text)),
          exp AS (SELECT c.owner, s.id AS subject_id, c.indicator FROM subjects s JOIN cells c ON c.grp = s.group_code WHERE s.tenant_id = $1 AND s.scheme_id = $2),
          d AS (SELECT id FROM deadlines WHERE tenant_id = $1 AND scheme_id = $2 AND period = $4 AND source = 'MONITOR')
     SELECT e.owner AS code, dep.name, count(*)::int AS expected, count(i.id)::int AS entered,
            (SELECT max(x.until) FROM deadline_extensions x JOIN d ON d.id = x.deadline_id WHERE x.tenant_id = $1 AND x.target_kind = 'DEPARTMENT' AND x.target_code = e.owner) AS reopened_until
       FROM exp e
       LEFT JOIN inputs i ON i.tenant_id = $1 AND i.scheme_id = $2 AND i.subject_id = e.subject_id AND i.indicator_code = e.indicator AND i.source = 'MONITOR' AND i.period = $4
       LEFT JOIN departments dep ON dep.tenant_id = $1 AND dep.code = e.owner
      GROUP BY e.owner, dep.name
      ORDER BY e.owner`,
      [tenantId, schemeId, JSON.stringify(cells), period],
    );
  return rows.map((r) => ({
    code: r.code,
    name: r.name ?? r.code,
    expected: r.expected,
    entered: r.entered,
    reopenedUntil: r.reopened_until,
  }));
}

/** `notSubmitted(schemeId, period, source)`: the deadline and the units that have not entered all their expected inputs. */
export async function notSubmitted(
  ctx: RequestContext,
  schemeId: string,
  period: Period,
  source: InputSource,
): Promise<NotSubmitted> {
  const scheme = await schemeService.findOrFail(ctx, schemeId);
  const em = await ctx.em();
  const all = await unitSubmissions(
    em,
    ctx.tenantId,
    scheme.id,
    scheme.definition as unknown as SchemeDefinition,
    period,
    source,
  );
  const [d] = await deadlineRows(em, ctx.tenantId, 'd.scheme_id = $2 AND d.period = $3 AND d.source = $4', [
    scheme.id,
    period,
    source,
  ]);
  const missing = all.filter((u) => u.entered < u.expected).map(({ deadlineId: _, ...u }) => u);
  const departments =
    source === InputSource.MONITOR
      ? await departmentSubmissions(
          em,
          ctx.tenantId,
          scheme.id,
          scheme.definition as unknown as SchemeDefinition,
          period,
        )
      : [];
  return {
    deadline: d ? toDeadline(d, await tenantZone(em, ctx.tenantId)) : null,
    units: all.length,
    missing,
    departments: departments.length,
    missingDepartments: departments.filter((x) => x.entered < x.expected),
  };
}
