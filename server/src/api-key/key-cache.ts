import type { DataSource } from 'typeorm';
import type { TenantScope } from '../context/principal';

/** What authenticating a key needs: the key's row and its tenant (null: tenant missing or disabled). */
export interface KeyRecord {
  id: string;
  tenant_id: string;
  secret_hash: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  tenant: TenantScope | null;
}

/**
 * API keys (and their tenants) as looked up, kept per process for a few seconds: under load every
 * request of a key would otherwise spend two round trips on the same two rows. The secret is still
 * checked, and expiry read, on every request. A revocation or a disabled tenant is seen at once by
 * the server that made it (`forgetApiKey`) and within TTL_MS by every other server.
 */
const TTL_MS = 5_000;
const MAX_KEYS = 10_000;
const kept = new Map<string, { at: number; record: KeyRecord | null }>();

export async function lookupApiKey(ds: DataSource, lookupId: string, now = Date.now()): Promise<KeyRecord | null> {
  const hit = kept.get(lookupId);
  if (hit && now - hit.at < TTL_MS) return hit.record;
  const rows: Omit<KeyRecord, 'tenant'>[] = await ds.query(`SELECT * FROM kaoping_api_key_lookup($1)`, [lookupId]);
  const k = rows.length === 1 ? rows[0] : undefined;
  let record: KeyRecord | null = null;
  if (k) {
    const [tenant] = await ds.query<TenantScope[]>(
      `SELECT id, code, name FROM tenants WHERE id = $1 AND NOT disabled`,
      [k.tenant_id],
    );
    record = {
      id: k.id,
      tenant_id: k.tenant_id,
      secret_hash: k.secret_hash,
      scopes: k.scopes,
      expires_at: k.expires_at,
      revoked_at: k.revoked_at,
      tenant: tenant ?? null,
    };
  }
  if (kept.size >= MAX_KEYS) kept.clear(); // bounded: forgetting only costs a lookup
  kept.set(lookupId, { at: now, record });
  return record;
}

/** Drops what this process keeps of a key (its id) or of every key of a tenant (`tenantId`). */
export function forgetApiKey(by: { id?: string; tenantId?: string }): void {
  for (const [lookupId, v] of kept)
    if (!v.record || v.record.id === by.id || v.record.tenant_id === by.tenantId) kept.delete(lookupId);
}
