import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Departments: a tenant's functional departments (税务局, 统计局, …), code unique per tenant, and
 * the department a MONITOR user reports for (`users.department_id`, none for existing users).
 * A department still named by a user cannot be deleted (the foreign key refuses it too).
 */
export class Departments1732600000000 implements MigrationInterface {
  name = 'Departments1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE departments (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, code)
      )`);
    await enableTenantRls(q, 'departments');
    await q.query(`ALTER TABLE users ADD COLUMN department_id uuid`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_department FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id) ON DELETE RESTRICT`,
    );
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_department_monitor CHECK (department_id IS NULL OR role = 'MONITOR')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_department_monitor`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_department`);
    await q.query(`ALTER TABLE users DROP COLUMN department_id`);
    await q.query(`DROP TABLE departments`);
  }
}
