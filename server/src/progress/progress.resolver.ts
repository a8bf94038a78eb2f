import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Period } from '../input/input.entity';
import { Permission } from '../auth/permissions';
import { progressService } from './progress.service';
import { Progress, ProgressLevel } from './progress.types';

/** Readable by whoever may read inputs, with the same scope: a UNIT user sees its own unit only. */
@Resolver(() => Progress)
export class ProgressResolver {
  @Authorized(Permission.DATA_READ)
  @Query(() => Progress, {
    description:
      "Progress through the year (督查): per subject and indicator, the period's cumulative value (REVIEW over MONITOR over SELF) against the annual target " +
      "and the share of the year elapsed, with a warning level. Only ANNUAL inputs are scored; this changes no score. Unknown or another tenant's scheme: NOT_FOUND.",
  })
  progress(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('period', () => Period, { description: 'Q1–Q4, H1, H2 (cumulative to date) or ANNUAL.' }) period: Period,
    @Arg('unit', () => String, { nullable: true, description: 'Only this unit (subject code) and its members.' })
    unit?: string,
    @Arg('department', () => String, { nullable: true, description: 'Only indicators this department (code) owns.' })
    department?: string,
    @Arg('level', () => ProgressLevel, { nullable: true, description: 'Only items at this level.' })
    level?: ProgressLevel,
  ): Promise<Progress> {
    return progressService.progress(ctx, schemeId, period, { unit, department, level });
  }
}
