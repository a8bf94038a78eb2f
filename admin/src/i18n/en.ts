// English messages: react-admin's own from ra-language-english, plus the console's.
// Loaded on demand (the console starts in Chinese).
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'ra-core';

const en: TranslationMessages = {
  ...englishMessages,
  kaoping: {
    app: { title: 'Kaoping', subtitle: 'Annual performance assessment' },
    locale: { zh: '中文', en: 'English', switch: 'Language' },
    dashboard: {
      title: 'Assessment workbench',
      welcome: 'Welcome, %{name}',
      signed_in_as: 'Signed in as',
      role: 'Role',
      tenant: 'Tenant',
      no_tenant: 'Platform (no tenant selected)',
      platform_hint: 'You are the platform administrator: create tenants under "Tenants", or switch into one to manage it.',
      next_steps: 'More features (schemes, data collection, scoring and publication) are on their way.',
    },
    login: {
      title: 'Sign in to Kaoping',
      email: 'Email',
      password: 'Password',
      tenant: 'Tenant code',
      tenant_help: 'Platform administrators leave this empty',
      failed: 'Sign-in failed: wrong email, password or tenant code',
    },
    tenant: {
      acting: 'Managing tenant: %{code}',
      switch_into: 'Switch into',
      switched: 'Now acting in tenant %{code}',
      leave: 'Leave tenant',
    },
    apiKey: {
      created_title: 'API key created',
      created_warning: 'The key is shown this one time only and cannot be displayed again. Copy it now and keep it safe.',
      copy: 'Copy',
      copied: 'Copied to the clipboard',
      copy_failed: 'Copy failed; select the key and copy it by hand',
      done: 'I have saved it, close',
      revoke: 'Revoke',
      revoke_title: 'Revoke API key %{name}',
      revoke_content: 'Apps using this key lose access immediately. Revoke it?',
      revoked: 'Revoked',
      revoked_done: 'API key revoked',
      active: 'Active',
    },
    error: {
      UNAUTHENTICATED: 'Your session has ended, please sign in again',
      FORBIDDEN: 'You are not allowed to do this',
      BAD_USER_INPUT: 'Invalid input',
      NOT_FOUND: 'The record does not exist or was deleted',
      CONFLICT: 'Conflict: the data was changed by someone else, or its state does not allow this',
      RATE_LIMITED: 'Too many requests, please try again later',
      QUERY_TOO_COMPLEX: 'The query is too complex; narrow it down',
      GRAPHQL_VALIDATION_FAILED: 'The request does not match the server API',
      INTERNAL_SERVER_ERROR: 'Internal server error, please try again later',
      NETWORK: 'Cannot reach the server, check the network',
      UNKNOWN: 'The operation failed',
      boundary_title: 'Something went wrong',
      boundary_body: 'The console hit an unexpected error. Reload the page; if it persists, contact your administrator.',
      reload: 'Reload',
    },
  },
  roles: {
    PLATFORM_ADMIN: 'Platform admin',
    ADMIN: 'Administrator',
    ASSESSOR: 'Assessor',
    MONITOR: 'Monitoring department',
    UNIT: 'Assessed unit',
    LEADER: 'Leader',
    VIEWER: 'Viewer',
  },
  resources: {
    tenants: {
      name: 'Tenant |||| Tenants',
      fields: {
        id: 'ID',
        code: 'Code',
        name: 'Name',
        createdAt: 'Created',
        adminEmail: 'First admin email',
        adminPassword: 'First admin password',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        id: 'ID',
        email: 'Email',
        name: 'Name',
        role: 'Role',
        unit: 'Unit code',
        disabled: 'Disabled',
        password: 'Initial password',
        createdAt: 'Created',
        tenant: 'Tenant',
      },
      helper: { unit: 'For role "Assessed unit": the code of its subject' },
    },
    apiKeys: {
      name: 'API key |||| API keys',
      fields: {
        id: 'ID',
        name: 'Name',
        scopes: 'Scopes',
        createdAt: 'Created',
        revokedAt: 'Revoked',
        lookupId: 'Key id',
        expiresAt: 'Expires',
        lastUsedAt: 'Last used',
        key: 'Key',
      },
      scopes: {
        'results:read': 'Read published results (results:read)',
        'schemes:read': 'Read scheme structure (schemes:read)',
      },
    },
  },
};

export default en;
