import type { Role } from './session';
import { ROLES, getActingTenant } from './session';

/** Role choices for inputs and filters; names are translation keys. */
export const roleChoices = (opts: { includePlatform?: boolean } = {}) =>
  ROLES.filter(r => opts.includePlatform || r !== 'PLATFORM_ADMIN').map(r => ({ id: r, name: `roles.${r}` }));

/** What a role may use in the console (the server enforces it; this only shapes the menu). */
export const canUse = (role: Role | undefined, resource: 'tenants' | 'users' | 'apiKeys' | 'schemes' | 'results' | 'adjustments' | 'dataEntry' | 'discrepancies' | 'ballots'): boolean => {
  if (!role) return false;
  if (resource === 'tenants') return role === 'PLATFORM_ADMIN';
  // Schemes: every tenant role reads them (only an ADMIN changes them, see schemes/permissions.ts).
  // Results: every tenant role reads them (acting on them depends on the role, see results/permissions.ts).
  // Adjustments: every tenant role reads them (claim/verify depend on the role, see adjustments/permissions.ts).
  if (resource === 'schemes' || resource === 'results' || resource === 'adjustments') return role !== 'PLATFORM_ADMIN' || !!getActingTenant();
  // Data entry: every tenant role (read only where it may not write, see dataEntry/rights.ts); the
  // discrepancy list is not for units; ballot counts are the assessment team's (and ADMIN's).
  const inTenant = role !== 'PLATFORM_ADMIN' || !!getActingTenant();
  if (resource === 'dataEntry') return inTenant;
  if (resource === 'discrepancies') return inTenant && role !== 'UNIT';
  if (resource === 'ballots') return inTenant && (role === 'ADMIN' || role === 'ASSESSOR' || role === 'PLATFORM_ADMIN');
  // Tenant administration: the tenant's ADMIN, or a platform admin who switched into a tenant.
  return role === 'ADMIN' || (role === 'PLATFORM_ADMIN' && !!getActingTenant());
};
