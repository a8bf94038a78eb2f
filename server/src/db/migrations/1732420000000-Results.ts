import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/** The run guard as this migration creates it (a later migration's down() restores it). */
export const RUN_GUARD = `
      CREATE FUNCTION kaoping_result_run_guard() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'result run % cannot be deleted', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'result run % is PUBLISHED: it cannot change', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.id IS DISTINCT FROM OLD.id OR NEW.seq IS DISTINCT FROM OLD.seq
           OR NEW.scheme_id IS DISTINCT FROM OLD.scheme_id OR NEW.scheme_version IS DISTINCT FROM OLD.scheme_version
           OR NEW.scheme_hash IS DISTINCT FROM OLD.scheme_hash OR NEW.inputs_hash IS DISTINCT FROM OLD.inputs_hash
           OR NEW.result IS DISTINCT FROM OLD.result OR NEW.created_at IS DISTINCT FROM OLD.created_at
           OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.version IS DISTINCT FROM OLD.version + 1 THEN
          RAISE EXCEPTION 'result run % cannot change: only its status moves', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        IF NOT (
             (OLD.status = 'DRAFT' AND NEW.status = 'REVIEWED' AND NEW.reviewed_at IS NOT NULL
               AND OLD.reviewed_at IS NULL AND OLD.reviewed_by IS NULL
               AND NEW.approved_at IS NULL AND NEW.approved_by IS NULL AND NEW.published_at IS NULL AND NEW.published_by IS NULL)
          OR (OLD.status = 'REVIEWED' AND NEW.status = 'APPROVED' AND NEW.approved_at IS NOT NULL
               AND OLD.approved_at IS NULL AND OLD.approved_by IS NULL
               AND NEW.reviewed_at IS NOT DISTINCT FROM OLD.reviewed_at AND NEW.reviewed_by IS NOT DISTINCT FROM OLD.reviewed_by
               AND NEW.published_at IS NULL AND NEW.published_by IS NULL)
          OR (OLD.status = 'APPROVED' AND NEW.status = 'PUBLISHED' AND NEW.published_at IS NOT NULL
               AND OLD.published_at IS NULL AND OLD.published_by IS NULL
               AND NEW.reviewed_at IS NOT DISTINCT FROM OLD.reviewed_at AND NEW.reviewed_by IS NOT DISTINCT FROM OLD.reviewed_by
               AND NEW.approved_at IS NOT DISTINCT FROM OLD.approved_at AND NEW.approved_by IS NOT DISTINCT FROM OLD.approved_by)
        ) THEN
          RAISE EXCEPTION 'result run %: % → % is not a lifecycle step', OLD.id, OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END
      $$`;

/**
 * Result runs (tenant-owned, same RLS policy as the Init migration).
 *
 * - `result_runs`: one computation of a PUBLISHED scheme over its effective dataset, kept whole
 *   (`result`: the engine's Result, explanations included) with the hashes of what it read
 *   (`scheme_hash`, `inputs_hash`: sha256 of the canonical JSON). `seq` orders runs ("newest").
 *   Lifecycle DRAFT → REVIEWED → APPROVED → PUBLISHED, each step with who and when.
 * - `result_subjects`: one row per subject of a run, in dataset order (`position`), so that a
 *   run's results (of one group) are read in one statement.
 *
 * Triggers, so that a published figure can be trusted whatever code runs, binding every role, the app role included:
 * - a run's content never changes: the only UPDATE allowed is one lifecycle step, which may touch
 *   only status, its own *_at/*_by pair and version (+1). A PUBLISHED run cannot change at all.
 *   Runs are never deleted (old runs stay, to be compared).
 * - `result_subjects` rows are insert-only, and only into a DRAFT run created in the same
 *   transaction; no UPDATE, no DELETE. TRUNCATE is refused on both tables.
 */
export class Results1732420000000 implements MigrationInterface {
  name = 'Results1732420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE result_runs (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        scheme_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT',
        scheme_version integer NOT NULL,
        scheme_hash text NOT NULL,
        inputs_hash text NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        reviewed_at timestamptz,
        reviewed_by uuid,
        approved_at timestamptz,
        approved_by uuid,
        published_at timestamptz,
        published_by uuid,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT result_runs_scheme_fkey FOREIGN KEY (tenant_id, scheme_id) REFERENCES schemes (tenant_id, id),
        CONSTRAINT result_runs_status_check CHECK (status IN ('DRAFT','REVIEWED','APPROVED','PUBLISHED')),
        CONSTRAINT result_runs_version_check CHECK (version >= 1),
        CONSTRAINT result_runs_result_object CHECK (jsonb_typeof(result) = 'object')
      )`);
    await q.query(`CREATE INDEX result_runs_scheme_idx ON result_runs (tenant_id, scheme_id, seq)`);

    await q.query(`
      CREATE TABLE result_subjects (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        run_id uuid NOT NULL,
        position integer NOT NULL,
        subject_code text NOT NULL,
        subject_name text NOT NULL,
        group_code text NOT NULL,
        unit_code text,
        base numeric NOT NULL,
        bonus numeric NOT NULL,
        deduction numeric NOT NULL,
        final numeric NOT NULL,
        rank integer NOT NULL,
        grade text NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (tenant_id, run_id, position),
        CONSTRAINT result_subjects_code_key UNIQUE (tenant_id, run_id, subject_code),
        CONSTRAINT result_subjects_run_fkey FOREIGN KEY (tenant_id, run_id) REFERENCES result_runs (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX result_subjects_group_idx ON result_subjects (tenant_id, run_id, group_code, position)`,
    );

    await q.query(RUN_GUARD);
    await q.query(
      `CREATE TRIGGER result_runs_guard BEFORE UPDATE OR DELETE ON result_runs FOR EACH ROW EXECUTE FUNCTION kaoping_result_run_guard()`,
    );

    await q.query(`
      CREATE FUNCTION kaoping_result_subject_guard() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NOT EXISTS (SELECT 1 FROM result_runs r
                          WHERE r.tenant_id = NEW.tenant_id AND r.id = NEW.run_id AND r.status = 'DRAFT'
                            AND r.xmin = pg_current_xact_id()::xid) THEN
            RAISE EXCEPTION 'result run %: its subjects are written once, with the run', NEW.run_id USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'result subjects cannot change' USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await q.query(
      `CREATE TRIGGER result_subjects_guard BEFORE INSERT OR UPDATE OR DELETE ON result_subjects FOR EACH ROW EXECUTE FUNCTION kaoping_result_subject_guard()`,
    );

    await q.query(`
      CREATE FUNCTION kaoping_result_no_truncate() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    for (const t of ['result_runs', 'result_subjects']) {
      await q.query(
        `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION kaoping_result_no_truncate()`,
      );
      await enableTenantRls(q, t);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE result_subjects`);
    await q.query(`DROP TABLE result_runs`);
    await q.query(`DROP FUNCTION kaoping_result_subject_guard()`);
    await q.query(`DROP FUNCTION kaoping_result_run_guard()`);
    await q.query(`DROP FUNCTION kaoping_result_no_truncate()`);
  }
}
