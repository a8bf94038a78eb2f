import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import { withTenantTransaction } from '../context/tenant-transaction';
import type { JobTask } from '../jobs/job-runner';
import { createMailer } from './mailer';
import { emailWords } from './messages';
import type { NotificationKind } from './notification.types';
import { deliver, EMAIL_TASK, NOTIFY_TASK, recipients, type NotifyEvent } from './notify';
import { remindDeadline, remindDue, REMIND_TASK, SWEEP_TASK } from './reminders';

/** The notification jobs: fan-out of an event, one email, one deadline's reminder, the hourly sweep. */
export function notificationTasks(ds: DataSource, config: Config, log: Logger): Record<string, JobTask> {
  const mailer = createMailer(config);
  const email = mailer !== null;
  return {
    [NOTIFY_TASK]: async (payload) => {
      const e = payload as NotifyEvent;
      const ids = await withTenantTransaction(ds, e.tenantId, async (em) =>
        deliver(em, e.tenantId, e.kind, e.subjectKey, e.params, await recipients(em, e.tenantId, e.audience), email),
      );
      log.info({ notification: e.kind, subject: e.subjectKey, recipients: ids.length }, 'notifications written');
    },
    [REMIND_TASK]: async (payload) => {
      const { tenantId, deadlineId, dueAt } = payload as { tenantId: string; deadlineId: string; dueAt: string };
      const n = await withTenantTransaction(ds, tenantId, (em) =>
        remindDeadline(em, tenantId, deadlineId, dueAt, email),
      );
      log.info({ deadline: deadlineId, reminders: n }, 'deadline reminders');
    },
    [SWEEP_TASK]: async () => {
      const tenants: { id: string }[] = await ds.query(`SELECT id FROM tenants ORDER BY created_at`);
      for (const t of tenants) {
        const n = await withTenantTransaction(ds, t.id, (em) => remindDue(em, t.id, email));
        if (n) log.info({ tenant: t.id, reminders: n }, 'deadline reminders (sweep)');
      }
    },
    [EMAIL_TASK]: async (payload) => {
      if (!mailer) return;
      const { tenantId, notificationId } = payload as { tenantId: string; notificationId: string };
      // the row stays locked while sending, and is marked sent in the same transaction: one email per row
      await withTenantTransaction(ds, tenantId, async (em) => {
        const [n]: { kind: NotificationKind; params: Record<string, unknown>; email: string }[] = await em.query(
          `SELECT n.kind, n.params, u.email FROM notifications n JOIN users u ON u.tenant_id = n.tenant_id AND u.id = n.user_id
            WHERE n.tenant_id = $1 AND n.id = $2 AND n.emailed_at IS NULL AND NOT u.disabled FOR UPDATE OF n SKIP LOCKED`,
          [tenantId, notificationId],
        );
        if (!n) return;
        const w = emailWords(n.kind, n.params);
        await mailer.send(n.email, w.subject, w.text);
        await em.query(`UPDATE notifications SET emailed_at = now() WHERE tenant_id = $1 AND id = $2`, [
          tenantId,
          notificationId,
        ]);
        log.info({ notification: notificationId, kind: n.kind }, 'notification emailed');
      });
    },
  };
}
