// Sign-in with the GraphQL `login` mutation, the session check with `me`.
// Token and user in localStorage (see session.ts); the role is the permission.
import type { AuthProvider } from 'ra-core';
import { HttpError } from 'ra-core';
import { clearSession, getToken, getUser, setSession, setUser, currentTenant, type SessionUser } from './session';
import { gqlFetch } from './dataProvider/fetch';
import { errorCode } from './dataProvider/errors';
import { resetDataProvider } from './dataProvider';
import { t } from './i18n';

const USER_FIELDS = 'id email name role tenant { code }';

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
      resetDataProvider();
    } catch (error) {
      // Wrong credentials say nothing about which part was wrong.
      if (errorCode(error) === 'UNAUTHENTICATED') throw new Error(t('kaoping.login.failed'));
      throw error;
    }
  },

  async logout() {
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
    return getUser()?.role;
  },

  async getIdentity() {
    if (!getToken()) throw new Error('not signed in');
    let user = getUser();
    try {
      const data = await gqlFetch<{ me: SessionUser | null }>(`query me { me { ${USER_FIELDS} } }`);
      if (data.me) {
        user = data.me;
        setUser(data.me);
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
