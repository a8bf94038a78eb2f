import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `result_subjects.data` becomes `text`: the same JSON text as written, no longer parsed by
 * PostgreSQL on the way in. The server writes it with JSON.stringify and parses it when it reads
 * it (as the driver did for `json`); checking ~21 MB of JSON per 1,000-subject run took
 * PostgreSQL longer than storing it. Still uncompressed (EXTERNAL).
 */
export class SubjectDataText1732660000000 implements MigrationInterface {
  name = 'SubjectDataText1732660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data TYPE text USING data::text`);
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data TYPE json USING data::json`);
    await q.query(`ALTER TABLE result_subjects ALTER COLUMN data SET STORAGE EXTERNAL`);
  }
}
