import { auditService } from '../audit/audit.service';
import { conflict, isUniqueViolation, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { escapeLike } from '../common/sql';
import { Department, DepartmentEntity } from './department.entity';
import type { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentArgs } from './department.inputs';

const SORTABLE = { id: 'd.id', code: 'd.code', name: 'd.name', createdAt: 'd.created_at' };
const ENTITY = 'department';
const NIL = '00000000-0000-0000-0000-000000000000';
const DUPLICATE = (code: string) => `A department with code "${code}" already exists in this tenant`;

export function toDepartmentView(d: DepartmentEntity): Department {
  return { id: d.id, code: d.code, name: d.name, version: d.version, createdAt: d.createdAt };
}

const snapshot = (d: DepartmentEntity) => ({ code: d.code, name: d.name, version: d.version });

/** Codes of the tenant's schemes that name `code` as an indicator owner. */
async function schemesNaming(ctx: RequestContext, code: string): Promise<string[]> {
  const rows: { code: string }[] = await (
    await ctx.em()
  ).query(
    `SELECT code FROM schemes WHERE tenant_id = $1 AND jsonb_path_exists(definition, 'strict $.**.owners[*] ? (@ == $c)', jsonb_build_object('c', $2::text), true) ORDER BY code`,
    [ctx.tenantId, code],
  );
  return rows.map((r) => r.code);
}

export const departmentService = {
  async find(ctx: RequestContext, id: string): Promise<DepartmentEntity | null> {
    if (!isId(id)) return null;
    return (await ctx.repo(DepartmentEntity)).findOne({ where: { tenantId: ctx.tenantId, id } });
  },

  /** Another tenant's id answers exactly like a missing one: NOT_FOUND. */
  async findOrFail(ctx: RequestContext, id: string): Promise<DepartmentEntity> {
    const d = await this.find(ctx, id);
    if (!d) throw notFound('Department');
    return d;
  },

  async get(ctx: RequestContext, id: string): Promise<Department> {
    return toDepartmentView(await this.findOrFail(ctx, id));
  },

  /** Every department of the tenant, by code. */
  async all(ctx: RequestContext): Promise<Department[]> {
    const rows = await (
      await ctx.repo(DepartmentEntity)
    ).find({ where: { tenantId: ctx.tenantId }, order: { code: 'ASC' } });
    return rows.map(toDepartmentView);
  },

  /** The tenant's department codes (what scheme owners are checked against). */
  async codes(ctx: RequestContext): Promise<Set<string>> {
    return new Set((await this.all(ctx)).map((d) => d.code));
  },

  async query(ctx: RequestContext, filter?: DepartmentFilter) {
    const qb = (await ctx.repo(DepartmentEntity))
      .createQueryBuilder('d')
      .where('d.tenant_id = :tid', { tid: ctx.tenantId });
    if (filter?.q) qb.andWhere('(d.code ILIKE :q OR d.name ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter?.ids) qb.andWhere('d.id IN (:...ids)', { ids: filter.ids.filter(isId).concat([NIL]) });
    return qb;
  },

  async list(ctx: RequestContext, args: ListArgs, filter?: DepartmentFilter): Promise<Department[]> {
    const p = paging(args, SORTABLE, 'code');
    const qb = (await this.query(ctx, filter)).orderBy(p.sortColumn, p.order);
    if (p.sortColumn !== 'd.id') qb.addOrderBy('d.id', 'ASC');
    return (await qb.skip(p.skip).take(p.take).getMany()).map(toDepartmentView);
  },

  async count(ctx: RequestContext, filter?: DepartmentFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  },

  async create(ctx: RequestContext, input: CreateDepartmentInput): Promise<Department> {
    const repo = await ctx.repo(DepartmentEntity);
    const code = input.code.trim();
    if (await repo.exists({ where: { tenantId: ctx.tenantId, code } })) throw conflict(DUPLICATE(code));
    const entity = repo.create({ tenantId: ctx.tenantId, code, name: input.name.trim() });
    try {
      await repo.insert(entity);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(DUPLICATE(code));
      throw e;
    }
    const saved = await repo.findOneOrFail({ where: { tenantId: ctx.tenantId, id: entity.id } });
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: saved.id,
      action: 'CREATE',
      before: null,
      after: snapshot(saved),
    });
    return toDepartmentView(saved);
  },

  async update(ctx: RequestContext, a: UpdateDepartmentArgs): Promise<Department> {
    const d = await this.findOrFail(ctx, a.id);
    if (a.version !== undefined && a.version !== null && a.version !== d.version)
      throw conflict(`Stale version ${a.version}: the department is at version ${d.version}; reload and retry`);
    const code = a.code?.trim() || d.code;
    const name = a.name?.trim() || d.name;
    if (code !== d.code) {
      const naming = await schemesNaming(ctx, d.code);
      if (naming.length)
        throw conflict(
          `Scheme(s) ${naming.join(', ')} name department "${d.code}" as an owner; its code cannot change`,
        );
    }
    const repo = await ctx.repo(DepartmentEntity);
    let r;
    try {
      r = await repo
        .createQueryBuilder()
        .update(DepartmentEntity)
        .set({ code, name, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('tenant_id = :tid AND id = :id AND version = :v', { tid: ctx.tenantId, id: d.id, v: d.version })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(DUPLICATE(code));
      throw e;
    }
    if (r.affected !== 1) throw conflict('The department was changed meanwhile; reload and retry');
    const after = await repo.findOneOrFail({ where: { tenantId: ctx.tenantId, id: d.id } });
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: d.id,
      action: 'UPDATE',
      before: snapshot(d),
      after: snapshot(after),
    });
    return toDepartmentView(after);
  },

  /** Only a department no user belongs to and no scheme names as an owner (else CONFLICT). */
  async delete(ctx: RequestContext, id: string, version?: number | null): Promise<Department> {
    const d = await this.findOrFail(ctx, id);
    if (version !== undefined && version !== null && version !== d.version)
      throw conflict(`Stale version ${version}: the department is at version ${d.version}; reload and retry`);
    const em = await ctx.em();
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM users WHERE tenant_id = $1 AND department_id = $2`, [
      ctx.tenantId,
      d.id,
    ]);
    if (n > 0) throw conflict(`Department "${d.code}" still has ${n} user(s); move them to another department first`);
    const naming = await schemesNaming(ctx, d.code);
    if (naming.length)
      throw conflict(`Scheme(s) ${naming.join(', ')} name department "${d.code}" as an owner; remove it there first`);
    try {
      await em.query(`DELETE FROM departments WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, d.id]);
    } catch (e) {
      // a user assigned meanwhile: the foreign key refuses
      if ((e as { code?: string }).code === '23503')
        throw conflict(`Department "${d.code}" still has users; move them to another department first`);
      throw e;
    }
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: d.id,
      action: 'DELETE',
      before: snapshot(d),
      after: null,
    });
    return toDepartmentView(d);
  },
};
