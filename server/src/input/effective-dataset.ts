import type { Dataset } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import {
  keepScheme,
  keptScheme,
  rowVersionHash,
  subjectInputs,
  type InputRow,
  type SubjectInputs,
  type SubjectRow,
} from './kept-inputs';

/**
 * Per subject, the digest of its ANNUAL input rows and the rows themselves (`all` subjects', none,
 * or those `listed` in $3): read in their key's order (indicator, source), which the index already
 * has, together with the digest of exactly the rows read.
 */
const inputsSql = (rows: 'all' | 'none' | 'listed') => `
  SELECT coalesce(json_agg(json_build_array(d.subject_id, d.digest, d.rows)), '[]')::text
    FROM (SELECT i.subject_id,
                 count(*) || ':' || sum(${rowVersionHash('i')}) AS digest,
                 ${rows === 'none' ? 'NULL' : 'json_agg(json_build_array(i.indicator_code, i.source, i.value, i.updated_at) ORDER BY i.indicator_code, i.source)'} AS rows
            FROM inputs i WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.period = 'ANNUAL'
             ${rows === 'listed' ? 'AND i.subject_id = ANY($3::uuid[])' : ''}
           GROUP BY i.subject_id) d`;

/**
 * One statement, compact JSON texts (one JSON text parsed once is far cheaper than 100,000 driver
 * rows): the subjects in order (position, id), every subject's inputs digest (and rows, see
 * inputsSql), and the verified adjustments.
 */
const leanSql = (rows: 'all' | 'none') => `
  SELECT
    (SELECT coalesce(json_agg(json_build_array(s.id, s.code, s.name, s.group_code, s.unit_code) ORDER BY s.position, s.id), '[]')::text
       FROM subjects s WHERE s.tenant_id = $1 AND s.scheme_id = $2) AS subjects,
    (${inputsSql(rows)}) AS inputs,
    (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('subject', s.code, 'rule', a.rule_code, 'count', a.count, 'points', a.points, 'note', a.note))
                               ORDER BY a.seq), '[]'::jsonb)
       FROM adjustments a JOIN subjects s ON s.tenant_id = a.tenant_id AND s.id = a.subject_id
      WHERE a.tenant_id = $1 AND a.scheme_id = $2 AND a.status = 'VERIFIED') AS adjustments`;
const LEAN_ALL_SQL = leanSql('all');
const LEAN_DIGESTS_SQL = leanSql('none');
const LISTED_SQL = `SELECT (${inputsSql('listed')}) AS inputs`;
const DIGESTS_SQL = `SELECT (${inputsSql('none')}) AS inputs`;

type Row = { subjects?: string; inputs: string; adjustments?: Dataset['adjustments'] };
type InputsRow = [subjectId: string, digest: string, rows: InputRow[] | null];

/** What a results computation reads. */
export interface ComputeInputs {
  /** The effective dataset (per input the value of the first source of REVIEW, MONITOR, SELF). */
  dataset: Dataset;
  /** Per subject code (in dataset order), its inputs with their sources, as kept. */
  entered: Map<string, SubjectInputs>;
}

/** Each subject's inputs as canonical JSON, in dataset order (for datasetHash). */
export function canonicalInputs(read: ComputeInputs): string[] {
  const out: string[] = [];
  for (const s of read.entered.values()) if (s.canonical) out.push(s.canonical);
  return out;
}

/** The scheme version and group under which a subject's inputs are found valid. */
const validKey = (version: number, group: string | undefined) => `${version}:${group}`;

/**
 * The inputs to check against a scheme version: those of subjects whose inputs were not yet found
 * valid under it in their group (checks of one input depend only on them, so a dataset of every
 * subject and adjustment and just these inputs finds the same problems in them).
 */
export function inputsToCheck(read: ComputeInputs, version: number): Dataset['inputs'] {
  const out: Dataset['inputs'] = [];
  for (const { code, group } of read.dataset.subjects) {
    const mine = read.entered.get(code);
    if (mine && mine.validFor !== validKey(version, group)) out.push(...mine.inputs);
  }
  return out;
}

/** Records that every subject's inputs were found valid under the scheme version. */
export function markChecked(read: ComputeInputs, version: number): void {
  for (const { code, group } of read.dataset.subjects) {
    const mine = read.entered.get(code);
    if (mine) mine.validFor = validKey(version, group);
  }
}

/**
 * The effective dataset of a scheme and what receipts need, in the caller's transaction (RLS
 * applies). Subjects whose input rows are as a previous read in this process left them are not
 * read again (see kept-inputs.ts): the first statement gives every subject's digest (and all rows
 * when nothing is kept), a second one the rows of the subjects that changed, each with the digest
 * of the rows it read. `digest` (a run digest the caller took in this transaction, see
 * result-compute.ts) names the subject and adjustment rows: when they are as kept, they are not
 * read either.
 */
export async function loadComputeInputs(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
  digest?: string,
): Promise<ComputeInputs> {
  const kept = keptScheme(tenantId, schemeId);
  const restDigest = digest && /^v2:([^/]*)\/[^/]*\/([^/]*)$/.exec(digest)?.slice(1).join('/');
  const rest = restDigest && kept.rest?.digest === restDigest ? kept.rest : undefined;
  const [row] = await em.query<Row[]>(rest ? DIGESTS_SQL : kept.subjects.size ? LEAN_DIGESTS_SQL : LEAN_ALL_SQL, [
    tenantId,
    schemeId,
  ]);
  const subjects = rest?.subjects ?? (JSON.parse(row.subjects!) as SubjectRow[]);
  const adjustments = rest?.adjustments ?? row.adjustments!;
  const codes = new Map(subjects.map(([id, code]) => [id, code]));
  const next = new Map<string, SubjectInputs>();
  const changed: string[] = [];
  for (const [id, digest, rows] of JSON.parse(row.inputs) as InputsRow[]) {
    const code = codes.get(id)!;
    const have = kept.subjects.get(id);
    if (rows) next.set(id, subjectInputs(code, digest, rows));
    else if (have && have.digest === digest && have.code === code) next.set(id, have);
    else changed.push(id);
  }
  if (changed.length) {
    const [{ inputs }] = await em.query<{ inputs: string }[]>(LISTED_SQL, [tenantId, schemeId, changed]);
    // a subject whose rows were all deleted meanwhile is absent: it has no inputs
    for (const [id, digest, rows] of JSON.parse(inputs) as InputsRow[])
      if (codes.has(id)) next.set(id, subjectInputs(codes.get(id)!, digest, rows ?? []));
  }
  // the subjects and adjustments read after `digest` was taken: named by it, they can only be newer
  // (a later digest differs, so they are read again); a read without a digest leaves what was kept
  keepScheme(tenantId, schemeId, {
    subjects: next,
    rest: restDigest ? { digest: restDigest, subjects, adjustments } : kept.rest,
  });
  return assemble(subjects, next, adjustments);
}

function assemble(
  rows: SubjectRow[],
  bySubject: Map<string, SubjectInputs>,
  adjustments: Dataset['adjustments'],
): ComputeInputs {
  const subjects: Dataset['subjects'] = [];
  const inputs: Dataset['inputs'] = [];
  const entered = new Map<string, SubjectInputs>();
  for (const [id, code, name, group, unit] of rows) {
    // as jsonb_strip_nulls gave them before: absent, not null
    subjects.push({
      code,
      ...(name !== null && { name }),
      ...(group !== null && { group }),
      ...(unit !== null && { unit }),
    } as Dataset['subjects'][number]);
    const mine = bySubject.get(id);
    if (!mine) continue;
    for (const input of mine.inputs) inputs.push(input);
    entered.set(code, mine);
  }
  return { dataset: { formatVersion: 1, subjects, inputs, adjustments }, entered };
}

/**
 * The dataset the results computation evaluates for one scheme: what `evaluate(definition, dataset)`
 * of `@kaoping/shared` takes. One SQL statement in the caller's transaction (RLS applies).
 * It does not check the scheme (existence, tenant, status): the caller has loaded it already.
 * An empty scheme gives `{ formatVersion: 1, subjects: [], inputs: [], adjustments: [] }`.
 */
export async function loadEffectiveDataset(ctx: RequestContext, schemeId: string): Promise<Dataset> {
  return loadEffectiveDatasetWith(await ctx.em(), ctx.tenantId, schemeId);
}

/** As loadEffectiveDataset, on an EntityManager whose transaction is already scoped to `tenantId` (jobs, seeding, tests). */
export async function loadEffectiveDatasetWith(
  em: EntityManager,
  tenantId: string,
  schemeId: string,
): Promise<Dataset> {
  return (await loadComputeInputs(em, tenantId, schemeId)).dataset;
}
