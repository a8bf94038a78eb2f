import request from 'supertest';
import { bootServer, ok, PLATFORM, login, CREATE_TENANT, type TestServer } from '../support/server';

jest.setTimeout(90_000);

let ts: TestServer;
beforeAll(async () => {
  ts = await bootServer();
});
afterAll(() => ts?.stop());

const health = async () => (await request(ts.origin).get('/healthz')).status;

// The embedded PostgreSQL killed outright (SIGKILL, as the OOM killer would) is started again by
// the server: /healthz is 503 while it is down and 200 soon after; every acknowledged write is kept.
test('the server restarts its embedded PostgreSQL after it is killed; no acknowledged write is lost', async () => {
  const embedded = ts.server.embedded!;
  const platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
  const acknowledged: string[] = [];
  for (let i = 0; i < 5; i++) {
    const code = `kill${i}`;
    ok(
      await ts.gql(
        CREATE_TENANT,
        { input: { code, name: `Before ${i}`, adminEmail: `a@${code}.test`, adminPassword: 'admin-pass-1' } },
        platform,
      ),
    );
    acknowledged.push(code);
  }
  expect(await health()).toBe(200);
  const pid = embedded.pid!;
  expect(pid).toBeGreaterThan(0);

  // writes keep coming while PostgreSQL is killed: every one that was answered OK must survive
  let writing = true;
  const writer = (async () => {
    for (let i = 0; writing && i < 500; i++) {
      const code = `during${i}`;
      const r = await ts.gql(
        CREATE_TENANT,
        { input: { code, name: `During ${i}`, adminEmail: `a@${code}.test`, adminPassword: 'admin-pass-1' } },
        platform,
      );
      if (r.status === 200 && r.body.data?.createTenant) acknowledged.push(code);
      else
        expect([r.status, r.body.errors?.[0]?.extensions?.code, r.body.errors?.[0]?.message]).toEqual([
          503,
          'SERVICE_UNAVAILABLE',
          expect.any(String),
        ]);
    }
  })();
  await new Promise((r) => setTimeout(r, 300));

  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  let sawDown = false;
  let backAt = 0;
  let status = 0;
  for (let i = 0; i < 600 && status !== 200; i++) {
    status = await health();
    if (status === 503) sawDown = true;
    if (!backAt && embedded.restarts > 0) backAt = Date.now();
    if (status !== 200) await new Promise((r) => setTimeout(r, 50));
  }
  const healthyAt = Date.now();
  writing = false;
  await writer;
  expect(sawDown).toBe(true); // 503 while it was down, never a hang or a 500
  expect(status).toBe(200);
  expect(embedded.restarts).toBe(1);
  expect(embedded.pid).not.toBe(pid);
  expect(healthyAt - backAt).toBeLessThan(5000);
  console.log(
    `embedded PostgreSQL killed → restarted after ${backAt - killedAt} ms → /healthz 200 after ${healthyAt - killedAt} ms; ${acknowledged.length} acknowledged writes`,
  );

  const codes = ok(await ts.gql(`{ allTenants(perPage: 200) { code } }`, {}, platform)).allTenants.map(
    (t: { code: string }) => t.code,
  );
  for (const c of acknowledged) expect(codes).toContain(c);
  ok(
    await ts.gql(
      CREATE_TENANT,
      { input: { code: 'after', name: 'After', adminEmail: 'a@after.test', adminPassword: 'admin-pass-1' } },
      platform,
    ),
  );
});
