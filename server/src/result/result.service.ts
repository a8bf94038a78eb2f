import { auditService } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { runStepNotice } from '../notification/events';
import { SchemeStatus } from '../scheme/scheme.entity';
import { schemeService } from '../scheme/scheme.service';
import { can, Permission } from '../auth/permissions';
import { callerId, callerUnit } from '../common/caller';
import { readResults, type ResultsQuery } from './result-read';
import { readPublishedResults } from './result-cache';
import { notePublishedRead } from './published-responses';
export { nodeNames } from './result-read';
import { computeRunWith } from './result-compute';
export { computeRunWith, type ComputeOutcome } from './result-compute';
import { ResultStatus, type RunDiff, type SubjectResult } from './result.entity';
import type { ResultRun } from './result-run';
import type { ResultRunFilter } from './result.inputs';
import { RUN_COLUMNS, RUN_FROM, runSnapshot, toRunView, type RunRow } from './run-view';

const ENTITY = 'result_run';

const SORTABLE = {
  id: 'r.id',
  createdAt: 'r.seq',
  status: 'r.status',
  schemeVersion: 'r.scheme_version',
  schemeId: 'r.scheme_id',
};

/** API keys and UNIT users see PUBLISHED runs only (a context without a caller is the server's own work). */
export function publishedOnly(ctx: RequestContext): boolean {
  return !!ctx.principal && !can(ctx, Permission.RESULT_READ_UNPUBLISHED);
}

export const resultService = {
  /** A run visible to the caller (API keys and UNIT users: PUBLISHED only), or null. */
  async find(ctx: RequestContext, id: string): Promise<RunRow | null> {
    if (!isId(id)) return null;
    const em = await ctx.em();
    const [r] = await em.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.tenant_id = $1 AND r.id = $2 AND ($3::boolean = false OR r.status = 'PUBLISHED')`,
      [ctx.tenantId, id, publishedOnly(ctx)],
    );
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
    if (scheme.status === SchemeStatus.CLOSED)
      throw forbidden('The scheme is CLOSED: its results cannot be recomputed');
    if (scheme.status !== SchemeStatus.PUBLISHED)
      throw conflict(`Results are computed for a PUBLISHED scheme only; this one is ${scheme.status}`);
    const em = await ctx.em();
    const out = await computeRunWith(em, ctx.tenantId, scheme, callerId(ctx));
    if (out.created) {
      await auditService.record(ctx, {
        entity: ENTITY,
        entityId: out.run.id,
        action: 'COMPUTE',
        before: null,
        after: { ...runSnapshot(out.run), subjects: out.subjects, missingInputs: out.run.missing_inputs },
      });
      await runStepNotice(ctx, scheme, { id: out.run.id, status: ResultStatus.DRAFT });
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
    const rows = await (
      await ctx.em()
    ).query<RunRow[]>(
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
  async resultsPage(
    ctx: RequestContext,
    schemeId: string,
    opts: ResultsQuery,
  ): Promise<{ runId: string | null; subjects: SubjectResult[] }> {
    const scope = {
      tenantId: ctx.tenantId,
      publishedOnly: publishedOnly(ctx),
      callerUnit: await callerUnit(ctx),
      apiKey: ctx.principal?.kind === 'apiKey',
    };
    return readResults(await ctx.em(), scope, schemeId, opts);
  },

  /** Published-only readers (API keys, UNIT users) are answered from the per-process cache of published runs (result-cache.ts). */
  async results(ctx: RequestContext, schemeId: string, opts: ResultsQuery): Promise<SubjectResult[]> {
    if (publishedOnly(ctx)) {
      const scope = {
        tenantId: ctx.tenantId,
        publishedOnly: true,
        callerUnit: await callerUnit(ctx),
        apiKey: ctx.principal?.kind === 'apiKey',
      };
      const { runId, subjects } = await readPublishedResults(() => ctx.em(), scope, schemeId, opts);
      notePublishedRead(ctx, { schemeId, runId: opts.runId ?? null, read: runId });
      return subjects;
    }
    return (await this.resultsPage(ctx, schemeId, opts)).subjects;
  },

  /** Subjects whose final, rank or grade differ between two runs (of the same tenant), in runB's order, then runA-only ones. */
  async compare(ctx: RequestContext, runA: string, runB: string): Promise<RunDiff[]> {
    const a = await this.findOrFail(ctx, runA);
    const b = await this.findOrFail(ctx, runB);
    const rows = await (
      await ctx.em()
    ).query(
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
