import { evaluateValidated, validateDatasetFor, type Dataset, type Result, type Scheme as SchemeDefinition, type SchemeNode } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import { auditService } from '../audit/audit.service';
import { conflict, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { loadEffectiveDataset } from '../input/effective-dataset';
import { SchemeStatus } from '../scheme/scheme.entity';
import { schemeService } from '../scheme/scheme.service';
import { callerUnit } from '../subject/data-guard';
import { Role } from '../user/role';
import { receiptsFor, type StoredReceipt } from './receipt';
import { canonicalHash } from './result-hash';
import { ResultStatus, type ResultGroup, type ResultNode, type ResultRun, type RunDiff, type SubjectResult } from './result.entity';
import type { ResultRunFilter } from './result.inputs';

const ENTITY = 'result_run';

/** The lifecycle: each step's source state, its target, and the columns recording who and when. */
const STEPS = {
  REVIEW: { from: ResultStatus.DRAFT, to: ResultStatus.REVIEWED, at: 'reviewed_at', by: 'reviewed_by' },
  APPROVE: { from: ResultStatus.REVIEWED, to: ResultStatus.APPROVED, at: 'approved_at', by: 'approved_by' },
  PUBLISH: { from: ResultStatus.APPROVED, to: ResultStatus.PUBLISHED, at: 'published_at', by: 'published_by' },
} as const;
export type ResultStep = keyof typeof STEPS;

/** A run's columns for its GraphQL view: the groups of the stored Result, and the scheme's grade order. */
const RUN_COLUMNS = `r.id, r.seq, r.scheme_id, r.status, r.version, r.created_at, r.scheme_version, r.scheme_hash, r.inputs_hash,
  r.reviewed_at, r.approved_at, r.published_at, r.result->'groups' AS groups,
  (SELECT coalesce(jsonb_agg(g->>'code'), '[]'::jsonb) FROM jsonb_array_elements(s.definition->'grades') g) AS grade_order`;
const RUN_FROM = `result_runs r JOIN schemes s ON s.tenant_id = r.tenant_id AND s.id = r.scheme_id`;

const SORTABLE = { id: 'r.id', createdAt: 'r.seq', status: 'r.status', schemeVersion: 'r.scheme_version', schemeId: 'r.scheme_id' };

interface RunRow {
  id: string;
  seq: string;
  scheme_id: string;
  status: ResultStatus;
  version: number;
  created_at: Date;
  scheme_version: number;
  scheme_hash: string;
  inputs_hash: string;
  reviewed_at: Date | null;
  approved_at: Date | null;
  published_at: Date | null;
  groups: { group: string; count: number; gradeCounts: Record<string, number> }[];
  grade_order: string[];
}

function toRunView(r: RunRow): ResultRun {
  // jsonb does not keep object key order: gradeCounts come back in the scheme's grade order.
  const order = r.grade_order ?? [];
  const groups: ResultGroup[] = (r.groups ?? []).map((g) => {
    const names = [...order.filter((c) => c in g.gradeCounts), ...Object.keys(g.gradeCounts).filter((c) => !order.includes(c))];
    return { group: g.group, count: g.count, gradeCounts: names.map((grade) => ({ grade, count: g.gradeCounts[grade] })) };
  });
  return {
    id: r.id,
    schemeId: r.scheme_id,
    status: r.status,
    createdAt: r.created_at,
    schemeVersion: r.scheme_version,
    groups,
    reviewedAt: r.reviewed_at,
    approvedAt: r.approved_at,
    publishedAt: r.published_at,
  };
}

/** API keys and UNIT users see PUBLISHED runs only (api.md Results; domain.md roles). */
function publishedOnly(ctx: RequestContext): boolean {
  const p = ctx.principal;
  return p?.kind === 'apiKey' || (p?.kind === 'user' && p.role === Role.UNIT);
}

/** `null` for everybody but UNIT users, who see their own unit and its members ('' = none). */
async function unitFilter(ctx: RequestContext): Promise<string | null> {
  return ctx.principal?.kind === 'user' && ctx.principal.role === Role.UNIT ? await callerUnit(ctx) : null;
}

function actorId(ctx: RequestContext): string | null {
  const p = ctx.principal;
  return p && p.kind !== 'apiKey' ? p.id : null;
}

/** code → name of every node, per group, from the scheme definition (built once per request). */
function nodeNames(definition: SchemeDefinition): Map<string, Map<string, string>> {
  const byGroup = new Map<string, Map<string, string>>();
  for (const g of definition.groups ?? []) {
    const names = new Map<string, string>();
    const walk = (n: SchemeNode) => {
      names.set(n.code, n.name);
      if ('children' in n && Array.isArray(n.children)) n.children.forEach(walk);
    };
    walk(g.root);
    byGroup.set(g.code, names);
  }
  return byGroup;
}

interface SubjectRow {
  subject_code: string;
  subject_name: string;
  group_code: string;
  base: number;
  bonus: number;
  deduction: number;
  final: number;
  rank: number;
  grade: string;
  data: { nodes: Record<string, any>[]; adjustments: { rule: string; points: number }[]; warnings: { code: string; indicator: string }[]; vetoes: string[]; receipt?: StoredReceipt };
  scheme_hash: string;
  inputs_hash: string;
}

function toSubjectResult(r: SubjectRow, names: Map<string, Map<string, string>>): SubjectResult {
  const groupNames = names.get(r.group_code);
  const nodes: ResultNode[] = r.data.nodes.map((n) =>
    n.out
      ? { code: n.code, name: groupNames?.get(n.code) ?? n.code, maxPoints: null, points: null, rate: null, out: true, raw: n }
      : { code: n.code, name: groupNames?.get(n.code) ?? n.code, maxPoints: n.maxPoints, points: n.points, rate: n.rate ?? null, out: false, raw: n },
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
    vetoes: r.data.vetoes,
    adjustments: r.data.adjustments,
    warnings: r.data.warnings,
    nodes,
    stored: { receipt: r.data.receipt, hashes: { schemeHash: r.scheme_hash, inputsHash: r.inputs_hash }, names: groupNames },
  };
}

export interface ComputeOutcome {
  run: RunRow;
  created: boolean;
  subjects: number;
}

/**
 * Computes a PUBLISHED scheme's results in the caller's transaction (scoped to `tenantId`) under
 * a transaction-level advisory lock on (tenant, scheme) (security.md 18). When the newest run read
 * the same scheme and the same effective dataset (equal hashes), that run is returned instead of
 * a duplicate: two concurrent computes make one run. The run and its subjects are two INSERTs.
 */
export async function computeRunWith(
  em: EntityManager,
  tenantId: string,
  scheme: { id: string; version: number; definition: Record<string, unknown> },
  loadDataset: () => Promise<Dataset>,
  createdBy: string | null,
): Promise<ComputeOutcome> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext($1::text), hashtext($2::text))`, [tenantId, scheme.id]);
  const definition = scheme.definition as unknown as SchemeDefinition;
  const dataset = await loadDataset();
  const schemeHash = canonicalHash(definition);
  const inputsHash = canonicalHash(dataset);
  const [newest] = (await em.query(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.scheme_id = $2 ORDER BY r.seq DESC LIMIT 1`, [
    tenantId,
    scheme.id,
  ])) as RunRow[];
  if (newest && newest.scheme_hash === schemeHash && newest.inputs_hash === inputsHash) return { run: newest, created: false, subjects: 0 };

  const problems = validateDatasetFor(definition, dataset);
  if (problems.length) throw conflict(`The scheme's data cannot be evaluated: ${problems[0].path}: ${problems[0].message}`);
  // explanations stored as data (packed parts), formatted in each reader's language
  const result: Result = evaluateValidated(definition, dataset, { explain: true, explainAs: 'parts' });
  const receipts = await receiptsFor(em, tenantId, scheme.id, definition, dataset, result);

  const [inserted] = await em.query(
    `INSERT INTO result_runs (tenant_id, scheme_id, status, scheme_version, scheme_hash, inputs_hash, result, created_by)
     VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6::jsonb, $7) RETURNING id`,
    [tenantId, scheme.id, scheme.version, schemeHash, inputsHash, JSON.stringify(result), createdBy],
  );
  const meta = new Map(dataset.subjects.map((s) => [s.code, s]));
  const rows = result.subjects.map((s, i) => ({
    position: i + 1,
    code: s.subject,
    name: meta.get(s.subject)?.name ?? s.subject,
    group: s.group,
    unit: meta.get(s.subject)?.unit ?? null,
    base: s.base,
    bonus: s.bonus,
    deduction: s.deduction,
    final: s.final,
    rank: s.rank,
    grade: s.grade,
    data: { nodes: s.nodes, adjustments: s.adjustments, warnings: s.warnings, vetoes: s.vetoes, receipt: receipts[i] },
  }));
  if (rows.length) {
    await em.query(
      `INSERT INTO result_subjects (tenant_id, run_id, position, subject_code, subject_name, group_code, unit_code, base, bonus, deduction, final, rank, grade, data)
       SELECT $1, $2, x.position, x.code, x.name, x."group", x.unit, x.base, x.bonus, x.deduction, x.final, x.rank, x.grade, x.data
         FROM jsonb_to_recordset($3::jsonb) AS x(position int, code text, name text, "group" text, unit text, base numeric, bonus numeric,
                                                deduction numeric, final numeric, rank int, grade text, data jsonb)`,
      [tenantId, inserted.id, JSON.stringify(rows)],
    );
  }
  const [run] = (await em.query(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, inserted.id])) as RunRow[];
  return { run, created: true, subjects: rows.length };
}

/** One lifecycle step as one guarded UPDATE (state and version must still be the read ones); false when it touched no row. */
export async function stepRunWith(em: EntityManager, tenantId: string, runId: string, step: ResultStep, version: number, by: string | null): Promise<boolean> {
  const s = STEPS[step];
  const rows: unknown = await em.query(
    `UPDATE result_runs SET status = $4, ${s.at} = now(), ${s.by} = $5, version = version + 1
      WHERE tenant_id = $1 AND id = $2 AND version = $3 AND status = $6 RETURNING id`,
    [tenantId, runId, version, s.to, by, s.from],
  );
  // an UPDATE's raw answer is [rows, affected]
  return Array.isArray(rows) && rows[1] === 1;
}

function snapshot(r: RunRow) {
  return { schemeId: r.scheme_id, status: r.status, version: r.version, schemeVersion: r.scheme_version, schemeHash: r.scheme_hash, inputsHash: r.inputs_hash };
}

export const resultService = {
  /** A run visible to the caller (API keys and UNIT users: PUBLISHED only), or null. */
  async find(ctx: RequestContext, id: string): Promise<RunRow | null> {
    if (!isId(id)) return null;
    const em = await ctx.em();
    const [r] = (await em.query(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.id = $2 AND ($3::boolean = false OR r.status = 'PUBLISHED')`, [
      ctx.tenantId,
      id,
      publishedOnly(ctx),
    ])) as RunRow[];
    return r ?? null;
  },

  async findOrFail(ctx: RequestContext, id: string): Promise<RunRow> {
    const r = await this.find(ctx, id);
    if (!r) throw notFound('Result run');
    return r;
  },

  async get(ctx: RequestContext, id: string): Promise<ResultRun> {
    return toRunView(await this.findOrFail(ctx, id));
  },

  async compute(ctx: RequestContext, schemeId: string): Promise<ResultRun> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    if (scheme.status !== SchemeStatus.PUBLISHED) throw conflict(`Results are computed for a PUBLISHED scheme only; this one is ${scheme.status}`);
    const em = await ctx.em();
    const out = await computeRunWith(em, ctx.tenantId, scheme, () => loadEffectiveDataset(ctx, scheme.id), actorId(ctx));
    if (out.created) await auditService.record(ctx, { entity: ENTITY, entityId: out.run.id, action: 'COMPUTE', before: null, after: { ...snapshot(out.run), subjects: out.subjects } });
    return toRunView(out.run);
  },

  async step(ctx: RequestContext, runId: string, step: ResultStep): Promise<ResultRun> {
    const before = await this.findOrFail(ctx, runId);
    const s = STEPS[step];
    if (before.status !== s.from) throw conflict(`Only a ${s.from} run can move to ${s.to}; this one is ${before.status}`);
    const em = await ctx.em();
    if (!(await stepRunWith(em, ctx.tenantId, before.id, step, before.version, actorId(ctx)))) throw conflict('The run was changed meanwhile; reload and retry');
    const after = await this.findOrFail(ctx, before.id);
    await auditService.record(ctx, { entity: ENTITY, entityId: before.id, action: step, before: snapshot(before), after: snapshot(after) });
    return toRunView(after);
  },

  /** A scheme's runs, newest first (API keys and UNIT users: published ones only). */
  async runs(ctx: RequestContext, schemeId: string): Promise<ResultRun[]> {
    if (!isId(schemeId)) return [];
    const em = await ctx.em();
    const rows = (await em.query(
      `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.scheme_id = $2 AND ($3::boolean = false OR r.status = 'PUBLISHED') ORDER BY r.seq DESC`,
      [ctx.tenantId, schemeId, publishedOnly(ctx)],
    )) as RunRow[];
    return rows.map(toRunView);
  },

  listWhere(ctx: RequestContext, filter: ResultRunFilter | undefined, params: unknown[]): string {
    const where = [`r.tenant_id = $1`];
    params.push(ctx.tenantId);
    if (publishedOnly(ctx)) where.push(`r.status = 'PUBLISHED'`);
    if (filter?.schemeId) {
      params.push(isId(filter.schemeId) ? filter.schemeId : null);
      where.push(`r.scheme_id = $${params.length}`);
    }
    if (filter?.status) {
      params.push(filter.status);
      where.push(`r.status = $${params.length}`);
    }
    if (filter?.ids) {
      params.push(filter.ids.filter(isId));
      where.push(`r.id = ANY($${params.length}::uuid[])`);
    }
    return where.join(' AND ');
  },

  async list(ctx: RequestContext, args: ListArgs, filter?: ResultRunFilter): Promise<ResultRun[]> {
    const p = paging(args, SORTABLE, 'createdAt');
    const params: unknown[] = [];
    const where = this.listWhere(ctx, filter, params);
    params.push(p.take, p.skip);
    const tie = p.sortColumn === 'r.seq' ? '' : ', r.seq DESC';
    const rows = (await (await ctx.em()).query(
      `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE ${where} ORDER BY ${p.sortColumn} ${p.order}${tie} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as RunRow[];
    return rows.map(toRunView);
  },

  async count(ctx: RequestContext, filter?: ResultRunFilter): Promise<number> {
    const params: unknown[] = [];
    const where = this.listWhere(ctx, filter, params);
    const [r] = await (await ctx.em()).query(`SELECT count(*)::int AS n FROM result_runs r WHERE ${where}`, params);
    return r.n as number;
  },

  /**
   * A run's subject results (the given run, else the newest visible one) and the scheme's
   * definition (for node names), in one statement; a UNIT user's unit is one more. Unknown run id (another tenant's, another scheme's, or
   * unpublished for API keys and UNIT users) → NOT_FOUND; no run at all → [].
   */
  async results(ctx: RequestContext, schemeId: string, opts: { group?: string | null; runId?: string | null; byRank?: boolean; subject?: string | null }): Promise<SubjectResult[]> {
    if (opts.runId !== undefined && opts.runId !== null && !isId(opts.runId)) throw notFound('Result run');
    if (!isId(schemeId)) {
      if (opts.runId) throw notFound('Result run');
      return [];
    }
    const unit = await unitFilter(ctx);
    const em = await ctx.em();
    const rows = await em.query(
      `WITH run AS (
         SELECT r.id, r.scheme_hash, r.inputs_hash, s.definition FROM result_runs r JOIN schemes s ON s.tenant_id = r.tenant_id AND s.id = r.scheme_id
          WHERE r.tenant_id = $1 AND r.scheme_id = $2 AND ($3::uuid IS NULL OR r.id = $3)
            AND ($4::boolean = false OR r.status = 'PUBLISHED')
          ORDER BY r.seq DESC LIMIT 1)
       SELECT run.id AS run_id, rs.subject_code, rs.subject_name, rs.group_code, rs.base::float8 AS base, rs.bonus::float8 AS bonus,
              rs.deduction::float8 AS deduction, rs.final::float8 AS final, rs.rank, rs.grade, rs.data, run.scheme_hash, run.inputs_hash,
              CASE WHEN rs.position IS NULL OR rs.position = min(rs.position) OVER () THEN run.definition END AS definition
         FROM run LEFT JOIN result_subjects rs
           ON rs.tenant_id = $1 AND rs.run_id = run.id
          AND ($5::text IS NULL OR rs.group_code = $5)
          AND ($6::text IS NULL OR ($6 <> '' AND (rs.subject_code = $6 OR rs.unit_code = $6)))
          AND ($7::text IS NULL OR rs.subject_code = $7)
        ORDER BY ${opts.byRank ? 'rs.rank, rs.position' : 'rs.position'}`,
      [ctx.tenantId, schemeId, opts.runId ?? null, publishedOnly(ctx), opts.group ?? null, unit, opts.subject ?? null],
    );
    if (!rows.length) {
      if (opts.runId) throw notFound('Result run');
      return [];
    }
    const definition = rows.find((r: { definition: unknown }) => r.definition)?.definition as SchemeDefinition | undefined;
    const names = definition ? nodeNames(definition) : new Map();
    return rows.filter((r: SubjectRow) => r.subject_code !== null).map((r: SubjectRow) => toSubjectResult(r, names));
  },

  /** Subjects whose final, rank or grade differ between two runs (of the same tenant), in runB's order, then runA-only ones. */
  async compare(ctx: RequestContext, runA: string, runB: string): Promise<RunDiff[]> {
    const a = await this.findOrFail(ctx, runA);
    const b = await this.findOrFail(ctx, runB);
    const rows = await (await ctx.em()).query(
      `SELECT coalesce(nb.subject_code, na.subject_code) AS code, coalesce(nb.subject_name, na.subject_name) AS name,
              coalesce(nb.group_code, na.group_code) AS "group",
              na.final::float8 AS final_before, nb.final::float8 AS final_after, (nb.final - na.final)::float8 AS final_delta,
              na.rank AS rank_before, nb.rank AS rank_after, nb.rank - na.rank AS rank_delta,
              na.grade AS grade_before, nb.grade AS grade_after
         FROM (SELECT * FROM result_subjects WHERE tenant_id = $1 AND run_id = $2) na
         FULL JOIN (SELECT * FROM result_subjects WHERE tenant_id = $1 AND run_id = $3) nb ON nb.subject_code = na.subject_code
        WHERE na.final IS DISTINCT FROM nb.final OR na.rank IS DISTINCT FROM nb.rank OR na.grade IS DISTINCT FROM nb.grade
        ORDER BY nb.position NULLS LAST, na.position`,
      [ctx.tenantId, a.id, b.id],
    );
    return rows.map((r: Record<string, any>) => ({
      subject: { code: r.code, name: r.name },
      group: r.group,
      finalBefore: r.final_before,
      finalAfter: r.final_after,
      finalDelta: r.final_delta,
      rankBefore: r.rank_before,
      rankAfter: r.rank_after,
      rankDelta: r.rank_delta,
      gradeBefore: r.grade_before,
      gradeAfter: r.grade_after,
    }));
  },
};
