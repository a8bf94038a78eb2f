import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateDataset, type Dataset, type Scheme as SchemeDefinition } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import { writeDataset } from './dataset-writer';
import { SYSTEM_ACTOR, writeAudit } from '../audit/write-audit';

/** examples/district-2023.dataset.json of @kaoping/shared, or undefined when not installed. */
export function demoDatasetPath(): string | undefined {
  const file = path.join(
    path.dirname(require.resolve('@kaoping/shared/package.json')),
    'examples',
    'district-2023.dataset.json',
  );
  return existsSync(file) ? file : undefined;
}

/**
 * Imports the example dataset into the (published) demo scheme as REVIEW, adjustments VERIFIED,
 * through the same writer as importDataset, with one audit record (actor: system).
 * Returns false when the example file is not there.
 */
export async function seedDemoDataset(em: EntityManager, tenantId: string, schemeId: string): Promise<boolean> {
  const file = demoDatasetPath();
  if (!file) return false;
  const dataset = JSON.parse(readFileSync(file, 'utf8')) as Dataset;
  const [scheme] = await em.query(`SELECT definition FROM schemes WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    schemeId,
  ]);
  const definition = scheme.definition as SchemeDefinition;
  const problems = validateDataset(definition, dataset);
  if (problems.length) throw new Error(`demo dataset invalid: ${problems[0].path}: ${problems[0].message}`);
  const report = await writeDataset(em, tenantId, schemeId, definition, dataset, 'REVIEW', 'VERIFIED', null);
  await writeAudit(em, tenantId, SYSTEM_ACTOR, [
    {
      entity: 'dataset_import',
      entityId: schemeId,
      action: 'IMPORT_DATASET',
      before: null,
      after: { source: 'REVIEW', idempotencyKey: null, report, adjustmentStatus: 'VERIFIED' },
    },
  ]);
  return true;
}
