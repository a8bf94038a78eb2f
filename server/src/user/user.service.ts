import { auditService } from '../audit/audit.service';
import { badInput, conflict, forbidden, isUniqueViolation, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { hashPassword } from '../auth/passwords';
import { PlatformAdminEntity } from '../auth/platform-admin.entity';
import { departmentService } from '../department/department.service';
import { escapeLike } from '../common/sql';
import { Role } from './role';
import { User, UserEntity } from './user.entity';
import type { CreateUserInput, UpdateUserArgs, UserFilter } from './user.inputs';

const SORTABLE = {
  id: 'u.id',
  email: 'u.email',
  name: 'u.name',
  role: 'u.role',
  unit: 'u.unit',
  createdAt: 'u.created_at',
};

export function toUserView(ctx: RequestContext, u: UserEntity): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    unit: u.unit,
    departmentId: u.departmentId,
    disabled: u.disabled,
    createdAt: u.createdAt,
    tenant: ctx.tenant && ctx.tenant.id === u.tenantId ? { ...ctx.tenant } : null,
  };
}

const ENTITY = 'user';

function checkRole(role: Role, unit: string | null | undefined) {
  if (role === Role.PLATFORM_ADMIN) throw badInput('PLATFORM_ADMIN is not a tenant role');
  if (unit && role !== Role.UNIT) throw badInput('unit applies to role UNIT only');
}

/** A UNIT user's unit must be a unit subject of one of the tenant's schemes. */
async function checkUnit(ctx: RequestContext, unit: string | null | undefined): Promise<void> {
  if (!unit) return;
  const [found] = await (
    await ctx.em()
  ).query(`SELECT 1 FROM subjects WHERE tenant_id = $1 AND code = $2 AND kind = 'UNIT' LIMIT 1`, [ctx.tenantId, unit]);
  if (!found)
    throw badInput(`No unit with code "${unit}" exists in this tenant`, {
      problems: [{ path: '/unit', message: 'unknown unit' }],
    });
}

/** A MONITOR user's department must be one of the tenant's (another tenant's id answers like a missing one). */
async function checkDepartment(
  ctx: RequestContext,
  role: Role,
  departmentId: string | null | undefined,
): Promise<void> {
  if (!departmentId) return;
  if (role !== Role.MONITOR)
    throw badInput('departmentId applies to role MONITOR only', {
      problems: [{ path: '/departmentId', message: 'MONITOR users only' }],
    });
  if (!(await departmentService.find(ctx, departmentId)))
    throw badInput('No such department in this tenant', {
      problems: [{ path: '/departmentId', message: 'unknown department' }],
    });
}

/** What the audit log keeps of a user: never the password hash. */
function snapshot(u: UserEntity) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    unit: u.unit,
    departmentId: u.departmentId,
    disabled: u.disabled,
  };
}

export const userService = {
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    checkRole(input.role, input.unit);
    await checkUnit(ctx, input.unit);
    await checkDepartment(ctx, input.role, input.departmentId);
    const repo = await ctx.repo(UserEntity);
    const email = input.email.trim().toLowerCase();
    if (await repo.exists({ where: { tenantId: ctx.tenantId, email } }))
      throw conflict('A user with this email exists');
    const entity = repo.create({
      tenantId: ctx.tenantId,
      email,
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      role: input.role,
      unit: input.unit ?? null,
      departmentId: input.departmentId || null,
    });
    try {
      await repo.insert(entity);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('A user with this email exists');
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
    return toUserView(ctx, saved);
  },

  async query(ctx: RequestContext, filter?: UserFilter) {
    const qb = (await ctx.repo(UserEntity)).createQueryBuilder('u').where('u.tenant_id = :tid', { tid: ctx.tenantId });
    if (filter?.q) qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter?.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter?.unit) qb.andWhere('u.unit = :unit', { unit: filter.unit });
    if (filter?.disabled !== undefined && filter?.disabled !== null)
      qb.andWhere('u.disabled = :d', { d: filter.disabled });
    if (filter?.ids)
      qb.andWhere('u.id IN (:...ids)', {
        ids: filter.ids.filter(isId).concat(['00000000-0000-0000-0000-000000000000']),
      });
    return qb;
  },

  async list(ctx: RequestContext, args: ListArgs, filter?: UserFilter): Promise<User[]> {
    const p = paging(args, SORTABLE, 'email');
    const rows = await (
      await this.query(ctx, filter)
    )
      .orderBy(p.sortColumn, p.order)
      .addOrderBy('u.id')
      .skip(p.skip)
      .take(p.take)
      .getMany();
    return rows.map((u) => toUserView(ctx, u));
  },

  async count(ctx: RequestContext, filter?: UserFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  },

  async find(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    if (!isId(id)) return null;
    return (await ctx.repo(UserEntity)).findOne({ where: { tenantId: ctx.tenantId, id } });
  },

  async get(ctx: RequestContext, id: string): Promise<User | null> {
    const u = await this.find(ctx, id);
    return u ? toUserView(ctx, u) : null;
  },

  async update(ctx: RequestContext, a: UpdateUserArgs): Promise<User> {
    const u = await this.find(ctx, a.id);
    if (!u) throw notFound('User');
    const role = a.role ?? u.role;
    const unit = a.unit === undefined ? u.unit : a.unit || null;
    checkRole(role, role === Role.UNIT ? unit : a.unit === undefined ? null : unit);
    if (ctx.principal?.kind === 'user' && ctx.principal.id === u.id && (a.disabled || (a.role && a.role !== u.role))) {
      throw forbidden('You cannot disable yourself or change your own role');
    }
    if (role === Role.UNIT && unit !== u.unit) await checkUnit(ctx, unit);
    // a user who stops being MONITOR leaves its department
    const departmentId =
      role !== Role.MONITOR ? null : a.departmentId === undefined ? u.departmentId : a.departmentId || null;
    if (a.departmentId) await checkDepartment(ctx, role, a.departmentId);
    const before = snapshot(u);
    if (a.name) u.name = a.name.trim();
    u.role = role;
    u.unit = role === Role.UNIT ? unit : null;
    u.departmentId = departmentId;
    if (a.disabled !== undefined && a.disabled !== null) u.disabled = a.disabled;
    if (a.password) u.passwordHash = await hashPassword(a.password);
    u.updatedAt = new Date();
    const repo = await ctx.repo(UserEntity);
    const r = await repo.update(
      { tenantId: ctx.tenantId, id: u.id },
      {
        name: u.name,
        role: u.role,
        unit: u.unit,
        departmentId: u.departmentId,
        disabled: u.disabled,
        passwordHash: u.passwordHash,
        updatedAt: u.updatedAt,
      },
    );
    if (r.affected !== 1) throw notFound('User');
    await this.audit(ctx, u.id, before, snapshot(u), Boolean(a.password));
    return toUserView(ctx, u);
  },

  /** One record per kind of change: UPDATE (name, role, unit, department), DISABLE or ENABLE, PASSWORD (that it changed, nothing more). */
  async audit(
    ctx: RequestContext,
    id: string,
    before: ReturnType<typeof snapshot>,
    after: ReturnType<typeof snapshot>,
    password: boolean,
  ): Promise<void> {
    const { disabled: wasDisabled, ...profileBefore } = before;
    const { disabled: isDisabled, ...profileAfter } = after;
    if (JSON.stringify(profileBefore) !== JSON.stringify(profileAfter))
      await auditService.record(ctx, { entity: ENTITY, entityId: id, action: 'UPDATE', before, after });
    if (wasDisabled !== isDisabled)
      await auditService.record(ctx, {
        entity: ENTITY,
        entityId: id,
        action: isDisabled ? 'DISABLE' : 'ENABLE',
        before,
        after,
      });
    if (password)
      await auditService.record(ctx, {
        entity: ENTITY,
        entityId: id,
        action: 'PASSWORD',
        before: null,
        after: { email: after.email, passwordChanged: true },
      });
  },

  /** The caller as a User (null for API keys). */
  async me(ctx: RequestContext): Promise<User | null> {
    const p = ctx.principal;
    if (!p || p.kind === 'apiKey') return null;
    if (p.kind === 'platform') {
      const a = await (await ctx.platformRepo(PlatformAdminEntity)).findOne({ where: { id: p.id } });
      if (!a) return null;
      return {
        id: a.id,
        email: a.email,
        name: a.name,
        role: Role.PLATFORM_ADMIN,
        unit: null,
        departmentId: null,
        disabled: a.disabled,
        createdAt: a.createdAt,
        tenant: null,
      };
    }
    return this.get(ctx, p.id);
  },
};
