import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { RunDiff, SubjectResult } from './result.entity';
import { MissingInput, ResultRun } from './result-run';
import { resultLifecycle } from './result-lifecycle';
import { ResultRunFilter } from './result.inputs';
import { resultService } from './result.service';
import { MAX_RESULTS_PAGE } from './result-read';
import { resultsNeed } from './result-selection';

/** Readers: every tenant role (UNIT: published runs, own unit only) and API keys with results:read (published runs only). */

/** A third party never pulls a whole province by accident: API keys get one page when they ask for no limit. */
const pageLimit = (ctx: RequestContext, limit: number | undefined) =>
  limit ?? (ctx.principal?.kind === 'apiKey' ? MAX_RESULTS_PAGE : null);

@Resolver(() => ResultRun)
export class ResultResolver {
  @Authorized(Permission.RESULT_COMPUTE)
  @Mutation(() => ResultRun, {
    description:
      'Computes a PUBLISHED scheme (else CONFLICT) over its effective dataset → a DRAFT run; when nothing changed since the newest run, that run.',
  })
  computeResults(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
  ): Promise<ResultRun> {
    return resultService.compute(ctx, schemeId);
  }

  @Authorized(Permission.RESULT_REVIEW)
  @Mutation(() => ResultRun, { description: "DRAFT → REVIEWED; the scheme's newest run only (else CONFLICT)." })
  reviewResults(
    @Ctx() ctx: RequestContext,
    @Arg('runId', () => ID, { description: 'The result run.' }) runId: string,
  ): Promise<ResultRun> {
    return resultLifecycle.step(ctx, runId, 'REVIEW');
  }

  @Authorized(Permission.RESULT_APPROVE)
  @Mutation(() => ResultRun, { description: "REVIEWED → APPROVED; the scheme's newest run only (else CONFLICT)." })
  approveResults(
    @Ctx() ctx: RequestContext,
    @Arg('runId', () => ID, { description: 'The result run.' }) runId: string,
  ): Promise<ResultRun> {
    return resultLifecycle.step(ctx, runId, 'APPROVE');
  }

  @Authorized(Permission.RESULT_PUBLISH)
  @Mutation(() => ResultRun, {
    description:
      "APPROVED → PUBLISHED (else CONFLICT); the scheme's previously published run becomes SUPERSEDED. A run with missing inputs needs acknowledgeMissing: true (else CONFLICT).",
  })
  publishResults(
    @Ctx() ctx: RequestContext,
    @Arg('runId', () => ID, { description: 'The result run.' }) runId: string,
    @Arg('acknowledgeMissing', () => Boolean, {
      defaultValue: false,
      description: 'Publish although the run has missing inputs (required when it has any; audited).',
    })
    acknowledgeMissing: boolean,
  ): Promise<ResultRun> {
    return resultLifecycle.step(ctx, runId, 'PUBLISH', { acknowledgeMissing });
  }

  @Authorized(Permission.RESULT_REVIEW, Permission.RESULT_APPROVE, Permission.RESULT_PUBLISH)
  @Mutation(() => ResultRun, {
    description:
      'Sends a DRAFT, REVIEWED or APPROVED run back (REJECTED, final) with a reason; by whoever may take its next step, or an ADMIN.',
  })
  rejectResults(
    @Ctx() ctx: RequestContext,
    @Arg('runId', () => ID, { description: 'The result run.' }) runId: string,
    @Arg('reason', () => String, { description: 'Why (shown to the people concerned).' }) reason: string,
  ): Promise<ResultRun> {
    return resultLifecycle.reject(ctx, runId, reason);
  }

  @FieldResolver(() => [MissingInput], {
    description: "The run's missing inputs, in subject order (UNIT users: their own unit's).",
  })
  missing(@Ctx() ctx: RequestContext, @Root() run: ResultRun): Promise<MissingInput[]> {
    return resultLifecycle.missing(ctx, run.id);
  }

  @Authorized(Permission.RESULT_READ)
  @Query(() => [SubjectResult], {
    description: `The given run, else the newest (API keys and UNIT users: newest published); subjects in import order; \`subject\`: that one only; \`grade\`, \`unit\` (the unit and its members) filter; pages: \`limit\` (1–${MAX_RESULTS_PAGE}; API keys: ${MAX_RESULTS_PAGE} when omitted) and \`offset\`.`,
  })
  results(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('group', () => String, {
      nullable: true,
      description: "Only this group's subjects (a group code of the scheme).",
    })
    group?: string,
    @Arg('runId', () => ID, { nullable: true, description: 'This run instead of the newest.' }) runId?: string,
    @Arg('subject', () => String, { nullable: true, description: 'Only this subject (its code).' }) subject?: string,
    @Arg('grade', () => String, {
      nullable: true,
      description: 'Only subjects with this grade (a grade code of the scheme).',
    })
    grade?: string,
    @Arg('unit', () => String, { nullable: true, description: 'Only this unit (a subject code) and its members.' })
    unit?: string,
    @Arg('limit', () => Int, {
      nullable: true,
      description: `1–${MAX_RESULTS_PAGE}; omitted: every subject (API keys: ${MAX_RESULTS_PAGE}).`,
    })
    limit?: number,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0, description: 'Subjects to skip before the page.' })
    offset?: number,
  ): Promise<SubjectResult[]> {
    return resultService.results(ctx, schemeId, {
      group,
      runId,
      subject,
      grade,
      unit,
      limit: pageLimit(ctx, limit),
      offset,
      need: resultsNeed(info),
    });
  }

  @Authorized(Permission.RESULT_READ)
  @Query(() => [SubjectResult], {
    description: `One group's results ordered by rank (then import order); run chosen as in \`results\`; paged as \`results\`.`,
  })
  rankings(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('group', () => String, { description: 'The group (a group code of the scheme).' }) group: string,
    @Arg('runId', () => ID, { nullable: true, description: 'This run instead of the newest.' }) runId?: string,
    @Arg('limit', () => Int, {
      nullable: true,
      description: `1–${MAX_RESULTS_PAGE}; omitted: every subject (API keys: ${MAX_RESULTS_PAGE}).`,
    })
    limit?: number,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0, description: 'Subjects to skip before the page.' })
    offset?: number,
  ): Promise<SubjectResult[]> {
    return resultService.results(ctx, schemeId, {
      group,
      runId,
      byRank: true,
      limit: pageLimit(ctx, limit),
      offset,
      need: resultsNeed(info),
    });
  }

  @Authorized(Permission.RESULT_READ)
  @Query(() => [RunDiff], { description: 'Subjects whose final, rank or grade changed from runA to runB.' })
  compareRuns(
    @Ctx() ctx: RequestContext,
    @Arg('runA', () => ID, { description: 'The earlier run.' }) runA: string,
    @Arg('runB', () => ID, { description: 'The later run.' }) runB: string,
  ): Promise<RunDiff[]> {
    return resultService.compare(ctx, runA, runB);
  }

  @Authorized(Permission.RESULT_READ)
  @Query(() => [ResultRun], { description: "A scheme's runs, newest first." })
  resultRuns(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
  ): Promise<ResultRun[]> {
    return resultService.runs(ctx, schemeId);
  }

  @Authorized(Permission.RESULT_READ)
  @Query(() => [ResultRun], {
    complexity: listComplexity,
    description: 'Result runs of every scheme, paged (API keys and UNIT users: PUBLISHED ones).',
  })
  allResultRuns(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => ResultRunFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: ResultRunFilter,
  ): Promise<ResultRun[]> {
    return resultService.list(ctx, args, filter);
  }

  @Authorized(Permission.RESULT_READ)
  @Query(() => ListMetadata, { description: 'How many result runs match the filter (for paging allResultRuns).' })
  async _allResultRunsMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => ResultRunFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: ResultRunFilter,
  ): Promise<ListMetadata> {
    return { count: await resultService.count(ctx, filter) };
  }

  @Authorized(Permission.RESULT_READ)
  @Query(() => ResultRun, { nullable: true, description: "Another tenant's or a missing id → NOT_FOUND." })
  ResultRun(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<ResultRun> {
    return resultService.get(ctx, id);
  }
}
