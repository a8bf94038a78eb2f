import { GraphQLJSON } from 'graphql-scalars';
import { JSON_ARG } from '../graphql/json-arg';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { DataInput, Discrepancy, ImportReport, InputSource, Period } from './input.entity';
import { setBallotsBatch } from './ballots-batch';
import { setInputs } from './input-batch';
import { BallotRowInput, InputFilter, InputRowInput } from './input.inputs';
import { inputService } from './input.service';

@Resolver(() => DataInput)
export class InputResolver {
  @Authorized(Permission.DATASET_IMPORT)
  @Mutation(() => ImportReport, {
    description:
      'A dataset (subjects, inputs, adjustments) into a PUBLISHED scheme (else CONFLICT), all or nothing; invalid → BAD_USER_INPUT with extensions.problems. ' +
      'ASSESSOR imports REVIEW, MONITOR imports MONITOR, ADMIN any source. Same idempotencyKey → the first report; with another payload → CONFLICT.',
  })
  importDataset(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('dataset', () => GraphQLJSON, {
      ...JSON_ARG,
      description:
        'The dataset (JSON): `{ formatVersion, subjects, inputs, adjustments }`; subjects are upserted by code.',
    })
    dataset: unknown,
    @Arg('source', () => InputSource, {
      defaultValue: InputSource.REVIEW,
      description:
        'Which source the inputs are recorded as (default REVIEW); must be one your role writes (else FORBIDDEN).',
    })
    source: InputSource,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key of 1–200 characters you choose per import: a retry with the same key and payload answers the first report without writing again.',
    })
    idempotencyKey?: string,
  ): Promise<ImportReport> {
    return inputService.importDataset(ctx, schemeId, dataset, source, idempotencyKey);
  }

  @Authorized(Permission.INPUT_WRITE)
  @Mutation(() => DataInput, {
    description:
      'UNIT: SELF for its own unit; MONITOR: MONITOR; ASSESSOR: REVIEW; ADMIN: any. The scheme must be PUBLISHED.',
  })
  setInput(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('subject', {
      description: "The subject's code. A UNIT user may name only its own unit or its members (else FORBIDDEN).",
    })
    subject: string,
    @Arg('indicator', { description: "The indicator's code (one of the subject's group tree that takes an input)." })
    indicator: string,
    @Arg('source', () => InputSource, {
      description: 'Which source the value is recorded as; must be one your role writes (else FORBIDDEN).',
    })
    source: InputSource,
    @Arg('value', () => GraphQLJSON, {
      ...JSON_ARG,
      description:
        "The input fields (JSON) the indicator's method reads: actual, target, previous, score, grade, ballots or notApplicable; checked by the engine (BAD_USER_INPUT with extensions.problems).",
    })
    value: unknown,
    @Arg('period', () => Period, {
      defaultValue: Period.ANNUAL,
      description: 'The period of the value (default ANNUAL); only ANNUAL values are scored.',
    })
    period: Period,
  ): Promise<DataInput> {
    return inputService.set(ctx, schemeId, subject, indicator, source, period, value);
  }

  @Authorized(Permission.INPUT_WRITE)
  @Mutation(() => [DataInput], {
    description:
      'Many values of one source and period (a grid save or a paste), all or nothing, each row checked like setInput; at most 2000 rows. ' +
      'Bad rows → BAD_USER_INPUT (a UNIT acting for another unit: FORBIDDEN) with extensions.problems [{ path: /rows/<i>/…, row, subject, indicator, code, params, message }].',
  })
  setInputs(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('source', () => InputSource, {
      description: 'Which source every row is recorded as; must be one your role writes (else FORBIDDEN).',
    })
    source: InputSource,
    @Arg('rows', () => [InputRowInput], { description: 'The values, at most 2,000 rows.' }) rows: InputRowInput[],
    @Arg('period', () => Period, {
      defaultValue: Period.ANNUAL,
      description: 'The period of every row (default ANNUAL).',
    })
    period: Period,
  ): Promise<DataInput[]> {
    return setInputs(ctx, schemeId, source, period, rows);
  }

  @Authorized(Permission.BALLOT_WRITE)
  @Mutation(() => DataInput, {
    description:
      "Ballot counts `{ voterGroup: { option: count } }` of a SURVEY indicator: the REVIEW/ANNUAL input's ballots.",
  })
  setBallots(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('subject', { description: "The subject's code." }) subject: string,
    @Arg('indicator', { description: "Code of a SURVEY indicator of the subject's group." }) indicator: string,
    @Arg('ballots', () => GraphQLJSON, {
      ...JSON_ARG,
      description:
        'Ballot counts (JSON) `{ voterGroup: { option: count } }`, non-negative integers, with the voter groups and options the indicator defines.',
    })
    ballots: unknown,
  ): Promise<DataInput> {
    return inputService.setBallots(ctx, schemeId, subject, indicator, ballots);
  }

  @Authorized(Permission.BALLOT_WRITE)
  @Mutation(() => [DataInput], {
    description:
      "setBallots for many subjects/indicators at once (the ballot page), all or nothing, at most 2000 rows; each row's other input fields are kept. " +
      'Bad rows → BAD_USER_INPUT with extensions.problems [{ path: /rows/<i>/…, row, subject, indicator, code, params, message }]; a value written meanwhile → CONFLICT.',
  })
  setBallotsBatch(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('rows', () => [BallotRowInput], { description: 'The ballot counts, at most 2,000 rows.' })
    rows: BallotRowInput[],
  ): Promise<DataInput[]> {
    return setBallotsBatch(ctx, schemeId, rows);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => [DataInput], { description: "A UNIT user sees its own unit's inputs only." })
  inputs(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('subject', () => String, { nullable: true, description: "Only this subject's inputs (its code)." })
    subject?: string,
    @Arg('indicator', () => String, { nullable: true, description: "Only this indicator's inputs (its code)." })
    indicator?: string,
    @Arg('source', () => InputSource, { nullable: true, description: 'Only inputs from this source.' })
    source?: InputSource,
    @Arg('period', () => Period, { nullable: true, description: 'Only inputs for this period.' }) period?: Period,
  ): Promise<DataInput[]> {
    return inputService.all(ctx, { schemeId, subject, indicator, source, period });
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => [DataInput], { complexity: listComplexity, description: 'Inputs, paged and filtered.' })
  allInputs(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => InputFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: InputFilter,
  ): Promise<DataInput[]> {
    return inputService.list(ctx, args, filter ?? {});
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => ListMetadata, { description: 'How many inputs match the filter (for paging allInputs).' })
  async _allInputsMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => InputFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: InputFilter,
  ): Promise<ListMetadata> {
    return { count: await inputService.count(ctx, filter ?? {}) };
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => DataInput, { nullable: true, description: 'One input by id.' })
  Input(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<DataInput> {
    return inputService.get(ctx, id);
  }

  @Authorized(Permission.DISCREPANCY_READ)
  @Query(() => [Discrepancy], {
    description:
      "ANNUAL SELF vs MONITOR values differing by more than the scheme's reviewThreshold (any difference when MONITOR is 0).",
  })
  discrepancies(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
  ): Promise<Discrepancy[]> {
    return inputService.discrepancies(ctx, schemeId);
  }
}
