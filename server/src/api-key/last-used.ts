import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { withTenantTransaction } from '../context/tenant-transaction';

/** How often a key's last_used_at is written at most (per process; the SQL guard covers several servers). */
const EVERY_MS = 60_000;
const written = new Map<string, number>();
const pending = new Set<Promise<unknown>>();

/**
 * Records that a key was used, off the request's path: at most once a minute per key, one
 * statement that no request waits for (a hot row under load would queue every request behind
 * its lock). Readers of last_used_at call `lastUsedSettled` first.
 */
export function touchApiKey(ds: DataSource, log: Logger, tenantId: string, keyId: string, now = Date.now()): void {
  const last = written.get(keyId);
  if (last !== undefined && now - last < EVERY_MS) return;
  written.set(keyId, now);
  if (written.size > 10_000) written.clear(); // bounded: forgetting only means one more write
  const p = withTenantTransaction(ds, tenantId, (em) =>
    em.query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [keyId],
    ),
  )
    .catch((err) => {
      written.delete(keyId);
      log.warn({ err: { message: (err as Error).message } }, 'api key last_used_at not written');
    })
    .finally(() => pending.delete(p));
  pending.add(p);
}

/** Waits for this process's last_used_at writes in flight, so a reader sees its own server's uses. */
export async function lastUsedSettled(): Promise<void> {
  await Promise.all([...pending]);
}
