// What the console keeps between page loads: the bearer token, the signed-in user, and (for a
// platform administrator) the tenant it has switched into. One place, so the auth provider, the
// GraphQL link and the tenant switcher agree on the keys.

import type { Role } from './generated/graphql';

export type { Role };
export const ROLES: Role[] = ['PLATFORM_ADMIN', 'ADMIN', 'ASSESSOR', 'MONITOR', 'UNIT', 'LEADER', 'VIEWER'];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenant?: { code: string } | null;
  /** What the server grants (as of the sign-in or the last `me`). */
  permissions?: string[];
}

const TOKEN = 'kaoping.token';
const USER = 'kaoping.user';
const ACTING_TENANT = 'kaoping.actingTenant';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

export const getToken = (): string | null => storage()?.getItem(TOKEN) ?? null;

export const getUser = (): SessionUser | null => {
  const raw = storage()?.getItem(USER);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
};

export const setSession = (token: string, user: SessionUser): void => {
  storage()?.setItem(TOKEN, token);
  storage()?.setItem(USER, JSON.stringify(user));
  storage()?.removeItem(ACTING_TENANT);
};

export const setUser = (user: SessionUser): void => storage()?.setItem(USER, JSON.stringify(user));

export const clearSession = (): void => {
  storage()?.removeItem(TOKEN);
  storage()?.removeItem(USER);
  storage()?.removeItem(ACTING_TENANT);
};

/** The tenant a PLATFORM_ADMIN has switched into (sent as X-Tenant), or null. */
export const getActingTenant = (): string | null => storage()?.getItem(ACTING_TENANT) ?? null;

export const setActingTenant = (code: string | null): void => {
  if (code) storage()?.setItem(ACTING_TENANT, code);
  else storage()?.removeItem(ACTING_TENANT);
};

/** The tenant the console acts in: the user's own, or the one a platform admin switched into. */
export const currentTenant = (): string | null => {
  const user = getUser();
  if (!user) return null;
  if (user.role === 'PLATFORM_ADMIN') return getActingTenant();
  return user.tenant?.code ?? null;
};

/** The server's scope rule (not a permission): a UNIT user acts for, and sees, its own unit only. */
export const ownUnitOnly = (): boolean => getUser()?.role === 'UNIT';
/** A MONITOR user enters only its department's indicators (the server's scope rule; this only shapes the grid). */
export const ownDepartmentOnly = (): boolean => getUser()?.role === 'MONITOR';

/** Where GraphQL lives: same origin as the console. */
export const GRAPHQL_URL = '/graphql';
