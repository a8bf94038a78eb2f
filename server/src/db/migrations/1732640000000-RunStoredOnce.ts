import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run is stored once: each subject's result lives only in its `result_subjects` row (every
 * reader already reads those), and `result_runs.result` keeps only the run-level part of the
 * engine's Result (`scheme`, `groups`). Existing runs lose the duplicate copy of their subjects and
 * get their group counts if missing, so they read the same.
 *
 * `result_subjects.data` becomes `json`: the same JSON text, checked but kept as written, which
 * PostgreSQL takes in several times faster than jsonb's binary form (for 1,000 subjects × 100
 * indicators ~30 MB per run, most of a computation's time). It is only ever read whole (and its
 * warnings by the missing-inputs list), so jsonb's indexing and operators bought nothing. New
 * rows are stored uncompressed (EXTERNAL): compressing 30 MB with pglz (this build has no lz4)
 * took longer than the rest of the write; a run takes ~4× the disk (~30 MB for 1,000 × 100) and
 * reads skip the decompression.
 *
 * `inputs_digest`: a digest of the rows the run read, taken in the database (see
 * result-compute.ts), so that a recompute over unchanged data finds the run without loading and
 * hashing the data again. Older runs have none (their next recompute compares the full hash). Like
 * the rest of a run it never changes once written.
 */
export class RunStoredOnce1732640000000 implements MigrationInterface {
  name = 'RunStoredOnce1732640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data TYPE json USING data::json`);
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data SET STORAGE EXTERNAL`);
    await q.query(`ALTER TABLE result_runs ADD COLUMN inputs_digest text`);
    await q.query(`ALTER TABLE result_runs DISABLE TRIGGER USER`);
    await q.query(
      `UPDATE result_runs SET group_counts = coalesce(group_counts, result->'groups'), result = result - 'subjects' WHERE result ? 'subjects'`,
    );
    await q.query(`ALTER TABLE result_runs ENABLE TRIGGER USER`);
    await q.query(`DROP TRIGGER result_runs_counts_guard ON result_runs`);
    await q.query(`CREATE TRIGGER result_runs_counts_guard BEFORE UPDATE ON result_runs FOR EACH ROW
      WHEN (NEW.group_counts IS DISTINCT FROM OLD.group_counts OR NEW.inputs_digest IS DISTINCT FROM OLD.inputs_digest)
      EXECUTE FUNCTION kaoping_result_run_counts_guard()`);
  }

  /** Puts the subjects back into each run's Result, from its rows. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER result_runs_counts_guard ON result_runs`);
    await q.query(`CREATE TRIGGER result_runs_counts_guard BEFORE UPDATE ON result_runs FOR EACH ROW
      WHEN (NEW.group_counts IS DISTINCT FROM OLD.group_counts) EXECUTE FUNCTION kaoping_result_run_counts_guard()`);
    await q.query(`ALTER TABLE result_runs DISABLE TRIGGER USER`);
    await q.query(`
      UPDATE result_runs r SET result = r.result || jsonb_build_object('subjects', coalesce((
        SELECT jsonb_agg(jsonb_build_object('subject', rs.subject_code, 'group', rs.group_code, 'base', rs.base, 'bonus', rs.bonus,
                                            'deduction', rs.deduction, 'final', rs.final, 'rank', rs.rank, 'grade', rs.grade) || (rs.data::jsonb - 'receipt')
                         ORDER BY rs.position)
          FROM result_subjects rs WHERE rs.tenant_id = r.tenant_id AND rs.run_id = r.id), '[]'::jsonb))
       WHERE NOT r.result ? 'subjects'`);
    await q.query(`ALTER TABLE result_runs ENABLE TRIGGER USER`);
    await q.query(`ALTER TABLE result_runs DROP COLUMN inputs_digest`);
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data SET STORAGE EXTENDED`);
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data TYPE jsonb USING data::jsonb`);
  }
}
