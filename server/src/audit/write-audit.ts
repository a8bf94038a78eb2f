import type { EntityManager } from 'typeorm';
import type { Principal } from '../context/principal';

export interface AuditRecord {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Who a record names: the request's caller, or the server itself ('system': seeding, jobs). */
export interface AuditActor {
  kind: Principal['kind'] | 'system';
  id: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null };

export const actorOf = (p: Principal | null | undefined): AuditActor => (p ? { kind: p.kind, id: p.id } : SYSTEM_ACTOR);

/**
 * The one writer of `audit_log`: appends the records in the order given, in one statement, in the
 * caller's transaction (they commit or roll back with the change they describe).
 */
export async function writeAudit(
  em: EntityManager,
  tenantId: string,
  actor: AuditActor,
  records: AuditRecord[],
): Promise<void> {
  if (!records.length) return;
  const rows = records.map((r, n) => ({
    n,
    entity: r.entity,
    entity_id: r.entityId,
    action: r.action,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
  await em.query(
    `INSERT INTO audit_log (tenant_id, actor_kind, actor_id, entity, entity_id, action, before, after)
     SELECT $1, $2, $3, a.entity, a.entity_id, a.action, a.before, a.after
       FROM jsonb_to_recordset($4::jsonb) AS a(n integer, entity text, entity_id uuid, action text, before jsonb, after jsonb) ORDER BY a.n`,
    [tenantId, actor.kind, actor.id, JSON.stringify(rows)],
  );
}
