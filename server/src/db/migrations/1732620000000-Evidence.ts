import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Evidence files (奖分依据): the bytes of a PDF, image or Office document attached to one
 * adjustment or one input, with what the download needs (file name, content type, size, sha256)
 * and who attached it when. The bytes live in the row (bytea, TOASTed out of line, read only by a
 * download); a file is at most 10 MB, enforced here too.
 */
export class Evidence1732620000000 implements MigrationInterface {
  name = 'Evidence1732620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_files (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        adjustment_id uuid,
        input_id uuid,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        seq bigserial NOT NULL,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT evidence_files_adjustment_fkey FOREIGN KEY (tenant_id, adjustment_id) REFERENCES adjustments (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT evidence_files_input_fkey FOREIGN KEY (tenant_id, input_id) REFERENCES inputs (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT evidence_files_one_owner CHECK ((adjustment_id IS NULL) <> (input_id IS NULL)),
        CONSTRAINT evidence_files_size CHECK (size BETWEEN 1 AND 10485760 AND size = octet_length(content)),
        CONSTRAINT evidence_files_name CHECK (length(file_name) BETWEEN 1 AND 255)
      )`);
    await q.query(
      `CREATE INDEX evidence_files_adjustment ON evidence_files (tenant_id, adjustment_id) WHERE adjustment_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX evidence_files_input ON evidence_files (tenant_id, input_id) WHERE input_id IS NOT NULL`,
    );
    await enableTenantRls(q, 'evidence_files');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_files`);
  }
}
