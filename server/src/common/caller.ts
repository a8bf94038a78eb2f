import type { RequestContext } from '../context/request-context';
import { Role } from '../user/role';
import { UserEntity } from '../user/user.entity';
import { forbidden } from './errors';

/**
 * Who is calling. What a caller may do is a permission (auth/permissions.ts); which rows it sees
 * is the scope rule here: a UNIT user acts for its own unit (and its members) only.
 */

/** The caller's role when a tenant user; ADMIN for platform administrators acting through X-Tenant (named in messages). */
export function callerRole(ctx: RequestContext): Role | null {
  const p = ctx.principal;
  if (p?.kind === 'platform') return Role.ADMIN;
  if (p?.kind === 'user') return p.role;
  return null;
}

/** The person behind the request (null for API keys), for created_by/decided_by columns and the audit log. */
export function callerId(ctx: RequestContext): string | null {
  const p = ctx.principal;
  return p && p.kind !== 'apiKey' ? p.id : null;
}

/** A UNIT user's unit code ('' when none; read from the users row, so a changed unit applies at once); null for every other caller. */
export async function callerUnit(ctx: RequestContext): Promise<string | null> {
  const p = ctx.principal;
  if (p?.kind !== 'user' || p.role !== Role.UNIT) return null;
  const u = await (await ctx.repo(UserEntity)).findOne({ where: { tenantId: ctx.tenantId, id: p.id } });
  return u?.unit ?? '';
}

/** A subject belongs to a unit when it is the unit or one of its members. */
export function inUnit(subject: { code: string; unitCode: string | null }, unit: string): boolean {
  return unit !== '' && (subject.code === unit || subject.unitCode === unit);
}

/** UNIT users act for their own unit (and its members) only. */
export async function assertOwnUnit(
  ctx: RequestContext,
  subject: { code: string; unitCode: string | null },
): Promise<void> {
  const unit = await callerUnit(ctx);
  if (unit !== null && !inUnit(subject, unit)) throw forbidden('A unit user may act for its own unit only');
}
