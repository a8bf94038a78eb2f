import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateScheme } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, writeAudit } from '../audit/write-audit';

/**
 * The example scheme shipped with @kaoping/shared (examples/district-2023.scheme.json), located
 * through the package itself so it resolves the same from server/src (ts-jest) and server/dist.
 * Undefined when the package was installed without its examples.
 */
export function demoSchemePath(): string | undefined {
  const file = path.join(
    path.dirname(require.resolve('@kaoping/shared/package.json')),
    'examples',
    'district-2023.scheme.json',
  );
  return existsSync(file) ? file : undefined;
}

/**
 * Imports the example scheme into the tenant the transaction is scoped to and publishes it,
 * with the matching audit records (actor: system). Returns the scheme id, or undefined when the
 * example file is not there.
 */
export async function seedDemoScheme(em: EntityManager, tenantId: string): Promise<string | undefined> {
  const file = demoSchemePath();
  if (!file) return undefined;
  const definition = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const problems = validateScheme(definition);
  if (problems.length) throw new Error(`demo scheme invalid: ${problems[0].path}: ${problems[0].message}`);
  const [row] = await em.query(
    `INSERT INTO schemes (tenant_id, code, name, year, status, version, definition, definition_text, published_at)
     VALUES ($1, $2, $3, $4, 'PUBLISHED', 2, $5::jsonb, $6::text, now()) RETURNING id`,
    [
      tenantId,
      definition.code,
      definition.name,
      definition.year,
      JSON.stringify(definition),
      JSON.stringify(definition),
    ],
  );
  const base = { code: definition.code, name: definition.name, year: definition.year };
  await writeAudit(em, tenantId, SYSTEM_ACTOR, [
    {
      entity: 'scheme',
      entityId: row.id,
      action: 'IMPORT',
      before: null,
      after: { ...base, status: 'DRAFT', version: 1, definition },
    },
    {
      entity: 'scheme',
      entityId: row.id,
      action: 'PUBLISH',
      before: { ...base, status: 'DRAFT', version: 1 },
      after: { ...base, status: 'PUBLISHED', version: 2 },
    },
  ]);
  return row.id as string;
}
