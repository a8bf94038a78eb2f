import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { Adjustment, AdjustmentStatus } from './adjustment.entity';
import { AdjustmentFilter, ClaimAdjustmentArgs, DecideAdjustmentArgs, RejectAdjustmentArgs } from './adjustment.inputs';
import { adjustmentService } from './adjustment.service';

@Resolver(() => Adjustment)
export class AdjustmentResolver {
  @Authorized(Permission.ADJUSTMENT_CLAIM)
  @Mutation(() => Adjustment, {
    description: 'A CLAIMED adjustment; UNIT users for their own unit only. The scheme must be PUBLISHED.',
  })
  claimAdjustment(
    @Ctx() ctx: RequestContext,
    @Args(() => ClaimAdjustmentArgs) args: ClaimAdjustmentArgs,
  ): Promise<Adjustment> {
    return adjustmentService.claim(ctx, args);
  }

  @Authorized(Permission.ADJUSTMENT_VERIFY)
  @Mutation(() => Adjustment, { description: 'CLAIMED → VERIFIED; stale version or already decided → CONFLICT.' })
  verifyAdjustment(
    @Ctx() ctx: RequestContext,
    @Args(() => DecideAdjustmentArgs) a: DecideAdjustmentArgs,
  ): Promise<Adjustment> {
    return adjustmentService.decide(ctx, a.id, a.version, AdjustmentStatus.VERIFIED, null);
  }

  @Authorized(Permission.ADJUSTMENT_VERIFY)
  @Mutation(() => Adjustment, {
    description: 'CLAIMED → REJECTED with a reason; stale version or already decided → CONFLICT.',
  })
  rejectAdjustment(
    @Ctx() ctx: RequestContext,
    @Args(() => RejectAdjustmentArgs) a: RejectAdjustmentArgs,
  ): Promise<Adjustment> {
    return adjustmentService.decide(ctx, a.id, a.version, AdjustmentStatus.REJECTED, a.reason);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => [Adjustment], { description: "Entry order. A UNIT user sees its own unit's only." })
  adjustments(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('status', () => AdjustmentStatus, { nullable: true, description: 'Only adjustments in this state.' })
    status?: AdjustmentStatus,
  ): Promise<Adjustment[]> {
    return adjustmentService.all(ctx, schemeId, status);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => [Adjustment], { complexity: listComplexity, description: 'Adjustments, paged and filtered.' })
  allAdjustments(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => AdjustmentFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: AdjustmentFilter,
  ): Promise<Adjustment[]> {
    return adjustmentService.list(ctx, args, filter ?? {});
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => ListMetadata, { description: 'How many adjustments match the filter (for paging allAdjustments).' })
  async _allAdjustmentsMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => AdjustmentFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: AdjustmentFilter,
  ): Promise<ListMetadata> {
    return { count: await adjustmentService.count(ctx, filter ?? {}) };
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => Adjustment, { nullable: true, description: 'One adjustment by id.' })
  Adjustment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<Adjustment> {
    // Another tenant's id answers exactly like a missing one: NOT_FOUND.
    return adjustmentService.get(ctx, id);
  }
}
