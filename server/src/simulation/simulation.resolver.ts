import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../context/request-context';
import { JSON_ARG } from '../graphql/json-arg';
import { simulationService } from './simulation.service';
import { Simulation } from './simulation.types';

@Resolver(() => Simulation)
export class SimulationResolver {
  @Authorized(Permission.SIMULATE)
  @Query(() => Simulation, {
    description:
      "What-if: evaluates `definition` (default: the scheme's own, which may be a DRAFT) over the current effective data of scheme `dataFrom` (default: the scheme itself), " +
      'subjects, indicators and rules matched by code (unknown ones listed in `unmatched`), next to the newest run of `dataFrom`. Stores nothing. ' +
      'An invalid definition, or data it cannot evaluate, is BAD_USER_INPUT with extensions.problems.',
  })
  simulate(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('definition', () => GraphQLJSON, {
      ...JSON_ARG,
      nullable: true,
      description: 'The scheme definition (JSON, the scheme format).',
    })
    definition?: unknown,
    @Arg('dataFrom', () => ID, {
      nullable: true,
      description:
        "The scheme whose data is evaluated (default: `schemeId` itself), e.g. last year's PUBLISHED scheme for a new DRAFT.",
    })
    dataFrom?: string,
  ): Promise<Simulation> {
    return simulationService.simulate(ctx, schemeId, definition ?? undefined, dataFrom);
  }

  @Authorized(Permission.SIMULATE)
  @Query(() => GraphQLJSON, {
    description:
      'The data a what-if evaluates, for evaluating in the browser: `{ dataset, before: { runId, subjects: [{ subject, final, rank, grade }] } | null }` of the scheme.',
  })
  simulationData(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
  ): Promise<unknown> {
    return simulationService.data(ctx, schemeId);
  }
}
