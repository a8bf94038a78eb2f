import type { AuthCheckerFn } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { Role } from '../user/role';
import { holds, PERMISSIONS, type Permission } from './permissions';

/**
 * The one authorization check behind every `@Authorized(Permission.X, …)`: the caller must hold
 * one of the named permissions (the table in permissions.ts); `@Authorized()` with nothing: any
 * authenticated caller. Throws with the right code.
 */
export const authChecker: AuthCheckerFn<RequestContext, Permission> = ({ context }, perms) => {
  const p = context.principal;
  if (!p) throw unauthenticated();
  if (perms.length === 0) return true;
  if (perms.some((x) => holds(p, context.hasTenant, x))) return true;
  const tenantLevel = perms.some(
    (x) => PERMISSIONS[x].scope !== undefined || PERMISSIONS[x].roles.some((r) => r !== Role.PLATFORM_ADMIN),
  );
  if (!tenantLevel) throw forbidden();
  if (!context.hasTenant)
    throw forbidden(p.kind === 'platform' ? 'Send X-Tenant: <code> to act on a tenant' : 'Not allowed');
  if (p.kind === 'apiKey') throw forbidden('The API key lacks the scope for this operation');
  throw forbidden();
};
