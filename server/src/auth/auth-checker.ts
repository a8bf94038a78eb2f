import type { AuthCheckerFn } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { Role } from '../user/role';
import { PLATFORM } from './permissions';

/** The one authorization check behind every `@Authorized(...)`. Throws with the right code. */
export const authChecker: AuthCheckerFn<RequestContext, string> = ({ context }, perms) => {
  const p = context.principal;
  if (!p) throw unauthenticated();
  if (perms.length === 0) return true;
  if (perms.includes(PLATFORM) && p.kind === 'platform') return true;
  const tenantPerms = perms.filter((x) => x !== PLATFORM);
  if (tenantPerms.length === 0) throw forbidden();
  if (!context.hasTenant) {
    throw forbidden(p.kind === 'platform' ? 'Send X-Tenant: <code> to act on a tenant' : 'Not allowed');
  }
  switch (p.kind) {
    case 'platform':
      return true; // acts as the tenant's ADMIN through X-Tenant
    case 'apiKey':
      if (tenantPerms.some((x) => x.startsWith('scope:') && p.scopes.includes(x.slice(6)))) return true;
      throw forbidden('The API key lacks the scope for this operation');
    case 'user':
      if (p.role === Role.ADMIN || tenantPerms.includes(p.role)) return true;
      throw forbidden();
  }
};
