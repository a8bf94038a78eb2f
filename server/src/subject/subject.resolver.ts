import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { Subject } from './subject.entity';
import { CreateSubjectArgs, SubjectFilter, UpdateSubjectArgs } from './subject.inputs';
import { subjectService } from './subject.service';

/** Every tenant role reads subjects (names and codes of the assessed units are not secret inside the tenant). */

@Resolver(() => Subject)
export class SubjectResolver {
  @Authorized(Permission.DATA_READ)
  @Query(() => [Subject], { description: "The scheme's subjects in import order." })
  subjects(
    @Ctx() ctx: RequestContext,
    @Arg('schemeId', () => ID, { description: 'The scheme.' }) schemeId: string,
    @Arg('group', () => String, { nullable: true, description: "Only this group's subjects (its code)." })
    group?: string,
  ): Promise<Subject[]> {
    return subjectService.all(ctx, schemeId, group);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => [Subject], { complexity: listComplexity, description: 'Subjects, paged and filtered.' })
  allSubjects(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => SubjectFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: SubjectFilter,
  ): Promise<Subject[]> {
    return subjectService.list(ctx, args, filter);
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => ListMetadata, { description: 'How many subjects match the filter (for paging allSubjects).' })
  async _allSubjectsMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => SubjectFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: SubjectFilter,
  ): Promise<ListMetadata> {
    return { count: await subjectService.count(ctx, filter) };
  }

  @Authorized(Permission.DATA_READ)
  @Query(() => Subject, { nullable: true, description: 'One subject by id.' })
  Subject(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The id.' }) id: string): Promise<Subject> {
    // Another tenant's id answers exactly like a missing one: NOT_FOUND.
    return subjectService.get(ctx, id);
  }

  @Authorized(Permission.SUBJECT_EDIT)
  @Mutation(() => Subject, {
    description:
      "The scheme must be PUBLISHED (else CONFLICT); the group must exist, a member's unit must be a UNIT subject.",
  })
  createSubject(@Ctx() ctx: RequestContext, @Args(() => CreateSubjectArgs) args: CreateSubjectArgs): Promise<Subject> {
    return subjectService.create(ctx, args);
  }

  @Authorized(Permission.SUBJECT_EDIT)
  @Mutation(() => Subject, { description: '`version` must be the current one (else CONFLICT).' })
  updateSubject(@Ctx() ctx: RequestContext, @Args(() => UpdateSubjectArgs) args: UpdateSubjectArgs): Promise<Subject> {
    return subjectService.update(ctx, args);
  }

  @Authorized(Permission.SUBJECT_EDIT)
  @Mutation(() => Subject, { description: 'Only a subject without inputs, adjustments or members (else CONFLICT).' })
  deleteSubject(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
    @Arg('version', () => Int, {
      nullable: true,
      description: 'The version you read (the change is refused with CONFLICT when it moved on).',
    })
    version?: number,
  ): Promise<Subject> {
    return subjectService.delete(ctx, id, version);
  }
}
