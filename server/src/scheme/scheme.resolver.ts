import { GraphQLJSON } from 'graphql-scalars';
import { JSON_ARG } from '../graphql/json-arg';
import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AuditEntry } from '../audit/audit.entity';
import { notFound } from '../common/errors';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { Scheme } from './scheme.entity';
import { CloneSchemeArgs, SchemeFilter } from './scheme.inputs';
import { schemeService } from './scheme.service';

/** Readers: every tenant role, and API keys with schemes:read (published and closed schemes only). */

@Resolver(() => Scheme)
export class SchemeResolver {
  @Authorized(Permission.SCHEME_EDIT)
  @Mutation(() => Scheme, {
    description:
      'Creates a DRAFT from a scheme definition (groups, indicator tree, grades, rules); invalid → BAD_USER_INPUT with extensions.problems.',
  })
  importScheme(
    @Ctx() ctx: RequestContext,
    @Arg('definition', () => GraphQLJSON, {
      ...JSON_ARG,
      description:
        'The scheme definition (JSON, the scheme format): code, name, year, groups with their indicator trees, grades, rules. Its code must not be taken in the tenant (CONFLICT).',
    })
    definition: unknown,
  ): Promise<Scheme> {
    return schemeService.import(ctx, definition);
  }

  @Authorized(Permission.SCHEME_READ)
  @Query(() => GraphQLJSON, { description: 'The definition as imported (or as last edited).' })
  exportScheme(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<unknown> {
    return schemeService.export(ctx, id);
  }

  @Authorized(Permission.SCHEME_PUBLISH)
  @Mutation(() => Scheme, {
    description: 'Publishes a DRAFT scheme: it is frozen and data entry opens (sends SCHEME_PUBLISHED webhooks).',
  })
  publishScheme(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<Scheme> {
    return schemeService.publish(ctx, id);
  }

  @Authorized(Permission.SCHEME_PUBLISH)
  @Mutation(() => Scheme, {
    description: "Closes a PUBLISHED scheme's year once its results are published (sends SCHEME_CLOSED webhooks).",
  })
  closeScheme(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<Scheme> {
    return schemeService.close(ctx, id);
  }

  @Authorized(Permission.SCHEME_EDIT)
  @Mutation(() => Scheme, { description: "A new DRAFT with the definition's code and year replaced." })
  cloneScheme(@Ctx() ctx: RequestContext, @Args(() => CloneSchemeArgs) args: CloneSchemeArgs): Promise<Scheme> {
    return schemeService.clone(ctx, args);
  }

  @Authorized(Permission.SCHEME_EDIT)
  @Mutation(() => Scheme, {
    description: "Replaces a DRAFT's definition; `version` must be the current one (else CONFLICT).",
  })
  updateSchemeDefinition(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
    @Arg('version', () => Int, {
      description: 'The version you read (the change is refused with CONFLICT when it moved on).',
    })
    version: number,
    @Arg('definition', () => GraphQLJSON, {
      ...JSON_ARG,
      description: 'The whole new definition (JSON, the scheme format), checked like importScheme.',
    })
    definition: unknown,
  ): Promise<Scheme> {
    return schemeService.updateDefinition(ctx, id, version, definition);
  }

  @Authorized(Permission.SCHEME_READ)
  @Query(() => [Scheme], {
    description: "The tenant's schemes (API keys: PUBLISHED and CLOSED ones), optionally of one year.",
  })
  schemes(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only schemes of this year.' }) year?: number,
  ): Promise<Scheme[]> {
    return schemeService.all(ctx, year);
  }

  @Authorized(Permission.SCHEME_READ)
  @Query(() => Scheme, { nullable: true, description: 'One scheme by id.' })
  async scheme(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The scheme.' }) id: string,
  ): Promise<Scheme | null> {
    // Another tenant's id answers exactly like a missing one: NOT_FOUND.
    const found = await schemeService.get(ctx, id);
    if (!found) throw notFound('Scheme');
    return found;
  }

  @Authorized(Permission.SCHEME_READ)
  @Query(() => [Scheme], { complexity: listComplexity, description: 'Schemes, paged and filtered.' })
  allSchemes(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => SchemeFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: SchemeFilter,
  ): Promise<Scheme[]> {
    return schemeService.list(ctx, args, filter);
  }

  @Authorized(Permission.SCHEME_READ)
  @Query(() => ListMetadata, { description: 'How many schemes match the filter (for paging allSchemes).' })
  async _allSchemesMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => SchemeFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: SchemeFilter,
  ): Promise<ListMetadata> {
    return { count: await schemeService.count(ctx, filter) };
  }

  @Authorized(Permission.SCHEME_READ)
  @Query(() => Scheme, { nullable: true, description: 'One scheme by id.' })
  async Scheme(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<Scheme | null> {
    // Another tenant's id answers exactly like a missing one.
    const found = await schemeService.get(ctx, id);
    if (!found) throw notFound('Scheme');
    return found;
  }

  @Authorized(Permission.SCHEME_EDIT)
  @Query(() => [AuditEntry], { description: "The scheme's audit records, oldest first, with before/after." })
  schemeHistory(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<AuditEntry[]> {
    return schemeService.history(ctx, id);
  }
}
