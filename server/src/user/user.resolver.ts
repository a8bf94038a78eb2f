import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../common/errors';
import { Department } from '../department/department.entity';
import { departmentService, toDepartmentView } from '../department/department.service';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { grantedPermissions, Permission, roleGrants } from '../auth/permissions';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserArgs, UserFilter } from './user.inputs';
import { userService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  @Authorized()
  @Query(() => User, { nullable: true, description: 'The signed-in user.' })
  me(@Ctx() ctx: RequestContext): Promise<User | null> {
    return userService.me(ctx);
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: 'For MONITOR users: the department they report for.',
  })
  async department(@Ctx() ctx: RequestContext, @Root() u: User): Promise<Department | null> {
    if (!u.departmentId || !ctx.tenantId) return null;
    const d = await departmentService.find(ctx, u.departmentId);
    return d ? toDepartmentView(d) : null;
  }

  @FieldResolver(() => [Permission], {
    description:
      'What the user may do (the console shapes its menus and buttons by it): for the signed-in user (`me`), what this request is granted (a platform administrator acting through X-Tenant holds what ADMIN holds); for another user, what their role grants.',
  })
  permissions(@Root() user: User, @Ctx() ctx: RequestContext): Permission[] {
    const p = ctx.principal;
    return p && p.kind !== 'apiKey' && p.id === user.id ? grantedPermissions(p, ctx.hasTenant) : roleGrants(user.role);
  }

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => User, { description: 'Creates a user of the tenant.' })
  createUser(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateUserInput, { description: 'The values.' }) input: CreateUserInput,
  ): Promise<User> {
    return userService.create(ctx, input);
  }

  @Authorized(Permission.USER_MANAGE)
  @Query(() => [User], { complexity: listComplexity, description: 'Users, paged and filtered.' })
  allUsers(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: UserFilter,
  ): Promise<User[]> {
    return userService.list(ctx, args, filter);
  }

  @Authorized(Permission.USER_MANAGE)
  @Query(() => ListMetadata, { description: 'How many users match the filter (for paging allUsers).' })
  async _allUsersMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: UserFilter,
  ): Promise<ListMetadata> {
    return { count: await userService.count(ctx, filter) };
  }

  @Authorized(Permission.USER_MANAGE)
  @Query(() => User, { nullable: true, description: 'One user by id.' })
  async User(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<User | null> {
    // Another tenant's id answers exactly like a missing one.
    const found = await userService.get(ctx, id);
    if (!found) throw notFound('User');
    return found;
  }

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => User, { description: 'Changes a user.' })
  async updateUser(@Ctx() ctx: RequestContext, @Args(() => UpdateUserArgs) args: UpdateUserArgs): Promise<User> {
    const u = await userService.update(ctx, args);
    if (!u) throw notFound('User');
    return u;
  }
}
