import { problem } from '@kaoping/shared';
import { auditService } from '../audit/audit.service';
import { badInput, conflict, isUniqueViolation, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { schemeService } from '../scheme/scheme.service';
import { escapeLike } from '../common/sql';
import { definitionOf, writableScheme } from './data-guard';
import { Subject, SubjectEntity, SubjectKind } from './subject.entity';
import type { CreateSubjectArgs, SubjectFilter, UpdateSubjectArgs } from './subject.inputs';

const SORTABLE = {
  id: 's.id',
  code: 's.code',
  name: 's.name',
  group: 's.group_code',
  kind: 's.kind',
  unit: 's.unit_code',
  position: 's.position',
};
const ENTITY = 'subject';
const NIL = '00000000-0000-0000-0000-000000000000';

export function toSubjectView(s: SubjectEntity): Subject {
  return {
    id: s.id,
    schemeId: s.schemeId,
    code: s.code,
    name: s.name,
    group: s.groupCode,
    kind: s.kind,
    unit: s.unitCode,
    position: s.position,
    version: s.version,
  };
}

function snapshot(s: SubjectEntity) {
  return {
    schemeId: s.schemeId,
    code: s.code,
    name: s.name,
    group: s.groupCode,
    kind: s.kind,
    unit: s.unitCode,
    position: s.position,
    version: s.version,
  };
}

export const subjectService = {
  async find(ctx: RequestContext, id: string): Promise<SubjectEntity | null> {
    if (!isId(id)) return null;
    return (await ctx.repo(SubjectEntity)).findOne({ where: { tenantId: ctx.tenantId, id } });
  },

  async findOrFail(ctx: RequestContext, id: string): Promise<SubjectEntity> {
    const s = await this.find(ctx, id);
    if (!s) throw notFound('Subject');
    return s;
  },

  /** The subject of a scheme by code; NOT_FOUND when there is none. */
  async byCode(ctx: RequestContext, schemeId: string, code: string): Promise<SubjectEntity> {
    const s = await (await ctx.repo(SubjectEntity)).findOne({ where: { tenantId: ctx.tenantId, schemeId, code } });
    if (!s) throw notFound('Subject');
    return s;
  },

  async get(ctx: RequestContext, id: string): Promise<Subject> {
    return toSubjectView(await this.findOrFail(ctx, id));
  },

  async query(ctx: RequestContext, filter?: SubjectFilter) {
    const qb = (await ctx.repo(SubjectEntity))
      .createQueryBuilder('s')
      .where('s.tenant_id = :tid', { tid: ctx.tenantId });
    if (filter?.schemeId !== undefined && filter.schemeId !== null)
      qb.andWhere('s.scheme_id = :sid', { sid: isId(filter.schemeId) ? filter.schemeId : NIL });
    if (filter?.group) qb.andWhere('s.group_code = :g', { g: filter.group });
    if (filter?.q) qb.andWhere('(s.code ILIKE :q OR s.name ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter?.ids) qb.andWhere('s.id IN (:...ids)', { ids: filter.ids.filter(isId).concat([NIL]) });
    return qb;
  },

  async list(ctx: RequestContext, args: ListArgs, filter?: SubjectFilter): Promise<Subject[]> {
    const p = paging(args, SORTABLE, 'position');
    const qb = (await this.query(ctx, filter)).orderBy(p.sortColumn, p.order);
    if (p.sortColumn !== 's.position') qb.addOrderBy('s.position', 'ASC');
    qb.addOrderBy('s.id', 'ASC');
    return (await qb.skip(p.skip).take(p.take).getMany()).map(toSubjectView);
  },

  async count(ctx: RequestContext, filter?: SubjectFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  },

  /** `subjects(schemeId, group)`: the scheme's subjects in import order (another tenant's scheme: NOT_FOUND). */
  async all(ctx: RequestContext, schemeId: string, group?: string | null): Promise<Subject[]> {
    await schemeService.findOrFail(ctx, schemeId);
    const qb = await this.query(ctx, { schemeId, group: group ?? undefined });
    return (await qb.orderBy('s.position', 'ASC').addOrderBy('s.id', 'ASC').getMany()).map(toSubjectView);
  },

  /** Checks group and unit against the scheme and its subjects; returns the kind. */
  async checkPlacement(
    ctx: RequestContext,
    schemeId: string,
    definition: ReturnType<typeof definitionOf>,
    group: string,
    unit: string | null | undefined,
    selfCode: string,
  ): Promise<{ kind: SubjectKind; unit: string | null }> {
    const g = definition.groups.find((x) => x.code === group);
    if (!g)
      throw badInput(`Unknown group "${group}"`, { problems: [problem('/group', 'GROUP_UNKNOWN', { code: group })] });
    if (g.kind === 'UNIT') {
      if (unit) throw badInput('Only a member names a unit', { problems: [problem('/unit', 'UNIT_NOT_ALLOWED')] });
      return { kind: SubjectKind.UNIT, unit: null };
    }
    if (!unit) throw badInput('A member must name its unit', { problems: [problem('/unit', 'MEMBER_UNIT_MISSING')] });
    const u = await (
      await ctx.repo(SubjectEntity)
    ).findOne({ where: { tenantId: ctx.tenantId, schemeId, code: unit } });
    if (!u || u.kind !== SubjectKind.UNIT || u.code === selfCode) {
      throw badInput(`Unknown unit "${unit}"`, { problems: [problem('/unit', 'MEMBER_UNIT_UNKNOWN', { code: unit })] });
    }
    return { kind: SubjectKind.MEMBER, unit };
  },

  async create(ctx: RequestContext, a: CreateSubjectArgs): Promise<Subject> {
    const scheme = await writableScheme(ctx, a.schemeId);
    const placed = await this.checkPlacement(ctx, scheme.id, definitionOf(scheme), a.group, a.unit, a.code);
    const repo = await ctx.repo(SubjectEntity);
    if (await repo.exists({ where: { tenantId: ctx.tenantId, schemeId: scheme.id, code: a.code } }))
      throw conflict(`A subject with code "${a.code}" already exists in this scheme`);
    const em = await ctx.em();
    let row: { id: string };
    try {
      [row] = await em.query(
        `INSERT INTO subjects (tenant_id, scheme_id, code, name, group_code, kind, unit_code, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(position), 0) + 1 FROM subjects WHERE tenant_id = $1 AND scheme_id = $2))
         RETURNING id`,
        [ctx.tenantId, scheme.id, a.code, a.name, a.group, placed.kind, placed.unit],
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`A subject with code "${a.code}" already exists in this scheme`);
      throw e;
    }
    const saved = await repo.findOneOrFail({ where: { tenantId: ctx.tenantId, id: row.id } });
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: saved.id,
      action: 'CREATE',
      before: null,
      after: snapshot(saved),
    });
    return toSubjectView(saved);
  },

  async update(ctx: RequestContext, a: UpdateSubjectArgs): Promise<Subject> {
    const before = await this.findOrFail(ctx, a.id);
    const scheme = await writableScheme(ctx, before.schemeId);
    const group = a.group ?? before.groupCode;
    const unit = a.unit === undefined ? (a.group && a.group !== before.groupCode ? null : before.unitCode) : a.unit;
    const placed = await this.checkPlacement(ctx, scheme.id, definitionOf(scheme), group, unit, before.code);
    const repo = await ctx.repo(SubjectEntity);
    if (group !== before.groupCode) {
      const [used] = await (
        await ctx.em()
      ).query(
        `SELECT EXISTS (SELECT 1 FROM inputs WHERE tenant_id = $1 AND scheme_id = $3 AND subject_id = $2) OR EXISTS (SELECT 1 FROM adjustments WHERE tenant_id = $1 AND subject_id = $2) AS used`,
        [ctx.tenantId, before.id, before.schemeId],
      );
      if (used.used) throw conflict(`Subject ${before.code} has inputs or adjustments; its group cannot change`);
    }
    if (
      before.kind === SubjectKind.UNIT &&
      placed.kind !== SubjectKind.UNIT &&
      (await repo.exists({ where: { tenantId: ctx.tenantId, schemeId: scheme.id, unitCode: before.code } }))
    ) {
      throw conflict(`Subject ${before.code} has members; it must stay a unit`);
    }
    const r = await repo
      .createQueryBuilder()
      .update(SubjectEntity)
      .set({
        name: a.name ?? before.name,
        groupCode: group,
        kind: placed.kind,
        unitCode: placed.unit,
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where('tenant_id = :tid AND id = :id AND version = :v', { tid: ctx.tenantId, id: before.id, v: a.version })
      .execute();
    if (r.affected !== 1) throw conflict('The subject was changed meanwhile (stale version); reload and retry');
    const after = await repo.findOneOrFail({ where: { tenantId: ctx.tenantId, id: before.id } });
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: before.id,
      action: 'UPDATE',
      before: snapshot(before),
      after: snapshot(after),
    });
    return toSubjectView(after);
  },

  /** Deletes a subject without inputs, adjustments or members (else CONFLICT). */
  async delete(ctx: RequestContext, id: string, version?: number | null): Promise<Subject> {
    const before = await this.findOrFail(ctx, id);
    await writableScheme(ctx, before.schemeId);
    const em = await ctx.em();
    const [used] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM inputs WHERE tenant_id = $1 AND scheme_id = $3 AND subject_id = $2)
           OR EXISTS (SELECT 1 FROM adjustments WHERE tenant_id = $1 AND subject_id = $2)
           OR EXISTS (SELECT 1 FROM subjects WHERE tenant_id = $1 AND scheme_id = $3 AND unit_code = $4) AS used`,
      [ctx.tenantId, before.id, before.schemeId, before.code],
    );
    if (used.used) throw conflict(`Subject ${before.code} has inputs, adjustments or members; it cannot be deleted`);
    const r = await em.query(`DELETE FROM subjects WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING id`, [
      ctx.tenantId,
      before.id,
      version ?? before.version,
    ]);
    // TypeORM answers [rows, affected] for a DELETE
    if (r[1] !== 1) throw conflict('The subject was changed meanwhile (stale version); reload and retry');
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: before.id,
      action: 'DELETE',
      before: snapshot(before),
      after: null,
    });
    return toSubjectView(before);
  },
};
