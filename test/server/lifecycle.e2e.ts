import { existsSync, lstatSync, readlinkSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig } from '../../server/src/config/config';
import { hydrateSymlinks, platformPackageDir, startEmbeddedPostgres } from '../../server/src/db/embedded';
import { bootServer, code, CREATE_API_KEY, CREATE_TENANT, login, ok, PLATFORM, tempDataDir } from '../support/server';

jest.setTimeout(120_000);

test('the embedded PostgreSQL keeps data across a restart (no second initdb, same JWT secret)', async () => {
  const dataDir = tempDataDir('kp-restart-');
  try {
    const first = await bootServer({ dataDir });
    const platform = (await login(first, PLATFORM.email, PLATFORM.password)).token;
    ok(
      await first.gql(
        CREATE_TENANT,
        { input: { code: 'kept', name: 'Kept', adminEmail: 'a@kept.test', adminPassword: 'kept-pass' } },
        platform,
      ),
    );
    const pgVersion = path.join(dataDir, 'pg', 'PG_VERSION');
    const before = statSync(pgVersion).mtimeMs;
    const secretFile = path.join(dataDir, 'jwt-secret');
    expect(statSync(secretFile).mode & 0o077).toBe(0);
    const secret = readFileSync(secretFile, 'utf8');
    await first.stop();

    const second = await bootServer({ dataDir });
    try {
      expect(statSync(pgVersion).mtimeMs).toBe(before);
      expect(readFileSync(secretFile, 'utf8')).toBe(secret);
      // the old token is still valid, the tenant and its admin are still there
      const d = ok(await second.gql(`{ allTenants(filter: { code: "kept" }) { code name } }`, {}, platform));
      expect(d.allTenants).toEqual([{ code: 'kept', name: 'Kept' }]);
      expect((await login(second, 'a@kept.test', 'kept-pass', 'kept')).token).toBeTruthy();
      // only one platform admin: the first-start bootstrap did not run twice
      expect((await second.server.dataSource.query(`SELECT count(*)::int AS n FROM platform_admins`))[0].n).toBe(1);

      // database gone: /healthz 503, errors are masked, the HTTP server still answers
      await second.server.dataSource.destroy();
      const health = await request(second.origin).get('/healthz');
      expect(health.status).toBe(503);
      const r = await second.gql(`{ me { id } }`, {}, platform);
      expect(code(r)).toBe('INTERNAL_SERVER_ERROR');
      expect(r.body.errors![0].message).toBe('Internal server error');
      expect(JSON.stringify(r.body)).not.toMatch(/stack|TypeORM|SELECT|pg_|Connection/i);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('external DATABASE_URL (owner) with APP_DATABASE_URL: migrations as owner, app as a separate safe role', async () => {
  const pgDir = tempDataDir('kp-extpg-');
  const pg = await startEmbeddedPostgres(pgDir);
  try {
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ext_db`);
    await admin.end();
    const ownerUrl = pg.url.replace(/\/postgres$/, '/ext_db');
    const appUrl = `postgres://kp_ext_app:ext-app-pw@127.0.0.1:${pg.port}/ext_db`;
    for (let round = 0; round < 2; round++) {
      const ts = await bootServer({ databaseUrl: ownerUrl, appDatabaseUrl: appUrl });
      try {
        const [me] = await ts.server.dataSource.query(
          `SELECT current_user AS role, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
        );
        expect(me).toEqual({ role: 'kp_ext_app', rolsuper: false, rolbypassrls: false });
        const platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
        if (round === 0)
          ok(
            await ts.gql(
              CREATE_TENANT,
              { input: { code: 'ext', name: 'Ext', adminEmail: 'a@ext.test', adminPassword: 'ext-pass' } },
              platform,
            ),
          );
        else expect(ok(await ts.gql(`{ _allTenantsMeta { count } }`, {}, platform))._allTenantsMeta.count).toBe(1);
      } finally {
        await ts.stop();
      }
    }
    // the owner ran the migrations and owns the tables
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    const { rows } = await owner.query(
      `SELECT DISTINCT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relname IN ('users','api_keys','tenants')`,
    );
    await owner.end();
    expect(rows).toEqual([{ rolname: 'postgres' }]);
  } finally {
    await pg.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
});

test('production mode: secrets required, no introspection for API keys, no schema hints', async () => {
  expect(() => loadConfig({}, { NODE_ENV: 'production', DATA_DIR: '/nonexistent' })).toThrow(/JWT_SECRET/);
  expect(() =>
    loadConfig({}, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/nonexistent' }),
  ).toThrow(/ADMIN_EMAIL/);
  const cfgDir = tempDataDir('kp-cfg-');
  const dev = loadConfig({}, { DATA_DIR: cfgDir });
  expect(dev.seedDemo).toBe(true);
  expect(dev.port).toBe(4000);
  expect(dev.jwtSecret.length).toBeGreaterThanOrEqual(32);
  expect(loadConfig({}, { DATA_DIR: cfgDir }).jwtSecret).toBe(dev.jwtSecret); // generated once, kept
  rmSync(cfgDir, { recursive: true, force: true });
  const prodCfg = loadConfig(
    {},
    {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      ADMIN_EMAIL: 'a@b.test',
      ADMIN_PASSWORD: 'pw-pw-pw',
      DATA_DIR: '/nonexistent',
    },
  );
  expect(prodCfg.seedDemo).toBe(false);

  const ts = await bootServer({ nodeEnv: 'production', jwtSecret: 'p'.repeat(48) });
  try {
    const platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
    ok(
      await ts.gql(
        CREATE_TENANT,
        { input: { code: 'prod', name: 'Prod', adminEmail: 'a@prod.test', adminPassword: 'prod-pass' } },
        platform,
      ),
    );
    const admin = (await login(ts, 'a@prod.test', 'prod-pass', 'prod')).token;
    const key = ok(await ts.gql(CREATE_API_KEY, { name: 'k', scopes: ['schemes:read'] }, admin)).createApiKey.key;
    const introspect = `{ __schema { queryType { name } } }`;
    expect(ok(await ts.gql(introspect, {}, admin)).__schema.queryType.name).toBe('Query');
    expect(code(await ts.gql(introspect, {}, key))).toBe('FORBIDDEN');
    expect(code(await ts.gql(`{ __type(name: "User") { name } }`, {}, key))).toBe('FORBIDDEN');
    expect(ok(await ts.gql(`{ currentTenant { code } }`, {}, key)).currentTenant.code).toBe('prod');
    const typo = await ts.gql(`{ currentTenan { code } }`, {}, admin);
    expect(code(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean|stacktrace/);
  } finally {
    await ts.stop();
  }
});

test('the PostgreSQL library symlinks are hydrated, idempotently', () => {
  const dir = platformPackageDir();
  const list = JSON.parse(readFileSync(path.join(dir, 'native', 'pg-symlinks.json'), 'utf8')) as {
    source: string;
    target: string;
  }[];
  hydrateSymlinks(dir);
  expect(hydrateSymlinks(dir)).toBe(0);
  for (const { source, target } of list) {
    const t = path.join(dir, target);
    expect(lstatSync(t).isSymbolicLink()).toBe(true);
    expect(path.resolve(path.dirname(t), readlinkSync(t))).toBe(path.join(dir, source));
    expect(existsSync(t)).toBe(true);
  }
});

test('an orphaned PostgreSQL left by a killed server is stopped and the cluster reused', async () => {
  const dataDir = tempDataDir('kp-orphan-');
  try {
    const orphan = await startEmbeddedPostgres(dataDir); // stands in for a server killed with SIGKILL
    const pidLine = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0];
    const ts = await bootServer({ dataDir });
    try {
      expect((await request(ts.origin).get('/healthz')).status).toBe(200);
      expect(() => process.kill(Number(pidLine), 0)).toThrow();
    } finally {
      await ts.stop();
      await orphan.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
