import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner, Repository } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Principal, TenantScope } from './principal';
import { setTenant } from './tenant-transaction';

/** Raised when tenant data is asked for where no tenant is in scope (a bug, never a client error). */
export class TenantScopeError extends Error {
  constructor() {
    super('No tenant in scope');
  }
}

/**
 * One per request (and one for system work). Immutable identity: principal + tenant.
 * Owns the request's single transaction, opened lazily on first use, whose first statement sets
 * `app.tenant_id`. Services get their EntityManager and repositories only from here.
 */
export class RequestContext {
  /** Fields for the request log line (operation name etc.); never secrets. */
  readonly logFields: Record<string, unknown> = {};
  /** The caller's language for explanations and receipts (Accept-Language; set by buildContext). */
  lang: 'zh' | 'en' = 'zh';
  /**
   * The bytes a kept published answer is sent from (result/published-responses.ts); an object of
   * its own so that Apollo's per-operation copy of the context shares it with the HTTP layer's.
   */
  readonly sending: { kept?: Buffer } = {};
  private runner?: Promise<QueryRunner>;
  private finished = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly config: Config,
    readonly log: Logger,
    readonly principal: Principal | null,
    readonly tenant: TenantScope | null,
  ) {}

  /** The tenant id; throws when none is in scope (fail closed). */
  get tenantId(): string {
    if (!this.tenant) throw new TenantScopeError();
    return this.tenant.id;
  }

  get hasTenant(): boolean {
    return this.tenant !== null;
  }

  /** The request transaction's manager. Tenant tables answer only for this request's tenant (none: no rows). */
  async em(): Promise<EntityManager> {
    return (await this.queryRunner()).manager;
  }

  /** A repository of a tenant-owned entity, bound to the request transaction. Throws without a tenant. */
  async repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Promise<Repository<T>> {
    void this.tenantId;
    return (await this.em()).getRepository(entity);
  }

  /** Repository of a platform-level table (tenants, platform_admins). */
  async platformRepo<T extends ObjectLiteral>(entity: EntityTarget<T>): Promise<Repository<T>> {
    return (await this.em()).getRepository(entity);
  }

  /**
   * Runs `fn` with the transaction temporarily scoped to another tenant, e.g. to create a new
   * tenant's first administrator. Only platform-level callers use this.
   */
  async asTenant<T>(tenantId: string, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = await this.queryRunner();
    await setTenant(runner, tenantId);
    try {
      return await fn(runner.manager);
    } finally {
      if (!runner.isReleased && runner.isTransactionActive) await setTenant(runner, this.tenant?.id ?? null);
    }
  }

  private queryRunner(): Promise<QueryRunner> {
    if (this.finished) return Promise.reject(new Error('Request transaction already finished'));
    this.runner ??= (async () => {
      const qr = this.dataSource.createQueryRunner();
      serializeQueries(qr);
      await qr.connect();
      try {
        await qr.startTransaction();
        await setTenant(qr, this.tenant?.id ?? null);
      } catch (e) {
        await qr.release();
        throw e;
      }
      return qr;
    })();
    return this.runner;
  }

  /** Commits (ok) or rolls back the transaction, if one was opened. Idempotent. */
  async finish(ok: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (!this.runner) return;
    let qr: QueryRunner;
    try {
      qr = await this.runner;
    } catch {
      return;
    }
    try {
      if (qr.isTransactionActive) {
        if (ok) await qr.commitTransaction();
        else await qr.rollbackTransaction();
      }
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  /** Runs `fn` in a fresh context (its own transaction), committing on success. */
  static async run<T>(
    ds: DataSource,
    config: Config,
    log: Logger,
    principal: Principal | null,
    tenant: TenantScope | null,
    fn: (ctx: RequestContext) => Promise<T>,
  ): Promise<T> {
    const ctx = new RequestContext(ds, config, log, principal, tenant);
    try {
      const r = await fn(ctx);
      await ctx.finish(true);
      return r;
    } catch (e) {
      await ctx.finish(false).catch(() => undefined);
      throw e;
    }
  }
}

/**
 * GraphQL resolves a query's root fields in parallel, and they share the request's single
 * connection; pg queues concurrent queries on one client but deprecates doing so. Chain them.
 */
function serializeQueries(qr: QueryRunner): void {
  const original = qr.query.bind(qr) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  (qr as { query: unknown }).query = (...args: unknown[]) => {
    const run = tail.then(() => original(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}
