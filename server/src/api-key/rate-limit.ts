import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/**
 * Per-API-key rate limit kept in PostgreSQL (rate-limiter-flexible), so every server on the
 * database counts against one limit: `burst` requests per window of `burst / perSecond` seconds
 * (the same average rate as a bucket of `burst` refilled at `perSecond`). The counters live in
 * `api_key_rate_limits`, created by a migration (the app role cannot create tables).
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** seconds until the window starts again */
  reset: number;
  retryAfter: number;
}

export class RateLimiter {
  private readonly limiter: RateLimiterPostgres;
  private readonly costLimiter: RateLimiterPostgres;

  /** `costBudget`: the query cost a key may spend per `costWindowSeconds` (a second counter in the same table). */
  constructor(
    dataSource: DataSource,
    private readonly burst: number,
    perSecond: number,
    private readonly costBudget = 100_000,
    costWindowSeconds = 60,
  ) {
    this.costLimiter = new RateLimiterPostgres({
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: 'api_key_rate_limits',
      tableCreated: true,
      keyPrefix: 'cost',
      points: costBudget,
      duration: costWindowSeconds,
      clearExpiredByTimeout: false,
    });
    this.limiter = new RateLimiterPostgres({
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: 'api_key_rate_limits',
      tableCreated: true,
      points: burst,
      duration: Math.max(1, Math.round(burst / perSecond)),
      clearExpiredByTimeout: true,
    });
  }

  /** Counts one request for `key`. Rejects when the database cannot be reached (the caller answers 503). */
  take(key: string): Promise<RateDecision> {
    return this.consume(this.limiter, this.burst, key, 1);
  }

  /** Spends an operation's cost from `key`'s budget; refused once the window's budget is spent. */
  charge(key: string, cost: number): Promise<RateDecision> {
    return this.consume(this.costLimiter, this.costBudget, key, Math.max(0, Math.ceil(cost)));
  }

  private async consume(
    limiter: RateLimiterPostgres,
    limit: number,
    key: string,
    points: number,
  ): Promise<RateDecision> {
    let res: RateLimiterRes;
    let allowed = true;
    try {
      res = await limiter.consume(key, points);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      res = e;
      allowed = false;
    }
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return { allowed, limit, remaining: res.remainingPoints, reset: seconds, retryAfter: allowed ? 0 : seconds };
  }
}
