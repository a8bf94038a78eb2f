import { badInput } from '../common/errors';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { AuditEntry, AuditLogEntity } from './audit.entity';
import { actorOf, writeAudit, type AuditRecord } from './write-audit';

export type { AuditRecord };

export interface AuditFilter {
  entity?: string | null;
  entityId?: string | null;
  action?: string | null;
  actorId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toView(e: AuditLogEntity): AuditEntry {
  return {
    id: e.id,
    at: e.at,
    actorKind: e.actorKind,
    actorId: e.actorId,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}

export const auditService = {
  /** Appends one record in the request's transaction: it commits or rolls back with the change. */
  async record(ctx: RequestContext, r: AuditRecord): Promise<void> {
    await writeAudit(await ctx.em(), ctx.tenantId, actorOf(ctx.principal), [r]);
  },

  /** The same, into another tenant's log (platform work on a tenant: create, update). */
  async recordIn(ctx: RequestContext, tenantId: string, r: AuditRecord): Promise<void> {
    await ctx.asTenant(tenantId, (em) => writeAudit(em, tenantId, actorOf(ctx.principal), [r]));
  },

  /** An entity's records, oldest first. */
  async history(ctx: RequestContext, entity: string, entityId: string): Promise<AuditEntry[]> {
    const rows = await (
      await ctx.repo(AuditLogEntity)
    )
      .createQueryBuilder('a')
      .where('a.tenant_id = :tid AND a.entity = :entity AND a.entity_id = :id', {
        tid: ctx.tenantId,
        entity,
        id: entityId,
      })
      .orderBy('a.seq', 'ASC')
      .getMany();
    return rows.map(toView);
  },

  /** The tenant's records matching every given filter, newest first; a malformed id matches nothing. */
  async search(ctx: RequestContext, f: AuditFilter, page = 0, perPage = DEFAULT_PER_PAGE): Promise<AuditEntry[]> {
    if (!Number.isInteger(page) || page < 0) throw badInput('page must be 0 or more');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
      throw badInput(`perPage must be between 1 and ${MAX_PER_PAGE}`);
    const qb = await this.filtered(ctx, f);
    if (!qb) return [];
    const rows = await qb
      .orderBy('a.seq', 'DESC')
      .skip(page * perPage)
      .take(perPage)
      .getMany();
    return rows.map(toView);
  },

  async searchCount(ctx: RequestContext, f: AuditFilter): Promise<number> {
    const qb = await this.filtered(ctx, f);
    return qb ? qb.getCount() : 0;
  },

  async filtered(ctx: RequestContext, f: AuditFilter) {
    if ((f.entityId && !UUID.test(f.entityId)) || (f.actorId && !UUID.test(f.actorId))) return null;
    const qb = (await ctx.repo(AuditLogEntity))
      .createQueryBuilder('a')
      .where('a.tenant_id = :tid', { tid: ctx.tenantId });
    if (f.entity) qb.andWhere('a.entity = :entity', { entity: f.entity });
    if (f.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at <= :to', { to: f.to });
    return qb;
  },
};
