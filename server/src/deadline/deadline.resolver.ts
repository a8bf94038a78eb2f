import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { InputSource, Period } from '../input/input.entity';
import { Permission } from '../auth/permissions';
import { deadlineService } from './deadline.service';
import { Deadline, DeadlineInput, NotSubmitted, NotSubmittedArgs, ReopenDeadlineInput } from './deadline.types';
import { notSubmitted } from './not-submitted';

@Resolver(() => Deadline)
export class DeadlineResolver {
  @Authorized(Permission.DATA_READ)
  @Query(() => [Deadline], { description: "A scheme's deadlines, earliest first, with their reopenings." })
  deadlines(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
  ): Promise<Deadline[]> {
    return deadlineService.list(ctx, schemeId);
  }

  @Authorized(Permission.NOT_SUBMITTED_READ)
  @Query(() => NotSubmitted, {
    description: 'The units that have not entered all expected inputs of a period and source, with its deadline.',
  })
  notSubmitted(@Ctx() ctx: RequestContext, @Args(() => NotSubmittedArgs) a: NotSubmittedArgs): Promise<NotSubmitted> {
    return notSubmitted(ctx, a.schemeId, a.period, a.source);
  }

  @Authorized(Permission.DEADLINE_MANAGE)
  @Mutation(() => Deadline, { description: 'Sets (or moves) the deadline of a period and source; audited.' })
  setDeadline(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeadlineInput, { description: 'The deadline.' }) input: DeadlineInput,
  ): Promise<Deadline> {
    return deadlineService.set(ctx, input);
  }

  @Authorized(Permission.DEADLINE_MANAGE)
  @Mutation(() => Boolean, {
    description: 'Removes the deadline of a period and source (false when there was none); audited.',
  })
  clearDeadline(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('period', () => Period, { description: 'The period.' }) period: Period,
    @Arg('source', () => InputSource, { description: 'The source.' }) source: InputSource,
  ): Promise<boolean> {
    return deadlineService.clear(ctx, schemeId, period, source);
  }

  @Authorized(Permission.DEADLINE_MANAGE)
  @Mutation(() => Deadline, {
    description: 'Reopens a deadline for one unit or department until a later time; audited.',
  })
  reopenDeadline(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReopenDeadlineInput, { description: 'Whom and until when.' }) input: ReopenDeadlineInput,
  ): Promise<Deadline> {
    return deadlineService.reopen(ctx, input);
  }
}
