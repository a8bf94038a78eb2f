import type { EntityManager } from 'typeorm';
import { forgetPublished } from './result-cache';
import { auditService } from '../audit/audit.service';
import { badInput, conflict, forbidden } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { SchemeStatus } from '../scheme/scheme.entity';
import { schemeService } from '../scheme/scheme.service';
import { can, Permission } from '../auth/permissions';
import { callerId, callerUnit } from '../common/caller';
import { runStepNotice } from '../notification/events';
import { schemeEventData } from '../webhook/webhook-events';
import { webhookService } from '../webhook/webhook.service';
import { WebhookEvent } from '../webhook/webhook.types';
import { tenantSettingsService } from '../tenant/tenant-settings';
import { ResultStatus } from './result.entity';
import type { MissingInput, ResultRun } from './result-run';
import { nodeNames, resultService } from './result.service';
import { runSnapshot, toRunView, type RunRow } from './run-view';

const ENTITY = 'result_run';

/** The lifecycle: each step's source state, its target, and the columns recording who and when. */
const STEPS = {
  REVIEW: { from: ResultStatus.DRAFT, to: ResultStatus.REVIEWED, at: 'reviewed_at', by: 'reviewed_by' },
  APPROVE: { from: ResultStatus.REVIEWED, to: ResultStatus.APPROVED, at: 'approved_at', by: 'approved_by' },
  PUBLISH: { from: ResultStatus.APPROVED, to: ResultStatus.PUBLISHED, at: 'published_at', by: 'published_by' },
} as const;
export type ResultStep = keyof typeof STEPS;

/** The step a run in each state waits for: its owner may also send the run back. */
const NEXT_STEP: Partial<Record<ResultStatus, ResultStep>> = {
  DRAFT: 'REVIEW',
  REVIEWED: 'APPROVE',
  APPROVED: 'PUBLISH',
};
const STEP_PERMISSION: Record<ResultStep, Permission> = {
  REVIEW: Permission.RESULT_REVIEW,
  APPROVE: Permission.RESULT_APPROVE,
  PUBLISH: Permission.RESULT_PUBLISH,
};
const DONE: Record<string, string> = {
  created_by: 'computed',
  reviewed_by: 'reviewed',
  approved_by: 'approved',
  published_by: 'published',
};

export const MAX_REASON = 1000;

/** Serializes a scheme's computes and steps (transaction-level advisory lock on tenant and scheme). */
export async function lockScheme(em: EntityManager, tenantId: string, schemeId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext($1::text), hashtext($2::text))`, [tenantId, schemeId]);
}

/** One lifecycle step as one guarded UPDATE (state and version must still be the read ones); false when it touched no row. */
export async function stepRunWith(
  em: EntityManager,
  tenantId: string,
  runId: string,
  step: ResultStep,
  version: number,
  by: string | null,
): Promise<boolean> {
  const s = STEPS[step];
  const rows: unknown = await em.query(
    `UPDATE result_runs SET status = $4, ${s.at} = now(), ${s.by} = $5, version = version + 1
      WHERE tenant_id = $1 AND id = $2 AND version = $3 AND status = $6 RETURNING id`,
    [tenantId, runId, version, s.to, by, s.from],
  );
  // an UPDATE's raw answer is [rows, affected]
  return Array.isArray(rows) && rows[1] === 1;
}

/**
 * Turns the scheme's PUBLISHED run (if any) into SUPERSEDED by `runId`, audited, in the caller's
 * transaction: at most one PUBLISHED run per scheme (a partial unique index holds it too).
 */
async function supersedePublished(
  ctx: RequestContext,
  em: EntityManager,
  schemeId: string,
  runId: string,
): Promise<void> {
  const [rows] = await em.query<[{ id: string; version: number }[], number]>(
    `UPDATE result_runs SET status = 'SUPERSEDED', superseded_at = now(), superseded_by = $3, version = version + 1
      WHERE tenant_id = $1 AND scheme_id = $2 AND status = 'PUBLISHED' RETURNING id, version`,
    [ctx.tenantId, schemeId, runId],
  );
  for (const old of rows) {
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: old.id,
      action: 'SUPERSEDE',
      before: { schemeId, status: ResultStatus.PUBLISHED, version: old.version - 1 },
      after: { schemeId, status: ResultStatus.SUPERSEDED, version: old.version, supersededBy: runId },
    });
  }
}

/** The run (for staff), after the scheme's lock; FORBIDDEN when the scheme is CLOSED. */
async function lockedRun(ctx: RequestContext, runId: string): Promise<RunRow> {
  const first = await resultService.findOrFail(ctx, runId);
  const scheme = await schemeService.findOrFail(ctx, first.scheme_id);
  if (scheme.status === SchemeStatus.CLOSED) throw forbidden('The scheme is CLOSED: its runs cannot change');
  await lockScheme(await ctx.em(), ctx.tenantId, first.scheme_id);
  return resultService.findOrFail(ctx, runId);
}

/** With separation of duties on, nobody takes two steps of one run (ADMINs included). */
async function checkSeparation(ctx: RequestContext, run: RunRow, step: ResultStep): Promise<void> {
  const me = callerId(ctx);
  if (!me || !(await tenantSettingsService.get(ctx)).separationOfDuties) return;
  const taken = Object.keys(DONE).find((c) => run[c as keyof RunRow] === me);
  if (taken)
    throw forbidden(`Separation of duties: you ${DONE[taken]} this run; another person must ${step.toLowerCase()} it`);
}

export const resultLifecycle = {
  /** REVIEW, APPROVE or PUBLISH the scheme's newest run; PUBLISH supersedes the scheme's published run. */
  async step(
    ctx: RequestContext,
    runId: string,
    step: ResultStep,
    opts: { acknowledgeMissing?: boolean } = {},
  ): Promise<ResultRun> {
    const before = await lockedRun(ctx, runId);
    const s = STEPS[step];
    if (before.status !== s.from)
      throw conflict(`Only a ${s.from} run can move to ${s.to}; this one is ${before.status}`);
    if (!before.newest) throw conflict('A newer run of this scheme exists: only the newest run moves forward');
    await checkSeparation(ctx, before, step);
    const em = await ctx.em();
    if (step === 'PUBLISH') {
      if (before.missing_inputs > 0 && !opts.acknowledgeMissing) {
        throw conflict(
          `The run has ${before.missing_inputs} missing input(s); publish with acknowledgeMissing: true to publish it anyway`,
        );
      }
      await supersedePublished(ctx, em, before.scheme_id, before.id);
    }
    if (!(await stepRunWith(em, ctx.tenantId, before.id, step, before.version, callerId(ctx))))
      throw conflict('The run was changed meanwhile; reload and retry');
    if (step === 'PUBLISH') forgetPublished(ctx.tenantId);
    const after = await resultService.findOrFail(ctx, before.id);
    const ack =
      step === 'PUBLISH' && before.missing_inputs > 0
        ? { missingInputs: before.missing_inputs, acknowledgeMissing: true }
        : {};
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: before.id,
      action: step,
      before: runSnapshot(before),
      after: { ...runSnapshot(after), ...ack },
    });
    const view = toRunView(after);
    const scheme = await schemeService.findOrFail(ctx, before.scheme_id);
    await runStepNotice(ctx, scheme, view);
    if (step === 'PUBLISH') {
      await webhookService.emit(ctx, WebhookEvent.RESULT_RUN_PUBLISHED, {
        run: { id: view.id, status: view.status, publishedAt: view.publishedAt, missingInputs: view.missingInputs },
        ...schemeEventData(scheme),
      });
    }
    return view;
  },

  /** Sends a DRAFT, REVIEWED or APPROVED run back (REJECTED, final), by the owner of its next step or an ADMIN. */
  async reject(ctx: RequestContext, runId: string, reason: string): Promise<ResultRun> {
    const why = reason.trim();
    if (!why)
      throw badInput('Give the reason for sending the run back', {
        problems: [{ path: '/reason', message: 'required' }],
      });
    if (why.length > MAX_REASON)
      throw badInput(`The reason is too long (at most ${MAX_REASON} characters)`, {
        problems: [{ path: '/reason', message: 'too long' }],
      });
    const before = await lockedRun(ctx, runId);
    const next = NEXT_STEP[before.status];
    if (!next) throw conflict(`Only a DRAFT, REVIEWED or APPROVED run can be sent back; this one is ${before.status}`);
    if (!can(ctx, STEP_PERMISSION[next]))
      throw forbidden(`A ${before.status} run is sent back by whoever may ${next.toLowerCase()} it`);
    const rows: unknown = await (
      await ctx.em()
    ).query(
      `UPDATE result_runs SET status = 'REJECTED', rejected_at = now(), rejected_by = $4, reject_reason = $5, version = version + 1
        WHERE tenant_id = $1 AND id = $2 AND version = $3 AND status = $6 RETURNING id`,
      [ctx.tenantId, before.id, before.version, callerId(ctx), why, before.status],
    );
    if (!(Array.isArray(rows) && rows[1] === 1)) throw conflict('The run was changed meanwhile; reload and retry');
    const after = await resultService.findOrFail(ctx, before.id);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: before.id,
      action: 'REJECT',
      before: runSnapshot(before),
      after: { ...runSnapshot(after), reason: why },
    });
    return toRunView(after);
  },

  /** The run's missing inputs (subjects and indicators, in subject order); UNIT users: their own unit's. */
  async missing(ctx: RequestContext, runId: string): Promise<MissingInput[]> {
    const unit = await callerUnit(ctx);
    const rows: { code: string; name: string; group: string; indicator: string; definition: unknown }[] = await (
      await ctx.em()
    ).query(
      `SELECT rs.subject_code AS code, rs.subject_name AS name, rs.group_code AS "group", w->>'indicator' AS indicator,
              CASE WHEN rs.position = min(rs.position) OVER () THEN s.definition END AS definition
         FROM result_subjects rs
         JOIN result_runs r ON r.tenant_id = rs.tenant_id AND r.id = rs.run_id
         JOIN schemes s ON s.tenant_id = r.tenant_id AND s.id = r.scheme_id
         CROSS JOIN LATERAL json_array_elements(rs.data::json->'warnings') w
        WHERE rs.tenant_id = $1 AND rs.run_id = $2 AND w->>'code' = 'MISSING_INPUT'
          AND ($3::text IS NULL OR ($3 <> '' AND (rs.subject_code = $3 OR rs.unit_code = $3)))
        ORDER BY rs.position`,
      [ctx.tenantId, runId, unit],
    );
    const definition = rows.find((r) => r.definition)?.definition;
    const names = definition ? nodeNames(definition as never) : new Map<string, Map<string, string>>();
    return rows.map((r) => ({
      subject: { code: r.code, name: r.name },
      group: r.group,
      indicator: r.indicator,
      indicatorName: names.get(r.group)?.get(r.indicator) ?? r.indicator,
    }));
  },
};
