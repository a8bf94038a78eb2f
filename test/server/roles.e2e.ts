import {
  bootServer,
  code,
  CREATE_API_KEY,
  CREATE_TENANT,
  CREATE_USER,
  makeWorld,
  ok,
  TENANT_ROLES,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

let ts: TestServer;
let w: World;

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
});
afterAll(() => ts?.stop());

let n = 0;
const uniq = () => `${Date.now().toString(36)}${n++}`;

describe('who may do what', () => {
  test('createTenant: PLATFORM_ADMIN only; every tenant role gets FORBIDDEN', async () => {
    const input = () => ({ code: `c-${uniq()}`, name: 'New', adminEmail: 'a@new.test', adminPassword: 'new-pass-1' });
    const d = ok(await ts.gql(CREATE_TENANT, { input: input() }, w.platform));
    expect(d.createTenant.code).toMatch(/^c-/);
    for (const role of TENANT_ROLES) {
      expect([role, code(await ts.gql(CREATE_TENANT, { input: input() }, w.t1[role]))]).toEqual([role, 'FORBIDDEN']);
    }
    expect(code(await ts.gql(CREATE_TENANT, { input: input() }))).toBe('UNAUTHENTICATED');
  });

  test('createTenant refuses a taken code with CONFLICT and invalid input with BAD_USER_INPUT', async () => {
    expect(
      code(
        await ts.gql(
          CREATE_TENANT,
          { input: { code: 't1', name: 'Dup', adminEmail: 'x@x.test', adminPassword: 'xxxxxxxx' } },
          w.platform,
        ),
      ),
    ).toBe('CONFLICT');
    const bad = await ts.gql(
      CREATE_TENANT,
      { input: { code: 'Bad Code!', name: 'X', adminEmail: 'not-an-email', adminPassword: '1' } },
      w.platform,
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
  });

  test('createUser: ADMIN only', async () => {
    const input = (role = 'VIEWER') => ({ email: `u${uniq()}@t1.test`, password: 'user-pass-1', name: 'U', role });
    expect(ok(await ts.gql(CREATE_USER, { input: input() }, w.t1.ADMIN)).createUser).toMatchObject({
      role: 'VIEWER',
      tenant: { code: 't1' },
    });
    for (const role of TENANT_ROLES.filter((r) => r !== 'ADMIN')) {
      expect([role, code(await ts.gql(CREATE_USER, { input: input() }, w.t1[role]))]).toEqual([role, 'FORBIDDEN']);
    }
    expect(code(await ts.gql(CREATE_USER, { input: input() }))).toBe('UNAUTHENTICATED');
  });

  test('createUser validates: email, role PLATFORM_ADMIN, unit only for UNIT, duplicate email', async () => {
    expect(
      code(
        await ts.gql(
          CREATE_USER,
          { input: { email: 'nope', password: 'user-pass-1', name: 'U', role: 'VIEWER' } },
          w.t1.ADMIN,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await ts.gql(
          CREATE_USER,
          { input: { email: `p${uniq()}@t1.test`, password: 'user-pass-1', name: 'U', role: 'PLATFORM_ADMIN' } },
          w.t1.ADMIN,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await ts.gql(
          CREATE_USER,
          { input: { email: `p${uniq()}@t1.test`, password: 'user-pass-1', name: 'U', role: 'VIEWER', unit: 'U1' } },
          w.t1.ADMIN,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await ts.gql(
          CREATE_USER,
          { input: { email: 'viewer@t1.test', password: 'user-pass-1', name: 'U', role: 'VIEWER' } },
          w.t1.ADMIN,
        ),
      ),
    ).toBe('CONFLICT');
    // the same email in another tenant is fine (no global unique email)
    expect(
      code(
        await ts.gql(
          CREATE_USER,
          { input: { email: 'viewer@t1.test', password: 'user-pass-1', name: 'U', role: 'VIEWER' } },
          w.t2.admin,
        ),
      ),
    ).toBe('OK');
  });

  test('createApiKey: ADMIN only', async () => {
    expect(
      ok(await ts.gql(CREATE_API_KEY, { name: 'k', scopes: ['results:read'] }, w.t1.ADMIN)).createApiKey.key,
    ).toMatch(/^kp_/);
    for (const role of TENANT_ROLES.filter((r) => r !== 'ADMIN')) {
      expect([role, code(await ts.gql(CREATE_API_KEY, { name: 'k', scopes: ['results:read'] }, w.t1[role]))]).toEqual([
        role,
        'FORBIDDEN',
      ]);
    }
    expect(code(await ts.gql(CREATE_API_KEY, { name: 'k', scopes: ['results:read'] }))).toBe('UNAUTHENTICATED');
  });

  test('list queries: ADMIN only, with pagination limits', async () => {
    const q = `query($perPage: Int) { allUsers(perPage: $perPage) { id email } _allUsersMeta { count } }`;
    const d = ok(await ts.gql(q, { perPage: 200 }, w.t1.ADMIN));
    expect(d._allUsersMeta.count).toBe(d.allUsers.length);
    expect(code(await ts.gql(q, { perPage: 201 }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
    expect(code(await ts.gql(q, { perPage: 10 }, w.t1.VIEWER))).toBe('FORBIDDEN');
    const sorted = ok(
      await ts.gql(
        `{ allUsers(sortField: "email", sortOrder: "DESC", perPage: 3, page: 0) { email } }`,
        {},
        w.t1.ADMIN,
      ),
    ).allUsers.map((u: Json) => u.email);
    expect(sorted).toEqual([...sorted].sort().reverse());
    expect(code(await ts.gql(`{ allUsers(sortField: "password_hash") { email } }`, {}, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('X-Tenant', () => {
  const USERS = `{ allUsers(perPage: 200) { email tenant { code } } }`;

  test('a PLATFORM_ADMIN acts on the tenant named by X-Tenant', async () => {
    const d = ok(await ts.gql(USERS, {}, w.platform, { 'x-tenant': 't2' }));
    expect(d.allUsers.length).toBeGreaterThan(0);
    expect(d.allUsers.every((u: Json) => u.tenant.code === 't2')).toBe(true);
    const created = ok(
      await ts.gql(
        CREATE_USER,
        { input: { email: `pa${uniq()}@t2.test`, password: 'user-pass-1', name: 'By platform', role: 'LEADER' } },
        w.platform,
        { 'x-tenant': 't2' },
      ),
    );
    expect(created.createUser.tenant.code).toBe('t2');
  });

  test('a PLATFORM_ADMIN without X-Tenant cannot touch tenant data', async () => {
    expect(code(await ts.gql(USERS, {}, w.platform))).toBe('FORBIDDEN');
  });

  test('an unknown X-Tenant is NOT_FOUND', async () => {
    expect(code(await ts.gql(USERS, {}, w.platform, { 'x-tenant': 'nope' }))).toBe('NOT_FOUND');
  });

  test('X-Tenant from any non-platform caller is FORBIDDEN (even naming its own tenant)', async () => {
    for (const role of TENANT_ROLES) {
      expect([role, code(await ts.gql(`{ me { id } }`, {}, w.t1[role], { 'x-tenant': 't2' }))]).toEqual([
        role,
        'FORBIDDEN',
      ]);
    }
    expect(code(await ts.gql(`{ me { id } }`, {}, w.t1.ADMIN, { 'x-tenant': 't1' }))).toBe('FORBIDDEN');
    expect(code(await ts.gql(`{ me { id } }`, {}, undefined, { 'x-tenant': 't1' }))).toBe('FORBIDDEN');
  });

  test('tenants: the platform sees all, a tenant admin only its own', async () => {
    const all = ok(await ts.gql(`{ allTenants(perPage: 200) { code } _allTenantsMeta { count } }`, {}, w.platform));
    expect(all.allTenants.map((t: Json) => t.code)).toEqual(expect.arrayContaining(['t1', 't2']));
    expect(all._allTenantsMeta.count).toBe(all.allTenants.length);
    const own = ok(await ts.gql(`{ allTenants { code } _allTenantsMeta { count } }`, {}, w.t1.ADMIN));
    expect(own.allTenants).toEqual([{ code: 't1' }]);
    expect(own._allTenantsMeta.count).toBe(1);
    expect(code(await ts.gql(`query($id: ID!) { Tenant(id: $id) { code } }`, { id: w.t2.id }, w.t1.ADMIN))).toBe(
      'NOT_FOUND',
    );
    expect(
      ok(await ts.gql(`query($id: ID!) { Tenant(id: $id) { code } }`, { id: w.t2.id }, w.platform)).Tenant.code,
    ).toBe('t2');
    expect(
      code(
        await ts.gql(`mutation($id: ID!) { updateTenant(id: $id, name: "x") { code } }`, { id: w.t1.id }, w.t1.ADMIN),
      ),
    ).toBe('FORBIDDEN');
    expect(
      ok(
        await ts.gql(
          `mutation($id: ID!) { updateTenant(id: $id, name: "Tenant Two!") { name } }`,
          { id: w.t2.id },
          w.platform,
        ),
      ).updateTenant.name,
    ).toBe('Tenant Two!');
  });
});

describe('disabling a tenant', () => {
  test('its users and keys are refused until it is enabled again', async () => {
    const platform = w.platform;
    const t = ok(
      await ts.gql(
        CREATE_TENANT,
        { input: { code: 'dis', name: 'Dis', adminEmail: 'a@dis.test', adminPassword: 'dis-pass' } },
        platform,
      ),
    ).createTenant;
    const admin = ok(
      await ts.gql(`mutation { login(email: "a@dis.test", password: "dis-pass", tenant: "dis") { token } }`),
    ).login.token;
    const key = ok(await ts.gql(CREATE_API_KEY, { name: 'k', scopes: ['schemes:read'] }, admin)).createApiKey.key;
    ok(
      await ts.gql(`mutation($id: ID!) { updateTenant(id: $id, disabled: true) { disabled } }`, { id: t.id }, platform),
    );
    expect(code(await ts.gql(`{ me { id } }`, {}, admin))).toBe('UNAUTHENTICATED');
    expect(code(await ts.gql(`{ currentTenant { code } }`, {}, key))).toBe('UNAUTHENTICATED');
    expect(
      code(await ts.gql(`mutation { login(email: "a@dis.test", password: "dis-pass", tenant: "dis") { token } }`)),
    ).toBe('UNAUTHENTICATED');
    ok(
      await ts.gql(
        `mutation($id: ID!) { updateTenant(id: $id, disabled: false) { disabled } }`,
        { id: t.id },
        platform,
      ),
    );
    expect(ok(await ts.gql(`{ currentTenant { code } }`, {}, key)).currentTenant.code).toBe('dis');
  });
});
