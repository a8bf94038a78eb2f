import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `api_key_rate_limits`: the per-API-key request counters, shared by every server on the database
 * (rate-limiter-flexible's Postgres store, whose column layout this is: it inserts positionally).
 * Created here because the app role may not create tables. Platform-level like `tenants`: a row
 * is keyed by the API key's id and holds only a count and when its window ends, no tenant data.
 */
export class RateLimits1732510000000 implements MigrationInterface {
  name = 'RateLimits1732510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key_rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_key_rate_limits`);
  }
}
