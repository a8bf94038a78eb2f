/**
 * Per-API-key token bucket, in memory (one server process). With several server instances each
 * keeps its own buckets, so the effective limit is multiplied by the instance count; move this to
 * PostgreSQL or Redis when running more than one.
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** seconds until the bucket is full again */
  reset: number;
  retryAfter: number;
}

export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly burst: number, private readonly perSecond: number) {}

  take(key: string, now = Date.now()): RateDecision {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 100_000) this.buckets.clear(); // bound memory
    const remaining = Math.floor(b.tokens);
    return {
      allowed,
      limit: this.burst,
      remaining,
      reset: Math.ceil((this.burst - b.tokens) / this.perSecond),
      retryAfter: allowed ? 0 : Math.ceil((1 - b.tokens) / this.perSecond),
    };
  }
}
