import type { EntityManager } from 'typeorm';
import { enqueueJob } from '../jobs/job-runner';
import { Role } from '../user/role';
import type { NotificationKind } from './notification.types';

export const NOTIFY_TASK = 'notification.fanout';
export const EMAIL_TASK = 'notification.email';

/** Who gets a notification: users of these roles (else of the fallback roles), or the UNIT users of these units. */
export interface Audience {
  roles?: Role[];
  fallbackRoles?: Role[];
  units?: string[];
  /** the MONITOR users of these departments (codes) */
  departments?: string[];
  /** the person whose action caused it (told nothing) */
  exceptUser?: string | null;
}

export interface NotifyEvent {
  tenantId: string;
  kind: NotificationKind;
  /** what it is about (a run's or claim's id): with the kind and the recipient, the notification's dedupe key */
  subjectKey: string;
  params: Record<string, unknown>;
  audience: Audience;
}

/**
 * Queues a notification in the caller's transaction (the event's own): a rolled-back change
 * notifies nobody. The job resolves the recipients and writes the inbox rows.
 */
export async function notify(em: EntityManager, event: NotifyEvent): Promise<void> {
  await enqueueJob(em, NOTIFY_TASK, event as unknown as Record<string, unknown>);
}

/**
 * Writes one inbox row per recipient (dedupe key kind:subject:user, so a repeated job adds
 * nothing) and, with SMTP configured, queues one email job per new row (job key: the row), in
 * the caller's transaction.
 */
export async function deliver(
  em: EntityManager,
  tenantId: string,
  kind: NotificationKind,
  subjectKey: string,
  params: Record<string, unknown>,
  userIds: string[],
  email: boolean,
): Promise<string[]> {
  if (!userIds.length) return [];
  const rows: { id: string }[] = await em.query(
    `INSERT INTO notifications (tenant_id, user_id, kind, params, dedupe_key)
     SELECT $1, u, $2, $3::jsonb, $2 || ':' || $4 || ':' || u FROM unnest($5::uuid[]) AS u
     ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id`,
    [tenantId, kind, JSON.stringify(params), subjectKey, userIds],
  );
  if (email)
    for (const r of rows)
      await enqueueJob(em, EMAIL_TASK, { tenantId, notificationId: r.id }, undefined, `email:${tenantId}:${r.id}`);
  return rows.map((r) => r.id);
}

/** The active users an audience names. */
export async function recipients(em: EntityManager, tenantId: string, a: Audience): Promise<string[]> {
  const ids = async (where: string, param: unknown): Promise<string[]> =>
    (
      await em.query(
        `SELECT id FROM users WHERE tenant_id = $1 AND NOT disabled AND ${where} AND id IS DISTINCT FROM $3 ORDER BY created_at`,
        [tenantId, param, a.exceptUser ?? null],
      )
    ).map((r: { id: string }) => r.id);
  if (a.units) return ids(`role = 'UNIT' AND unit = ANY($2)`, a.units);
  if (a.departments)
    return ids(
      `role = 'MONITOR' AND department_id IN (SELECT id FROM departments WHERE tenant_id = $1 AND code = ANY($2))`,
      a.departments,
    );
  const first = a.roles?.length ? await ids(`role = ANY($2)`, a.roles) : [];
  if (first.length || !a.fallbackRoles?.length) return first;
  return ids(`role = ANY($2)`, a.fallbackRoles);
}
