import { validateDatasetFor, type Problem } from '@kaoping/shared';
import { can, Permission } from '../auth/permissions';
import { auditService } from '../audit/audit.service';
import { badInput, conflict, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { claimNotice } from '../notification/events';
import { schemeService } from '../scheme/scheme.service';
import { assertOwnUnit, callerId, callerUnit } from '../common/caller';
import { definitionOf, writableScheme } from '../subject/data-guard';
import { subjectService } from '../subject/subject.service';
import { Adjustment, AdjustmentStatus, type RuleKind } from './adjustment.entity';
import type { AdjustmentFilter, ClaimAdjustmentArgs } from './adjustment.inputs';

const SORTABLE = {
  id: 'a.id',
  subject: 's.code',
  subjectName: 's.name',
  group: 's.group_code',
  rule: 'a.rule_code',
  status: 'a.status',
  createdAt: 'a.seq',
  position: 's.position',
  decidedAt: 'a.decided_at',
};
/** The rule's entry in the scheme definition (rules are few: a scan of the jsonb array per row is cheap). */
const RULE = (field: 'name' | 'kind') =>
  `(SELECT x->>'${field}' FROM jsonb_array_elements(sc.definition->'rules') x WHERE x->>'code' = a.rule_code LIMIT 1)`;
const NIL = '00000000-0000-0000-0000-000000000000';
const ENTITY = 'adjustment';

/** A row of `query()`: the adjustment's columns (snake_case, as selected by `a.*`) and the joined names. */
interface AdjustmentRow {
  id: string;
  scheme_id: string;
  code: string;
  subject_name: string;
  group_code: string;
  rule_code: string;
  rule_name: string | null;
  rule_kind: RuleKind | null;
  count: number;
  /** numeric: the driver answers a string */
  points: string | number | null;
  note: string | null;
  status: AdjustmentStatus;
  reason: string | null;
  claimed_by: string | null;
  claimed_by_name: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  created_at: Date;
  version: number;
}

function toView(r: AdjustmentRow): Adjustment {
  return {
    id: r.id,
    schemeId: r.scheme_id,
    subject: r.code,
    subjectName: r.subject_name,
    group: r.group_code,
    rule: r.rule_code,
    ruleName: r.rule_name ?? null,
    kind: r.rule_kind ?? null,
    count: r.count,
    points: r.points === null || r.points === undefined ? null : Number(r.points),
    note: r.note,
    status: r.status,
    reason: r.reason,
    claimedBy: r.claimed_by,
    claimedByName: r.claimed_by_name ?? null,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name ?? null,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** What the audit log keeps: the adjustment's own columns (not the joined names). */
function snapshot(v: Adjustment) {
  const {
    id: _id,
    createdAt: _c,
    subjectName: _n,
    group: _g,
    ruleName: _r,
    kind: _k,
    claimedByName: _cb,
    decidedByName: _db,
    ...rest
  } = v;
  return rest;
}

export const adjustmentService = {
  async query(ctx: RequestContext, filter: AdjustmentFilter) {
    const qb = (await ctx.em())
      .createQueryBuilder()
      .from('adjustments', 'a')
      .innerJoin('subjects', 's', 's.tenant_id = a.tenant_id AND s.id = a.subject_id')
      .innerJoin('schemes', 'sc', 'sc.tenant_id = a.tenant_id AND sc.id = a.scheme_id')
      .leftJoin('users', 'uc', 'uc.tenant_id = a.tenant_id AND uc.id = a.claimed_by')
      .leftJoin('users', 'ud', 'ud.tenant_id = a.tenant_id AND ud.id = a.decided_by')
      .where('a.tenant_id = :tid', { tid: ctx.tenantId });
    if (filter.schemeId !== undefined && filter.schemeId !== null)
      qb.andWhere('a.scheme_id = :sid', { sid: isId(filter.schemeId) ? filter.schemeId : NIL });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.subject) qb.andWhere('s.code = :subject', { subject: filter.subject });
    if (filter.group) qb.andWhere('s.group_code = :group', { group: filter.group });
    if (filter.kind) qb.andWhere(`${RULE('kind')} = :kind`, { kind: filter.kind });
    if (filter.ids) qb.andWhere('a.id IN (:...ids)', { ids: filter.ids.filter(isId).concat([NIL]) });
    const unit = await callerUnit(ctx);
    if (unit !== null) qb.andWhere('(s.code = :unit OR s.unit_code = :unit)', { unit: unit || NIL });
    return qb.select([
      'a.*',
      's.code AS code',
      's.name AS subject_name',
      's.group_code AS group_code',
      `${RULE('name')} AS rule_name`,
      `${RULE('kind')} AS rule_kind`,
      'uc.name AS claimed_by_name',
      'ud.name AS decided_by_name',
    ]);
  },

  async find(ctx: RequestContext, id: string): Promise<Adjustment | null> {
    if (!isId(id)) return null;
    const [r] = await (await this.query(ctx, { ids: [id] })).getRawMany<AdjustmentRow>();
    return r ? toView(r) : null;
  },

  async get(ctx: RequestContext, id: string): Promise<Adjustment> {
    const a = await this.find(ctx, id);
    if (!a) throw notFound('Adjustment');
    return a;
  },

  /** `adjustments(schemeId, status)`: entry order. UNIT users see their own unit's only. */
  async all(ctx: RequestContext, schemeId: string, status?: AdjustmentStatus | null): Promise<Adjustment[]> {
    await schemeService.findOrFail(ctx, schemeId);
    const rows = await (
      await this.query(ctx, { schemeId, status: status ?? undefined })
    )
      .orderBy('a.seq', 'ASC')
      .getRawMany<AdjustmentRow>();
    return rows.map(toView);
  },

  async list(ctx: RequestContext, args: ListArgs, filter: AdjustmentFilter = {}): Promise<Adjustment[]> {
    const p = paging(args, SORTABLE, 'createdAt');
    const qb = (await this.query(ctx, filter)).orderBy(p.sortColumn, p.order);
    if (p.sortColumn !== 'a.seq') qb.addOrderBy('a.seq', 'ASC');
    return (await qb.offset(p.skip).limit(p.take).getRawMany<AdjustmentRow>()).map(toView);
  },

  async count(ctx: RequestContext, filter: AdjustmentFilter = {}): Promise<number> {
    const [r] = await (await this.query(ctx, filter)).select('count(*)::int', 'n').getRawMany<{ n: number }>();
    return r.n;
  },

  /**
   * claimAdjustment → CLAIMED. UNIT users for their own unit (or its members); ADMIN/ASSESSOR for
   * any subject. Checked with the engine's dataset validation on a one-adjustment dataset
   * (pointers re-rooted: /rule, /count, /points, /note).
   */
  async claim(ctx: RequestContext, a: ClaimAdjustmentArgs): Promise<Adjustment> {
    const scheme = await writableScheme(ctx, a.schemeId);
    const subject = await subjectService.byCode(ctx, scheme.id, a.subject);
    await assertOwnUnit(ctx, subject);
    const subjects = [
      {
        code: subject.code,
        name: subject.name,
        group: subject.groupCode,
        ...(subject.unitCode ? { unit: subject.unitCode } : {}),
      },
    ];
    if (subject.unitCode) {
      const unit = await subjectService.byCode(ctx, scheme.id, subject.unitCode);
      subjects.unshift({ code: unit.code, name: unit.name, group: unit.groupCode });
    }
    const adj: Record<string, unknown> = { subject: subject.code, rule: a.rule, count: a.count ?? 1 };
    if (a.points !== undefined && a.points !== null) adj.points = a.points;
    if (a.note !== undefined && a.note !== null) adj.note = a.note;
    const problems: Problem[] = validateDatasetFor(definitionOf(scheme), {
      formatVersion: 1,
      subjects,
      inputs: [],
      adjustments: [adj],
    }).map((p) => ({
      ...p,
      path: p.path.startsWith('/adjustments/0') ? p.path.slice('/adjustments/0'.length) || '/' : p.path,
    }));
    if (problems.length) throw badInput(`Invalid adjustment: ${problems.length} problem(s)`, { problems });
    const [row] = await (
      await ctx.em()
    ).query(
      `INSERT INTO adjustments (tenant_id, scheme_id, subject_id, rule_code, count, points, note, status, claimed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'CLAIMED', $8) RETURNING id`,
      [ctx.tenantId, scheme.id, subject.id, a.rule, a.count ?? 1, adj.points ?? null, adj.note ?? null, callerId(ctx)],
    );
    const after = await this.get(ctx, row.id);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: after.id,
      action: 'CLAIM',
      before: null,
      after: snapshot(after),
    });
    // claims from outside the assessment team wait for it; its own are verified by itself
    if (!can(ctx, Permission.ADJUSTMENT_VERIFY)) await claimNotice(ctx, scheme, after);
    return after;
  },

  /**
   * CLAIMED → VERIFIED | REJECTED with optimistic locking: `UPDATE … WHERE id AND version AND
   * status = 'CLAIMED'` must touch one row, else CONFLICT (stale version or already decided).
   */
  async decide(
    ctx: RequestContext,
    id: string,
    version: number,
    status: AdjustmentStatus,
    reason: string | null,
  ): Promise<Adjustment> {
    const before = await this.get(ctx, id);
    await writableScheme(ctx, before.schemeId);
    if (before.status !== AdjustmentStatus.CLAIMED) throw conflict(`The adjustment is already ${before.status}`);
    const r = await (
      await ctx.em()
    ).query(
      `UPDATE adjustments SET status = $4, reason = $5, decided_by = $6, decided_at = now(), version = version + 1
        WHERE tenant_id = $1 AND id = $2 AND version = $3 AND status = 'CLAIMED' RETURNING id`,
      [ctx.tenantId, before.id, version, status, reason, callerId(ctx)],
    );
    // TypeORM answers [rows, affected] for an UPDATE
    if (r[1] !== 1) throw conflict('The adjustment was changed meanwhile (stale version); reload and retry');
    const after = await this.get(ctx, before.id);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: before.id,
      action: status === AdjustmentStatus.VERIFIED ? 'VERIFY' : 'REJECT',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  },
};
