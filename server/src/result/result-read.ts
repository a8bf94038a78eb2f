import { walkTree, type Scheme as SchemeDefinition } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/errors';
import { isId } from '../common/ids';
import type { StoredReceipt } from './receipt';
import type { ResultNode, SubjectResult } from './result.entity';

/** The most subjects one `results` call answers; the default when no limit is given. */
export const MAX_RESULTS_PAGE = 1000;

/** code → name of every node, per group, from the scheme definition. */
export function nodeNames(definition: SchemeDefinition): Map<string, Map<string, string>> {
  const byGroup = new Map<string, Map<string, string>>();
  for (const g of definition.groups ?? []) {
    const names = new Map<string, string>();
    walkTree(g.root, (n) => names.set(n.code, n.name));
    byGroup.set(g.code, names);
  }
  return byGroup;
}

// Per (tenant, scheme): the names of the scheme's version they were read from. Every change of a
// scheme bumps its version, so an entry at the version a read finds is never stale.
const namesCache = new Map<string, { version: number; names: Map<string, Map<string, string>> }>();

function keepNames(key: string, version: number, names: Map<string, Map<string, string>>): void {
  if (!namesCache.has(key) && namesCache.size >= 500) namesCache.delete(namesCache.keys().next().value!);
  namesCache.set(key, { version, names });
}

/** A node as stored in a result's jsonb, read field by field by code that knows its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type StoredNode = Record<string, any>;

export interface SubjectRow {
  subject_code: string;
  subject_name: string;
  group_code: string;
  base: number;
  bonus: number;
  deduction: number;
  final: number;
  rank: number;
  grade: string;
  /** The stored JSON text (see subject-data.ts), parsed here when read. */
  data: string | null;
}

/** A subject's stored data, parsed. */
interface StoredData {
  nodes: StoredNode[];
  adjustments: { rule: string; points: number }[];
  warnings: { code: string; indicator: string }[];
  vetoes: string[];
  receipt?: StoredReceipt;
}

export function toSubjectResult(
  r: SubjectRow,
  names: Map<string, Map<string, string>>,
  hashes: { schemeHash: string; inputsHash: string },
): SubjectResult {
  const groupNames = names.get(r.group_code);
  const d: StoredData =
    r.data === null ? { nodes: [], adjustments: [], warnings: [], vetoes: [] } : (JSON.parse(r.data) as StoredData);
  const nodes: ResultNode[] = d.nodes.map((n) =>
    n.out
      ? {
          code: n.code,
          name: groupNames?.get(n.code) ?? n.code,
          maxPoints: null,
          points: null,
          rate: null,
          out: true,
          raw: n,
        }
      : {
          code: n.code,
          name: groupNames?.get(n.code) ?? n.code,
          maxPoints: n.maxPoints,
          points: n.points,
          rate: n.rate ?? null,
          out: false,
          raw: n,
        },
  );
  return {
    subject: { code: r.subject_code, name: r.subject_name },
    group: r.group_code,
    base: r.base,
    bonus: r.bonus,
    deduction: r.deduction,
    final: r.final,
    rank: r.rank,
    grade: r.grade,
    vetoes: d.vetoes,
    adjustments: d.adjustments,
    warnings: d.warnings,
    nodes,
    stored: { receipt: d.receipt, hashes, names: groupNames },
  };
}

export interface ResultsQuery {
  group?: string | null;
  runId?: string | null;
  byRank?: boolean;
  subject?: string | null;
  grade?: string | null;
  unit?: string | null;
  limit?: number | null;
  offset?: number | null;
  /** Which bulky parts to read: `data` (nodes, adjustments, warnings, vetoes, receipt) and node names. Default: all. */
  need?: { data: boolean; names: boolean };
}

export interface ResultsScope {
  tenantId: string;
  publishedOnly: boolean;
  /** A UNIT user's unit ('' = none), else null. */
  callerUnit: string | null;
  /** API keys do not see DRAFT schemes at all. */
  apiKey: boolean;
}

/**
 * A run's subject results (the given run, else the newest visible one), one page of them. Unknown
 * run id (another tenant's, another scheme's, or unpublished for API keys and UNIT users) or
 * unknown scheme (another tenant's; a DRAFT one for API keys) → NOT_FOUND; no run at all → [].
 * Reads the bulky `data` column and node names only when asked for.
 */
export async function readResults(
  em: EntityManager,
  scope: ResultsScope,
  schemeId: string,
  opts: ResultsQuery,
): Promise<{ runId: string | null; subjects: SubjectResult[] }> {
  if (opts.runId !== undefined && opts.runId !== null && !isId(opts.runId)) throw notFound('Result run');
  if (!isId(schemeId)) throw notFound(opts.runId ? 'Result run' : 'Scheme');
  const limit = opts.limit ?? null;
  const offset = opts.offset ?? 0;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS_PAGE))
    throw badInput(`limit must be between 1 and ${MAX_RESULTS_PAGE}`);
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset must be 0 or more');
  const need = opts.need ?? { data: true, names: true };
  // the definition is read (in the same statement) only when names are asked and not already kept for its version
  const namesKey = `${scope.tenantId}:${schemeId}`;
  const kept = need.names ? namesCache.get(namesKey) : undefined;
  const rows = await em.query(
    `WITH scheme AS (SELECT 1 FROM schemes WHERE tenant_id = $1 AND id = $2 AND ($7::boolean = false OR status <> 'DRAFT')),
     run AS (
       SELECT r.id, r.scheme_hash, r.inputs_hash, s.version AS scheme_row_version,
              ${need.names ? 'CASE WHEN s.version IS DISTINCT FROM $13::int THEN s.definition END' : 'NULL::jsonb'} AS definition FROM result_runs r JOIN schemes s ON s.tenant_id = r.tenant_id AND s.id = r.scheme_id
        WHERE r.tenant_id = $1 AND r.scheme_id = $2 AND ($3::uuid IS NULL OR r.id = $3)
          AND ($4::boolean = false OR r.status = 'PUBLISHED')
        ORDER BY r.seq DESC LIMIT 1)
     SELECT run.id AS run_id, run.scheme_hash, run.inputs_hash, run.scheme_row_version, rs.*,
            CASE WHEN row_number() OVER () = 1 THEN run.definition END AS definition
       FROM scheme LEFT JOIN run ON true LEFT JOIN LATERAL (
         SELECT rs.subject_code, rs.subject_name, rs.group_code, rs.base::float8 AS base, rs.bonus::float8 AS bonus,
                rs.deduction::float8 AS deduction, rs.final::float8 AS final, rs.rank, rs.grade, rs.position, ${need.data ? 'rs.data' : 'NULL::text AS data'}
           FROM result_subjects rs
          WHERE rs.tenant_id = $1 AND rs.run_id = run.id
            AND ($5::text IS NULL OR rs.group_code = $5)
            AND ($6::text IS NULL OR ($6 <> '' AND (rs.subject_code = $6 OR rs.unit_code = $6)))
            AND ($8::text IS NULL OR rs.subject_code = $8)
            AND ($9::text IS NULL OR rs.grade = $9)
            AND ($10::text IS NULL OR rs.subject_code = $10 OR rs.unit_code = $10)
          ORDER BY ${opts.byRank ? 'rs.rank, rs.position' : 'rs.position'}
          LIMIT $11 OFFSET $12) rs ON true
      ORDER BY ${opts.byRank ? 'rs.rank, rs.position' : 'rs.position'}`,
    [
      scope.tenantId,
      schemeId,
      opts.runId ?? null,
      scope.publishedOnly,
      opts.group ?? null,
      scope.callerUnit,
      scope.apiKey,
      opts.subject ?? null,
      opts.grade ?? null,
      opts.unit ?? null,
      limit,
      offset,
      ...(need.names ? [kept?.version ?? null] : []),
    ],
  );
  // no row: no such scheme; a row without a run: the scheme has no (visible) run
  if (!rows.length || rows[0].run_id === null) {
    if (opts.runId) throw notFound('Result run');
    if (!rows.length) throw notFound('Scheme');
    return { runId: null, subjects: [] };
  }
  const first = rows[0];
  let names = new Map<string, Map<string, string>>();
  if (need.names && kept && kept.version === first.scheme_row_version) names = kept.names;
  else if (need.names) {
    const definition = rows.find((r: { definition: unknown }) => r.definition)?.definition as
      SchemeDefinition | undefined;
    names = definition ? nodeNames(definition) : new Map();
    keepNames(namesKey, first.scheme_row_version, names);
  }
  const hashes = { schemeHash: first.scheme_hash, inputsHash: first.inputs_hash };
  return {
    runId: first.run_id,
    subjects: rows
      .filter((r: SubjectRow) => r.subject_code !== null)
      .map((r: SubjectRow) => toSubjectResult(r, names, hashes)),
  };
}
