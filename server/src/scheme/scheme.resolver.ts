import { GraphQLJSON } from 'graphql-scalars';
import { JSON_ARG } from '../graphql/json-arg';
import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AuditEntry } from '../audit/audit.entity';
import { scope } from '../auth/permissions';
import { notFound } from '../common/errors';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Role } from '../user/role';
import { Scheme } from './scheme.entity';
import { CloneSchemeArgs, SchemeFilter } from './scheme.inputs';
import { schemeService } from './scheme.service';

/** Readers: every tenant role, and API keys with schemes:read (published and closed schemes only). */
const READERS = [Role.ADMIN, Role.ASSESSOR, Role.MONITOR, Role.LEADER, Role.VIEWER, Role.UNIT, scope('schemes:read')];

@Resolver(() => Scheme)
export class SchemeResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => Scheme, { description: 'Creates a DRAFT from a scheme definition (groups, indicator tree, grades, rules); invalid → BAD_USER_INPUT with extensions.problems.' })
  importScheme(@Ctx() ctx: RequestContext, @Arg('definition', () => GraphQLJSON, JSON_ARG) definition: unknown): Promise<Scheme> {
    return schemeService.import(ctx, definition);
  }

  @Authorized(...READERS)
  @Query(() => GraphQLJSON, { description: 'The definition as imported (or as last edited).' })
  exportScheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<unknown> {
    return schemeService.export(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Scheme, { description: 'Publishes a DRAFT scheme: it is frozen and data entry opens (sends SCHEME_PUBLISHED webhooks).' })
  publishScheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<Scheme> {
    return schemeService.publish(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Scheme, { description: 'Closes a PUBLISHED scheme\'s year once its results are published (sends SCHEME_CLOSED webhooks).' })
  closeScheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<Scheme> {
    return schemeService.close(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Scheme, { description: 'A new DRAFT with the definition\'s code and year replaced.' })
  cloneScheme(@Ctx() ctx: RequestContext, @Args(() => CloneSchemeArgs) args: CloneSchemeArgs): Promise<Scheme> {
    return schemeService.clone(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Scheme, { description: 'Replaces a DRAFT\'s definition; `version` must be the current one (else CONFLICT).' })
  updateSchemeDefinition(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read (the change is refused with CONFLICT when it moved on).' }) version: number,
    @Arg('definition', () => GraphQLJSON, JSON_ARG) definition: unknown,
  ): Promise<Scheme> {
    return schemeService.updateDefinition(ctx, id, version, definition);
  }

  @Authorized(...READERS)
  @Query(() => [Scheme], { description: "The tenant's schemes (API keys: PUBLISHED and CLOSED ones), optionally of one year." })
  schemes(@Ctx() ctx: RequestContext, @Arg('year', () => Int, { nullable: true, description: 'Only schemes of this year.' }) year?: number): Promise<Scheme[]> {
    return schemeService.all(ctx, year);
  }

  @Authorized(...READERS)
  @Query(() => Scheme, { nullable: true, description: 'One scheme by id.' })
  async scheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The scheme.' }) id: string): Promise<Scheme | null> {
    // Another tenant's id answers exactly like a missing one: NOT_FOUND.
    const found = await schemeService.get(ctx, id);
    if (!found) throw notFound('Scheme');
    return found;
  }

  @Authorized(...READERS)
  @Query(() => [Scheme], { complexity: listComplexity, description: 'Schemes, paged and filtered.' })
  allSchemes(@Ctx() ctx: RequestContext, @Args(() => ListArgs) args: ListArgs, @Arg('filter', () => SchemeFilter, { nullable: true, description: 'Which items to list (all when omitted).' }) filter?: SchemeFilter): Promise<Scheme[]> {
    return schemeService.list(ctx, args, filter);
  }

  @Authorized(...READERS)
  @Query(() => ListMetadata, { description: 'How many schemes match the filter (for paging allSchemes).' })
  async _allSchemesMeta(@Ctx() ctx: RequestContext, @Args(() => ListArgs) _args: ListArgs, @Arg('filter', () => SchemeFilter, { nullable: true, description: 'Which items to list (all when omitted).' }) filter?: SchemeFilter): Promise<ListMetadata> {
    return { count: await schemeService.count(ctx, filter) };
  }

  @Authorized(...READERS)
  @Query(() => Scheme, { nullable: true, description: 'One scheme by id.' })
  async Scheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<Scheme | null> {
    // Another tenant's id answers exactly like a missing one.
    const found = await schemeService.get(ctx, id);
    if (!found) throw notFound('Scheme');
    return found;
  }

  @Authorized(Role.ADMIN)
  @Query(() => [AuditEntry], { description: 'The scheme\'s audit records, oldest first, with before/after.' })
  schemeHistory(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<AuditEntry[]> {
    return schemeService.history(ctx, id);
  }
}
