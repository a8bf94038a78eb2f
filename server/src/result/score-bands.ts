// A group's finals counted per 10-point band, over the whole group whoever asks (a UNIT user sees
// the population its own result sits in, never the other subjects' rows).
import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { resultService } from './result.service';

/** Band limits: below 60, 60–70, 70–80, 80–90, 90 and above. */
export const BAND_LIMITS = [60, 70, 80, 90];

@ObjectType({ description: 'How many subjects of a group have a final in [from, to) (from/to null: unbounded).' })
export class ScoreBand {
  @Field(() => Float, {
    nullable: true,
    description: 'Lowest final in the band (inclusive); null for the lowest band.',
  })
  from!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper limit of the band (exclusive); null for the highest band.',
  })
  to!: number | null;

  @Field(() => Int, { description: 'Subjects of the group whose final lies in the band.' })
  count!: number;
}

@Resolver()
export class ScoreBandResolver {
  @Authorized(Permission.RESULT_READ)
  @Query(() => [ScoreBand], {
    description: "A run's group: finals per score band (every band, zeros included). Runs visible as in `results`.",
  })
  async scoreBands(
    @Ctx() ctx: RequestContext,
    @Arg('runId', () => ID, { description: 'The result run.' }) runId: string,
    @Arg('group', () => String, { description: "The group's code." }) group: string,
  ): Promise<ScoreBand[]> {
    const run = await resultService.findOrFail(ctx, runId);
    const rows: { band: number; n: number }[] = await (
      await ctx.em()
    ).query(
      `SELECT width_bucket(final, $4::numeric[]) AS band, count(*)::int AS n
         FROM result_subjects WHERE tenant_id = $1 AND run_id = $2 AND group_code = $3 GROUP BY 1`,
      [ctx.tenantId, run.id, group, BAND_LIMITS],
    );
    const counts = new Map(rows.map((r) => [Number(r.band), r.n]));
    return [null, ...BAND_LIMITS].map((from, i) => ({ from, to: BAND_LIMITS[i] ?? null, count: counts.get(i) ?? 0 }));
  }
}
