import type { RequestContext } from '../context/request-context';
import { Permission, rolesHolding } from '../auth/permissions';
import { Role } from '../user/role';
import { NotificationKind } from './notification.types';
import { notify } from './notify';

type SchemeRef = { id: string; code: string; name: string; year: number };

const schemeParams = (s: SchemeRef) => ({ schemeId: s.id, schemeCode: s.code, schemeName: s.name, year: s.year });
const actor = (ctx: RequestContext) => (ctx.principal?.kind === 'user' ? ctx.principal.id : null);

/** Who holds a step besides ADMIN (the ADMINs are told only when nobody else holds it). */
function others(perm: Permission): Role[] {
  return rolesHolding(perm).filter((r) => r !== Role.ADMIN);
}

/** Who a run's new status waits for: computed → reviewers, reviewed → approvers, approved → the publisher; published → the units. */
const AFTER: Record<string, { kind: NotificationKind; roles?: Role[]; fallbackRoles?: Role[] }> = {
  DRAFT: {
    kind: NotificationKind.RUN_AWAITS_REVIEW,
    roles: others(Permission.RESULT_REVIEW),
    fallbackRoles: [Role.ADMIN],
  },
  REVIEWED: {
    kind: NotificationKind.RUN_AWAITS_APPROVAL,
    roles: others(Permission.RESULT_APPROVE),
    fallbackRoles: [Role.ADMIN],
  },
  APPROVED: { kind: NotificationKind.RUN_AWAITS_PUBLISH, roles: rolesHolding(Permission.RESULT_PUBLISH) },
};

/** Notifies the next role of a run (or, once PUBLISHED, the scheme's units), in the step's own transaction. */
export async function runStepNotice(
  ctx: RequestContext,
  scheme: SchemeRef,
  run: { id: string; status: string },
): Promise<void> {
  const em = await ctx.em();
  const params = { ...schemeParams(scheme), runId: run.id };
  if (run.status === 'PUBLISHED') {
    const units: { code: string }[] = await em.query(
      `SELECT code FROM subjects WHERE tenant_id = $1 AND scheme_id = $2 AND unit_code IS NULL`,
      [ctx.tenantId, scheme.id],
    );
    await notify(em, {
      tenantId: ctx.tenantId,
      kind: NotificationKind.RESULTS_PUBLISHED,
      subjectKey: run.id,
      params,
      audience: { units: units.map((u) => u.code) },
    });
    return;
  }
  const next = AFTER[run.status];
  if (!next) return;
  await notify(em, {
    tenantId: ctx.tenantId,
    kind: next.kind,
    subjectKey: run.id,
    params,
    audience: { roles: next.roles, fallbackRoles: next.fallbackRoles, exceptUser: actor(ctx) },
  });
}

/** A claim awaiting verification: the assessment team (else the ADMINs) is told. */
export async function claimNotice(
  ctx: RequestContext,
  scheme: SchemeRef,
  claim: { id: string; subject: string; subjectName?: string | null; rule: string; ruleName?: string | null },
): Promise<void> {
  const params = {
    ...schemeParams(scheme),
    adjustmentId: claim.id,
    subject: claim.subject,
    subjectName: claim.subjectName ?? null,
    rule: claim.rule,
    ruleName: claim.ruleName ?? null,
  };
  await notify(await ctx.em(), {
    tenantId: ctx.tenantId,
    kind: NotificationKind.CLAIM_AWAITS_VERIFICATION,
    subjectKey: claim.id,
    params,
    audience: { roles: others(Permission.ADJUSTMENT_VERIFY), fallbackRoles: [Role.ADMIN], exceptUser: actor(ctx) },
  });
}
