import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUN_GUARD as RUN_GUARD_BEFORE } from './1732420000000-Results';
import { enableTenantRls } from './tenant-rls';

/** The result run guard after this migration: every allowed UPDATE of a run, nothing else. */
const RUN_GUARD = `
  CREATE OR REPLACE FUNCTION kaoping_result_run_guard() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
  DECLARE
    scheme_status text;
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'result run % cannot be deleted', OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    -- share-locks the scheme row: a concurrent closeScheme waits for this transaction, and this one sees its outcome
    SELECT s.status INTO scheme_status FROM schemes s WHERE s.tenant_id = NEW.tenant_id AND s.id = NEW.scheme_id FOR SHARE;
    IF scheme_status = 'CLOSED' THEN
      RAISE EXCEPTION 'scheme % is CLOSED: its runs cannot change', NEW.scheme_id USING ERRCODE = 'KPCLS';
    END IF;
    IF TG_OP = 'INSERT' THEN
      IF NEW.status <> 'DRAFT' OR NEW.reviewed_at IS NOT NULL OR NEW.approved_at IS NOT NULL OR NEW.published_at IS NOT NULL
         OR NEW.rejected_at IS NOT NULL OR NEW.reject_reason IS NOT NULL OR NEW.superseded_at IS NOT NULL THEN
        RAISE EXCEPTION 'a result run starts as a DRAFT' USING ERRCODE = 'restrict_violation';
      END IF;
      RETURN NEW;
    END IF;
    IF OLD.status = 'PUBLISHED' AND NEW.status <> 'SUPERSEDED' THEN
      RAISE EXCEPTION 'result run % is PUBLISHED: it cannot change (a newer publication supersedes it)', OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.status IN ('REJECTED', 'SUPERSEDED') THEN
      RAISE EXCEPTION 'result run % is %: it cannot change', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.id IS DISTINCT FROM OLD.id OR NEW.seq IS DISTINCT FROM OLD.seq
       OR NEW.scheme_id IS DISTINCT FROM OLD.scheme_id OR NEW.scheme_version IS DISTINCT FROM OLD.scheme_version
       OR NEW.scheme_hash IS DISTINCT FROM OLD.scheme_hash OR NEW.inputs_hash IS DISTINCT FROM OLD.inputs_hash
       OR NEW.result IS DISTINCT FROM OLD.result OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.missing_inputs IS DISTINCT FROM OLD.missing_inputs
       OR NEW.version IS DISTINCT FROM OLD.version + 1
       OR NEW.reviewed_at IS DISTINCT FROM OLD.reviewed_at AND OLD.reviewed_at IS NOT NULL
       OR NEW.reviewed_by IS DISTINCT FROM OLD.reviewed_by AND OLD.reviewed_at IS NOT NULL
       OR NEW.approved_at IS DISTINCT FROM OLD.approved_at AND OLD.approved_at IS NOT NULL
       OR NEW.approved_by IS DISTINCT FROM OLD.approved_by AND OLD.approved_at IS NOT NULL
       OR NEW.published_at IS DISTINCT FROM OLD.published_at AND OLD.published_at IS NOT NULL
       OR NEW.published_by IS DISTINCT FROM OLD.published_by AND OLD.published_at IS NOT NULL THEN
      RAISE EXCEPTION 'result run % cannot change: only its status moves', OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    -- forward steps: each sets its own pair only; only the scheme's newest run moves forward
    IF NEW.status IN ('REVIEWED', 'APPROVED', 'PUBLISHED') AND EXISTS (
         SELECT 1 FROM result_runs n WHERE n.tenant_id = OLD.tenant_id AND n.scheme_id = OLD.scheme_id AND n.seq > OLD.seq) THEN
      RAISE EXCEPTION 'result run %: a newer run of the scheme exists', OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    IF NOT (
         (OLD.status = 'DRAFT' AND NEW.status = 'REVIEWED' AND NEW.reviewed_at IS NOT NULL
           AND NEW.approved_at IS NULL AND NEW.approved_by IS NULL AND NEW.published_at IS NULL AND NEW.published_by IS NULL
           AND NEW.rejected_at IS NULL AND NEW.superseded_at IS NULL)
      OR (OLD.status = 'REVIEWED' AND NEW.status = 'APPROVED' AND NEW.approved_at IS NOT NULL
           AND NEW.published_at IS NULL AND NEW.published_by IS NULL AND NEW.rejected_at IS NULL AND NEW.superseded_at IS NULL)
      OR (OLD.status = 'APPROVED' AND NEW.status = 'PUBLISHED' AND NEW.published_at IS NOT NULL
           AND NEW.rejected_at IS NULL AND NEW.superseded_at IS NULL)
      OR (OLD.status IN ('DRAFT', 'REVIEWED', 'APPROVED') AND NEW.status = 'REJECTED' AND NEW.rejected_at IS NOT NULL
           AND length(btrim(coalesce(NEW.reject_reason, ''))) > 0
           AND NEW.reviewed_at IS NOT DISTINCT FROM OLD.reviewed_at AND NEW.reviewed_by IS NOT DISTINCT FROM OLD.reviewed_by
           AND NEW.approved_at IS NOT DISTINCT FROM OLD.approved_at AND NEW.approved_by IS NOT DISTINCT FROM OLD.approved_by
           AND NEW.published_at IS NULL AND NEW.published_by IS NULL AND NEW.superseded_at IS NULL)
      OR (OLD.status = 'PUBLISHED' AND NEW.status = 'SUPERSEDED' AND NEW.superseded_at IS NOT NULL AND NEW.superseded_by IS NOT NULL
           AND NEW.rejected_at IS NULL AND NEW.rejected_by IS NULL AND NEW.reject_reason IS NULL)
    ) THEN
      RAISE EXCEPTION 'result run %: % → % is not a lifecycle step', OLD.id, OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
    END IF;
    IF (NEW.status <> 'REJECTED' AND (NEW.rejected_by IS NOT NULL OR NEW.reject_reason IS NOT NULL))
       OR (NEW.status <> 'SUPERSEDED' AND NEW.superseded_by IS NOT NULL) THEN
      RAISE EXCEPTION 'result run %: % → % is not a lifecycle step', OLD.id, OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END
  $$`;

/**
 * Inputs (ballots included), adjustments and subjects of a CLOSED scheme cannot be written. One
 * check per statement (a 2,000-row save is one statement), over its transition table.
 */
const DATA_GUARD = `
  CREATE FUNCTION kaoping_scheme_open_guard() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
  DECLARE
    closed uuid;
  BEGIN
    IF TG_OP = 'DELETE' THEN
      PERFORM 1 FROM schemes s WHERE (s.tenant_id, s.id) IN (SELECT DISTINCT tenant_id, scheme_id FROM old_rows) FOR SHARE;
      SELECT s.id INTO closed FROM schemes s WHERE (s.tenant_id, s.id) IN (SELECT DISTINCT tenant_id, scheme_id FROM old_rows) AND s.status = 'CLOSED' LIMIT 1;
    ELSE
      PERFORM 1 FROM schemes s WHERE (s.tenant_id, s.id) IN (SELECT DISTINCT tenant_id, scheme_id FROM new_rows) FOR SHARE;
      SELECT s.id INTO closed FROM schemes s WHERE (s.tenant_id, s.id) IN (SELECT DISTINCT tenant_id, scheme_id FROM new_rows) AND s.status = 'CLOSED' LIMIT 1;
    END IF;
    IF closed IS NOT NULL THEN
      RAISE EXCEPTION 'scheme % is CLOSED: its data cannot change', closed USING ERRCODE = 'KPCLS';
    END IF;
    RETURN NULL;
  END
  $$`;

/** The statement triggers running DATA_GUARD on a table (transition tables allow one event per trigger). */
const DATA_TRIGGERS: [string, string][] = [
  ['ins', 'INSERT ON %t REFERENCING NEW TABLE AS new_rows'],
  ['upd', 'UPDATE ON %t REFERENCING NEW TABLE AS new_rows'],
  ['del', 'DELETE ON %t REFERENCING OLD TABLE AS old_rows'],
];
const DATA_TABLES = ['subjects', 'inputs', 'adjustments'];

/**
 * The results lifecycle made whole:
 *
 * - `result_runs` gains REJECTED (final; reason, who, when) and SUPERSEDED (a published run
 *   replaced by a newer publication; when, and by which run), and `missing_inputs` (the run's
 *   MISSING_INPUT warnings, counted once at compute; backfilled from the stored results).
 * - At most one PUBLISHED run per scheme: a partial unique index, so two servers publishing at
 *   once cannot both succeed. Schemes that already hold several keep the newest; the older ones
 *   become SUPERSEDED by it.
 * - The run guard also refuses forward steps on a run when a newer run of its scheme exists, and
 *   any change (or new run) once the scheme is CLOSED; `kaoping_scheme_open_guard` refuses
 *   writes to a CLOSED scheme's subjects, inputs (ballots too) and adjustments, and closing a
 *   scheme needs a PUBLISHED run. Both share-lock the scheme row so that closing waits for them.
 * - `tenant_settings`: one row per tenant (absent = defaults), tenant-owned (RLS).
 */
export class Lifecycle1732500000000 implements MigrationInterface {
  name = 'Lifecycle1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE result_runs
        ADD COLUMN missing_inputs integer NOT NULL DEFAULT 0,
        ADD COLUMN rejected_at timestamptz,
        ADD COLUMN rejected_by uuid,
        ADD COLUMN reject_reason text,
        ADD COLUMN superseded_at timestamptz,
        ADD COLUMN superseded_by uuid`);
    await q.query(`ALTER TABLE result_runs DROP CONSTRAINT result_runs_status_check`);
    await q.query(
      `ALTER TABLE result_runs ADD CONSTRAINT result_runs_status_check CHECK (status IN ('DRAFT','REVIEWED','APPROVED','PUBLISHED','REJECTED','SUPERSEDED'))`,
    );
    await q.query(`ALTER TABLE result_runs ADD CONSTRAINT result_runs_missing_check CHECK (missing_inputs >= 0)`);

    // Backfill every tenant's runs (as owner, RLS not forced and the guard off, only inside this transaction).
    await q.query(`ALTER TABLE result_runs NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE result_runs DISABLE TRIGGER result_runs_guard`);
    await q.query(`
      UPDATE result_runs r SET missing_inputs = (
        SELECT count(*) FROM jsonb_array_elements(coalesce(r.result->'subjects', '[]'::jsonb)) s,
                             jsonb_array_elements(coalesce(s->'warnings', '[]'::jsonb)) w
         WHERE w->>'code' = 'MISSING_INPUT')`);
    await q.query(`
      UPDATE result_runs r SET status = 'SUPERSEDED', superseded_at = now(), superseded_by = newest.id
        FROM (SELECT DISTINCT ON (tenant_id, scheme_id) tenant_id, scheme_id, id, seq FROM result_runs
               WHERE status = 'PUBLISHED' ORDER BY tenant_id, scheme_id, seq DESC) newest
       WHERE r.status = 'PUBLISHED' AND r.tenant_id = newest.tenant_id AND r.scheme_id = newest.scheme_id AND r.seq < newest.seq`);
    await q.query(`ALTER TABLE result_runs ENABLE TRIGGER result_runs_guard`);
    await q.query(`ALTER TABLE result_runs FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE UNIQUE INDEX result_runs_one_published ON result_runs (tenant_id, scheme_id) WHERE status = 'PUBLISHED'`,
    );

    await q.query(RUN_GUARD);
    await q.query(`DROP TRIGGER result_runs_guard ON result_runs`);
    await q.query(
      `CREATE TRIGGER result_runs_guard BEFORE INSERT OR UPDATE OR DELETE ON result_runs FOR EACH ROW EXECUTE FUNCTION kaoping_result_run_guard()`,
    );

    await q.query(DATA_GUARD);
    for (const t of DATA_TABLES) {
      for (const [suffix, event] of DATA_TRIGGERS) {
        await q.query(
          `CREATE TRIGGER ${t}_scheme_open_${suffix} AFTER ${event.replace('%t', t)} FOR EACH STATEMENT EXECUTE FUNCTION kaoping_scheme_open_guard()`,
        );
      }
    }
    await q.query(`
      CREATE FUNCTION kaoping_scheme_close_guard() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM result_runs r WHERE r.tenant_id = NEW.tenant_id AND r.scheme_id = NEW.id AND r.status = 'PUBLISHED') THEN
          RAISE EXCEPTION 'scheme % has no PUBLISHED result run: it cannot be closed', NEW.id USING ERRCODE = 'KPNRN';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER schemes_publish_before_close BEFORE UPDATE ON schemes FOR EACH ROW
        WHEN (OLD.status = 'PUBLISHED' AND NEW.status = 'CLOSED') EXECUTE FUNCTION kaoping_scheme_close_guard()`);

    await q.query(`
      CREATE TABLE tenant_settings (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
        separation_of_duties boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantRls(q, 'tenant_settings');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tenant_settings`);
    await q.query(`DROP TRIGGER schemes_publish_before_close ON schemes`);
    await q.query(`DROP FUNCTION kaoping_scheme_close_guard()`);
    for (const t of DATA_TABLES)
      for (const [suffix] of DATA_TRIGGERS) await q.query(`DROP TRIGGER ${t}_scheme_open_${suffix} ON ${t}`);
    await q.query(`DROP FUNCTION kaoping_scheme_open_guard()`);
    await q.query(`DROP TRIGGER result_runs_guard ON result_runs`);
    await q.query(`DROP FUNCTION kaoping_result_run_guard()`);
    await q.query(RUN_GUARD_BEFORE);
    await q.query(
      `CREATE TRIGGER result_runs_guard BEFORE UPDATE OR DELETE ON result_runs FOR EACH ROW EXECUTE FUNCTION kaoping_result_run_guard()`,
    );
    await q.query(`DROP INDEX result_runs_one_published`);
    // REJECTED and SUPERSEDED runs cannot be expressed before this migration: the CHECK refuses to go back while there are any.
    await q.query(`ALTER TABLE result_runs DROP CONSTRAINT result_runs_status_check`);
    await q.query(
      `ALTER TABLE result_runs ADD CONSTRAINT result_runs_status_check CHECK (status IN ('DRAFT','REVIEWED','APPROVED','PUBLISHED'))`,
    );
    await q.query(`
      ALTER TABLE result_runs DROP CONSTRAINT result_runs_missing_check, DROP COLUMN missing_inputs, DROP COLUMN rejected_at,
        DROP COLUMN rejected_by, DROP COLUMN reject_reason, DROP COLUMN superseded_at, DROP COLUMN superseded_by`);
  }
}
