import { indicatorsOf, isCategory, type Scheme as SchemeDefinition, type SchemeNode } from '@kaoping/shared';
import { forbidden } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { Role } from '../user/role';

/**
 * Who may write an indicator. A MONITOR user writes only indicators its department owns
 * (`owners` in the scheme); an indicator without owners any MONITOR user may write; a MONITOR
 * user without department, only those. Other roles are not limited here (their own rules apply).
 */
export interface OwnershipGuard {
  /** The caller's department code ('' when it has none). */
  department: string;
  /** May the caller write `indicator` of a subject of `group`? */
  mayWrite: (group: string, indicator: string) => boolean;
}

/** `owners` of every indicator, by group and indicator code (a code may recur in several groups). */
export function ownersByIndicator(definition: SchemeDefinition): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const g of definition.groups) {
    out.set(
      g.code,
      new Map(indicatorsOf(g.root).flatMap((n) => (n.owners?.length ? [[n.code, n.owners] as const] : []))),
    );
  }
  return out;
}

/** Every owner code the definition names, with its JSON Pointer path. */
export function ownerPaths(definition: SchemeDefinition): { path: string; code: string }[] {
  const out: { path: string; code: string }[] = [];
  const walk = (n: SchemeNode, p: string) => {
    if (isCategory(n)) n.children.forEach((c, i) => walk(c, `${p}/children/${i}`));
    else (Array.isArray(n.owners) ? n.owners : []).forEach((code, i) => out.push({ path: `${p}/owners/${i}`, code }));
  };
  (definition.groups ?? []).forEach((g, i) => g?.root && walk(g.root, `/groups/${i}/root`));
  return out;
}

/** The calling MONITOR user's department code, read from the users row (a change applies at once); null for other callers. */
export async function callerDepartment(ctx: RequestContext): Promise<string | null> {
  const p = ctx.principal;
  if (p?.kind !== 'user' || p.role !== Role.MONITOR) return null;
  const [row] = await (
    await ctx.em()
  ).query(
    `SELECT d.code FROM users u LEFT JOIN departments d ON d.tenant_id = u.tenant_id AND d.id = u.department_id WHERE u.tenant_id = $1 AND u.id = $2`,
    [ctx.tenantId, p.id],
  );
  return row?.code ?? '';
}

/** The guard for the caller on a scheme; null when the caller is not a MONITOR user (nothing to limit). */
export async function ownershipGuard(
  ctx: RequestContext,
  definition: SchemeDefinition,
): Promise<OwnershipGuard | null> {
  const department = await callerDepartment(ctx);
  if (department === null) return null;
  const owners = ownersByIndicator(definition);
  return {
    department,
    mayWrite: (group, indicator) => {
      const o = owners.get(group)?.get(indicator);
      return !o || (department !== '' && o.includes(department));
    },
  };
}

/** FORBIDDEN unless the caller may write the indicator (setInput's one-value check). */
export async function assertMayWrite(
  ctx: RequestContext,
  definition: SchemeDefinition,
  group: string,
  indicator: string,
): Promise<void> {
  const guard = await ownershipGuard(ctx, definition);
  if (guard && !guard.mayWrite(group, indicator)) throw forbidden(notOwnedMessage(indicator, guard.department));
}

export const notOwnedMessage = (indicator: string, department: string) =>
  department
    ? `Indicator "${indicator}" is reported by another department, not ${department}`
    : `Indicator "${indicator}" has owner departments and you belong to none`;
