import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../context/request-context';
import { dashboardService } from './dashboard.service';
import { Dashboard, GroupCompleteness } from './dashboard.types';

/** Every tenant role reads the dashboard; a UNIT user's figures cover its own unit (and its members) only. */
@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized(Permission.DATA_READ)
  @Query(() => Dashboard, {
    description:
      'Where the year stands: the scheme (given, else the current one), completeness per group, open discrepancies, claimed adjustments, the newest run.',
  })
  dashboard(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { nullable: true, description: 'The scheme.' }) schemeId?: string,
  ): Promise<Dashboard> {
    return dashboardService.dashboard(ctx, schemeId);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => [GroupCompleteness], {
    description:
      'Per group: subjects × input indicators expected vs entered, per source and effective (REVIEW over MONITOR over SELF).',
  })
  dataCompleteness(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
  ): Promise<GroupCompleteness[]> {
    return dashboardService.completenessOf(ctx, schemeId);
  }
}
