import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Webhooks: a tenant's endpoints, the outbox of deliveries (written in the transaction of the
 * event itself, so a rolled-back change sends nothing) and every attempt. Plus
 * `kaoping_enqueue_job`, the one door the app role has into the job queue (graphile-worker's own
 * schema, created and owned by the owner role at start): SECURITY DEFINER, so the app role needs
 * no rights on the queue's tables, and it runs in the caller's transaction.
 */
export class Webhooks1732590000000 implements MigrationInterface {
  name = 'Webhooks1732590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        url text NOT NULL,
        events text[] NOT NULL,
        description text NOT NULL DEFAULT '',
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL,
        event text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        -- attempts made before the latest redelivery: each round gets its own retries
        round_start integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, webhook_id) REFERENCES webhooks(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (tenant_id, webhook_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE webhook_attempts (
        tenant_id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        attempt integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        error text,
        duration_ms integer NOT NULL,
        PRIMARY KEY (tenant_id, delivery_id, attempt),
        FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries(tenant_id, id) ON DELETE CASCADE
      )`);
    for (const t of ['webhooks', 'webhook_deliveries', 'webhook_attempts']) await enableTenantRls(q, t);
    await q.query(`
      CREATE FUNCTION kaoping_enqueue_job(identifier text, payload json, run_at timestamptz DEFAULT now())
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        PERFORM graphile_worker.add_job(identifier => identifier, payload => payload, run_at => run_at, max_attempts => 5);
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION kaoping_enqueue_job(text, json, timestamptz) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kaoping_enqueue_job(text, json, timestamptz)`);
    await q.query(`DROP TABLE webhook_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
  }
}
