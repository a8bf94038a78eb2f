import type { Scheme as SchemeDefinition } from '@kaoping/shared';
import { notFound } from '../common/errors';
import { can, Permission } from '../auth/permissions';
import type { RequestContext } from '../context/request-context';
import { InputSource } from '../input/input.entity';
import { resultService } from '../result/result.service';
import { SchemeEntity, SchemeStatus } from '../scheme/scheme.entity';
import { schemeService, toSchemeView } from '../scheme/scheme.service';
import { callerUnit } from '../common/caller';
import { SubjectKind } from '../subject/subject.entity';
import { expectedCells } from './completeness';
import type { Dashboard, GroupCompleteness } from './dashboard.types';

const SOURCES = [InputSource.SELF, InputSource.MONITOR, InputSource.REVIEW];
const PRIORITY = `CASE i.source WHEN 'REVIEW' THEN 0 WHEN 'MONITOR' THEN 1 ELSE 2 END`;

/**
 * One statement: per group, the subjects and, per expected (subject, indicator) cell that has
 * ANNUAL inputs, which sources it has and which one is effective. $3 is the scheme's
 * (group, indicator) pairs; $4 a UNIT user's unit code (its unit and members), else null.
 */
const COMPLETENESS_SQL = `
  WITH want AS (SELECT x.grp, x.indicator FROM jsonb_to_recordset($3::jsonb) AS x(grp text, indicator text)),
  subj AS (
    SELECT s.id, s.group_code FROM subjects s
     WHERE s.tenant_id = $1 AND s.scheme_id = $2 AND ($4::text IS NULL OR s.code = $4 OR s.unit_code = $4)),
  cells AS (
    SELECT s.group_code,
           bool_or(i.source = 'SELF') AS has_self, bool_or(i.source = 'MONITOR') AS has_monitor, bool_or(i.source = 'REVIEW') AS has_review,
           (array_agg(i.source ORDER BY ${PRIORITY}))[1] AS top,
           coalesce((array_agg(i.value ORDER BY ${PRIORITY}))[1]->>'notApplicable' = 'true', false) AS na
      FROM inputs i
      JOIN subj s ON s.id = i.subject_id
      JOIN want w ON w.grp = s.group_code AND w.indicator = i.indicator_code
     WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.period = 'ANNUAL'
     GROUP BY s.group_code, i.subject_id, i.indicator_code)
  SELECT
    (SELECT coalesce(jsonb_object_agg(group_code, n), '{}'::jsonb) FROM (SELECT group_code, count(*)::int AS n FROM subj GROUP BY group_code) x) AS subjects,
    (SELECT coalesce(jsonb_object_agg(group_code, jsonb_build_object(
              'effective', n, 'na', na, 'SELF', s, 'MONITOR', m, 'REVIEW', r, 'eSELF', es, 'eMONITOR', em, 'eREVIEW', er)), '{}'::jsonb)
       FROM (SELECT group_code, count(*)::int AS n, count(*) FILTER (WHERE na)::int AS na,
                    count(*) FILTER (WHERE has_self)::int AS s, count(*) FILTER (WHERE has_monitor)::int AS m, count(*) FILTER (WHERE has_review)::int AS r,
                    count(*) FILTER (WHERE top = 'SELF')::int AS es, count(*) FILTER (WHERE top = 'MONITOR')::int AS em, count(*) FILTER (WHERE top = 'REVIEW')::int AS er
               FROM cells GROUP BY group_code) y) AS cells`;

/** `field` of SELF (s) and MONITOR (m) differs beyond the threshold ($5), in IEEE doubles like the discrepancies query's JavaScript. */
const EXCEEDS = (
  field: string,
) => `(jsonb_typeof(s->'${field}') = 'number' AND jsonb_typeof(m->'${field}') = 'number' AND
   CASE WHEN (m->>'${field}')::float8 = 0 THEN (s->>'${field}')::float8 <> 0
        ELSE abs((s->>'${field}')::float8 - (m->>'${field}')::float8) / abs((m->>'${field}')::float8) > $5::float8 END)`;

/**
 * One statement: the CLAIMED adjustments (of the unit, for a UNIT user) and, unless skipped ($4),
 * the discrepancies as `discrepancies(schemeId)` finds them (ANNUAL SELF vs MONITOR `actual`, else
 * `score`, beyond the scheme's reviewThreshold) and how many of them are still open: settled only by
 * a REVIEW value entered after both the SELF and the MONITOR value (as that query's `review`).
 */
const OPEN_WORK_SQL = `
  WITH pairs AS (
    SELECT a.value AS s, b.value AS m,
           EXISTS (SELECT 1 FROM inputs r WHERE r.tenant_id = a.tenant_id AND r.scheme_id = a.scheme_id AND r.subject_id = a.subject_id
                    AND r.indicator_code = a.indicator_code AND r.period = 'ANNUAL' AND r.source = 'REVIEW'
                    AND r.updated_at >= greatest(a.updated_at, b.updated_at)) AS reviewed
      FROM inputs a
      JOIN inputs b ON b.tenant_id = a.tenant_id AND b.scheme_id = a.scheme_id AND b.subject_id = a.subject_id
                   AND b.indicator_code = a.indicator_code AND b.period = 'ANNUAL' AND b.source = 'MONITOR'
     WHERE $4::boolean AND a.tenant_id = $1 AND a.scheme_id = $2 AND a.period = 'ANNUAL' AND a.source = 'SELF'),
  found AS (SELECT reviewed FROM pairs WHERE ${EXCEEDS('actual')} OR ${EXCEEDS('score')})
  SELECT
    (SELECT count(*)::int FROM adjustments a JOIN subjects s ON s.tenant_id = a.tenant_id AND s.id = a.subject_id
      WHERE a.tenant_id = $1 AND a.scheme_id = $2 AND a.status = 'CLAIMED' AND ($3::text IS NULL OR s.code = $3 OR s.unit_code = $3)) AS claimed,
    (SELECT count(*)::int FROM found) AS discrepancies,
    (SELECT count(*)::int FROM found WHERE NOT reviewed) AS open`;

const STATUS_ORDER = [SchemeStatus.PUBLISHED, SchemeStatus.DRAFT, SchemeStatus.CLOSED];

/** The current scheme: newest year's published one (data collection open), else the newest draft, else the newest closed. */
export function currentScheme(schemes: SchemeEntity[]): SchemeEntity | null {
  for (const status of STATUS_ORDER) {
    const found = schemes
      .filter((s) => s.status === status)
      .sort((a, b) => b.year - a.year || +b.createdAt - +a.createdAt)[0];
    if (found) return found;
  }
  return null;
}

export const dashboardService = {
  /**
   * Data completeness of a scheme per group, in one aggregate statement (plus the unit lookup
   * for UNIT users). Groups in scheme order; each source's figures SELF, MONITOR, REVIEW.
   */
  async completeness(ctx: RequestContext, scheme: SchemeEntity, unit: string | null): Promise<GroupCompleteness[]> {
    const definition = scheme.definition as unknown as SchemeDefinition;
    const want = expectedCells(definition);
    const [row] = await (await ctx.em()).query(COMPLETENESS_SQL, [ctx.tenantId, scheme.id, JSON.stringify(want), unit]);
    const subjects = row.subjects as Record<string, number>;
    const cells = row.cells as Record<string, Record<string, number>>;
    return (definition.groups ?? []).map((g) => {
      const indicators = want.filter((w) => w.grp === g.code).length;
      const n = subjects[g.code] ?? 0;
      const c = cells[g.code] ?? {};
      return {
        group: g.code,
        name: g.name,
        kind: g.kind === 'MEMBER' ? SubjectKind.MEMBER : SubjectKind.UNIT,
        subjects: n,
        indicators,
        expected: n * indicators,
        effective: c.effective ?? 0,
        notApplicable: c.na ?? 0,
        sources: SOURCES.map((source) => ({ source, entered: c[source] ?? 0, effective: c[`e${source}`] ?? 0 })),
      };
    });
  },

  /** `dataCompleteness(schemeId)`. */
  async completenessOf(ctx: RequestContext, schemeId: string): Promise<GroupCompleteness[]> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    return this.completeness(ctx, scheme, await callerUnit(ctx));
  },

  /**
   * `dashboard(schemeId)`: a constant number of statements whatever the tenant's size — the
   * schemes (1), a UNIT user's unit (1, UNIT only), completeness (1), open work (1), runs (1).
   */
  async dashboard(ctx: RequestContext, schemeId?: string | null): Promise<Dashboard> {
    const all = await (
      await schemeService.query(ctx)
    )
      .orderBy('s.year', 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .addOrderBy('s.code', 'ASC')
      .getMany();
    let scheme: SchemeEntity | null;
    if (schemeId) {
      scheme = all.find((s) => s.id === schemeId) ?? null;
      if (!scheme) throw notFound('Scheme');
    } else scheme = currentScheme(all);
    const schemes = all.map(toSchemeView);
    if (!scheme)
      return {
        scheme: null,
        schemes,
        completeness: [],
        discrepancies: null,
        openDiscrepancies: null,
        claimedAdjustments: 0,
        latestRun: null,
      };
    const unit = await callerUnit(ctx);
    const completeness = await this.completeness(ctx, scheme, unit);
    const readsDiscrepancies = can(ctx, Permission.DISCREPANCY_READ);
    const threshold = Number((scheme.definition as { reviewThreshold?: number }).reviewThreshold ?? 0.1);
    const [work] = await (
      await ctx.em()
    ).query(OPEN_WORK_SQL, [ctx.tenantId, scheme.id, unit, readsDiscrepancies, threshold]);
    const [latestRun] = await resultService.runs(ctx, scheme.id);
    return {
      scheme: toSchemeView(scheme),
      schemes,
      completeness,
      discrepancies: readsDiscrepancies ? work.discrepancies : null,
      openDiscrepancies: readsDiscrepancies ? work.open : null,
      claimedAdjustments: work.claimed,
      latestRun: latestRun ?? null,
    };
  },
};
