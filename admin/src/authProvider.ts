// Sign-in with the GraphQL `login` mutation, the session check with `me`.
// Token and user in localStorage (see session.ts); permissions are the server's, from `me { permissions }`.
import type { AuthProvider } from 'ra-core';
import { HttpError } from 'ra-core';
import {
  clearSession,
  getActingTenant,
  getToken,
  getUser,
  setSession,
  setUser,
  currentTenant,
  type SessionUser,
} from './session';
import { gqlFetch } from './dataProvider/fetch';
import { errorCode } from './dataProvider/errors';
import { resetDataProvider } from './dataProvider';
import { t } from './i18n';

const USER_FIELDS = 'id email name role tenant { code } permissions';

/**
 * The caller's permissions in the tenant the console acts in, asked once per token and tenant (a
 * platform administrator who switches into a tenant gets that tenant's, as X-Tenant grants them).
 */
let granted: { key: string; permissions: Promise<string[]> } | null = null;
const grantKey = () => `${getToken() ?? ''}|${getActingTenant() ?? ''}`;
const remember = (permissions: string[] | undefined) => {
  granted = { key: grantKey(), permissions: Promise.resolve(permissions ?? []) };
};

export interface LoginParams {
  email: string;
  password: string;
  tenant?: string;
}

export const authProvider: AuthProvider = {
  async login({ email, password, tenant }: LoginParams) {
    const code = tenant?.trim() || undefined;
    try {
      const data = await gqlFetch<{ login: { token: string; user: SessionUser } }>(
        `mutation login($email: String!, $password: String!, $tenant: String) {
          login(email: $email, password: $password, tenant: $tenant) { token user { ${USER_FIELDS} } }
        }`,
        { email: email.trim(), password, tenant: code },
        { auth: false },
      );
      setSession(data.login.token, data.login.user);
      remember(data.login.user.permissions);
      resetDataProvider();
    } catch (error) {
      // Wrong credentials say nothing about which part was wrong.
      if (errorCode(error) === 'UNAUTHENTICATED') throw new Error(t('kaoping.login.failed'));
      throw error;
    }
  },

  async logout() {
    granted = null;
    clearSession();
    resetDataProvider();
  },

  async checkAuth() {
    if (!getToken()) throw new HttpError(t('ra.auth.auth_check_error'), 401);
  },

  async checkError(error) {
    const status = (error as { status?: number })?.status;
    if (errorCode(error) === 'UNAUTHENTICATED' || status === 401) {
      clearSession();
      resetDataProvider();
      throw new Error(t('kaoping.error.UNAUTHENTICATED'));
    }
    // FORBIDDEN and the rest are shown as notifications; they do not sign the user out.
  },

  async getPermissions() {
    if (!getToken()) return [];
    const key = grantKey();
    if (granted?.key !== key) {
      const asked = gqlFetch<{ me: { permissions: string[] } | null }>('query permissions { me { permissions } }').then(
        data => data.me?.permissions ?? [],
        () => {
          // asked again next time; meanwhile what the last sign-in or `me` said
          if (granted?.key === key) granted = null;
          return getUser()?.permissions ?? [];
        },
      );
      granted = { key, permissions: asked };
    }
    return granted.permissions;
  },

  async getIdentity() {
    if (!getToken()) throw new Error('not signed in');
    let user = getUser();
    try {
      const data = await gqlFetch<{ me: SessionUser | null }>(`query me { me { ${USER_FIELDS} } }`);
      if (data.me) {
        user = data.me;
        setUser(data.me);
        remember(data.me.permissions);
      }
    } catch (error) {
      if (errorCode(error) === 'UNAUTHENTICATED') {
        clearSession();
        throw error;
      }
    }
    if (!user) throw new Error('no user');
    return {
      id: user.id,
      fullName: user.name || user.email,
      email: user.email,
      role: user.role,
      tenant: currentTenant(),
    };
  },
};
