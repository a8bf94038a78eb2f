import { Role } from '../user/role';

/**
 * Values for `@Authorized(...)`:
 * - `PLATFORM`: platform administrators only (no tenant needed).
 * - a tenant Role: users with that role in the request's tenant. ADMIN (and a platform
 *   administrator acting through X-Tenant) may do everything inside the tenant.
 * - `scope(...)`: API keys holding that scope.
 * `@Authorized()` with nothing: any authenticated caller.
 */
export const PLATFORM = 'PLATFORM';
export const scope = (s: ApiScope) => `scope:${s}`;

/** Roles that read SELF/MONITOR discrepancies: the `discrepancies` query and the dashboard's counts (a UNIT sees neither). */
export const DISCREPANCY_READERS = [Role.ADMIN, Role.ASSESSOR, Role.MONITOR, Role.LEADER, Role.VIEWER];

/** Roles that run what-if simulations and read the data they evaluate (`simulate`, `simulationData`). */
export const SIMULATORS = [Role.ADMIN, Role.ASSESSOR, Role.LEADER];

export const API_SCOPES = ['results:read', 'schemes:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Scopes a user holds, and may therefore grant to a key. */
export const ROLE_SCOPES: Record<Role, readonly ApiScope[]> = {
  [Role.PLATFORM_ADMIN]: API_SCOPES,
  [Role.ADMIN]: API_SCOPES,
  [Role.ASSESSOR]: API_SCOPES,
  [Role.LEADER]: API_SCOPES,
  [Role.VIEWER]: API_SCOPES,
  [Role.MONITOR]: ['schemes:read'],
  [Role.UNIT]: ['schemes:read'],
};
