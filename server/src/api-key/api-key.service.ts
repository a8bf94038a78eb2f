import { auditService } from '../audit/audit.service';
import { badInput, forbidden, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { API_SCOPES, can, SCOPE_GRANT, type ApiScope } from '../auth/permissions';
import { escapeLike } from '../common/sql';
import { ApiKey } from './api-key.entity';
import { newApiKey } from './api-key-token';
import { forgetApiKey } from './key-cache';
import { lastUsedSettled } from './last-used';

const ENTITY = 'api_key';

/** What the audit log keeps of a key: its public lookup id, never the secret or its hash. */
function snapshot(k: ApiKey) {
  return { name: k.name, lookupId: k.lookupId, scopes: k.scopes, expiresAt: k.expiresAt, revokedAt: k.revokedAt };
}

const SORTABLE = {
  id: 'k.id',
  name: 'k.name',
  createdAt: 'k.created_at',
  lastUsedAt: 'k.last_used_at',
  expiresAt: 'k.expires_at',
};

export interface ApiKeyFilterLike {
  q?: string;
  ids?: string[];
  revoked?: boolean;
}

/** Scopes the caller holds (and may grant). API keys hold none: keys cannot make keys. */
function grantable(ctx: RequestContext): readonly string[] {
  return API_SCOPES.filter((s) => can(ctx, SCOPE_GRANT[s]));
}

export const apiKeyService = {
  /** Creates a key; the full key is returned only here, only a hash of its secret is stored. */
  async create(
    ctx: RequestContext,
    name: string,
    scopes: string[],
    expiresAt?: Date | null,
  ): Promise<{ key: string; apiKey: ApiKey }> {
    const clean = [...new Set(scopes)];
    if (clean.length === 0) throw badInput('Give at least one scope');
    const unknown = clean.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
    if (unknown.length) throw badInput(`Unknown scope ${unknown.join(', ')}; known: ${API_SCOPES.join(', ')}`);
    const mine = grantable(ctx);
    const lacking = clean.filter((s) => !mine.includes(s));
    if (lacking.length) throw forbidden(`You cannot grant scopes you lack: ${lacking.join(', ')}`);
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw badInput('expiresAt must be in the future');
    const { key, lookupId, secretHash } = newApiKey();
    const repo = await ctx.repo(ApiKey);
    const entity = repo.create({
      tenantId: ctx.tenantId,
      name: name.trim(),
      lookupId,
      secretHash,
      scopes: clean as ApiScope[],
      createdBy: ctx.principal?.kind === 'user' ? ctx.principal.id : null,
      expiresAt: expiresAt ?? null,
    });
    await repo.insert(entity);
    const apiKey = await repo.findOneOrFail({ where: { tenantId: ctx.tenantId, id: entity.id } });
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: apiKey.id,
      action: 'CREATE',
      before: null,
      after: snapshot(apiKey),
    });
    ctx.log.info({ apiKey: apiKey.id, lookupId, scopes: clean }, 'api key created');
    return { key, apiKey };
  },

  async query(ctx: RequestContext, filter?: ApiKeyFilterLike) {
    await lastUsedSettled();
    const qb = (await ctx.repo(ApiKey)).createQueryBuilder('k').where('k.tenant_id = :tid', { tid: ctx.tenantId });
    if (filter?.q) qb.andWhere('k.name ILIKE :q', { q: `%${escapeLike(filter.q)}%` });
    if (filter?.revoked === true) qb.andWhere('k.revoked_at IS NOT NULL');
    if (filter?.revoked === false) qb.andWhere('k.revoked_at IS NULL');
    if (filter?.ids)
      qb.andWhere('k.id IN (:...ids)', {
        ids: filter.ids.filter(isId).concat(['00000000-0000-0000-0000-000000000000']),
      });
    return qb;
  },

  async list(ctx: RequestContext, args: ListArgs, filter?: ApiKeyFilterLike): Promise<ApiKey[]> {
    const p = paging(args, SORTABLE, 'createdAt');
    return (await this.query(ctx, filter))
      .orderBy(p.sortColumn, p.order)
      .addOrderBy('k.id')
      .skip(p.skip)
      .take(p.take)
      .getMany();
  },

  async count(ctx: RequestContext, filter?: ApiKeyFilterLike): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  },

  async get(ctx: RequestContext, id: string): Promise<ApiKey | null> {
    if (!isId(id)) return null;
    await lastUsedSettled();
    return (await ctx.repo(ApiKey)).findOne({ where: { tenantId: ctx.tenantId, id } });
  },

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    const k = await this.get(ctx, id);
    if (!k) throw notFound('ApiKey');
    if (!k.revokedAt) {
      const before = snapshot(k);
      k.revokedAt = new Date();
      await (await ctx.repo(ApiKey)).update({ tenantId: ctx.tenantId, id: k.id }, { revokedAt: k.revokedAt });
      await auditService.record(ctx, { entity: ENTITY, entityId: k.id, action: 'REVOKE', before, after: snapshot(k) });
      forgetApiKey({ id: k.id });
    }
    return k;
  },
};
