import { Client } from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { persistentSecret, type Config } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { migrations } from './migrations';
import { entities } from './entities';

export const DEFAULT_APP_ROLE = 'kaoping_app';
const EMBEDDED_DB = 'kaoping';

export interface Database {
  /** The app's data source: connects as the app role (no SUPERUSER, no BYPASSRLS, owns nothing). */
  dataSource: DataSource;
  ownerUrl: string;
  appRole: string;
  embedded?: EmbeddedPostgres;
  close(): Promise<void>;
}

const quoteIdent = (s: string) => '"' + s.replace(/"/g, '""') + '"';
const quoteLit = (s: string) => "'" + s.replace(/'/g, "''") + "'";

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = '/' + db;
  return u.toString();
}

/**
 * Connects: starts embedded PostgreSQL when DATABASE_URL is unset, runs migrations as the owner
 * role, makes sure the app role exists with DML grants only, then opens the app pool.
 */
export async function openDatabase(cfg: Config, log: Logger): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let ownerUrl = cfg.databaseUrl;
  try {
    if (!ownerUrl) {
      const pgLog = log.child({ component: 'postgres' });
      embedded = await startEmbeddedPostgres(
        cfg.dataDir,
        (m, level) => m && (level === 'warn' ? pgLog.warn(m) : pgLog.debug(m)),
        undefined,
        { restart: true },
      );
      await ensureDatabase(embedded.url, EMBEDDED_DB);
      ownerUrl = withDatabase(embedded.url, EMBEDDED_DB);
      log.info({ port: embedded.port, dataDir: cfg.dataDir }, 'embedded PostgreSQL started');
    }
    const owner = new DataSource({
      type: 'postgres',
      url: ownerUrl,
      migrations,
      migrationsTransactionMode: 'each',
      entities: [],
      extra: { max: 2 },
    });
    await owner.initialize();
    let appUrl: string;
    let appRole: string;
    try {
      await owner.query(`SELECT pg_advisory_lock(727160)`); // one migrator at a time per database
      try {
        const ran = await owner.runMigrations({ transaction: 'each' });
        if (ran.length) log.info({ migrations: ran.map((m) => m.name) }, 'migrations applied');
        ({ appUrl, appRole } = await ensureAppRole(owner, cfg, ownerUrl));
      } finally {
        await owner.query(`SELECT pg_advisory_unlock(727160)`);
      }
    } finally {
      await owner.destroy();
    }

    const dataSource = new DataSource({
      type: 'postgres',
      url: appUrl,
      entities,
      synchronize: false,
      migrationsRun: false,
      applicationName: 'kaoping',
      poolErrorHandler: (err: Error) => log.error({ err: { message: err.message } }, 'database pool error'),
      extra: {
        max: cfg.dbPoolMax,
        connectionTimeoutMillis: 10_000,
        idleTimeoutMillis: 30_000,
        statement_timeout: cfg.statementTimeoutMs,
        idle_in_transaction_session_timeout: cfg.idleInTransactionTimeoutMs,
      },
    });
    await dataSource.initialize();
    await assertAppRoleIsSafe(dataSource);
    return {
      dataSource,
      ownerUrl,
      appRole,
      embedded,
      async close() {
        if (dataSource.isInitialized) await dataSource.destroy();
        log.debug('database pool closed');
        if (embedded) await embedded.stop();
        log.debug('embedded PostgreSQL stopped');
      },
    };
  } catch (e) {
    if (embedded) await embedded.stop().catch(() => undefined);
    throw e;
  }
}

async function ensureDatabase(url: string, db: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (!r.rowCount) await c.query(`CREATE DATABASE ${quoteIdent(db)}`);
  } finally {
    await c.end();
  }
}

/**
 * The app role. With APP_DATABASE_URL, its user is the app role: created (with that URL's
 * password) if missing, otherwise left as the operator made it. Without it, role `kaoping_app`
 * gets a password generated once and kept in DATA_DIR/db-app-password (set on every start).
 * Creating the role needs CREATEROLE on the owner; grants are re-applied on every start.
 */
async function ensureAppRole(
  owner: DataSource,
  cfg: Config,
  ownerUrl: string,
): Promise<{ appUrl: string; appRole: string }> {
  let appUrl: string;
  let role: string;
  let password: string;
  let manageRole: boolean;
  if (cfg.appDatabaseUrl) {
    const u = new URL(cfg.appDatabaseUrl);
    role = decodeURIComponent(u.username);
    password = decodeURIComponent(u.password);
    appUrl = cfg.appDatabaseUrl;
    manageRole = false;
  } else {
    role = DEFAULT_APP_ROLE;
    password = persistentSecret(cfg.dataDir, 'db-app-password', 24);
    const u = new URL(ownerUrl);
    u.username = role;
    u.password = password;
    appUrl = u.toString();
    manageRole = true;
  }
  const exists = (await owner.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).length > 0;
  if (!exists) {
    try {
      await owner.query(
        `CREATE ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${quoteLit(password)}`,
      );
    } catch (e) {
      // another server created it concurrently (roles are cluster-wide)
      const code =
        (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw e;
    }
  } else if (manageRole) {
    await owner.query(`ALTER ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${quoteLit(password)}`);
  }
  const r = quoteIdent(role);
  const [{ db }] = await owner.query(`SELECT current_database() AS db`);
  await owner.query(`GRANT CONNECT ON DATABASE ${quoteIdent(db)} TO ${r}`);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await owner.query(`REVOKE ALL ON TABLE migrations FROM ${r}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  await owner.query(
    `GRANT EXECUTE ON FUNCTION kaoping_login_lookup(text, text), kaoping_api_key_lookup(text), kaoping_enqueue_job(text, json, timestamptz), kaoping_enqueue_job_keyed(text, json, timestamptz, text) TO ${r}`,
  );
  return { appUrl, appRole: role };
}

/** Refuses to run when the app role could bypass row-level security. */
async function assertAppRoleIsSafe(ds: DataSource): Promise<void> {
  const [r] = await ds.query(`
    SELECT rolsuper, rolbypassrls,
           (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r','p','v','m')) AS owned
      FROM pg_roles r WHERE r.rolname = current_user`);
  if (r.rolsuper || r.rolbypassrls || r.owned > 0) {
    throw new Error('The application database role must not be SUPERUSER, have BYPASSRLS, or own tables ');
  }
}
