import type { Scheme as SchemeDefinition } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import { departmentSubmissions, ownedCells, unitSubmissions } from '../deadline/not-submitted';
import { InputSource, type Period } from '../input/input.entity';
import { enqueueJob } from '../jobs/job-runner';
import { Role } from '../user/role';
import { NotificationKind } from './notification.types';
import { deliver, recipients } from './notify';

export const REMIND_TASK = 'deadline.remind';
export const SWEEP_TASK = 'deadline_sweep'; // a crontab command: no dots

async function reminderDays(em: EntityManager, tenantId: string): Promise<number> {
  const [r] = await em.query(`SELECT reminder_days FROM tenant_settings WHERE tenant_id = $1`, [tenantId]);
  return r?.reminder_days ?? 3;
}

/**
 * Queues the deadline's reminder for its due time minus the tenant's reminder days (now when that
 * is past), in the caller's transaction. One job per deadline (job key): moving the deadline
 * replaces it. The hourly sweep catches what this misses (reminder days changed later).
 */
export async function scheduleReminder(
  em: EntityManager,
  tenantId: string,
  deadlineId: string,
  dueAt: Date,
): Promise<void> {
  const days = await reminderDays(em, tenantId);
  if (days <= 0 || dueAt.getTime() <= Date.now()) return;
  const runAt = new Date(Math.max(Date.now(), dueAt.getTime() - days * 86_400_000));
  await enqueueJob(
    em,
    REMIND_TASK,
    { tenantId, deadlineId, dueAt: dueAt.toISOString() },
    runAt,
    `remind:${tenantId}:${deadlineId}`,
  );
}

interface Due {
  id: string;
  scheme_id: string;
  scheme_name: string;
  definition: SchemeDefinition;
  period: Period;
  source: InputSource;
  due_at: Date;
  due_local: string;
  tz: string;
}

const DUE_SELECT = `SELECT d.id, d.scheme_id, s.name AS scheme_name, s.definition, d.period, d.source, d.due_at,
        to_char(d.due_at AT TIME ZONE z.tz, 'YYYY-MM-DD"T"HH24:MI') AS due_local, z.tz
   FROM deadlines d JOIN schemes s ON s.tenant_id = d.tenant_id AND s.id = d.scheme_id AND s.status = 'PUBLISHED'
   CROSS JOIN (SELECT COALESCE((SELECT time_zone FROM tenant_settings WHERE tenant_id = $1), 'Asia/Shanghai') AS tz,
                      COALESCE((SELECT reminder_days FROM tenant_settings WHERE tenant_id = $1), 3) AS days) z
  WHERE d.tenant_id = $1 AND z.days > 0 AND d.due_at > now() AND d.due_at - z.days * interval '1 day' <= now()`;

/**
 * Reminds whoever has not entered all expected inputs of a due deadline: the UNIT users of each
 * such unit (SELF) or the MONITOR users (MONITOR). The dedupe key carries the due time, so a
 * moved deadline reminds again, and the same one never twice.
 */
async function remind(em: EntityManager, tenantId: string, d: Due, email: boolean): Promise<number> {
  const units = (await unitSubmissions(em, tenantId, d.scheme_id, d.definition, d.period, d.source)).filter(
    (u) => u.entered < u.expected,
  );
  if (!units.length) return 0;
  const subjectKey = `${d.id}@${d.due_at.toISOString()}`;
  const base = {
    schemeId: d.scheme_id,
    schemeName: d.scheme_name,
    deadlineId: d.id,
    period: d.period,
    source: d.source,
    dueAt: d.due_at.toISOString(),
    dueLocal: d.due_local,
    timeZone: d.tz,
  };
  let sent = 0;
  if (d.source === InputSource.SELF) {
    for (const u of units) {
      const to = await recipients(em, tenantId, { units: [u.unit] });
      sent += (
        await deliver(
          em,
          tenantId,
          NotificationKind.DEADLINE_REMINDER,
          subjectKey,
          { ...base, unit: u.unit, unitName: u.name, missing: u.expected - u.entered },
          to,
          email,
        )
      ).length;
    }
  } else if (ownedCells(d.definition).length) {
    // the scheme names owner departments: each department that has not entered what it owns
    for (const dep of await departmentSubmissions(em, tenantId, d.scheme_id, d.definition, d.period)) {
      if (dep.entered >= dep.expected) continue;
      const to = await recipients(em, tenantId, { departments: [dep.code] });
      sent += (
        await deliver(
          em,
          tenantId,
          NotificationKind.DEADLINE_REMINDER,
          subjectKey,
          { ...base, department: dep.code, departmentName: dep.name, missing: dep.expected - dep.entered },
          to,
          email,
        )
      ).length;
    }
  } else {
    const missing = units.reduce((n, u) => n + u.expected - u.entered, 0);
    const to = await recipients(em, tenantId, { roles: [Role.MONITOR] });
    sent += (
      await deliver(
        em,
        tenantId,
        NotificationKind.DEADLINE_REMINDER,
        subjectKey,
        { ...base, units: units.length, missing },
        to,
        email,
      )
    ).length;
  }
  return sent;
}

/** The job of one deadline: reminds when it is (still) due for a reminder at this due time. */
export async function remindDeadline(
  em: EntityManager,
  tenantId: string,
  deadlineId: string,
  dueAt: string,
  email: boolean,
): Promise<number> {
  const [d]: Due[] = await em.query(`${DUE_SELECT} AND d.id = $2 AND d.due_at = $3::timestamptz`, [
    tenantId,
    deadlineId,
    dueAt,
  ]);
  return d ? remind(em, tenantId, d, email) : 0;
}

/** The sweep: every deadline of the tenant inside its reminder window. */
export async function remindDue(em: EntityManager, tenantId: string, email: boolean): Promise<number> {
  let sent = 0;
  for (const d of await em.query<Due[]>(DUE_SELECT, [tenantId])) sent += await remind(em, tenantId, d, email);
  return sent;
}
