import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { withTenantTransaction } from '../context/tenant-transaction';
import { hashPassword } from './passwords';

/** First start: the platform administrator from ADMIN_EMAIL / ADMIN_PASSWORD (only if none exists). */
export async function ensurePlatformAdmin(ds: DataSource, cfg: Config, log: Logger): Promise<void> {
  await withTenantTransaction(ds, null, async (em) => {
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM platform_admins`);
    if (n > 0) return;
    const email = cfg.adminEmail.trim().toLowerCase();
    await em.query(
      `INSERT INTO platform_admins (email, name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING`,
      [email, 'Platform administrator', await hashPassword(cfg.adminPassword)],
    );
    log.info({ email }, 'platform administrator created');
  });
}
