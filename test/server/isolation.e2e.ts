import pino from 'pino';
import { RequestContext } from '../../server/src/context/request-context';
import { TENANT_TABLES } from '../../server/src/db/migrations';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  makeWorld,
  ok,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

let ts: TestServer;
let w: World;
let t1KeyId: string;
let t2KeyId: string;

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  t1KeyId = ok(await ts.gql(CREATE_API_KEY, { name: 't1 app', scopes: ['schemes:read'] }, w.t1.ADMIN)).createApiKey
    .apiKey.id;
  t2KeyId = ok(await ts.gql(CREATE_API_KEY, { name: 't2 app', scopes: ['schemes:read'] }, w.t2.admin)).createApiKey
    .apiKey.id;
});
afterAll(() => ts?.stop());

const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';

/** Runs fn inside a request context's transaction for t1's ADMIN (or no tenant). */
function inContext<T>(
  tenant: { id: string; code: string } | null,
  fn: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const principal = tenant
    ? {
        kind: 'user' as const,
        id: w.t1.userIds.ADMIN,
        tenantId: tenant.id,
        role: 'ADMIN' as never,
        email: 'admin@t1.test',
      }
    : null;
  return RequestContext.run(
    ts.server.dataSource,
    ts.server.config,
    pino({ level: 'silent' }),
    principal,
    tenant ? { ...tenant, name: '' } : null,
    fn,
  );
}

describe("another tenant's id answers exactly like a missing id", () => {
  const cases: [string, string, () => string][] = [
    ['User', `query($id: ID!) { User(id: $id) { id email } }`, () => w.t2.adminId],
    ['updateUser', `mutation($id: ID!) { updateUser(id: $id, name: "hijacked") { id } }`, () => w.t2.adminId],
    ['ApiKey', `query($id: ID!) { ApiKey(id: $id) { id } }`, () => t2KeyId],
    ['revokeApiKey', `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, () => t2KeyId],
    ['Tenant', `query($id: ID!) { Tenant(id: $id) { id } }`, () => w.t2.id],
  ];
  for (const [name, query, id] of cases) {
    test(name, async () => {
      const foreign = await ts.gql(query, { id: id() }, w.t1.ADMIN);
      const missing = await ts.gql(query, { id: MISSING }, w.t1.ADMIN);
      const garbage = await ts.gql(query, { id: 'not-a-uuid' }, w.t1.ADMIN);
      expect(code(foreign)).toBe('NOT_FOUND');
      expect(foreign.status).toBe(missing.status);
      expect(foreign.body).toEqual(missing.body);
      // a malformed id is refused at the edge, before any lookup (it cannot name anyone's row)
      expect([garbage.status, code(garbage)]).toEqual([400, 'BAD_USER_INPUT']);
    });
  }

  test('nothing was changed in t2 (positive control: t2 sees its own rows untouched)', async () => {
    const u = ok(await ts.gql(`query($id: ID!) { User(id: $id) { name } }`, { id: w.t2.adminId }, w.t2.admin)).User;
    expect(u.name).not.toBe('hijacked');
    const k = ok(await ts.gql(`query($id: ID!) { ApiKey(id: $id) { revokedAt } }`, { id: t2KeyId }, w.t2.admin)).ApiKey;
    expect(k.revokedAt).toBeNull();
    // and the same calls work in the right tenant
    expect(
      ok(
        await ts.gql(
          `mutation($id: ID!) { updateUser(id: $id, name: "Two") { name } }`,
          { id: w.t2.adminId },
          w.t2.admin,
        ),
      ).updateUser.name,
    ).toBe('Two');
  });
});

describe('lists and counts never show another tenant', () => {
  test('users', async () => {
    const d = ok(
      await ts.gql(`{ allUsers(perPage: 200) { email tenant { code } } _allUsersMeta { count } }`, {}, w.t1.ADMIN),
    );
    expect(d.allUsers.length).toBe(d._allUsersMeta.count);
    expect(d.allUsers.every((u: Json) => u.tenant.code === 't1')).toBe(true);
    expect(d.allUsers.map((u: Json) => u.email)).not.toContain('admin@t2.test');
    const byIds = ok(
      await ts.gql(
        `query($ids: [ID!]) { allUsers(filter: { ids: $ids }) { id } }`,
        { ids: [w.t2.adminId] },
        w.t1.ADMIN,
      ),
    );
    expect(byIds.allUsers).toEqual([]);
  });

  test('api keys', async () => {
    const d = ok(await ts.gql(`{ allApiKeys(perPage: 200) { id } _allApiKeysMeta { count } }`, {}, w.t1.ADMIN));
    expect(d.allApiKeys.map((k: Json) => k.id)).toEqual([t1KeyId]);
    expect(d._allApiKeysMeta.count).toBe(1);
  });
});

describe('row-level security under the application', () => {
  test('a deliberately unscoped SELECT * FROM users inside a request transaction sees only that tenant', async () => {
    const rows = await inContext({ id: w.t1.id, code: 't1' }, async (ctx) =>
      (await ctx.em()).query(`SELECT * FROM users`),
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r: Json) => r.tenant_id === w.t1.id)).toBe(true);
    const keys = await inContext({ id: w.t1.id, code: 't1' }, async (ctx) =>
      (await ctx.em()).query(`SELECT * FROM api_keys`),
    );
    expect(keys.map((k: Json) => k.id)).toEqual([t1KeyId]);
  });

  test('no tenant in scope: no rows at all (never all rows, never an error), and the context refuses tenant repositories', async () => {
    const rows = await inContext(null, async (ctx) => (await ctx.em()).query(`SELECT * FROM users`));
    expect(rows).toEqual([]);
    const plain = await ts.server.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    expect(plain[0].n).toBe(0);
    await expect(
      inContext(null, async (ctx) => ctx.repo((await import('../../server/src/user/user.entity')).UserEntity)),
    ).rejects.toThrow('No tenant in scope');
  });

  test('insert, update and delete with a forged tenant touch nothing', async () => {
    await expect(
      inContext({ id: w.t1.id, code: 't1' }, async (ctx) =>
        (await ctx.em()).query(
          `INSERT INTO users (tenant_id, email, name, password_hash, role) VALUES ($1, 'forged@t2.test', 'F', 'x', 'ADMIN')`,
          [w.t2.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inContext({ id: w.t1.id, code: 't1' }, async (ctx) =>
      (await ctx.em()).query(`UPDATE users SET name = 'pwned' WHERE tenant_id = $1 RETURNING id`, [w.t2.id]),
    );
    expect(updated[0]).toEqual([]);
    const deleted = await inContext({ id: w.t1.id, code: 't1' }, async (ctx) =>
      (await ctx.em()).query(`DELETE FROM api_keys WHERE tenant_id = $1 RETURNING id`, [w.t2.id]),
    );
    expect(deleted[0]).toEqual([]);
    // positive control: the same update in t2's scope touches t2's rows
    const own = await inContext({ id: w.t2.id, code: 't2' }, async (ctx) =>
      (await ctx.em()).query(`SELECT count(*)::int AS n FROM users WHERE tenant_id = $1`, [w.t2.id]),
    );
    expect(own[0].n).toBeGreaterThan(0);
    expect(ok(await ts.gql(`{ allUsers(filter: { q: "pwned" }) { id } }`, {}, w.t2.admin)).allUsers).toEqual([]);
  });

  test('the tenant setting does not leak to the next transaction on a pooled connection', async () => {
    await inContext({ id: w.t1.id, code: 't1' }, async (ctx) => (await ctx.em()).query(`SELECT 1`));
    const after = await ts.server.dataSource.query(`SELECT current_setting('app.tenant_id', true) AS t`);
    expect(after[0].t ?? '').toBe('');
  });
});

describe('catalog: every tenant table is guarded by row-level security', () => {
  test('every tenant table has tenant_id NOT NULL, RLS enabled and forced', async () => {
    const withTenantId: { table_name: string; is_nullable: string }[] = await ts.server.dataSource.query(
      `SELECT table_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
    );
    const names = withTenantId.map((r: Json) => r.table_name).sort();
    expect(names).toEqual([...TENANT_TABLES].sort());
    expect(withTenantId.every((r: Json) => r.is_nullable === 'NO')).toBe(true);
    const rls: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[] =
      await ts.server.dataSource.query(
        `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relkind = 'r' AND relname = ANY($1)`,
        [names],
      );
    expect(rls).toHaveLength(names.length);
    for (const r of rls) expect(r).toEqual({ relname: r.relname, relrowsecurity: true, relforcerowsecurity: true });
  });

  test('every primary and unique key of a tenant table includes tenant_id', async () => {
    const keys: { table: string; name: string; cols: string[] }[] = await ts.server.dataSource.query(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name,
              array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS cols
         FROM pg_constraint c WHERE c.contype IN ('p','u','f') AND c.conrelid::regclass::text = ANY($1)`,
      [[...TENANT_TABLES]],
    );
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect([k.name, k.cols.includes('tenant_id')]).toEqual([k.name, true]);
  });

  test('the app role is not superuser, cannot bypass RLS, owns no table; migrations ran as another role', async () => {
    const [me] = await ts.server.dataSource.query(
      `SELECT current_user AS role, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(me).toEqual({ role: 'kaoping_app', rolsuper: false, rolbypassrls: false });
    const owned = await ts.server.dataSource.query(
      `SELECT relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`,
    );
    expect(owned).toEqual([]);
    const owners: { relname: string; owner: string }[] = await ts.server.dataSource.query(
      `SELECT c.relname, r.rolname AS owner FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relname = ANY($1)`,
      [[...TENANT_TABLES, 'tenants', 'migrations']],
    );
    expect(owners.every((o) => o.owner !== 'kaoping_app')).toBe(true);
    // no DDL and no access to the migrations table for the app role
    await expect(ts.server.dataSource.query(`ALTER TABLE users DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/owner/);
    await expect(ts.server.dataSource.query(`SELECT * FROM migrations`)).rejects.toThrow(/permission denied/);
  });
});
