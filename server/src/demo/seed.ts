import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { hashPassword } from '../auth/passwords';
import { setTenant, withTenantTransaction } from '../context/tenant-transaction';
import { seedDemoDataset } from '../input/demo-dataset';
import { seedDemoDepartments } from './departments';
import { seedDemoResults } from '../result/demo-results';
import { seedDemoScheme } from '../scheme/demo-scheme';

export const DEMO_TENANT = { code: 'demo', name: '示范区' };
export const DEMO_ADMIN = { email: 'demo@example.com', password: 'demo' };

/**
 * The demo tenant, created at first start unless SEED_DEMO=false: tenant `demo` with ADMIN
 * demo@example.com / demo, its departments and a MONITOR user (monitor@example.com / demo, 统计局). Idempotent: does nothing when the tenant exists.
 * The example scheme (district-2023) is imported and PUBLISHED, then the example dataset is imported into it as REVIEW,
 * and its results are computed, reviewed, approved and published (actor: system).
 */
export async function seedDemo(ds: DataSource, log: Logger): Promise<void> {
  const passwordHash = await hashPassword(DEMO_ADMIN.password);
  const created = await withTenantTransaction(ds, null, async (em) => {
    const rows = await em.query(
      `INSERT INTO tenants (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [DEMO_TENANT.code, DEMO_TENANT.name],
    );
    const tenantId = rows[0]?.id as string | undefined;
    if (!tenantId) return undefined;
    await setTenant(em, tenantId); // same transaction, now scoped to the new tenant
    await em.query(`INSERT INTO users (tenant_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, 'ADMIN')`, [
      tenantId,
      DEMO_ADMIN.email,
      '示范区管理员',
      passwordHash,
    ]);
    await seedDemoDepartments(em, tenantId, passwordHash); // before the scheme: its owners name them
    // ── scheme import hook: import the demo scheme and dataset here, in this tenant's transaction ──
    const schemeId = await seedDemoScheme(em, tenantId);
    if (!schemeId)
      log.warn('demo scheme not found (examples of @kaoping/shared missing); the demo tenant has no scheme');
    else if (!(await seedDemoDataset(em, tenantId, schemeId)))
      log.warn('demo dataset not found (examples of @kaoping/shared missing); the demo scheme has no data');
    else await seedDemoResults(em, tenantId, schemeId); // computed, reviewed, approved and published (actor: system)
    return tenantId;
  });
  if (created)
    log.warn(
      { tenant: DEMO_TENANT.code, email: DEMO_ADMIN.email },
      'demo tenant created (SEED_DEMO); its admin password is "demo"',
    );
}
