import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run's group counts get a column of their own, so a run summary (every run list, every
 * lifecycle step's answer) no longer unpacks the run's whole stored result (~12 MB for 1,000
 * subjects × 100 indicators) to read them. Existing runs are filled from their stored result, so
 * they read the same; like the rest of a run, the counts never change once written.
 */
export class RunGroupCounts1732580000000 implements MigrationInterface {
  name = 'RunGroupCounts1732580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE result_runs ADD COLUMN group_counts jsonb`);
    await q.query(`ALTER TABLE result_runs DISABLE TRIGGER USER`);
    await q.query(`UPDATE result_runs SET group_counts = result->'groups'`);
    await q.query(`ALTER TABLE result_runs ENABLE TRIGGER USER`);
    await q.query(`
      CREATE FUNCTION kaoping_result_run_counts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'result run % cannot change: only its status moves', OLD.id USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER result_runs_counts_guard BEFORE UPDATE ON result_runs FOR EACH ROW
      WHEN (NEW.group_counts IS DISTINCT FROM OLD.group_counts) EXECUTE FUNCTION kaoping_result_run_counts_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER result_runs_counts_guard ON result_runs`);
    await q.query(`DROP FUNCTION kaoping_result_run_counts_guard()`);
    await q.query(`ALTER TABLE result_runs DROP COLUMN group_counts`);
  }
}
