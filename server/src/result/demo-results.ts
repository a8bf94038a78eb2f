import type { EntityManager } from 'typeorm';
import { computeRunWith } from './result.service';
import { stepRunWith, type ResultStep } from './result-lifecycle';
import { SYSTEM_ACTOR, writeAudit } from '../audit/write-audit';

/**
 * Computes the demo scheme's results and takes the run through review, approval and publication
 * (actor: system), with the audit records, in the seeding transaction. Does nothing when the
 * scheme has no subjects (the example dataset was not there). Returns the run id, if any.
 */
export async function seedDemoResults(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
): Promise<string | undefined> {
  const [scheme] = await em.query(
    `SELECT id, version, status, definition FROM schemes WHERE tenant_id = $1 AND id = $2`,
    [tenantId, schemeId],
  );
  if (!scheme || scheme.status !== 'PUBLISHED') return undefined;
  const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM subjects WHERE tenant_id = $1 AND scheme_id = $2`, [
    tenantId,
    schemeId,
  ]);
  if (!n) return undefined;
  const out = await computeRunWith(em, tenantId, scheme, null);
  if (!out.created) return out.run.id;
  const audit = (action: string, before: unknown, after: unknown) =>
    writeAudit(em, tenantId, SYSTEM_ACTOR, [{ entity: 'result_run', entityId: out.run.id, action, before, after }]);
  const base = {
    schemeId,
    schemeVersion: out.run.scheme_version,
    schemeHash: out.run.scheme_hash,
    inputsHash: out.run.inputs_hash,
  };
  await audit('COMPUTE', null, { ...base, status: 'DRAFT', version: 1, subjects: out.subjects });
  const steps: [ResultStep, string, string][] = [
    ['REVIEW', 'DRAFT', 'REVIEWED'],
    ['APPROVE', 'REVIEWED', 'APPROVED'],
    ['PUBLISH', 'APPROVED', 'PUBLISHED'],
  ];
  let version = 1;
  for (const [step, from, to] of steps) {
    if (!(await stepRunWith(em, tenantId, out.run.id, step, version, null)))
      throw new Error(`demo results: ${step} failed`);
    await audit(step, { ...base, status: from, version }, { ...base, status: to, version: version + 1 });
    version++;
  }
  return out.run.id;
}
