import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Data collection (tenant-owned, same RLS policy as the Init migration; tenant_id leads every key).
 *
 * - `subjects`: the units and members assessed under one scheme; code unique per scheme;
 *   `position` keeps the import order (results list subjects in it); `version` for optimistic locking.
 * - `inputs`: one value (the dataset input fields, as jsonb) per subject, indicator, source and period.
 *   Ballots of SURVEY indicators are the `ballots` field of a REVIEW/ANNUAL input.
 * - `adjustments`: bonus, deduction and veto events; CLAIMED → VERIFIED | REJECTED; `seq` keeps entry order.
 * - `dataset_imports`: idempotency keys of bulk imports with the payload's hash and the first report.
 */
export class Data1732410000000 implements MigrationInterface {
  name = 'Data1732410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subjects (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        group_code text NOT NULL,
        kind text NOT NULL,
        unit_code text,
        position integer NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT subjects_code_key UNIQUE (tenant_id, scheme_id, code),
        CONSTRAINT subjects_scheme_fkey FOREIGN KEY (tenant_id, scheme_id) REFERENCES schemes (tenant_id, id),
        CONSTRAINT subjects_kind_check CHECK (kind IN ('UNIT','MEMBER')),
        CONSTRAINT subjects_unit_check CHECK ((kind = 'MEMBER') = (unit_code IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX subjects_position_idx ON subjects (tenant_id, scheme_id, position)`);

    await q.query(`
      CREATE TABLE inputs (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        indicator_code text NOT NULL,
        source text NOT NULL,
        period text NOT NULL DEFAULT 'ANNUAL',
        value jsonb NOT NULL,
        entered_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT inputs_key UNIQUE (tenant_id, scheme_id, subject_id, indicator_code, source, period),
        CONSTRAINT inputs_scheme_fkey FOREIGN KEY (tenant_id, scheme_id) REFERENCES schemes (tenant_id, id),
        CONSTRAINT inputs_subject_fkey FOREIGN KEY (tenant_id, subject_id) REFERENCES subjects (tenant_id, id),
        CONSTRAINT inputs_source_check CHECK (source IN ('SELF','MONITOR','REVIEW')),
        CONSTRAINT inputs_period_check CHECK (period IN ('Q1','Q2','Q3','Q4','H1','H2','ANNUAL')),
        CONSTRAINT inputs_value_object CHECK (jsonb_typeof(value) = 'object')
      )`);
    await q.query(`CREATE INDEX inputs_subject_idx ON inputs (tenant_id, subject_id)`);

    await q.query(`
      CREATE TABLE adjustments (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        scheme_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        rule_code text NOT NULL,
        count integer NOT NULL DEFAULT 1,
        points numeric,
        note text,
        status text NOT NULL DEFAULT 'CLAIMED',
        reason text,
        claimed_by uuid,
        decided_by uuid,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT adjustments_scheme_fkey FOREIGN KEY (tenant_id, scheme_id) REFERENCES schemes (tenant_id, id),
        CONSTRAINT adjustments_subject_fkey FOREIGN KEY (tenant_id, subject_id) REFERENCES subjects (tenant_id, id),
        CONSTRAINT adjustments_status_check CHECK (status IN ('CLAIMED','VERIFIED','REJECTED')),
        CONSTRAINT adjustments_count_check CHECK (count >= 1)
      )`);
    await q.query(`CREATE INDEX adjustments_scheme_idx ON adjustments (tenant_id, scheme_id, status)`);

    await q.query(`
      CREATE TABLE dataset_imports (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        idempotency_key text NOT NULL,
        scheme_id uuid NOT NULL,
        payload_hash text NOT NULL,
        report jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, idempotency_key),
        CONSTRAINT dataset_imports_scheme_fkey FOREIGN KEY (tenant_id, scheme_id) REFERENCES schemes (tenant_id, id)
      )`);

    for (const t of ['subjects', 'inputs', 'adjustments', 'dataset_imports']) {
      await enableTenantRls(q, t);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dataset_imports`);
    await q.query(`DROP TABLE adjustments`);
    await q.query(`DROP TABLE inputs`);
    await q.query(`DROP TABLE subjects`);
  }
}
