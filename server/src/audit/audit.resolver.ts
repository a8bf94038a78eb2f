import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Role } from '../user/role';
import { AuditEntry } from './audit.entity';
import { auditService, type AuditFilter } from './audit.service';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [AuditEntry], { complexity: listComplexity, description: 'The tenant\'s audit records, newest first; every given filter must match (from/to inclusive).' })
  auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('entity', () => String, { nullable: true }) entity?: string,
    @Arg('entityId', () => ID, { nullable: true }) entityId?: string,
    @Arg('action', () => String, { nullable: true }) action?: string,
    @Arg('actorId', () => ID, { nullable: true }) actorId?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
  ): Promise<AuditEntry[]> {
    const f: AuditFilter = { entity, entityId, action, actorId, from, to };
    return auditService.search(ctx, f, page ?? undefined, perPage ?? undefined);
  }

  @Authorized(Role.ADMIN)
  @Query(() => ListMetadata)
  async _auditLogMeta(
    @Ctx() ctx: RequestContext,
    @Arg('entity', () => String, { nullable: true }) entity?: string,
    @Arg('entityId', () => ID, { nullable: true }) entityId?: string,
    @Arg('action', () => String, { nullable: true }) action?: string,
    @Arg('actorId', () => ID, { nullable: true }) actorId?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
  ): Promise<ListMetadata> {
    return { count: await auditService.searchCount(ctx, { entity, entityId, action, actorId, from, to }) };
  }
}
