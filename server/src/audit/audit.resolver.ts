import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { AuditEntry } from './audit.entity';
import { auditService, type AuditFilter } from './audit.service';

/** `auditLog`/`_auditLogMeta` arguments: flat filters (every given one must match; from/to inclusive) and paging. */
@ArgsType()
class AuditLogArgs implements AuditFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only records of this kind (scheme, subject, input, dataset_import, adjustment, result_run, user, api_key, tenant, tenant_settings, webhook, …).',
  })
  entity?: string;
  @Field(() => ID, { nullable: true, description: 'Only records about this record id.' }) entityId?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Only this action (CREATE, UPDATE, DELETE, PUBLISH, APPROVE, REVOKE, …).',
  })
  action?: string;
  @Field(() => ID, { nullable: true, description: 'Only what this user, platform administrator or API key did.' })
  actorId?: string;
  @Field(() => Date, { nullable: true, description: 'Only records at or after this instant (inclusive).' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Only records at or before this instant (inclusive).' }) to?: Date;
  @Field(() => Int, { nullable: true, description: 'Page number, from 0.' }) page?: number;
  @Field(() => Int, { nullable: true, description: 'Records per page, 1–200 (default 25).' }) perPage?: number;
}

const filterOf = ({ entity, entityId, action, actorId, from, to }: AuditLogArgs): AuditFilter => ({
  entity,
  entityId,
  action,
  actorId,
  from,
  to,
});

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Permission.AUDIT_READ)
  @Query(() => [AuditEntry], {
    complexity: listComplexity,
    description: "The tenant's audit records, newest first; every given filter must match (from/to inclusive).",
  })
  auditLog(@Ctx() ctx: RequestContext, @Args(() => AuditLogArgs) args: AuditLogArgs): Promise<AuditEntry[]> {
    return auditService.search(ctx, filterOf(args), args.page ?? undefined, args.perPage ?? undefined);
  }

  @Authorized(Permission.AUDIT_READ)
  @Query(() => ListMetadata, { description: 'How many audit entries match the filter (for paging auditLog).' })
  async _auditLogMeta(@Ctx() ctx: RequestContext, @Args(() => AuditLogArgs) args: AuditLogArgs): Promise<ListMetadata> {
    return { count: await auditService.searchCount(ctx, filterOf(args)) };
  }
}
