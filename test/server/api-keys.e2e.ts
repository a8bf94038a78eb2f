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

beforeAll(async () => {
  ts = await bootServer({ rateLimitBurst: 5, rateLimitPerSecond: 0.01 });
  w = await makeWorld(ts);
});
afterAll(() => ts?.stop());

const CURRENT = `{ currentTenant { code } }`;

async function newKey(scopes: string[], extra: Record<string, unknown> = {}) {
  return ok(await ts.gql(CREATE_API_KEY, { name: 'app', scopes, ...extra }, w.t1.ADMIN)).createApiKey as {
    key: string;
    apiKey: { id: string; scopes: string[] };
  };
}

test('a key is kp_<lookupId>_<secret>, shown once, and only a hash of the secret is stored', async () => {
  const { key, apiKey } = await newKey(['schemes:read']);
  const m = /^kp_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(key)!;
  expect(m).not.toBeNull();
  expect(apiKey.scopes).toEqual(['schemes:read']);
  const listed = ok(await ts.gql(`{ allApiKeys(perPage: 200) { id lookupId scopes } }`, {}, w.t1.ADMIN)).allApiKeys;
  expect(listed.find((k: Json) => k.id === apiKey.id).lookupId).toBe(m[1]);
  expect(JSON.stringify(listed)).not.toContain(m[2]);
  const rows = await ts.server.dataSource.transaction(async (em) => {
    await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [w.t1.id]);
    return em.query(`SELECT * FROM api_keys WHERE id = $1`, [apiKey.id]);
  });
  expect(rows).toHaveLength(1);
  expect(JSON.stringify(rows)).not.toContain(m[2]);
  expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
});

test('scopes are enforced: missing scope is FORBIDDEN, the right scope works', async () => {
  const schemes = await newKey(['schemes:read']);
  const results = await newKey(['results:read']);
  expect(ok(await ts.gql(CURRENT, {}, schemes.key)).currentTenant.code).toBe('t1');
  expect(code(await ts.gql(CURRENT, {}, results.key))).toBe('FORBIDDEN');
  // keys are not users: no admin operations, no key-making
  expect(code(await ts.gql(`{ allUsers { id } }`, {}, schemes.key))).toBe('FORBIDDEN');
  expect(code(await ts.gql(CREATE_API_KEY, { name: 'x', scopes: ['schemes:read'] }, schemes.key))).toBe('FORBIDDEN');
  expect(ok(await ts.gql(`{ me { id } }`, {}, schemes.key)).me).toBeNull();
});

test('unknown scopes are BAD_USER_INPUT; a user cannot grant scopes it lacks (keys hold none to grant)', async () => {
  expect(code(await ts.gql(CREATE_API_KEY, { name: 'x', scopes: ['admin:all'] }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
  expect(code(await ts.gql(CREATE_API_KEY, { name: 'x', scopes: [] }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
});

test('wrong secret, unknown lookup id, revoked and expired keys are UNAUTHENTICATED', async () => {
  const { key, apiKey } = await newKey(['schemes:read']);
  const wrongSecret = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  expect(code(await ts.gql(CURRENT, {}, wrongSecret))).toBe('UNAUTHENTICATED');
  expect(code(await ts.gql(CURRENT, {}, 'kp_0000000000000000_' + key.split('_').slice(2).join('_')))).toBe(
    'UNAUTHENTICATED',
  );
  expect(code(await ts.gql(CURRENT, {}, 'kp_short'))).toBe('UNAUTHENTICATED');
  expect(code(await ts.gql(CURRENT, {}, key))).toBe('OK');
  const revoked = ok(
    await ts.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: apiKey.id }, w.t1.ADMIN),
  );
  expect(revoked.revokeApiKey.revokedAt).toBeTruthy();
  expect(code(await ts.gql(CURRENT, {}, key))).toBe('UNAUTHENTICATED');

  expect(
    code(
      await ts.gql(
        CREATE_API_KEY,
        { name: 'x', scopes: ['schemes:read'], expiresAt: new Date(Date.now() - 1000).toISOString() },
        w.t1.ADMIN,
      ),
    ),
  ).toBe('BAD_USER_INPUT');
  const soon = await newKey(['schemes:read'], { expiresAt: new Date(Date.now() + 1500).toISOString() });
  expect(code(await ts.gql(CURRENT, {}, soon.key))).toBe('OK');
  await new Promise((r) => setTimeout(r, 1700));
  expect(code(await ts.gql(CURRENT, {}, soon.key))).toBe('UNAUTHENTICATED');
});

test('lastUsedAt is updated on use', async () => {
  const { key, apiKey } = await newKey(['schemes:read']);
  const q = `query($id: ID!) { ApiKey(id: $id) { lastUsedAt } }`;
  expect(ok(await ts.gql(q, { id: apiKey.id }, w.t1.ADMIN)).ApiKey.lastUsedAt).toBeNull();
  await ts.gql(CURRENT, {}, key);
  expect(ok(await ts.gql(q, { id: apiKey.id }, w.t1.ADMIN)).ApiKey.lastUsedAt).not.toBeNull();
});

test('per-key rate limit with x-ratelimit-* headers, then 429 RATE_LIMITED; other keys unaffected', async () => {
  const { key } = await newKey(['schemes:read']);
  const remaining: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await ts.gql(CURRENT, {}, key);
    expect(code(r)).toBe('OK');
    expect(r.headers['x-ratelimit-limit']).toBe('5');
    expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    remaining.push(Number(r.headers['x-ratelimit-remaining']));
  }
  expect(remaining).toEqual([4, 3, 2, 1, 0]);
  const limited = await ts.gql(CURRENT, {}, key);
  expect(limited.status).toBe(429);
  expect(code(limited)).toBe('RATE_LIMITED');
  expect(limited.headers['x-ratelimit-remaining']).toBe('0');
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  const other = await newKey(['schemes:read']);
  expect(code(await ts.gql(CURRENT, {}, other.key))).toBe('OK');
  // user tokens carry no key rate-limit headers
  expect((await ts.gql(CURRENT, {}, w.t1.ADMIN)).headers['x-ratelimit-limit']).toBeUndefined();
});
