import {
  PERIOD_SHARE,
  isCategory,
  progressOf,
  progressThresholds,
  type IndicatorNode,
  type ProgressValue,
  type SchemeNode,
  type Subject,
} from '@kaoping/shared';
import type { RequestContext } from '../context/request-context';
import { departmentService } from '../department/department.service';
import { InputSource, Period } from '../input/input.entity';
import { schemeService } from '../scheme/scheme.service';
import { callerUnit } from '../common/caller';
import { definitionOf } from '../subject/data-guard';
import type { Progress, ProgressDepartment, ProgressItem, ProgressLevel } from './progress.types';

const NIL = '00000000-0000-0000-0000-000000000000';

export interface ProgressFilter {
  /** A unit's code: the unit and its members. */
  unit?: string | null;
  /** An owner department's code. */
  department?: string | null;
  level?: ProgressLevel | null;
}

/**
 * Subjects in import order (a UNIT caller: its own unit and members only, whatever it asks) and,
 * per subject and indicator, the effective input (REVIEW over MONITOR over SELF) of the period and
 * of ANNUAL (for its target), in one statement each.
 */
async function load(ctx: RequestContext, schemeId: string, period: Period, unit: string | null) {
  const em = await ctx.em();
  const subjects: { code: string; name: string; group_code: string; unit_code: string | null }[] = await em.query(
    `SELECT code, name, group_code, unit_code FROM subjects
      WHERE tenant_id = $1 AND scheme_id = $2 AND ($3::text IS NULL OR code = $3 OR unit_code = $3)
      ORDER BY position, id`,
    [ctx.tenantId, schemeId, unit],
  );
  const inputs: {
    code: string;
    indicator: string;
    period: Period;
    source: InputSource;
    value: Record<string, unknown>;
  }[] = await em.query(
    `SELECT DISTINCT ON (i.subject_id, i.indicator_code, i.period) s.code, i.indicator_code AS indicator, i.period, i.source, i.value
       FROM inputs i JOIN subjects s ON s.tenant_id = i.tenant_id AND s.id = i.subject_id
      WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.period = ANY($3::text[])
        AND ($4::text IS NULL OR s.code = $4 OR s.unit_code = $4)
      ORDER BY i.subject_id, i.indicator_code, i.period, CASE i.source WHEN 'REVIEW' THEN 0 WHEN 'MONITOR' THEN 1 ELSE 2 END`,
    [ctx.tenantId, schemeId, [period, Period.ANNUAL], unit],
  );
  return { subjects, inputs };
}

function indicatorsOf(node: SchemeNode, out: Map<string, IndicatorNode>): Map<string, IndicatorNode> {
  if (isCategory(node)) node.children.forEach((c) => indicatorsOf(c, out));
  else out.set(node.code, node);
  return out;
}

/** The owner departments an indicator names (`owners`, an optional key of the scheme format). */
export function ownersOf(node: IndicatorNode | undefined): string[] {
  return node?.owners ?? [];
}

/** The tenant's department names by code (a code the tenant lacks stands for itself). */
async function departmentNames(ctx: RequestContext): Promise<Map<string, string>> {
  return new Map((await departmentService.all(ctx)).map((d) => [d.code, d.name]));
}

export const progressService = {
  /**
   * `progress(schemeId, period, …)`: every subject × indicator that reads an `actual`, measured by
   * the shared engine's `progressOf` at the period's share of the year, then filtered. The scope is
   * the one of `inputs`: a UNIT user sees its own unit (and members) only.
   */
  async progress(
    ctx: RequestContext,
    schemeId: string,
    period: Period,
    filter: ProgressFilter = {},
  ): Promise<Progress> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    const definition = definitionOf(scheme);
    let unit = filter.unit ?? null;
    const callerOwn = await callerUnit(ctx);
    if (callerOwn !== null) {
      const own = callerOwn || NIL;
      // another unit than its own: nothing (as the inputs query answers), never an error that tells it exists
      unit = unit === null || unit === own ? own : NIL;
    }
    const { subjects, inputs } = await load(ctx, scheme.id, period, unit);

    const values = new Map<string, ProgressValue & { source?: InputSource }>();
    const key = (s: string, i: string) => `${s}\u0000${i}`;
    for (const r of inputs.filter((x) => x.period === period)) {
      const v = r.value as { actual?: number; target?: number; notApplicable?: boolean };
      values.set(key(r.code, r.indicator), {
        subject: r.code,
        indicator: r.indicator,
        actual: v.actual,
        target: v.target,
        notApplicable: v.notApplicable,
        source: r.source,
      });
    }
    if (period !== Period.ANNUAL) {
      for (const r of inputs.filter((x) => x.period === Period.ANNUAL)) {
        const target = (r.value as { target?: number }).target;
        if (typeof target !== 'number') continue;
        const k = key(r.code, r.indicator);
        values.set(k, { ...(values.get(k) ?? { subject: r.code, indicator: r.indicator }), annualTarget: target });
      }
    }
    const engineSubjects: Subject[] = subjects.map((s) => ({
      code: s.code,
      name: s.name,
      group: s.group_code,
      ...(s.unit_code ? { unit: s.unit_code } : {}),
    }));
    const items = progressOf(definition, engineSubjects, [...values.values()], PERIOD_SHARE[period]);

    const subjectOf = new Map(subjects.map((s) => [s.code, s]));
    const unitName = new Map(subjects.filter((s) => !s.unit_code).map((s) => [s.code, s.name]));
    const nodes = new Map(definition.groups.map((g) => [g.code, indicatorsOf(g.root, new Map())]));
    const names = await departmentNames(ctx);
    const out: ProgressItem[] = [];
    for (const it of items) {
      const s = subjectOf.get(it.subject)!;
      const node = nodes.get(s.group_code)?.get(it.indicator);
      const owners: ProgressDepartment[] = ownersOf(node).map((code) => ({ code, name: names.get(code) ?? code }));
      if (filter.department && !owners.some((o) => o.code === filter.department)) continue;
      if (filter.level && it.level !== filter.level) continue;
      const unitCode = s.unit_code ?? s.code;
      out.push({
        ...it,
        direction: it.direction as ProgressItem['direction'],
        level: it.level,
        subjectName: s.name,
        unit: unitCode,
        unitName: unitName.get(unitCode) ?? unitCode,
        group: s.group_code,
        indicatorName: node?.name ?? it.indicator,
        measure: node?.unit ?? null,
        owners,
        source: values.get(key(it.subject, it.indicator))?.source ?? null,
      });
    }
    return {
      schemeId: scheme.id,
      period,
      expected: PERIOD_SHARE[period],
      thresholds: progressThresholds(definition),
      items: out,
    };
  },
};
