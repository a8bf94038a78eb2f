import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Schemes and the audit log (tenant-owned, same RLS policy as the Init migration).
 *
 * - `schemes`: one tenant's plan for one year; code unique per tenant; `version` for optimistic
 *   locking (two editors never overwrite each other). A trigger freezes a PUBLISHED or CLOSED row: no
 *   DELETE, no UPDATE at all, except the single transition PUBLISHED → CLOSED, which may touch
 *   only status, version, closed_at and updated_at. It binds every role, the app role included.
 * - `audit_log`: append-only (a history nobody can rewrite). The app role's grants are re-applied on every
 *   start (SELECT, INSERT, UPDATE, DELETE on all tables), so a trigger refuses UPDATE and DELETE
 *   (and TRUNCATE) for everyone.
 */
export class Schemes1732400000000 implements MigrationInterface {
  name = 'Schemes1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE schemes (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        year integer NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT',
        version integer NOT NULL DEFAULT 1,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        closed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT schemes_code_key UNIQUE (tenant_id, code),
        CONSTRAINT schemes_status_check CHECK (status IN ('DRAFT','PUBLISHED','CLOSED')),
        CONSTRAINT schemes_version_check CHECK (version >= 1),
        CONSTRAINT schemes_definition_object CHECK (jsonb_typeof(definition) = 'object')
      )`);
    await q.query(`CREATE INDEX schemes_year_idx ON schemes (tenant_id, year)`);

    await q.query(`
      CREATE FUNCTION kaoping_scheme_frozen() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF OLD.status IN ('PUBLISHED', 'CLOSED') THEN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'scheme % is %: it cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
          END IF;
          IF NOT (OLD.status = 'PUBLISHED' AND NEW.status = 'CLOSED'
                  AND NEW.tenant_id = OLD.tenant_id AND NEW.id = OLD.id
                  AND NEW.code = OLD.code AND NEW.name = OLD.name AND NEW.year = OLD.year
                  AND NEW.definition = OLD.definition AND NEW.created_at = OLD.created_at
                  AND NEW.published_at IS NOT DISTINCT FROM OLD.published_at) THEN
            RAISE EXCEPTION 'scheme % is %: it cannot change', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
          END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER schemes_frozen BEFORE UPDATE OR DELETE ON schemes FOR EACH ROW EXECUTE FUNCTION kaoping_scheme_frozen()`,
    );

    await q.query(`
      CREATE TABLE audit_log (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        actor_kind text NOT NULL,
        actor_id uuid,
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT audit_log_actor_kind_check CHECK (actor_kind IN ('user','platform','apiKey','system'))
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity, entity_id, seq)`);
    await q.query(`
      CREATE FUNCTION kaoping_audit_append_only() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await q.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION kaoping_audit_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION kaoping_audit_append_only()`,
    );

    for (const t of ['schemes', 'audit_log']) {
      await enableTenantRls(q, t);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION kaoping_audit_append_only()`);
    await q.query(`DROP TABLE schemes`);
    await q.query(`DROP FUNCTION kaoping_scheme_frozen()`);
  }
}
