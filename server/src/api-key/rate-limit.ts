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

  constructor(dataSource: DataSource, private readonly burst: number, perSecond: number) {
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
  async take(key: string): Promise<RateDecision> {
    let res: RateLimiterRes;
    let allowed = true;
    try {
      res = await this.limiter.consume(key, 1);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      res = e;
      allowed = false;
    }
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return { allowed, limit: this.burst, remaining: res.remainingPoints, reset: seconds, retryAfter: allowed ? 0 : seconds };
  }
}
