import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { Department } from './department.entity';
import { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentArgs } from './department.inputs';
import { departmentService } from './department.service';

/** Every tenant role reads departments (who reports what is not secret inside the tenant); ADMINs change them. */
@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized(Permission.DATA_READ)
  @Query(() => [Department], { description: "The tenant's departments, by code." })
  departments(@Ctx() ctx: RequestContext): Promise<Department[]> {
    return departmentService.all(ctx);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => Department, { description: 'One department by id (NOT_FOUND when there is none).' })
  department(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<Department> {
    return departmentService.get(ctx, id);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => [Department], {
    complexity: listComplexity,
    description: "Departments, paged and filtered (the console's list).",
  })
  allDepartments(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: DepartmentFilter,
  ): Promise<Department[]> {
    return departmentService.list(ctx, args, filter);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => ListMetadata, { description: 'How many departments match the filter (for paging allDepartments).' })
  async _allDepartmentsMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: DepartmentFilter,
  ): Promise<ListMetadata> {
    return { count: await departmentService.count(ctx, filter) };
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => Department, {
    nullable: true,
    description: "One department by id (the console's form; same as `department`).",
  })
  Department(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<Department> {
    return departmentService.get(ctx, id);
  }

  @Authorized(Permission.DEPARTMENT_MANAGE)
  @Mutation(() => Department, {
    description: 'Creates a department; its code must be new in the tenant (else CONFLICT).',
  })
  createDepartment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateDepartmentInput, { description: 'The values.' }) input: CreateDepartmentInput,
  ): Promise<Department> {
    return departmentService.create(ctx, input);
  }

  @Authorized(Permission.DEPARTMENT_MANAGE)
  @Mutation(() => Department, {
    description: 'Changes a department; its code stays while a scheme names it as an owner (else CONFLICT).',
  })
  updateDepartment(
    @Ctx() ctx: RequestContext,
    @Args(() => UpdateDepartmentArgs) args: UpdateDepartmentArgs,
  ): Promise<Department> {
    return departmentService.update(ctx, args);
  }

  @Authorized(Permission.DEPARTMENT_MANAGE)
  @Mutation(() => Department, {
    description:
      'Deletes a department no user belongs to and no scheme names as an owner (else CONFLICT); answers the deleted one.',
  })
  deleteDepartment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
    @Arg('version', () => Int, {
      nullable: true,
      description: 'The version you read (the change is refused with CONFLICT when it moved on).',
    })
    version?: number,
  ): Promise<Department> {
    return departmentService.delete(ctx, id, version);
  }
}
