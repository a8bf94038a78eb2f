import type { QueryRunner } from 'typeorm';

/**
 * The one row-level-security setup every tenant-owned table gets, so that a missed filter in code still cannot leak a row: ENABLE and
 * FORCE, and a policy comparing tenant_id with the transaction's `app.tenant_id` — no setting
 * means no rows, never an error and never all rows.
 */
export async function enableTenantRls(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
          WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
}
