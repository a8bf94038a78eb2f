import { evaluateValidated, validateDatasetFor, type Result, type Scheme as SchemeDefinition } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/errors';
import { reviewThreshold } from '../input/discrepancy';
import { canonicalInputs, inputsToCheck, loadComputeInputs, markChecked } from '../input/effective-dataset';
import { rowVersionHash } from '../input/kept-inputs';
import { SubjectData } from './subject-data';
import { canonicalHash, datasetHash } from './result-hash';
import { ResultStatus } from './result.entity';
import { RUN_COLUMNS, RUN_FROM, type RunRow } from './run-view';

export interface ComputeOutcome {
  run: RunRow;
  created: boolean;
  subjects: number;
}

/**
 * A digest of every row version a computation reads (subjects, inputs of every period and source —
 * ballots included —, adjustments of every status), computed in the database without reading the
 * rows' contents: per table the row count and the sum of a 64-bit hash of each visible row
 * version's identity, its `id` seeded with the transaction that wrote it (`xmin`). Every insert
 * and update writes a new version under a new transaction id and every delete lowers the count;
 * a committed transaction writes no more, so an equal digest means the same rows. Hashing the uuid
 * directly costs a third less than the text of `ctid` and `xmin` did (the `v2` digests). A
 * different digest may still mean the same effective dataset (a row that is not read changed):
 * the full hash then tells.
 */
const digestSql = (identity: (t: string) => string) =>
  ['subjects', 'inputs', 'adjustments']
    .map(
      (t) =>
        `(SELECT count(*) || ':' || coalesce(sum(${identity(t)}), 0) FROM ${t} x WHERE x.tenant_id = $1 AND x.scheme_id = $2)`,
    )
    .join(` || '/' || `);
const DIGEST_SQL = `'v2:' || ${digestSql(() => rowVersionHash('x'))}`;
/** The digest of runs computed before `v2` (kept so that their unchanged recompute stays cheap). */
const LEGACY_DIGEST_SQL = digestSql(() => `hashtextextended(x.ctid::text || ':' || x.xmin::text, 0)`);

const NEWEST_SQL = `SELECT ${RUN_COLUMNS}, r.inputs_digest, ${DIGEST_SQL} AS digest FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.scheme_id = $2 ORDER BY r.seq DESC LIMIT 1`;

/** result_subjects' columns after (tenant_id, run_id), as one row's parameters. */
const SUBJECT_COLUMNS = [
  'position',
  'subject_code',
  'subject_name',
  'group_code',
  'unit_code',
  'base',
  'bonus',
  'deduction',
  'final',
  'rank',
  'grade',
  'data',
];
/**
 * Rows per INSERT (PostgreSQL takes at most 65,535 parameters a statement): a hundred, each chunk
 * made while the one before is stored, so that a run's ~20 MB of subject data is never held whole
 * twice over (as buffers and in the driver's message) and the database's work overlaps ours.
 */
const ROWS_PER_INSERT = 100;

/** One multi-row INSERT of `n` subjects; each value its own parameter, so nothing is escaped or parsed twice. */
function insertSubjects(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++)
    rows.push(`($1, $2, ${SUBJECT_COLUMNS.map((_, c) => `$${3 + i * SUBJECT_COLUMNS.length + c}`).join(', ')})`);
  return `INSERT INTO result_subjects (tenant_id, run_id, ${SUBJECT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`;
}

/**
 * Computes a PUBLISHED scheme's results in the caller's transaction (scoped to `tenantId`) under
 * a transaction-level advisory lock on (tenant, scheme). When the newest run read the same scheme
 * and the same data, that run is returned instead of a duplicate (two concurrent computes make one
 * run) — unless it was sent back (REJECTED): then a new DRAFT. "The same data" is first asked of
 * the database (the digest, milliseconds); only when it differs are the inputs loaded (one
 * statement) and hashed (sha256 of the canonical dataset, the run's `inputs_hash`). The run is
 * stored once: its summary columns in `result_runs`, each subject's result in one row of
 * `result_subjects`, all rows in one INSERT.
 */
export async function computeRunWith(
  em: EntityManager,
  tenantId: string,
  scheme: { id: string; version: number; definition: Record<string, unknown> },
  createdBy: string | null,
): Promise<ComputeOutcome> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext($1::text), hashtext($2::text))`, [tenantId, scheme.id]);
  // the run and the digest in one statement: an unchanged recompute is this and the lock
  const [newest] = await em.query<(RunRow & { inputs_digest: string | null; digest: string })[]>(NEWEST_SQL, [
    tenantId,
    scheme.id,
  ]);
  const digest =
    newest?.digest ??
    (await em.query<{ digest: string }[]>(`SELECT ${DIGEST_SQL} AS digest`, [tenantId, scheme.id]))[0].digest;
  const reusable = newest && newest.status !== ResultStatus.REJECTED ? newest : undefined;
  // a PUBLISHED scheme cannot change (trigger), so its version names its definition
  if (
    reusable &&
    reusable.scheme_version === scheme.version &&
    (await sameDigest(em, tenantId, scheme.id, reusable.inputs_digest, digest))
  )
    return { run: stripDigest(reusable), created: false, subjects: 0 };

  const definition = scheme.definition as unknown as SchemeDefinition;
  const read = await loadComputeInputs(em, tenantId, scheme.id, digest);
  const { dataset, entered } = read;
  const schemeHash = canonicalHash(definition);
  const inputsHash = datasetHash(dataset, canonicalInputs(read));
  if (reusable && reusable.scheme_hash === schemeHash && reusable.inputs_hash === inputsHash)
    return { run: stripDigest(reusable), created: false, subjects: 0 };

  // the inputs already found valid under this version are not checked again; a problem is
  // reported at its place in the whole dataset
  let problems = validateDatasetFor(definition, { ...dataset, inputs: inputsToCheck(read, scheme.version) });
  if (problems.length) problems = validateDatasetFor(definition, dataset);
  if (problems.length)
    throw conflict(`The scheme's data cannot be evaluated: ${problems[0].path}: ${problems[0].message}`);
  markChecked(read, scheme.version);
  // explanations stored as data (packed parts), formatted in each reader's language
  const result: Result = evaluateValidated(definition, dataset, { explain: true, explainAs: 'parts' });
  // finite inputs can still overflow (1e308 × a weight): say so rather than fail on a NOT NULL column
  const overflow = result.subjects.filter(
    (s) => ![s.base, s.bonus, s.deduction, s.final].every((v) => typeof v === 'number' && Number.isFinite(v)),
  );
  if (overflow.length)
    throw conflict(
      `The scheme's data gives scores too large to compute for: ${overflow
        .slice(0, 10)
        .map((s) => s.subject)
        .join(', ')}`,
    );
  const missing = result.subjects.reduce((n, s) => n + s.warnings.filter((w) => w.code === 'MISSING_INPUT').length, 0);
  // the run row keeps only the run-level part of the Result; the subjects are their rows
  const [inserted] = await em.query(
    `INSERT INTO result_runs (tenant_id, scheme_id, status, scheme_version, scheme_hash, inputs_hash, inputs_digest, result, created_by, missing_inputs, group_counts)
     VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb) RETURNING id`,
    [
      tenantId,
      scheme.id,
      scheme.version,
      schemeHash,
      inputsHash,
      digest,
      JSON.stringify({ scheme: result.scheme, groups: result.groups }),
      createdBy,
      missing,
      JSON.stringify(result.groups),
    ],
  );
  const meta = new Map(dataset.subjects.map((s) => [s.code, s]));
  const data = new SubjectData(schemeHash, reviewThreshold(definition), entered);
  // each chunk's data is made (SubjectData: built, or kept bytes) while the database stores the
  // chunk before (this process and PostgreSQL work side by side), and is garbage once written
  let storing: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < result.subjects.length; i += ROWS_PER_INSERT) {
    const chunk = subjectRows(result, meta, data, i, i + ROWS_PER_INSERT);
    await storing;
    storing = em.query(insertSubjects(chunk.length), [tenantId, inserted.id, ...chunk.flat()]);
    // the query is sent after a few awaits inside TypeORM: let them run before turning to the next chunk
    await new Promise((resolve) => setImmediate(resolve));
  }
  await storing;
  const [run] = await em.query<RunRow[]>(
    `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.id = $2`,
    [tenantId, inserted.id],
  );
  return { run, created: true, subjects: result.subjects.length };
}

/** Whether a run's stored digest still holds; a pre-`v2` one is compared with the pre-`v2` digest. */
async function sameDigest(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
  stored: string | null,
  digest: string,
): Promise<boolean> {
  if (!stored || stored === digest) return stored === digest;
  if (stored.startsWith('v2:')) return false;
  const [{ legacy }] = await em.query<{ legacy: string }[]>(`SELECT ${LEGACY_DIGEST_SQL} AS legacy`, [
    tenantId,
    schemeId,
  ]);
  return stored === legacy;
}

function stripDigest(r: RunRow & { inputs_digest?: string | null; digest?: string }): RunRow {
  const { inputs_digest: _d, digest: _n, ...run } = r;
  return run;
}

/** The rows of subjects [from, to) (SUBJECT_COLUMNS' order), `data` serialised once per subject (or kept, see SubjectData). */
function subjectRows(
  result: Result,
  meta: Map<string, { code: string; name?: string; unit?: string }>,
  data: SubjectData,
  from: number,
  to: number,
): unknown[][] {
  return result.subjects.slice(from, to).map((s, j) => {
    const i = from + j;
    const m = meta.get(s.subject);
    return [
      i + 1,
      s.subject,
      m?.name ?? s.subject,
      s.group,
      m?.unit ?? null,
      s.base,
      s.bonus,
      s.deduction,
      s.final,
      s.rank,
      s.grade,
      data.json(s),
    ];
  });
}
