import type { Scheme as SchemeDefinition } from '@kaoping/shared';
import { conflict, forbidden } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { SchemeStatus, type SchemeEntity } from '../scheme/scheme.entity';
import { schemeService } from '../scheme/scheme.service';
import { UserEntity } from '../user/user.entity';
import { Role } from '../user/role';

/**
 * Rules shared by subjects, inputs and adjustments.
 *
 * Data may be written only while the scheme is PUBLISHED: a DRAFT scheme answers CONFLICT (not
 * yet open), a CLOSED one FORBIDDEN (the year is over; the database refuses it too), after the
 * scheme was found (another tenant's or a missing scheme is NOT_FOUND first).
 */
export async function writableScheme(ctx: RequestContext, schemeId: string): Promise<SchemeEntity> {
  const s = await schemeService.findOrFail(ctx, schemeId);
  if (s.status === SchemeStatus.CLOSED) throw forbidden('The scheme is CLOSED: its data can no longer change');
  if (s.status !== SchemeStatus.PUBLISHED) throw conflict(`Data can be entered only while the scheme is PUBLISHED; this one is ${s.status}`);
  return s;
}

export function definitionOf(s: SchemeEntity): SchemeDefinition {
  return s.definition as unknown as SchemeDefinition;
}

/** The caller's role when a tenant user; ADMIN for platform administrators acting through X-Tenant. */
export function callerRole(ctx: RequestContext): Role | null {
  const p = ctx.principal;
  if (p?.kind === 'platform') return Role.ADMIN;
  if (p?.kind === 'user') return p.role;
  return null;
}

export function callerId(ctx: RequestContext): string | null {
  const p = ctx.principal;
  return p && p.kind !== 'apiKey' ? p.id : null;
}

/** A UNIT user's unit code (from the users row, so a changed unit applies at once); null otherwise. */
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
export async function assertOwnUnit(ctx: RequestContext, subject: { code: string; unitCode: string | null }): Promise<void> {
  if (callerRole(ctx) !== Role.UNIT) return;
  const unit = await callerUnit(ctx);
  if (!unit || !inUnit(subject, unit)) throw forbidden('A unit user may act for its own unit only');
}
