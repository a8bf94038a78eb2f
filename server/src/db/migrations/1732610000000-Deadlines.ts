import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Deadlines per scheme, period and source, their reopenings for one unit or department, the
 * tenant's time zone and reminder lead, and the in-console inbox. `dedupe_key` (notification
 * kind, subject, recipient) is unique, so a job that runs twice notifies nobody twice.
 * `kaoping_enqueue_job_keyed` adds a job with a graphile-worker job key (one pending job per key).
 */
export class Deadlines1732610000000 implements MigrationInterface {
  name = 'Deadlines1732610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant_settings ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai'`);
    await q.query(
      `ALTER TABLE tenant_settings ADD COLUMN reminder_days integer NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60)`,
    );
    await q.query(`
      CREATE TABLE deadlines (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL,
        period text NOT NULL,
        source text NOT NULL CHECK (source IN ('SELF', 'MONITOR')),
        due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, scheme_id, period, source),
        FOREIGN KEY (tenant_id, scheme_id) REFERENCES schemes(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE deadline_extensions (
        tenant_id uuid NOT NULL,
        deadline_id uuid NOT NULL,
        target_kind text NOT NULL CHECK (target_kind IN ('UNIT', 'DEPARTMENT')),
        target_code text NOT NULL,
        until timestamptz NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, deadline_id, target_kind, target_code),
        FOREIGN KEY (tenant_id, deadline_id) REFERENCES deadlines(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE notifications (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL,
        read_at timestamptz,
        emailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, dedupe_key),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX notifications_inbox ON notifications (tenant_id, user_id, created_at DESC)`);
    for (const t of ['deadlines', 'deadline_extensions', 'notifications']) await enableTenantRls(q, t);
    await q.query(`
      CREATE FUNCTION kaoping_enqueue_job_keyed(identifier text, payload json, run_at timestamptz, job_key text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        PERFORM graphile_worker.add_job(identifier => identifier, payload => payload, run_at => run_at, max_attempts => 5, job_key => job_key, job_key_mode => 'replace');
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION kaoping_enqueue_job_keyed(text, json, timestamptz, text) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kaoping_enqueue_job_keyed(text, json, timestamptz, text)`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE deadline_extensions`);
    await q.query(`DROP TABLE deadlines`);
    await q.query(`ALTER TABLE tenant_settings DROP COLUMN reminder_days`);
    await q.query(`ALTER TABLE tenant_settings DROP COLUMN time_zone`);
  }
}
