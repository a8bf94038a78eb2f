import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The only code that sets `app.tenant_id`. Always transaction-local (`set_config(..., true)`),
 * never a session-level SET that would leak to the next user of a pooled connection.
 * An empty value means "no tenant": row-level security then shows no tenant rows at all.
 */
export async function setTenant(runner: QueryRunner | EntityManager, tenantId: string | null): Promise<void> {
  await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId ?? '']);
}

/**
 * Runs `fn` in its own transaction scoped to `tenantId` (first statement: set_config).
 * For work outside a GraphQL request: bootstrap, seeding, background jobs.
 */
export function withTenantTransaction<T>(
  ds: DataSource,
  tenantId: string | null,
  fn: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return ds.transaction(async (em) => {
    await setTenant(em, tenantId);
    return fn(em);
  });
}
