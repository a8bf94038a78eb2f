import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { auditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import { isId } from '../common/ids';
import type { RequestContext } from '../context/request-context';
import { InputSource, type Period } from '../input/input.entity';
import { scheduleReminder } from '../notification/reminders';
import { schemeService } from '../scheme/scheme.service';
import { can, Permission } from '../auth/permissions';
import { Role } from '../user/role';
import { Deadline, DeadlineExtension, DeadlineInput, DeadlineTarget, ReopenDeadlineInput } from './deadline.types';

const LOCAL_FORMAT = `'YYYY-MM-DD"T"HH24:MI'`;

/** The tenant's time zone (settings, else Asia/Shanghai). */
export async function tenantZone(em: EntityManager, tenantId: string): Promise<string> {
  const [r] = await em.query(`SELECT time_zone FROM tenant_settings WHERE tenant_id = $1`, [tenantId]);
  return r?.time_zone ?? 'Asia/Shanghai';
}

/** A date alone means the end of that day. */
const wallTime = (local: string) => (local.includes('T') ? local : `${local}T23:59:59`);

interface DeadlineRow {
  id: string;
  scheme_id: string;
  period: Period;
  source: InputSource;
  due_at: Date;
  due_local: string;
  closed: boolean;
  extensions: { target_kind: DeadlineTarget; target_code: string; until: string; until_local: string }[];
}

/** Deadlines with their extensions and local times, in one statement. */
export async function deadlineRows(
  em: EntityManager,
  tenantId: string,
  where: string,
  params: unknown[],
): Promise<DeadlineRow[]> {
  return em.query(
    `SELECT d.id, d.scheme_id, d.period, d.source, d.due_at, to_char(d.due_at AT TIME ZONE z.tz, ${LOCAL_FORMAT}) AS due_local, d.due_at <= now() AS closed,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('target_kind', e.target_kind, 'target_code', e.target_code, 'until', e.until,
                        'until_local', to_char(e.until AT TIME ZONE z.tz, ${LOCAL_FORMAT})) ORDER BY e.target_kind, e.target_code)
                        FROM deadline_extensions e WHERE e.tenant_id = d.tenant_id AND e.deadline_id = d.id), '[]') AS extensions
       FROM deadlines d CROSS JOIN (SELECT COALESCE((SELECT time_zone FROM tenant_settings WHERE tenant_id = $1), 'Asia/Shanghai') AS tz) z
      WHERE d.tenant_id = $1 AND ${where}
      ORDER BY d.due_at, d.period, d.source`,
    [tenantId, ...params],
  );
}

export function toDeadline(r: DeadlineRow, timeZone: string): Deadline {
  const extensions: DeadlineExtension[] = r.extensions.map((e) => ({
    targetKind: e.target_kind,
    code: e.target_code,
    until: new Date(e.until),
    untilLocal: e.until_local,
  }));
  return {
    id: r.id,
    schemeId: r.scheme_id,
    period: r.period,
    source: r.source,
    dueAt: r.due_at,
    dueLocal: r.due_local,
    timeZone,
    closed: r.closed,
    extensions,
  };
}

const snapshot = (d: Deadline) => ({
  schemeId: d.schemeId,
  period: d.period,
  source: d.source,
  dueAt: d.dueAt,
  dueLocal: d.dueLocal,
  timeZone: d.timeZone,
});

/** A deadline's refusal: CONFLICT naming the deadline (period, source, due time) and who is still closed. */
function closedError(
  d: { id: string; period: string; source: string; due_local: string; due_at: Date },
  timeZone: string,
  units: string[],
): GraphQLError {
  return new GraphQLError(
    `The ${d.period} ${d.source} deadline passed at ${d.due_local} (${timeZone}): entry is closed${units.length ? ` for ${units.slice(0, 10).join(', ')}` : ''}`,
    {
      extensions: {
        code: 'CONFLICT',
        deadline: { id: d.id, period: d.period, source: d.source, dueAt: d.due_at, dueLocal: d.due_local, timeZone },
        units,
      },
    },
  );
}

export const deadlineService = {
  async list(ctx: RequestContext, schemeId: string): Promise<Deadline[]> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    const em = await ctx.em();
    const tz = await tenantZone(em, ctx.tenantId);
    return (await deadlineRows(em, ctx.tenantId, 'd.scheme_id = $2', [scheme.id])).map((r) => toDeadline(r, tz));
  },

  async byId(ctx: RequestContext, id: string): Promise<Deadline> {
    if (!isId(id)) throw notFound('Deadline');
    const em = await ctx.em();
    const [r] = await deadlineRows(em, ctx.tenantId, 'd.id = $2', [id]);
    if (!r) throw notFound('Deadline');
    return toDeadline(r, await tenantZone(em, ctx.tenantId));
  },

  /** setDeadline: upserts the due time (the tenant's local time), audited; (re)schedules its reminder. */
  async set(ctx: RequestContext, input: DeadlineInput): Promise<Deadline> {
    const scheme = await schemeService.findOrFail(ctx, input.schemeId);
    const em = await ctx.em();
    const tz = await tenantZone(em, ctx.tenantId);
    const [prior] = await deadlineRows(em, ctx.tenantId, 'd.scheme_id = $2 AND d.period = $3 AND d.source = $4', [
      scheme.id,
      input.period,
      input.source,
    ]);
    const [row] = await em
      .query(
        `INSERT INTO deadlines (tenant_id, scheme_id, period, source, due_at) VALUES ($1, $2, $3, $4, $5::timestamp AT TIME ZONE $6)
       ON CONFLICT (tenant_id, scheme_id, period, source) DO UPDATE SET due_at = EXCLUDED.due_at, updated_at = now()
       RETURNING id`,
        [ctx.tenantId, scheme.id, input.period, input.source, wallTime(input.dueLocal), tz],
      )
      .catch((e: { code?: string }) => {
        if (e.code === '22008' || e.code === '22007')
          throw badInput(`Not a valid time: ${input.dueLocal}`, {
            problems: [
              {
                path: '/dueLocal',
                code: 'INVALID_TIME',
                params: { text: input.dueLocal },
                message: 'not a valid time',
              },
            ],
          });
        throw e;
      });
    const after = await this.byId(ctx, row.id);
    await auditService.record(ctx, {
      entity: 'deadline',
      entityId: after.id,
      action: 'SET',
      before: prior ? snapshot(toDeadline(prior, tz)) : null,
      after: snapshot(after),
    });
    await scheduleReminder(em, ctx.tenantId, after.id, after.dueAt);
    return after;
  },

  /** clearDeadline: entry of that period and source is open again for everybody; audited. */
  async clear(ctx: RequestContext, schemeId: string, period: Period, source: InputSource): Promise<boolean> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    const em = await ctx.em();
    const tz = await tenantZone(em, ctx.tenantId);
    const [prior] = await deadlineRows(em, ctx.tenantId, 'd.scheme_id = $2 AND d.period = $3 AND d.source = $4', [
      scheme.id,
      period,
      source,
    ]);
    if (!prior) return false;
    await em.query(`DELETE FROM deadlines WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, prior.id]);
    await auditService.record(ctx, {
      entity: 'deadline',
      entityId: prior.id,
      action: 'CLEAR',
      before: snapshot(toDeadline(prior, tz)),
      after: null,
    });
    return true;
  },

  /** reopenDeadline: one unit (a unit subject of the scheme) or department may enter again until a later time; audited. */
  async reopen(ctx: RequestContext, input: ReopenDeadlineInput): Promise<Deadline> {
    const before = await this.byId(ctx, input.deadlineId);
    const em = await ctx.em();
    if (input.targetKind === DeadlineTarget.UNIT) {
      const [u] = await em.query(
        `SELECT 1 FROM subjects WHERE tenant_id = $1 AND scheme_id = $2 AND code = $3 AND unit_code IS NULL`,
        [ctx.tenantId, before.schemeId, input.code],
      );
      if (!u)
        throw badInput(`No unit ${input.code} in this scheme`, {
          problems: [{ path: '/code', code: 'SUBJECT_UNKNOWN', params: { code: input.code }, message: 'unknown unit' }],
        });
    } else {
      const [d] = await em.query(`SELECT 1 FROM departments WHERE tenant_id = $1 AND code = $2`, [
        ctx.tenantId,
        input.code,
      ]);
      if (!d)
        throw badInput(`No department ${input.code}`, {
          problems: [
            { path: '/code', code: 'DEPARTMENT_UNKNOWN', params: { code: input.code }, message: 'unknown department' },
          ],
        });
    }
    const tz = before.timeZone;
    const [ok] = await em
      .query(`SELECT ($1::timestamp AT TIME ZONE $2) > now() AS future`, [wallTime(input.untilLocal), tz])
      .catch(() => [null]);
    if (!ok?.future)
      throw badInput('Reopen until a time in the future', {
        problems: [
          {
            path: '/untilLocal',
            code: 'NOT_IN_FUTURE',
            params: { text: input.untilLocal },
            message: 'must be a valid time in the future',
          },
        ],
      });
    await em.query(
      `INSERT INTO deadline_extensions (tenant_id, deadline_id, target_kind, target_code, until, created_by) VALUES ($1, $2, $3, $4, $5::timestamp AT TIME ZONE $6, $7)
       ON CONFLICT (tenant_id, deadline_id, target_kind, target_code) DO UPDATE SET until = EXCLUDED.until, created_by = EXCLUDED.created_by, created_at = now()`,
      [
        ctx.tenantId,
        before.id,
        input.targetKind,
        input.code,
        wallTime(input.untilLocal),
        tz,
        ctx.principal?.kind === 'apiKey' ? null : (ctx.principal?.id ?? null),
      ],
    );
    const after = await this.byId(ctx, before.id);
    const ext = after.extensions.find((e) => e.targetKind === input.targetKind && e.code === input.code)!;
    await auditService.record(ctx, {
      entity: 'deadline',
      entityId: before.id,
      action: 'REOPEN',
      before: snapshot(before),
      after: {
        ...snapshot(after),
        targetKind: ext.targetKind,
        code: ext.code,
        until: ext.until,
        untilLocal: ext.untilLocal,
      },
    });
    return after;
  },
};

/**
 * The deadline gate of every UNIT and MONITOR write (setInput, setInputs and the xlsx import
 * through it, importDataset): after the period's and source's due time, CONFLICT naming the
 * deadline, unless it was reopened for the row's unit (or the caller's department) until later.
 * ADMIN and ASSESSOR entries are never closed by a deadline.
 */
export async function assertEntryOpen(
  ctx: RequestContext,
  schemeId: string,
  source: InputSource,
  period: Period,
  units: string[],
): Promise<void> {
  if (can(ctx, Permission.DEADLINE_BYPASS)) return;
  if (source === InputSource.REVIEW) return;
  const em = await ctx.em();
  // a MONITOR user's department, whose reopening opens its entry for every unit
  const [dep] =
    ctx.principal?.kind === 'user' && ctx.principal.role === Role.MONITOR
      ? await em.query(
          `SELECT d.code FROM users u JOIN departments d ON d.tenant_id = u.tenant_id AND d.id = u.department_id WHERE u.tenant_id = $1 AND u.id = $2`,
          [ctx.tenantId, ctx.principal.id],
        )
      : [];
  const department: string | null = dep?.code ?? null;
  const rows: {
    id: string;
    period: string;
    source: string;
    due_at: Date;
    due_local: string;
    tz: string;
    unit: string | null;
  }[] = await em.query(
    `SELECT d.id, d.period, d.source, d.due_at, to_char(d.due_at AT TIME ZONE z.tz, ${LOCAL_FORMAT}) AS due_local, z.tz, u.code AS unit
       FROM deadlines d
       CROSS JOIN (SELECT COALESCE((SELECT time_zone FROM tenant_settings WHERE tenant_id = $1), 'Asia/Shanghai') AS tz) z
       LEFT JOIN unnest($5::text[]) AS u(code) ON true
      WHERE d.tenant_id = $1 AND d.scheme_id = $2 AND d.source = $3 AND d.period = $4 AND d.due_at <= now()
        AND NOT EXISTS (SELECT 1 FROM deadline_extensions e WHERE e.tenant_id = d.tenant_id AND e.deadline_id = d.id AND e.until > now()
              AND ((e.target_kind = 'UNIT' AND e.target_code = u.code) OR (e.target_kind = 'DEPARTMENT' AND e.target_code = $6)))`,
    [ctx.tenantId, schemeId, source, period, [...new Set(units)], department],
  );
  if (rows.length)
    throw closedError(
      rows[0],
      rows[0].tz,
      rows.flatMap((r) => (r.unit ? [r.unit] : [])),
    );
}
