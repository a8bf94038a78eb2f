import { GraphQLJSON } from 'graphql-scalars';
import { JSON_ARG } from '../graphql/json-arg';
import { DISCREPANCY_READERS } from '../auth/permissions';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { DATA_READERS } from '../subject/subject.resolver';
import { Role } from '../user/role';
import { DataInput, Discrepancy, ImportReport, InputSource, Period } from './input.entity';
import { setBallotsBatch } from './ballots-batch';
import { setInputs } from './input-batch';
import { BallotRowInput, InputFilter, InputRowInput } from './input.inputs';
import { inputService } from './input.service';

@Resolver(() => DataInput)
export class InputResolver {
  @Authorized(Role.ADMIN, Role.ASSESSOR, Role.MONITOR)
  @Mutation(() => ImportReport, {
    description:
      'A dataset (subjects, inputs, adjustments) into a PUBLISHED scheme (else CONFLICT), all or nothing; invalid → BAD_USER_INPUT with extensions.problems. ' +
      'ASSESSOR imports REVIEW, MONITOR imports MONITOR, ADMIN any source. Same idempotencyKey → the first report; with another payload → CONFLICT.',
  })
  importDataset(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('dataset', () => GraphQLJSON, JSON_ARG) dataset: unknown,
    @Arg('source', () => InputSource, { defaultValue: InputSource.REVIEW }) source: InputSource,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string,
  ): Promise<ImportReport> {
    return inputService.importDataset(ctx, schemeId, dataset, source, idempotencyKey);
  }

  @Authorized(Role.ADMIN, Role.ASSESSOR, Role.MONITOR, Role.UNIT)
  @Mutation(() => DataInput, { description: 'UNIT: SELF for its own unit; MONITOR: MONITOR; ASSESSOR: REVIEW; ADMIN: any. The scheme must be PUBLISHED.' })
  setInput(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('subject') subject: string,
    @Arg('indicator') indicator: string,
    @Arg('source', () => InputSource) source: InputSource,
    @Arg('value', () => GraphQLJSON, JSON_ARG) value: unknown,
    @Arg('period', () => Period, { defaultValue: Period.ANNUAL }) period: Period,
  ): Promise<DataInput> {
    return inputService.set(ctx, schemeId, subject, indicator, source, period, value);
  }

  @Authorized(Role.ADMIN, Role.ASSESSOR, Role.MONITOR, Role.UNIT)
  @Mutation(() => [DataInput], {
    description:
      'Many values of one source and period (a grid save or a paste), all or nothing, each row checked like setInput; at most 2000 rows. ' +
      'Bad rows → BAD_USER_INPUT (a UNIT acting for another unit: FORBIDDEN) with extensions.problems [{ path: /rows/<i>/…, row, subject, indicator, code, params, message }].',
  })
  setInputs(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('source', () => InputSource) source: InputSource,
    @Arg('rows', () => [InputRowInput]) rows: InputRowInput[],
    @Arg('period', () => Period, { defaultValue: Period.ANNUAL }) period: Period,
  ): Promise<DataInput[]> {
    return setInputs(ctx, schemeId, source, period, rows);
  }

  @Authorized(Role.ADMIN, Role.ASSESSOR)
  @Mutation(() => DataInput, { description: 'Ballot counts `{ voterGroup: { option: count } }` of a SURVEY indicator: the REVIEW/ANNUAL input\'s ballots.' })
  setBallots(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('subject') subject: string,
    @Arg('indicator') indicator: string,
    @Arg('ballots', () => GraphQLJSON, JSON_ARG) ballots: unknown,
  ): Promise<DataInput> {
    return inputService.setBallots(ctx, schemeId, subject, indicator, ballots);
  }

  @Authorized(Role.ADMIN, Role.ASSESSOR)
  @Mutation(() => [DataInput], {
    description:
      'setBallots for many subjects/indicators at once (the ballot page), all or nothing, at most 2000 rows; each row\'s other input fields are kept. ' +
      'Bad rows → BAD_USER_INPUT with extensions.problems [{ path: /rows/<i>/…, row, subject, indicator, code, params, message }]; a value written meanwhile → CONFLICT.',
  })
  setBallotsBatch(@Ctx() ctx: RequestContext, @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string, @Arg('rows', () => [BallotRowInput]) rows: BallotRowInput[]): Promise<DataInput[]> {
    return setBallotsBatch(ctx, schemeId, rows);
  }

  @Authorized(...DATA_READERS)
  @Query(() => [DataInput], { description: 'A UNIT user sees its own unit\'s inputs only.' })
  inputs(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('subject', () => String, { nullable: true }) subject?: string,
    @Arg('indicator', () => String, { nullable: true }) indicator?: string,
    @Arg('source', () => InputSource, { nullable: true }) source?: InputSource,
    @Arg('period', () => Period, { nullable: true }) period?: Period,
  ): Promise<DataInput[]> {
    return inputService.all(ctx, { schemeId, subject, indicator, source, period });
  }

  @Authorized(...DATA_READERS)
  @Query(() => [DataInput], { complexity: listComplexity, description: 'Inputs, paged and filtered.' })
  allInputs(@Ctx() ctx: RequestContext, @Args(() => ListArgs) args: ListArgs, @Arg('filter', () => InputFilter, { nullable: true, description: 'Which items to list (all when omitted).' }) filter?: InputFilter): Promise<DataInput[]> {
    return inputService.list(ctx, args, filter ?? {});
  }

  @Authorized(...DATA_READERS)
  @Query(() => ListMetadata, { description: 'How many inputs match the filter (for paging allInputs).' })
  async _allInputsMeta(@Ctx() ctx: RequestContext, @Args(() => ListArgs) _args: ListArgs, @Arg('filter', () => InputFilter, { nullable: true, description: 'Which items to list (all when omitted).' }) filter?: InputFilter): Promise<ListMetadata> {
    return { count: await inputService.count(ctx, filter ?? {}) };
  }

  @Authorized(...DATA_READERS)
  @Query(() => DataInput, { nullable: true, description: 'One input by id.' })
  Input(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<DataInput> {
    return inputService.get(ctx, id);
  }

  @Authorized(...DISCREPANCY_READERS)
  @Query(() => [Discrepancy], { description: 'ANNUAL SELF vs MONITOR values differing by more than the scheme\'s reviewThreshold (any difference when MONITOR is 0).' })
  discrepancies(@Ctx() ctx: RequestContext, @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string): Promise<Discrepancy[]> {
    return inputService.discrepancies(ctx, schemeId);
  }
}
