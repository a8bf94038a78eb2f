import request from 'supertest';
import { startEmbeddedPostgres } from '../../server/src/db/embedded';
import { bootServer, code, login, ok, PLATFORM, tempDataDir } from '../support/server';

jest.setTimeout(120_000);

// The server survives its database restarting and reconnects by itself.
test('the server reconnects after PostgreSQL restarts, and fails cleanly while it is down', async () => {
  const pgDir = tempDataDir('kp-reconnect-');
  let pg = await startEmbeddedPostgres(pgDir);
  const ts = await bootServer({ databaseUrl: pg.url });
  try {
    const platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
    const ME = `{ me { email role } }`;
    expect(ok(await ts.gql(ME, {}, platform)).me).toEqual({ email: PLATFORM.email, role: 'PLATFORM_ADMIN' });

    await pg.stop();
    expect((await request(ts.origin).get('/healthz')).status).toBe(503);
    const down = await ts.gql(ME, {}, platform);
    expect([down.status, code(down)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(down.headers['retry-after']).toBe('1');
    // a request that needs no database to authenticate fails in its resolver: 503 too
    const anon = await ts.gql(`mutation { login(email: "x@y.z", password: "p") { token } }`);
    expect([anon.status, code(anon)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|terminat|postgres/i);

    pg = await startEmbeddedPostgres(pgDir, undefined, pg.port);
    let health = 0;
    for (let i = 0; i < 50 && health !== 200; i++) {
      health = (await request(ts.origin).get('/healthz')).status;
      if (health !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(health).toBe(200);
    expect(ok(await ts.gql(ME, {}, platform)).me.email).toBe(PLATFORM.email);
    expect((await login(ts, PLATFORM.email, PLATFORM.password)).token).toBeTruthy();
  } finally {
    await ts.stop();
    await pg.stop();
  }
});
