import { auditService } from '../audit/audit.service';
import { forgetApiKey } from '../api-key/key-cache';
import { badInput, conflict, forbidden, isUniqueViolation, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import { escapeLike } from '../common/sql';
import type { RequestContext } from '../context/request-context';
import { hashPassword } from '../auth/passwords';
import { UserEntity } from '../user/user.entity';
import { Role } from '../user/role';
import { Tenant } from './tenant.entity';
import type { CreateTenantInput, TenantFilter } from './tenant.inputs';

const snapshot = (t: Tenant) => ({ code: t.code, name: t.name, disabled: t.disabled });

const SORTABLE = { id: 'tenant.id', code: 'tenant.code', name: 'tenant.name', createdAt: 'tenant.created_at' };

export const tenantService = {
  /** Creates a tenant and its first ADMIN in the request transaction. */
  async create(ctx: RequestContext, input: CreateTenantInput): Promise<Tenant> {
    const repo = await ctx.platformRepo(Tenant);
    if (await repo.exists({ where: { code: input.code } })) throw conflict(`Tenant code ${input.code} is taken`);
    let tenant: Tenant;
    try {
      tenant = await repo.save(repo.create({ code: input.code, name: input.name.trim() }));
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`Tenant code ${input.code} is taken`);
      throw e;
    }
    const passwordHash = await hashPassword(input.adminPassword);
    const email = input.adminEmail.toLowerCase();
    const admin = await ctx.asTenant(tenant.id, async (em) => {
      const repo = em.getRepository(UserEntity);
      const u = repo.create({ tenantId: tenant.id, email, name: email, passwordHash, role: Role.ADMIN });
      await repo.insert(u);
      return u;
    });
    // the new tenant's log starts with its own creation and its first ADMIN (by the platform administrator)
    await auditService.recordIn(ctx, tenant.id, {
      entity: 'tenant',
      entityId: tenant.id,
      action: 'CREATE',
      before: null,
      after: snapshot(tenant),
    });
    await auditService.recordIn(ctx, tenant.id, {
      entity: 'user',
      entityId: admin.id,
      action: 'CREATE',
      before: null,
      after: { email, name: email, role: Role.ADMIN, unit: null, disabled: false },
    });
    ctx.log.info({ tenant: tenant.code }, 'tenant created');
    return tenant;
  },

  async query(ctx: RequestContext, filter?: TenantFilter) {
    const qb = (await ctx.platformRepo(Tenant)).createQueryBuilder('tenant');
    // Platform administrators see every tenant; anyone else only their own.
    if (ctx.principal?.kind !== 'platform') qb.andWhere('tenant.id = :own', { own: ctx.tenantId });
    if (filter?.q) qb.andWhere('(tenant.code ILIKE :q OR tenant.name ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter?.code) qb.andWhere('tenant.code = :code', { code: filter.code });
    if (filter?.disabled !== undefined && filter?.disabled !== null)
      qb.andWhere('tenant.disabled = :d', { d: filter.disabled });
    if (filter?.ids)
      qb.andWhere('tenant.id IN (:...ids)', {
        ids: filter.ids.filter(isId).concat(['00000000-0000-0000-0000-000000000000']),
      });
    return qb;
  },

  async list(ctx: RequestContext, args: ListArgs, filter?: TenantFilter): Promise<Tenant[]> {
    const p = paging(args, SORTABLE, 'code');
    const qb = await this.query(ctx, filter);
    return qb.orderBy(p.sortColumn, p.order).addOrderBy('tenant.id').skip(p.skip).take(p.take).getMany();
  },

  async count(ctx: RequestContext, filter?: TenantFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  },

  async get(ctx: RequestContext, id: string): Promise<Tenant | null> {
    if (!isId(id)) return null;
    if (ctx.principal?.kind !== 'platform' && (!ctx.hasTenant || id !== ctx.tenantId)) return null;
    return (await ctx.platformRepo(Tenant)).findOne({ where: { id } });
  },

  async update(
    ctx: RequestContext,
    id: string,
    patch: { name?: string | null; disabled?: boolean | null },
  ): Promise<Tenant> {
    if (ctx.principal?.kind !== 'platform') throw forbidden();
    const tenant = await this.get(ctx, id);
    if (!tenant) throw notFound('Tenant');
    const before = snapshot(tenant);
    if (patch.name !== undefined && patch.name !== null) {
      if (!patch.name.trim()) throw badInput('name must not be empty');
      tenant.name = patch.name.trim();
    }
    if (patch.disabled !== undefined && patch.disabled !== null) tenant.disabled = patch.disabled;
    tenant.updatedAt = new Date();
    const saved = await (await ctx.platformRepo(Tenant)).save(tenant);
    await auditService.recordIn(ctx, tenant.id, {
      entity: 'tenant',
      entityId: tenant.id,
      action: 'UPDATE',
      before,
      after: snapshot(saved),
    });
    forgetApiKey({ tenantId: tenant.id }); // its keys carry the tenant's name and whether it is disabled
    return saved;
  },
};
