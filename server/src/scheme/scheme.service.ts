import { problem, validateScheme } from '@kaoping/shared';
import { auditService } from '../audit/audit.service';
import type { AuditEntry } from '../audit/audit.entity';
import { badInput, conflict, forbidden, isUniqueViolation, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { departmentService } from '../department/department.service';
import { ownerPaths } from '../department/ownership';
import { escapeLike } from '../common/sql';
import { Scheme, SchemeEntity, SchemeStatus } from './scheme.entity';
import { copyYear } from './clone-data';
import type { CloneSchemeArgs, SchemeFilter } from './scheme.inputs';
import { schemeEventData } from '../webhook/webhook-events';
import { webhookService } from '../webhook/webhook.service';
import { WebhookEvent } from '../webhook/webhook.types';

const SORTABLE = {
  id: 's.id',
  code: 's.code',
  name: 's.name',
  year: 's.year',
  status: 's.status',
  version: 's.version',
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
};
const ENTITY = 'scheme';
const DUPLICATE = (code: string) => `A scheme with code "${code}" already exists in this tenant`;

type Definition = Record<string, unknown>;

export function toSchemeView(s: SchemeEntity): Scheme {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    year: s.year,
    status: s.status,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    publishedAt: s.publishedAt,
    closedAt: s.closedAt,
  };
}

/** What the audit log keeps of a scheme. */
function snapshot(s: SchemeEntity) {
  return { code: s.code, name: s.name, year: s.year, status: s.status, version: s.version, definition: s.definition };
}

/** API keys read published and closed schemes only; everybody else reads all of the tenant's. */
function visibleStatuses(ctx: RequestContext): SchemeStatus[] | null {
  return ctx.principal?.kind === 'apiKey' ? [SchemeStatus.PUBLISHED, SchemeStatus.CLOSED] : null;
}

/** Validates a definition with the engine's own checks; BAD_USER_INPUT with every problem otherwise. */
export function checkDefinition(definition: unknown): Definition {
  const problems = validateScheme(definition);
  if (problems.length) {
    throw badInput(`Invalid scheme definition: ${problems.length} problem(s)`, {
      problems: problems.map((p) => ({ path: p.path, code: p.code, params: p.params, message: p.message })),
    });
  }
  return definition as Definition;
}

/** Every owner an indicator names must be a department of the tenant: BAD_USER_INPUT (OWNER_UNKNOWN at its path) otherwise. */
async function checkOwners(ctx: RequestContext, definition: Definition): Promise<Definition> {
  const named = ownerPaths(definition as never);
  if (!named.length) return definition;
  const known = await departmentService.codes(ctx);
  const problems = named
    .filter((o) => !known.has(o.code))
    .map((o) => problem(o.path, 'OWNER_UNKNOWN', { code: o.code }));
  if (problems.length) {
    throw badInput(`Invalid scheme definition: ${problems.length} owner(s) not a department of this tenant`, {
      problems: problems.map((p) => ({ path: p.path, code: p.code, params: p.params, message: p.message })),
    });
  }
  return definition;
}

/** Maps the database's refusals: unique code → CONFLICT, frozen scheme (trigger) → FORBIDDEN. */
function dbError(e: unknown, code: string): never {
  if (isUniqueViolation(e)) throw conflict(DUPLICATE(code));
  const d = e as { driverError?: { code?: string }; code?: string };
  if ((d.driverError?.code ?? d.code) === '23001') throw forbidden('A published or closed scheme cannot change');
  throw e;
}

export const schemeService = {
  async find(ctx: RequestContext, id: string): Promise<SchemeEntity | null> {
    if (!isId(id)) return null;
    const s = await (await ctx.repo(SchemeEntity)).findOne({ where: { tenantId: ctx.tenantId, id } });
    const statuses = visibleStatuses(ctx);
    if (s && statuses && !statuses.includes(s.status)) return null;
    return s;
  },

  async findOrFail(ctx: RequestContext, id: string): Promise<SchemeEntity> {
    const s = await this.find(ctx, id);
    if (!s) throw notFound('Scheme');
    return s;
  },

  async get(ctx: RequestContext, id: string): Promise<Scheme | null> {
    const s = await this.find(ctx, id);
    return s ? toSchemeView(s) : null;
  },

  /** The definition as it was given (key order included), parsed back; JS keeps that order. */
  async export(ctx: RequestContext, id: string): Promise<Definition> {
    return this.definitionAsGiven(ctx, await this.findOrFail(ctx, id));
  },

  async definitionAsGiven(ctx: RequestContext, s: SchemeEntity): Promise<Definition> {
    const row = await (
      await ctx.repo(SchemeEntity)
    )
      .createQueryBuilder('s')
      .select('s.definition_text', 'text')
      .where('s.tenant_id = :tid AND s.id = :id', { tid: ctx.tenantId, id: s.id })
      .getRawOne<{ text: string }>();
    if (!row) throw notFound('Scheme');
    return JSON.parse(row.text) as Definition;
  },

  async query(ctx: RequestContext, filter?: SchemeFilter) {
    const qb = (await ctx.repo(SchemeEntity))
      .createQueryBuilder('s')
      .where('s.tenant_id = :tid', { tid: ctx.tenantId });
    const statuses = visibleStatuses(ctx);
    if (statuses) qb.andWhere('s.status IN (:...visible)', { visible: statuses });
    if (filter?.q) qb.andWhere('(s.code ILIKE :q OR s.name ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter?.year !== undefined && filter?.year !== null) qb.andWhere('s.year = :year', { year: filter.year });
    if (filter?.status) qb.andWhere('s.status = :status', { status: filter.status });
    if (filter?.ids)
      qb.andWhere('s.id IN (:...ids)', {
        ids: filter.ids.filter(isId).concat(['00000000-0000-0000-0000-000000000000']),
      });
    return qb;
  },

  async list(ctx: RequestContext, args: ListArgs, filter?: SchemeFilter): Promise<Scheme[]> {
    const p = paging(args, SORTABLE, 'year');
    const qb = (await this.query(ctx, filter)).orderBy(p.sortColumn, p.order);
    // tie-breakers (a repeated column would replace the requested order)
    if (p.sortColumn !== 's.code') qb.addOrderBy('s.code', 'ASC');
    if (p.sortColumn !== 's.id') qb.addOrderBy('s.id', 'ASC');
    const rows = await qb.skip(p.skip).take(p.take).getMany();
    return rows.map(toSchemeView);
  },

  async count(ctx: RequestContext, filter?: SchemeFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  },

  /** `schemes(year)`: every visible scheme (of that year), newest year first, then by code. */
  async all(ctx: RequestContext, year?: number | null): Promise<Scheme[]> {
    const rows = await (
      await this.query(ctx, year === undefined || year === null ? undefined : { year })
    )
      .orderBy('s.year', 'DESC')
      .addOrderBy('s.code')
      .getMany();
    return rows.map(toSchemeView);
  },

  /** `fill` runs after the INSERT and before the audit record, which gets what it returns. */
  async insert(
    ctx: RequestContext,
    definition: Definition,
    action: string,
    extra: Record<string, unknown> = {},
    fill?: (id: string) => Promise<Record<string, unknown>>,
  ): Promise<Scheme> {
    const repo = await ctx.repo(SchemeEntity);
    const code = definition.code as string;
    if (await repo.exists({ where: { tenantId: ctx.tenantId, code } })) throw conflict(DUPLICATE(code));
    const entity = repo.create({
      tenantId: ctx.tenantId,
      code,
      name: definition.name as string,
      year: definition.year as number,
      status: SchemeStatus.DRAFT,
      version: 1,
      definition,
      definitionText: JSON.stringify(definition),
    });
    try {
      await repo.insert(entity);
    } catch (e) {
      dbError(e, code);
    }
    const saved = await repo.findOneOrFail({ where: { tenantId: ctx.tenantId, id: entity.id } });
    const filled = fill ? await fill(saved.id) : {};
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: saved.id,
      action,
      before: null,
      after: { ...snapshot(saved), ...extra, ...filled },
    });
    return toSchemeView(saved);
  },

  async import(ctx: RequestContext, definition: unknown): Promise<Scheme> {
    return this.insert(ctx, await checkOwners(ctx, checkDefinition(definition)), 'IMPORT');
  },

  async clone(ctx: RequestContext, a: CloneSchemeArgs): Promise<Scheme> {
    const source = await this.findOrFail(ctx, a.id);
    // spread over the definition as given: code, year (and name) are replaced in place, the order kept
    const given = await this.definitionAsGiven(ctx, source);
    const definition = await checkOwners(
      ctx,
      checkDefinition({
        ...given,
        code: a.code,
        year: a.year,
        ...(a.name === undefined || a.name === null ? {} : { name: a.name }),
      }),
    );
    return this.insert(ctx, definition, 'CLONE', { clonedFrom: source.id }, (id) =>
      copyYear(ctx, source.id, id, a.copyTargets ?? false),
    );
  },

  /**
   * One optimistic-locked UPDATE, so two editors never overwrite each other: `WHERE tenant_id AND id AND version = expected`
   * must touch exactly one row, else CONFLICT. Writes the audit record in the same transaction.
   */
  async change(
    ctx: RequestContext,
    before: SchemeEntity,
    expectedVersion: number,
    set: Partial<SchemeEntity>,
    action: string,
    onlyStatus: SchemeStatus,
  ): Promise<Scheme> {
    const repo = await ctx.repo(SchemeEntity);
    let r;
    try {
      r = await repo
        .createQueryBuilder()
        .update(SchemeEntity)
        .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('tenant_id = :tid AND id = :id AND version = :v AND status = :st', {
          tid: ctx.tenantId,
          id: before.id,
          v: expectedVersion,
          st: onlyStatus,
        })
        .execute();
    } catch (e) {
      dbError(e, set.code ?? before.code);
    }
    if (r.affected !== 1) throw conflict('The scheme was changed meanwhile (stale version or state); reload and retry');
    const after = await repo.findOneOrFail({ where: { tenantId: ctx.tenantId, id: before.id } });
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: before.id,
      action,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toSchemeView(after);
  },

  async updateDefinition(ctx: RequestContext, id: string, version: number, definition: unknown): Promise<Scheme> {
    const s = await this.findOrFail(ctx, id);
    if (s.status !== SchemeStatus.DRAFT)
      throw forbidden(`The scheme is ${s.status}; a published or closed scheme cannot change`);
    const def = await checkOwners(ctx, checkDefinition(definition));
    if (version !== s.version)
      throw conflict(`Stale version ${version}: the scheme is at version ${s.version}; reload and retry`);
    const code = def.code as string;
    if (code !== s.code && (await (await ctx.repo(SchemeEntity)).exists({ where: { tenantId: ctx.tenantId, code } })))
      throw conflict(DUPLICATE(code));
    return this.change(
      ctx,
      s,
      version,
      {
        definition: def as never,
        definitionText: JSON.stringify(def),
        code,
        name: def.name as string,
        year: def.year as number,
      },
      'UPDATE_DEFINITION',
      SchemeStatus.DRAFT,
    );
  },

  async publish(ctx: RequestContext, id: string): Promise<Scheme> {
    const s = await this.findOrFail(ctx, id);
    if (s.status !== SchemeStatus.DRAFT)
      throw conflict(`Only a DRAFT scheme can be published; this one is ${s.status}`);
    await checkOwners(ctx, checkDefinition(s.definition));
    const after = await this.change(
      ctx,
      s,
      s.version,
      { status: SchemeStatus.PUBLISHED, publishedAt: () => 'now()' } as never,
      'PUBLISH',
      SchemeStatus.DRAFT,
    );
    await webhookService.emit(ctx, WebhookEvent.SCHEME_PUBLISHED, schemeEventData(after));
    return after;
  },

  async close(ctx: RequestContext, id: string): Promise<Scheme> {
    const s = await this.findOrFail(ctx, id);
    if (s.status !== SchemeStatus.PUBLISHED)
      throw conflict(`Only a PUBLISHED scheme can be closed; this one is ${s.status}`);
    // a year closes on its published result (the database refuses it too)
    const [published] = await (
      await ctx.em()
    ).query(`SELECT 1 FROM result_runs WHERE tenant_id = $1 AND scheme_id = $2 AND status = 'PUBLISHED'`, [
      ctx.tenantId,
      s.id,
    ]);
    if (!published) throw conflict('The scheme has no PUBLISHED result run: publish its results before closing it');
    const after = await this.change(
      ctx,
      s,
      s.version,
      { status: SchemeStatus.CLOSED, closedAt: () => 'now()' } as never,
      'CLOSE',
      SchemeStatus.PUBLISHED,
    );
    await webhookService.emit(ctx, WebhookEvent.SCHEME_CLOSED, schemeEventData(after));
    return after;
  },

  async history(ctx: RequestContext, id: string): Promise<AuditEntry[]> {
    const s = await this.findOrFail(ctx, id);
    return auditService.history(ctx, ENTITY, s.id);
  },
};
