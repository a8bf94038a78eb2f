import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { DATA_READERS } from '../subject/subject.resolver';
import { Role } from '../user/role';
import { Department } from './department.entity';
import { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentArgs } from './department.inputs';
import { departmentService } from './department.service';

/** Every tenant role reads departments (who reports what is not secret inside the tenant); ADMINs change them. */
@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized(...DATA_READERS)
  @Query(() => [Department], { description: "The tenant's departments, by code." })
  departments(@Ctx() ctx: RequestContext): Promise<Department[]> {
    return departmentService.all(ctx);
  }

  @Authorized(...DATA_READERS)
  @Query(() => Department, { description: 'One department by id (NOT_FOUND when there is none).' })
  department(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<Department> {
    return departmentService.get(ctx, id);
  }

  @Authorized(...DATA_READERS)
  @Query(() => [Department], { complexity: listComplexity, description: 'Departments, paged and filtered (the console\'s list).' })
  allDepartments(@Ctx() ctx: RequestContext, @Args(() => ListArgs) args: ListArgs, @Arg('filter', () => DepartmentFilter, { nullable: true, description: 'Which items to list (all when omitted).' }) filter?: DepartmentFilter): Promise<Department[]> {
    return departmentService.list(ctx, args, filter);
  }

  @Authorized(...DATA_READERS)
  @Query(() => ListMetadata, { description: 'How many departments match the filter (for paging allDepartments).' })
  async _allDepartmentsMeta(@Ctx() ctx: RequestContext, @Args(() => ListArgs) _args: ListArgs, @Arg('filter', () => DepartmentFilter, { nullable: true, description: 'Which items to list (all when omitted).' }) filter?: DepartmentFilter): Promise<ListMetadata> {
    return { count: await departmentService.count(ctx, filter) };
  }

  @Authorized(...DATA_READERS)
  @Query(() => Department, { nullable: true, description: 'One department by id (the console\'s form; same as `department`).' })
  Department(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<Department> {
    return departmentService.get(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Creates a department; its code must be new in the tenant (else CONFLICT).' })
  createDepartment(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDepartmentInput, { description: 'The values.' }) input: CreateDepartmentInput): Promise<Department> {
    return departmentService.create(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Changes a department; its code stays while a scheme names it as an owner (else CONFLICT).' })
  updateDepartment(@Ctx() ctx: RequestContext, @Args(() => UpdateDepartmentArgs) args: UpdateDepartmentArgs): Promise<Department> {
    return departmentService.update(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Deletes a department no user belongs to and no scheme names as an owner (else CONFLICT); answers the deleted one.' })
  deleteDepartment(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string, @Arg('version', () => Int, { nullable: true, description: 'The version you read (the change is refused with CONFLICT when it moved on).' }) version?: number): Promise<Department> {
    return departmentService.delete(ctx, id, version);
  }
}
