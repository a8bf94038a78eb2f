import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The freeze trigger of the Schemes migration; `extra` is one more column that must not change on PUBLISHED → CLOSED. */
const frozenFunction = (extra: string) => `
  CREATE OR REPLACE FUNCTION kaoping_scheme_frozen() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
  BEGIN
    IF OLD.status IN ('PUBLISHED', 'CLOSED') THEN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'scheme % is %: it cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
      END IF;
      IF NOT (OLD.status = 'PUBLISHED' AND NEW.status = 'CLOSED'
              AND NEW.tenant_id = OLD.tenant_id AND NEW.id = OLD.id
              AND NEW.code = OLD.code AND NEW.name = OLD.name AND NEW.year = OLD.year
              AND NEW.definition = OLD.definition ${extra} AND NEW.created_at = OLD.created_at
              AND NEW.published_at IS NOT DISTINCT FROM OLD.published_at) THEN
        RAISE EXCEPTION 'scheme % is %: it cannot change', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
      END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END
  $$`;

/**
 * `schemes.definition_text`: the definition exactly as it was given (JSON.stringify of the object
 * received), because jsonb reorders object keys (shorter first, then bytewise) and export must
 * give back the file that was imported, key order included. `definition` (jsonb) stays the
 * queryable copy; a CHECK ties the two so they can never say different things, and the freeze
 * trigger covers the text too.
 */
export class SchemeDefinitionText1732430000000 implements MigrationInterface {
  name = 'SchemeDefinitionText1732430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schemes ADD COLUMN definition_text text`);
    // Backfill every tenant's rows, published ones included (their original order is already lost:
    // the jsonb text is the best there is). As table owner with RLS not forced, and the freeze
    // trigger off, both only for this statement inside the migration's transaction.
    await q.query(`ALTER TABLE schemes NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE schemes DISABLE TRIGGER schemes_frozen`);
    await q.query(`UPDATE schemes SET definition_text = definition::text`);
    await q.query(`ALTER TABLE schemes ENABLE TRIGGER schemes_frozen`);
    await q.query(`ALTER TABLE schemes FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE schemes ALTER COLUMN definition_text SET NOT NULL`);
    await q.query(
      `ALTER TABLE schemes ADD CONSTRAINT schemes_definition_text_check CHECK (definition_text::jsonb = definition)`,
    );
    await q.query(frozenFunction('AND NEW.definition_text = OLD.definition_text'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(frozenFunction(''));
    await q.query(`ALTER TABLE schemes DROP CONSTRAINT schemes_definition_text_check`);
    await q.query(`ALTER TABLE schemes DROP COLUMN definition_text`);
  }
}
