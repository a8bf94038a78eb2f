import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Length, IsOptional } from 'class-validator';
import { notFound } from '../common/errors';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { Tenant } from './tenant.entity';
import { CreateTenantInput, TenantFilter } from './tenant.inputs';
import { tenantService } from './tenant.service';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
class UpdateTenantArgs {
  @Field(() => ID, { description: 'The tenant.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New display name (1–200 characters); unchanged when omitted.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true signs the tenant's users and API keys out and refuses them (UNAUTHENTICATED); false lets them back in.",
  })
  disabled?: boolean | null;
}

@Resolver(() => Tenant)
export class TenantResolver {
  @Authorized(Permission.TENANT_MANAGE)
  @Mutation(() => Tenant, { description: 'Creates a tenant with its first ADMIN (platform administrators).' })
  createTenant(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateTenantInput, { description: 'The values.' }) input: CreateTenantInput,
  ): Promise<Tenant> {
    return tenantService.create(ctx, input);
  }

  @Authorized(Permission.TENANT_READ)
  @Query(() => [Tenant], { complexity: listComplexity, description: 'Tenants, paged and filtered.' })
  allTenants(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => TenantFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: TenantFilter,
  ): Promise<Tenant[]> {
    return tenantService.list(ctx, args, filter);
  }

  @Authorized(Permission.TENANT_READ)
  @Query(() => ListMetadata, { description: 'How many tenants match the filter (for paging allTenants).' })
  async _allTenantsMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => TenantFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: TenantFilter,
  ): Promise<ListMetadata> {
    return { count: await tenantService.count(ctx, filter) };
  }

  @Authorized(Permission.TENANT_READ)
  @Query(() => Tenant, { nullable: true, description: 'One tenant by id.' })
  async Tenant(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<Tenant | null> {
    // Another tenant's id answers exactly like a missing one.
    const found = await tenantService.get(ctx, id);
    if (!found) throw notFound('Tenant');
    return found;
  }

  /** The tenant the request acts in: any tenant user, or an API key with schemes:read. */
  @Authorized(Permission.CURRENT_TENANT_READ)
  @Query(() => Tenant, { description: "The caller's tenant." })
  async currentTenant(@Ctx() ctx: RequestContext): Promise<Tenant> {
    const t = await tenantService.get(ctx, ctx.tenantId);
    if (!t) throw notFound('Tenant');
    return t;
  }

  @Authorized(Permission.TENANT_MANAGE)
  @Mutation(() => Tenant, { description: 'Changes a tenant (platform administrators).' })
  async updateTenant(@Ctx() ctx: RequestContext, @Args(() => UpdateTenantArgs) a: UpdateTenantArgs): Promise<Tenant> {
    const t = await tenantService.update(ctx, a.id, { name: a.name, disabled: a.disabled });
    if (!t) throw notFound('Tenant');
    return t;
  }
}
