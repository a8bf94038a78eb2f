import { evaluateValidated, validateDatasetFor, type Dataset, type Result, type Scheme as SchemeDefinition } from '@kaoping/shared';
import type { EntityManager } from 'typeorm';
import { auditService } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { loadEffectiveDataset } from '../input/effective-dataset';
import { SchemeStatus } from '../scheme/scheme.entity';
import { schemeService } from '../scheme/scheme.service';
import { callerUnit } from '../subject/data-guard';
import { Role } from '../user/role';
import { receiptsFor } from './receipt';
import { readResults, type ResultsQuery } from './result-read';
import { readPublishedResults } from './result-cache';
export { nodeNames } from './result-read';
import { canonicalHash } from './result-hash';
import { ResultStatus, type RunDiff, type SubjectResult } from './result.entity';
import type { ResultRun } from './result-run';
import type { ResultRunFilter } from './result.inputs';
import { RUN_COLUMNS, RUN_FROM, runSnapshot, toRunView, type RunRow } from './run-view';

const ENTITY = 'result_run';

const SORTABLE = { id: 'r.id', createdAt: 'r.seq', status: 'r.status', schemeVersion: 'r.scheme_version', schemeId: 'r.scheme_id' };

/** API keys and UNIT users see PUBLISHED runs only (api.md Results; domain.md roles). */
export function publishedOnly(ctx: RequestContext): boolean {
  const p = ctx.principal;
  return p?.kind === 'apiKey' || (p?.kind === 'user' && p.role === Role.UNIT);
}

/** `null` for everybody but UNIT users, who see their own unit and its members ('' = none). */
export async function unitFilter(ctx: RequestContext): Promise<string | null> {
  return ctx.principal?.kind === 'user' && ctx.principal.role === Role.UNIT ? await callerUnit(ctx) : null;
}

export function actorId(ctx: RequestContext): string | null {
  const p = ctx.principal;
  return p && p.kind !== 'apiKey' ? p.id : null;
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
 * a duplicate: two concurrent computes make one run — unless that run was sent back (REJECTED):
 * then a new DRAFT. The run and its subjects are two INSERTs; the run counts its missing inputs.
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
  const [newest] = await em.query<RunRow[]>(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.scheme_id = $2 ORDER BY r.seq DESC LIMIT 1`, [
    tenantId,
    scheme.id,
  ]);
  if (newest && newest.status !== ResultStatus.REJECTED && newest.scheme_hash === schemeHash && newest.inputs_hash === inputsHash) return { run: newest, created: false, subjects: 0 };

  const problems = validateDatasetFor(definition, dataset);
  if (problems.length) throw conflict(`The scheme's data cannot be evaluated: ${problems[0].path}: ${problems[0].message}`);
  // explanations stored as data (packed parts), formatted in each reader's language
  const result: Result = evaluateValidated(definition, dataset, { explain: true, explainAs: 'parts' });
  // finite inputs can still overflow (1e308 × a weight): say so rather than fail on a NOT NULL column
  const overflow = result.subjects.filter((s) => ![s.base, s.bonus, s.deduction, s.final].every((v) => typeof v === 'number' && Number.isFinite(v)));
  if (overflow.length) throw conflict(`The scheme's data gives scores too large to compute for: ${overflow.slice(0, 10).map((s) => s.subject).join(', ')}`);
  const receipts = await receiptsFor(em, tenantId, scheme.id, definition, dataset, result);

  const missing = result.subjects.reduce((n, s) => n + s.warnings.filter((w) => w.code === 'MISSING_INPUT').length, 0);
  const [inserted] = await em.query(
    `INSERT INTO result_runs (tenant_id, scheme_id, status, scheme_version, scheme_hash, inputs_hash, result, created_by, missing_inputs, group_counts)
     VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6::jsonb, $7, $8, $9::jsonb) RETURNING id`,
    [tenantId, scheme.id, scheme.version, schemeHash, inputsHash, JSON.stringify(result), createdBy, missing, JSON.stringify(result.groups)],
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
  const [run] = await em.query<RunRow[]>(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, inserted.id]);
  return { run, created: true, subjects: rows.length };
}

export const resultService = {
  /** A run visible to the caller (API keys and UNIT users: PUBLISHED only), or null. */
  async find(ctx: RequestContext, id: string): Promise<RunRow | null> {
    if (!isId(id)) return null;
    const em = await ctx.em();
    const [r] = await em.query<RunRow[]>(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.id = $2 AND ($3::boolean = false OR r.status = 'PUBLISHED')`, [
      ctx.tenantId,
      id,
      publishedOnly(ctx),
    ]);
    return r ?? null;
  },

  async findOrFail(ctx: RequestContext, id: string): Promise<RunRow> {
    const r = await this.find(ctx, id);
    if (!r) throw notFound('Result run');
    return r;
  },

  async get(ctx: RequestContext, id: string): Promise<ResultRun> {
    return toRunView(await this.findOrFail(ctx, id), !publishedOnly(ctx));
  },

  async compute(ctx: RequestContext, schemeId: string): Promise<ResultRun> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    if (scheme.status === SchemeStatus.CLOSED) throw forbidden('The scheme is CLOSED: its results cannot be recomputed');
    if (scheme.status !== SchemeStatus.PUBLISHED) throw conflict(`Results are computed for a PUBLISHED scheme only; this one is ${scheme.status}`);
    const em = await ctx.em();
    const out = await computeRunWith(em, ctx.tenantId, scheme, () => loadEffectiveDataset(ctx, scheme.id), actorId(ctx));
    if (out.created) {
      await auditService.record(ctx, { entity: ENTITY, entityId: out.run.id, action: 'COMPUTE', before: null, after: { ...runSnapshot(out.run), subjects: out.subjects, missingInputs: out.run.missing_inputs } });
    }
    return toRunView(out.run);
  },

  /** A scheme's runs, newest first (API keys and UNIT users: published ones only). */
  async runs(ctx: RequestContext, schemeId: string): Promise<ResultRun[]> {
    if (!isId(schemeId)) return [];
    const em = await ctx.em();
    const rows = await em.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.scheme_id = $2 AND ($3::boolean = false OR r.status = 'PUBLISHED') ORDER BY r.seq DESC`,
      [ctx.tenantId, schemeId, publishedOnly(ctx)],
    );
    return rows.map((r) => toRunView(r, !publishedOnly(ctx)));
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
    const rows = await (await ctx.em()).query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE ${where} ORDER BY ${p.sortColumn} ${p.order}${tie} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => toRunView(r, !publishedOnly(ctx)));
  },

  async count(ctx: RequestContext, filter?: ResultRunFilter): Promise<number> {
    const params: unknown[] = [];
    const where = this.listWhere(ctx, filter, params);
    const [r] = await (await ctx.em()).query(`SELECT count(*)::int AS n FROM result_runs r WHERE ${where}`, params);
    return r.n as number;
  },

  /** A run's subject results, one page (result-read.ts); `runId` is the run read (null: none). */
  async resultsPage(ctx: RequestContext, schemeId: string, opts: ResultsQuery): Promise<{ runId: string | null; subjects: SubjectResult[] }> {
    const scope = { tenantId: ctx.tenantId, publishedOnly: publishedOnly(ctx), callerUnit: await unitFilter(ctx), apiKey: ctx.principal?.kind === 'apiKey' };
    return readResults(await ctx.em(), scope, schemeId, opts);
  },

  /** Published-only readers (API keys, UNIT users) are answered from the per-process cache of published runs (result-cache.ts). */
  async results(ctx: RequestContext, schemeId: string, opts: ResultsQuery): Promise<SubjectResult[]> {
    if (publishedOnly(ctx)) {
      const scope = { tenantId: ctx.tenantId, publishedOnly: true, callerUnit: await unitFilter(ctx), apiKey: ctx.principal?.kind === 'apiKey' };
      return readPublishedResults(await ctx.em(), scope, schemeId, opts);
    }
    return (await this.resultsPage(ctx, schemeId, opts)).subjects;
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
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a pg row, mapped field by field right here
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
