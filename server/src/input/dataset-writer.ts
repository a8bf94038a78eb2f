import type { Adjustment, Dataset, Input, Scheme as SchemeDefinition } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';

export interface WriteReport {
  subjects: number;
  inputs: number;
  adjustments: number;
}

/** The value columns of an input: the dataset input without its subject and indicator. */
export function inputValue(i: Input | Record<string, unknown>): Record<string, unknown> {
  const { subject: _s, indicator: _i, ...value } = i as Record<string, unknown>;
  return value;
}

/**
 * Writes a dataset that the engine has validated against `definition` into one scheme, in the
 * given transaction (scoped to `tenantId`), in three statements:
 * subjects upserted by code (new ones appended in dataset order, existing ones keep their
 * position), inputs upserted as `source`/ANNUAL (replacing the same subject/indicator/source),
 * adjustments appended with `adjustmentStatus` (VERIFIED: decided by `actorId` now).
 * Used by importDataset and by the demo seed.
 */
export async function writeDataset(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
  definition: SchemeDefinition,
  dataset: Dataset,
  source: string,
  adjustmentStatus: 'CLAIMED' | 'VERIFIED',
  actorId: string | null,
): Promise<WriteReport> {
  const kindOf = new Map(definition.groups.map((g) => [g.code, g.kind]));
  const subjects = dataset.subjects.map((s, ord) => ({
    code: s.code,
    name: s.name,
    grp: s.group,
    kind: kindOf.get(s.group),
    unit: kindOf.get(s.group) === 'MEMBER' ? s.unit : null,
    ord: ord + 1,
  }));
  if (subjects.length) {
    await em.query(
      `INSERT INTO subjects (tenant_id, scheme_id, code, name, group_code, kind, unit_code, position)
       SELECT $1, $2, x.code, x.name, x.grp, x.kind, x.unit,
              (SELECT coalesce(max(position), 0) FROM subjects WHERE tenant_id = $1 AND scheme_id = $2) + x.ord
         FROM jsonb_to_recordset($3::jsonb) AS x(code text, name text, grp text, kind text, unit text, ord integer)
       ON CONFLICT (tenant_id, scheme_id, code) DO UPDATE
         SET name = EXCLUDED.name, group_code = EXCLUDED.group_code, kind = EXCLUDED.kind, unit_code = EXCLUDED.unit_code,
             version = subjects.version + 1, updated_at = now()
         WHERE (subjects.name, subjects.group_code, subjects.kind, subjects.unit_code)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.group_code, EXCLUDED.kind, EXCLUDED.unit_code)`,
      [tenantId, schemeId, JSON.stringify(subjects)],
    );
  }
  const inputs = dataset.inputs.map((i) => ({ subject: i.subject, indicator: i.indicator, value: inputValue(i) }));
  if (inputs.length) {
    await em.query(
      `INSERT INTO inputs (tenant_id, scheme_id, subject_id, indicator_code, source, period, value, entered_by)
       SELECT $1, $2, s.id, x.indicator, $4, 'ANNUAL', x.value, $5
         FROM jsonb_to_recordset($3::jsonb) AS x(subject text, indicator text, value jsonb)
         JOIN subjects s ON s.tenant_id = $1 AND s.scheme_id = $2 AND s.code = x.subject
       ON CONFLICT (tenant_id, scheme_id, subject_id, indicator_code, source, period) DO UPDATE
         SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, updated_at = now(), version = inputs.version + 1`,
      [tenantId, schemeId, JSON.stringify(inputs), source, actorId],
    );
  }
  const adjustments = (dataset.adjustments ?? []).map((a: Adjustment, ord) => ({
    subject: a.subject,
    rule: a.rule,
    count: a.count ?? 1,
    points: a.points ?? null,
    note: a.note ?? null,
    ord,
  }));
  if (adjustments.length) {
    const verified = adjustmentStatus === 'VERIFIED';
    await em.query(
      `INSERT INTO adjustments (tenant_id, scheme_id, subject_id, rule_code, count, points, note, status, claimed_by, decided_by, decided_at)
       SELECT $1, $2, s.id, x.rule, x.count, x.points, x.note, $4, $5, CASE WHEN $6 THEN $5::uuid END, CASE WHEN $6 THEN now() END
         FROM jsonb_to_recordset($3::jsonb) AS x(subject text, rule text, count integer, points numeric, note text, ord integer)
         JOIN subjects s ON s.tenant_id = $1 AND s.scheme_id = $2 AND s.code = x.subject
        ORDER BY x.ord`,
      [tenantId, schemeId, JSON.stringify(adjustments), adjustmentStatus, actorId, verified],
    );
  }
  return { subjects: subjects.length, inputs: inputs.length, adjustments: adjustments.length };
}
