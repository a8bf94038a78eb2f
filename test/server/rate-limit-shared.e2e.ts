import request from 'supertest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/src/db/embedded';
import { startServerProcess, type ServerProcess } from '../support/processes';
import { CREATE_API_KEY, CREATE_TENANT, LOGIN, PLATFORM, tempDataDir, type Json } from '../support/server';

jest.setTimeout(120_000);

let pg: EmbeddedPostgres;
let servers: ServerProcess[] = [];

beforeAll(async () => {
  pg = await startEmbeddedPostgres(tempDataDir('kp-rl-pg-'));
  // one DATA_DIR: both servers use the same app-role password and token secret, as replicas do
  const env = {
    DATABASE_URL: pg.url,
    DATA_DIR: tempDataDir('kp-rl-'),
    ADMIN_EMAIL: PLATFORM.email,
    ADMIN_PASSWORD: PLATFORM.password,
    SEED_DEMO: 'false',
    API_KEY_RATE_LIMIT: '10',
    API_KEY_RATE_PER_SECOND: '0.01',
  };
  const first = await startServerProcess(env); // the first runs the migrations alone
  servers = [first, await startServerProcess(env)];
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await pg?.stop();
});

async function gql(origin: string, query: string, variables: Json = {}, token?: string) {
  let r = request(origin).post('/graphql').set('content-type', 'application/json');
  if (token) r = r.set('authorization', `Bearer ${token}`);
  return r.send({ query, variables });
}

test('two server processes on one database enforce one per-key limit', async () => {
  const [a, b] = servers.map((s) => s.origin);
  expect(a).not.toBe(b);
  const platform = (await gql(a, LOGIN, { email: PLATFORM.email, password: PLATFORM.password })).body.data.login.token;
  await gql(
    a,
    CREATE_TENANT,
    { input: { code: 'rl', name: 'Rate', adminEmail: 'admin@rl.test', adminPassword: 'admin-pass-1' } },
    platform,
  );
  const admin = (await gql(b, LOGIN, { email: 'admin@rl.test', password: 'admin-pass-1', tenant: 'rl' })).body.data
    .login.token;
  const key = (await gql(b, CREATE_API_KEY, { name: 'shared', scopes: ['schemes:read'] }, admin)).body.data.createApiKey
    .key;

  const Q = `{ currentTenant { code } }`;
  const remaining: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = await gql(i % 2 ? b : a, Q, {}, key); // alternate: a per-process limit would allow 10 on each
    expect([r.status, r.body.data?.currentTenant?.code]).toEqual([200, 'rl']);
    expect(r.headers['x-ratelimit-limit']).toBe('10');
    remaining.push(Number(r.headers['x-ratelimit-remaining']));
  }
  expect(remaining).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  for (const origin of [a, b]) {
    const limited = await gql(origin, Q, {}, key);
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  }
  // another key is counted on its own
  const other = (await gql(a, CREATE_API_KEY, { name: 'other', scopes: ['schemes:read'] }, admin)).body.data
    .createApiKey.key;
  expect((await gql(b, Q, {}, other)).status).toBe(200);
});
