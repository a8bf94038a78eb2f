import type { RequestContext } from '../context/request-context';
import { AuditEntry, AuditLogEntity } from './audit.entity';

export interface AuditRecord {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

function toView(e: AuditLogEntity): AuditEntry {
  return { id: e.id, at: e.at, actorKind: e.actorKind, actorId: e.actorId, entity: e.entity, entityId: e.entityId, action: e.action, before: e.before ?? null, after: e.after ?? null };
}

export const auditService = {
  /** Appends one record in the request's transaction: it commits or rolls back with the change. */
  async record(ctx: RequestContext, r: AuditRecord): Promise<void> {
    const p = ctx.principal;
    const repo = await ctx.repo(AuditLogEntity);
    await repo.insert({
      tenantId: ctx.tenantId,
      actorKind: p?.kind ?? 'system',
      actorId: p?.id ?? null,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      before: (r.before ?? null) as never,
      after: (r.after ?? null) as never,
    });
  },

  /** An entity's records, oldest first. */
  async history(ctx: RequestContext, entity: string, entityId: string): Promise<AuditEntry[]> {
    const rows = await (await ctx.repo(AuditLogEntity))
      .createQueryBuilder('a')
      .where('a.tenant_id = :tid AND a.entity = :entity AND a.entity_id = :id', { tid: ctx.tenantId, entity, id: entityId })
      .orderBy('a.seq', 'ASC')
      .getMany();
    return rows.map(toView);
  },
};
