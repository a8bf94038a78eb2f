import type { Scheme as SchemeDefinition } from '@kaoping/shared';
import { Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { inputIndicators } from '../dashboard/completeness';
import { Dashboard } from '../dashboard/dashboard.types';
import { schemeService } from '../scheme/scheme.service';
import { Permission } from '../auth/permissions';
import { callerUnit } from '../common/caller';
import { ownersByIndicator } from './ownership';

@ObjectType({
  description: 'Data completeness of one department: the subjects × the indicators it owns in the scheme.',
})
export class DepartmentCompleteness {
  @Field({ description: 'The department code.' })
  code!: string;

  @Field({ description: 'The department name.' })
  name!: string;

  @Field(() => Int, { description: 'The (group, indicator) pairs of the scheme that name it as an owner.' })
  indicators!: number;

  @Field(() => Int, {
    description: 'Cells (subject × owned indicator) expected (a UNIT user: its own unit and members only).',
  })
  expected!: number;

  @Field(() => Int, { description: 'Expected cells with an ANNUAL MONITOR value (what the department entered).' })
  entered!: number;

  @Field(() => Int, { description: 'Expected cells with an ANNUAL value from any source.' })
  effective!: number;
}

/**
 * One statement: per department of the tenant, the expected cells of the indicators it owns ($3:
 * department, group, indicator triples from the scheme's `owners`) and how many have a MONITOR
 * value or any value. $4 a UNIT user's unit code (its unit and members), else null.
 */
const SQL = `
  WITH want AS (SELECT x.dept, x.grp, x.indicator FROM jsonb_to_recordset($3::jsonb) AS x(dept text, grp text, indicator text)),
  subj AS (SELECT s.id, s.group_code FROM subjects s WHERE s.tenant_id = $1 AND s.scheme_id = $2 AND ($4::text IS NULL OR s.code = $4 OR s.unit_code = $4)),
  expected AS (SELECT w.dept, count(*)::int AS n FROM want w JOIN subj s ON s.group_code = w.grp GROUP BY w.dept),
  entered AS (
    SELECT w.dept, count(DISTINCT (i.subject_id, i.indicator_code)) FILTER (WHERE i.source = 'MONITOR')::int AS m,
           count(DISTINCT (i.subject_id, i.indicator_code))::int AS e
      FROM want w JOIN subj s ON s.group_code = w.grp
      JOIN inputs i ON i.tenant_id = $1 AND i.scheme_id = $2 AND i.subject_id = s.id AND i.indicator_code = w.indicator AND i.period = 'ANNUAL'
     GROUP BY w.dept)
  SELECT d.code, d.name, (SELECT count(*)::int FROM want WHERE want.dept = d.code) AS indicators,
         coalesce(x.n, 0) AS expected, coalesce(e.m, 0) AS entered, coalesce(e.e, 0) AS effective
    FROM departments d LEFT JOIN expected x ON x.dept = d.code LEFT JOIN entered e ON e.dept = d.code
   WHERE d.tenant_id = $1
   ORDER BY d.code`;

/** (department, group, indicator) of every owned indicator that takes an input. */
export function ownedCells(definition: SchemeDefinition): { dept: string; grp: string; indicator: string }[] {
  const owners = ownersByIndicator(definition);
  return (definition.groups ?? []).flatMap((g) =>
    inputIndicators(g.root).flatMap((indicator) =>
      (owners.get(g.code)?.get(indicator) ?? []).map((dept) => ({ dept, grp: g.code, indicator })),
    ),
  );
}

@Resolver(() => Dashboard)
export class DashboardDepartmentsResolver {
  @Authorized(Permission.DATA_READ)
  @FieldResolver(() => [DepartmentCompleteness], {
    description:
      'Per department of the tenant (by code): inputs entered vs expected for the indicators it owns in the scheme.',
  })
  async departments(@Ctx() ctx: RequestContext, @Root() d: Dashboard): Promise<DepartmentCompleteness[]> {
    if (!d.scheme) return [];
    const scheme = await schemeService.findOrFail(ctx, d.scheme.id);
    const unit = await callerUnit(ctx);
    const want = ownedCells(scheme.definition as unknown as SchemeDefinition);
    return (await ctx.em()).query(SQL, [ctx.tenantId, scheme.id, JSON.stringify(want), unit]);
  }
}
