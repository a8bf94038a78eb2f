import { Init1732390000000 } from './1732390000000-Init';

/** Every migration, in order. Hand-written SQL; run at start by the owner role. Never synchronize. */
export const migrations = [Init1732390000000];

/** Tables holding tenant data: RLS-protected, checked by the catalog test. */
export const TENANT_TABLES = ['users', 'api_keys'] as const;
