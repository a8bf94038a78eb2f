import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Tenants, platform administrators, users and API keys.
 *
 * - `tenants` and `platform_admins` are platform-level tables (no tenant_id): a tenant's code is
 *   a platform-wide identifier (used by `login(tenant:)` and `X-Tenant`).
 * - `users` and `api_keys` are tenant-owned: tenant_id NOT NULL, leading every key, ENABLE +
 *   FORCE ROW LEVEL SECURITY with one policy comparing tenant_id to the transaction's
 *   `app.tenant_id` setting (no setting: no rows).
 * - Login (without a tenant) and API-key authentication must look up across tenants before any
 *   tenant is known. Rather than letting the app role bypass RLS, two narrow SECURITY DEFINER
 *   functions owned by the owner role do exactly these lookups (by exact email / by lookup id).
 *   A SELECT-only policy `TO CURRENT_USER` (the owner role running this migration) lets these
 *   functions see the rows even when the owner is not a superuser; the app role matches only the
 *   tenant policy.
 */
export class Init1732390000000 implements MigrationInterface {
  name = 'Init1732390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenants_code_key UNIQUE (code),
        CONSTRAINT tenants_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$')
      )`);
    await q.query(`
      CREATE TABLE platform_admins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT platform_admins_email_key UNIQUE (email),
        CONSTRAINT platform_admins_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`
      CREATE TABLE users (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        unit text,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT users_email_key UNIQUE (tenant_id, email),
        CONSTRAINT users_email_lower CHECK (email = lower(email)),
        CONSTRAINT users_role_check CHECK (role IN ('ADMIN','ASSESSOR','MONITOR','UNIT','LEADER','VIEWER'))
      )`);
    await q.query(`CREATE INDEX users_email_idx ON users (email)`);
    await q.query(`
      CREATE TABLE api_keys (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        lookup_id text NOT NULL,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT api_keys_lookup_key UNIQUE (tenant_id, lookup_id),
        CONSTRAINT api_keys_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
        CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['results:read','schemes:read']::text[])
      )`);
    await q.query(`CREATE INDEX api_keys_lookup_idx ON api_keys (lookup_id)`);

    for (const t of ['users', 'api_keys']) {
      await enableTenantRls(q, t);
      // Only the owner role (the definer of the lookup functions below) may read across tenants.
      await q.query(`CREATE POLICY owner_lookup ON ${t} FOR SELECT TO CURRENT_USER USING (true)`);
    }

    await q.query(`
      CREATE FUNCTION kaoping_login_lookup(p_email text, p_tenant_code text)
      RETURNS TABLE (kind text, id uuid, tenant_id uuid, tenant_code text, password_hash text, role text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT 'user', u.id, u.tenant_id, t.code, u.password_hash, u.role
          FROM users u JOIN tenants t ON t.id = u.tenant_id
         WHERE u.email = lower(p_email) AND NOT u.disabled AND NOT t.disabled
           AND (p_tenant_code IS NULL OR t.code = p_tenant_code)
        UNION ALL
        SELECT 'platform', p.id, NULL, NULL, p.password_hash, 'PLATFORM_ADMIN'
          FROM platform_admins p
         WHERE p.email = lower(p_email) AND NOT p.disabled AND p_tenant_code IS NULL
      $$`);
    await q.query(`
      CREATE FUNCTION kaoping_api_key_lookup(p_lookup_id text)
      RETURNS TABLE (id uuid, tenant_id uuid, tenant_code text, secret_hash text, scopes text[], expires_at timestamptz, revoked_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT k.id, k.tenant_id, t.code, k.secret_hash, k.scopes, k.expires_at, k.revoked_at
          FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
         WHERE k.lookup_id = p_lookup_id AND NOT t.disabled
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION kaoping_login_lookup(text, text) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION kaoping_api_key_lookup(text) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kaoping_api_key_lookup(text)`);
    await q.query(`DROP FUNCTION kaoping_login_lookup(text, text)`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE platform_admins`);
    await q.query(`DROP TABLE tenants`);
  }
}
