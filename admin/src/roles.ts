import type { Role } from './session';
import { ROLES, getActingTenant } from './session';

/** Role choices for inputs and filters; names are translation keys. */
export const roleChoices = (opts: { includePlatform?: boolean } = {}) =>
  ROLES.filter(r => opts.includePlatform || r !== 'PLATFORM_ADMIN').map(r => ({ id: r, name: `roles.${r}` }));

/**
 * The role a caller acts with inside a tenant: a platform administrator who switched into one acts
 * as its ADMIN (as the server treats X-Tenant); outside a tenant, none.
 */
export const tenantRole = (role: Role | undefined): Role | undefined => (role === 'PLATFORM_ADMIN' ? (getActingTenant() ? 'ADMIN' : undefined) : role);

/** What a role may use in the console (the server enforces it; this only shapes the menu). */
export const canUse = (role: Role | undefined, resource: 'tenants' | 'users' | 'departments' | 'apiKeys' | 'schemes' | 'subjects' | 'results' | 'adjustments' | 'dataEntry' | 'discrepancies' | 'ballots'): boolean => {
  if (!role) return false;
  if (resource === 'tenants') return role === 'PLATFORM_ADMIN';
  // Schemes: every tenant role reads them (only an ADMIN changes them, see schemes/permissions.ts).
  // Results: every tenant role reads them (acting on them depends on the role, see results/permissions.ts).
  // Adjustments: every tenant role reads them (claim/verify depend on the role, see adjustments/permissions.ts).
  // Subjects: every tenant role reads them (only an ADMIN changes them, as schemes).
  if (resource === 'schemes' || resource === 'subjects' || resource === 'results' || resource === 'adjustments') return role !== 'PLATFORM_ADMIN' || !!getActingTenant();
  // Data entry: every tenant role (read only where it may not write, see dataEntry/rights.ts); the
  // discrepancy list is not for units; ballot counts are the assessment team's (and ADMIN's).
  const acting = tenantRole(role);
  if (resource === 'dataEntry') return acting !== undefined;
  if (resource === 'discrepancies') return acting !== undefined && acting !== 'UNIT';
  if (resource === 'ballots') return acting === 'ADMIN' || acting === 'ASSESSOR';
  // Tenant administration: the tenant's ADMIN, or a platform admin who switched into a tenant.
  return role === 'ADMIN' || (role === 'PLATFORM_ADMIN' && !!getActingTenant());
};
