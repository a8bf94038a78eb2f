import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { looksLikeApiKey, parseApiKey, secretMatches } from '../api-key/api-key-token';
import type { RateLimiter } from '../api-key/rate-limit';
import { touchApiKey } from '../api-key/last-used';
import { lookupApiKey } from '../api-key/key-cache';
import { InvalidTokenError, verifyToken } from '../auth/jwt';
import type { Config } from '../config/config';
import { isId } from '../common/ids';
import { forbidden, notFound, rateLimited, unauthenticated } from '../common/errors';
import type { Role } from '../user/role';
import type { Principal, TenantScope } from './principal';
import { langOf } from '../common/lang';
import { RequestContext } from './request-context';
import { withTenantTransaction } from './tenant-transaction';

export interface ContextDeps {
  dataSource: DataSource;
  config: Config;
  log: Logger;
  rateLimiter: RateLimiter;
}

const INVALID = 'Invalid or expired credentials';

/**
 * The one place that decides who the caller is and which tenant the request acts in:
 * a user's token → its tenant; an API key → its tenant; a platform administrator → the tenant
 * named by `X-Tenant` (or none). `X-Tenant` from anyone else is refused.
 */
export async function buildContext(deps: ContextDeps, req: Request, res: Response): Promise<RequestContext> {
  const { dataSource, config, log } = deps;
  const auth = req.headers.authorization;
  const xTenant = (req.headers['x-tenant'] as string | undefined)?.trim();
  let principal: Principal | null = null;
  let tenant: TenantScope | null = null;
  let userCheck: { id: string } | null = null;

  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw unauthenticated(INVALID);
    const token = m[1];
    if (looksLikeApiKey(token)) {
      const parsed = parseApiKey(token);
      if (!parsed) throw unauthenticated(INVALID);
      const k = await lookupApiKey(dataSource, parsed.lookupId);
      if (
        !k ||
        !secretMatches(parsed.secret, k.secret_hash) ||
        k.revoked_at ||
        (k.expires_at && k.expires_at.getTime() <= Date.now())
      ) {
        throw unauthenticated(INVALID);
      }
      const rl = await deps.rateLimiter.take(k.id);
      res.setHeader('x-ratelimit-limit', String(rl.limit));
      res.setHeader('x-ratelimit-remaining', String(rl.remaining));
      res.setHeader('x-ratelimit-reset', String(rl.reset));
      if (!rl.allowed) {
        res.setHeader('retry-after', String(rl.retryAfter));
        throw rateLimited(rl.retryAfter);
      }
      principal = { kind: 'apiKey', id: k.id, tenantId: k.tenant_id, scopes: k.scopes };
      tenant = k.tenant;
      touchApiKey(dataSource, log, k.tenant_id, k.id);
    } else {
      let claims;
      try {
        claims = await verifyToken(token, {
          secret: config.jwtSecret,
          issuer: config.jwtIssuer,
          audience: config.jwtAudience,
        });
      } catch (e) {
        if (e instanceof InvalidTokenError) throw unauthenticated(INVALID);
        throw e;
      }
      // a validly signed token whose ids are not ids (an old or foreign format) must not reach a uuid cast
      if (!isId(claims.sub) || (claims.tid !== undefined && !isId(claims.tid))) throw unauthenticated(INVALID);
      if (claims.kind === 'platform') {
        const rows: { id: string; email: string; disabled: boolean }[] = await dataSource.query(
          `SELECT id, email, disabled FROM platform_admins WHERE id = $1`,
          [claims.sub],
        );
        if (!rows[0] || rows[0].disabled) throw unauthenticated(INVALID);
        principal = { kind: 'platform', id: rows[0].id, email: rows[0].email };
      } else {
        tenant = await loadTenant(dataSource, { id: claims.tid! });
        if (!tenant) throw unauthenticated(INVALID);
        userCheck = { id: claims.sub };
      }
    }
  }

  if (xTenant !== undefined && xTenant !== '') {
    if (principal?.kind !== 'platform') throw forbidden('X-Tenant is only for platform administrators');
    tenant = await loadTenant(dataSource, { code: xTenant });
    if (!tenant) throw notFound('Tenant');
  }

  if (userCheck) {
    // Scoped to the token's tenant: the user must still exist and be enabled; its role is read fresh.
    const rows: { id: string; email: string; role: Role; disabled: boolean }[] = await withTenantTransaction(
      dataSource,
      tenant!.id,
      (em) =>
        em.query(`SELECT id, email, role, disabled FROM users WHERE tenant_id = $1 AND id = $2`, [
          tenant!.id,
          userCheck.id,
        ]),
    );
    if (!rows[0] || rows[0].disabled) throw unauthenticated(INVALID);
    principal = { kind: 'user', id: rows[0].id, tenantId: tenant!.id, role: rows[0].role, email: rows[0].email };
  }

  const ctx = new RequestContext(dataSource, config, log, principal, tenant);
  ctx.lang = langOf(req.headers['accept-language']);
  // Safety net: a transaction still open when the response closes is rolled back.
  res.on(
    'close',
    () => void ctx.finish(false).catch((err) => log.error({ err }, 'closing request transaction failed')),
  );
  ctx.logFields.tenant = tenant?.code;
  ctx.logFields.principal = principal?.kind;
  return ctx;
}

async function loadTenant(ds: DataSource, by: { id: string } | { code: string }): Promise<TenantScope | null> {
  const rows: TenantScope[] =
    'id' in by
      ? await ds.query(`SELECT id, code, name FROM tenants WHERE id = $1 AND NOT disabled`, [by.id])
      : await ds.query(`SELECT id, code, name FROM tenants WHERE code = $1 AND NOT disabled`, [by.code]);
  return rows[0] ?? null;
}
