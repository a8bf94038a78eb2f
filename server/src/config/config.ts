import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything the server reads from the environment, resolved once at start. */
export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  /** External PostgreSQL (owner role: runs migrations). Unset: embedded PostgreSQL in dataDir. */
  databaseUrl?: string;
  /** Optional: how the app connects (login role without BYPASSRLS). Unset: role kaoping_app, password in dataDir. */
  appDatabaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  jwtTtlSeconds: number;
  adminEmail: string;
  adminPassword: string;
  seedDemo: boolean;
  /** Where the built admin console lives; served at /admin when it exists. */
  adminDist: string;
  logLevel: string;
  /** API-key rate limit: bucket size and refill per second. */
  rateLimitBurst: number;
  rateLimitPerSecond: number;
  dbPoolMax: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export class ConfigError extends Error {}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

/** Reads a secret kept in DATA_DIR, creating it once (mode 0600). */
export function persistentSecret(dataDir: string, name: string, bytes = 32): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Builds the config from the environment, then applies overrides (tests pass these). */
export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = overrides.nodeEnv ?? env.NODE_ENV ?? 'development';
  const production = overrides.production ?? nodeEnv === 'production';
  const dataDir = path.resolve(overrides.dataDir ?? env.DATA_DIR ?? './.data');
  const warnings: string[] = [];

  let jwtSecret = overrides.jwtSecret ?? env.JWT_SECRET;
  if (!jwtSecret) {
    if (production) throw new ConfigError('JWT_SECRET is required in production');
    jwtSecret = persistentSecret(dataDir, 'jwt-secret');
  }
  if (production && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters in production');

  let adminEmail = overrides.adminEmail ?? env.ADMIN_EMAIL;
  let adminPassword = overrides.adminPassword ?? env.ADMIN_PASSWORD;
  if (!adminEmail || !adminPassword) {
    if (production) throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD are required in production');
    adminEmail = adminEmail ?? 'admin@example.com';
    adminPassword = adminPassword ?? 'admin';
    warnings.push(`Using development platform administrator ${adminEmail} / (default password); set ADMIN_EMAIL and ADMIN_PASSWORD`);
  }

  const cfg: Config = {
    nodeEnv,
    production,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.APP_DATABASE_URL || undefined,
    dataDir,
    jwtSecret,
    jwtIssuer: 'kaoping',
    jwtAudience: 'kaoping-api',
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 8 * 3600),
    adminEmail,
    adminPassword,
    seedDemo: bool(env.SEED_DEMO, !production),
    adminDist: path.resolve(__dirname, '../../../admin/dist'),
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'info'),
    rateLimitBurst: Number(env.API_KEY_RATE_LIMIT ?? 60),
    rateLimitPerSecond: Number(env.API_KEY_RATE_PER_SECOND ?? 1),
    dbPoolMax: Number(env.DB_POOL_MAX ?? 10),
    statementTimeoutMs: Number(env.DB_STATEMENT_TIMEOUT_MS ?? 30000),
    idleInTransactionTimeoutMs: Number(env.DB_IDLE_IN_TX_TIMEOUT_MS ?? 60000),
    ...overrides,
  } as Config;
  // overrides may have cleared these; keep the resolved values
  cfg.jwtSecret = jwtSecret;
  cfg.adminEmail = adminEmail;
  cfg.adminPassword = adminPassword;
  cfg.dataDir = dataDir;
  cfg.production = production;
  cfg.nodeEnv = nodeEnv;
  (cfg as Config & { warnings?: string[] }).warnings = warnings;
  return cfg;
}

export function configWarnings(cfg: Config): string[] {
  return (cfg as Config & { warnings?: string[] }).warnings ?? [];
}
