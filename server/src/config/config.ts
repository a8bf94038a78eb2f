import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bool, cleanEnv, email, EnvError, makeValidator, str } from 'envalid';

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
  /** API-key query-cost budget per window of `costWindowSeconds`. */
  costBudget: number;
  costWindowSeconds: number;
  dbPoolMax: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /** Webhooks may target private and loopback addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
  /** First retry delay of a failed webhook delivery; each next one is 4 times longer. */
  webhookRetryBaseMs: number;
  /** SMTP server for notification emails (smtp:// or smtps://, credentials in the URL); unset: inbox only. */
  smtpUrl?: string;
  /** The From of notification emails. */
  smtpFrom: string;
  /** graphile-worker crontab of the deadline-reminder sweep. */
  reminderCron: string;
}

export class ConfigError extends Error {}

const positive = makeValidator<number>((v) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new EnvError('must be a positive number');
  return n;
});
const positiveInt = makeValidator<number>((v) => {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n <= 0) throw new EnvError('must be a positive whole number');
  return n;
});
/** 0 asks for a free port */
const tcpPort = makeValidator<number>((v) => {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n > 65535) throw new EnvError('must be a port number (0-65535)');
  return n;
});
const postgresUrl = makeValidator<string>((v) => {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new EnvError('must be a postgres:// URL');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new EnvError('must be a postgres:// URL');
  return v;
});
const smtpUrl = makeValidator<string>((v) => {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new EnvError('must be an smtp:// or smtps:// URL');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new EnvError('must be an smtp:// or smtps:// URL');
  return v;
});
const optional = { default: undefined } as const;

/** The environment, validated at start: a bad value stops the server with the variable's name. */
function readEnv(env: NodeJS.ProcessEnv) {
  // envalid treats '' as set; the server always read an empty variable as unset
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  return cleanEnv(
    present,
    {
      NODE_ENV: str({ default: 'development' }),
      PORT: tcpPort({ default: 4000 }),
      HOST: str({ default: '0.0.0.0' }),
      DATABASE_URL: postgresUrl(optional),
      APP_DATABASE_URL: postgresUrl(optional),
      DATA_DIR: str({ default: './.data' }),
      JWT_SECRET: str(optional),
      JWT_TTL_SECONDS: positiveInt({ default: 8 * 3600 }),
      ADMIN_EMAIL: email(optional),
      ADMIN_PASSWORD: str(optional),
      SEED_DEMO: bool(optional),
      LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
      API_KEY_RATE_LIMIT: positiveInt({ default: 60 }),
      API_KEY_RATE_PER_SECOND: positive({ default: 1 }),
      API_KEY_COST_LIMIT: positiveInt({ default: 100_000 }),
      API_KEY_COST_WINDOW_SECONDS: positiveInt({ default: 60 }),
      DB_POOL_MAX: positiveInt({ default: 10 }),
      DB_STATEMENT_TIMEOUT_MS: positiveInt({ default: 30000 }),
      DB_IDLE_IN_TX_TIMEOUT_MS: positiveInt({ default: 60000 }),
      WEBHOOK_ALLOW_PRIVATE: bool({ default: false }),
      WEBHOOK_RETRY_BASE_MS: positiveInt({ default: 12_000 }),
      SMTP_URL: smtpUrl(optional),
      SMTP_FROM: str({ default: 'Kaoping 考评 <no-reply@kaoping.local>' }),
      REMINDER_CRON: str({ default: '0 * * * *' }),
    },
    {
      reporter: ({ errors }) => {
        const bad = Object.entries(errors).map(([name, e]) => `${name}: ${e.message}`);
        if (bad.length) throw new ConfigError(`Invalid environment: ${bad.join('; ')}`);
      },
    },
  );
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
  const e = readEnv(env);
  const nodeEnv = overrides.nodeEnv ?? e.NODE_ENV;
  const production = overrides.production ?? nodeEnv === 'production';
  const dataDir = path.resolve(overrides.dataDir ?? e.DATA_DIR);
  const warnings: string[] = [];

  let jwtSecret = overrides.jwtSecret ?? e.JWT_SECRET;
  if (!jwtSecret) {
    if (production) throw new ConfigError('JWT_SECRET is required in production');
    jwtSecret = persistentSecret(dataDir, 'jwt-secret');
  }
  if (production && jwtSecret.length < 32)
    throw new ConfigError('JWT_SECRET must be at least 32 characters in production');

  let adminEmail = overrides.adminEmail ?? e.ADMIN_EMAIL;
  let adminPassword = overrides.adminPassword ?? e.ADMIN_PASSWORD;
  if (!adminEmail || !adminPassword) {
    if (production) throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD are required in production');
    adminEmail = adminEmail ?? 'admin@example.com';
    adminPassword = adminPassword ?? 'admin';
    warnings.push(
      `Using development platform administrator ${adminEmail} / (default password); set ADMIN_EMAIL and ADMIN_PASSWORD`,
    );
  }

  const cfg: Config = {
    nodeEnv,
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    dataDir,
    jwtSecret,
    jwtIssuer: 'kaoping',
    jwtAudience: 'kaoping-api',
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    adminEmail,
    adminPassword,
    seedDemo: e.SEED_DEMO ?? !production,
    adminDist: path.resolve(__dirname, '../../../admin/dist'),
    logLevel: e.LOG_LEVEL,
    rateLimitBurst: e.API_KEY_RATE_LIMIT,
    rateLimitPerSecond: e.API_KEY_RATE_PER_SECOND,
    costBudget: e.API_KEY_COST_LIMIT,
    costWindowSeconds: e.API_KEY_COST_WINDOW_SECONDS,
    dbPoolMax: e.DB_POOL_MAX,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: e.DB_IDLE_IN_TX_TIMEOUT_MS,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    reminderCron: e.REMINDER_CRON,
    ...overrides,
  };
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
