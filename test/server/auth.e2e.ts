import { createHmac } from 'node:crypto';
import {
  bootServer,
  code,
  CREATE_USER,
  LOGIN,
  makeWorld,
  ok,
  PLATFORM,
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

const ME = `query Me { me { id email role unit tenant { code } } }`;

function b64(o: unknown) {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}
function signHs256(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }) {
  const h = b64(header);
  const p = b64(payload);
  const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${s}`;
}
function claimsOf(token: string) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

describe('login', () => {
  test('a correct login returns a token and the user', async () => {
    const d = ok(await ts.gql(LOGIN, { email: 'ADMIN@t1.test', password: 'admin-pass-1', tenant: 't1' }));
    expect(d.login.user).toMatchObject({ email: 'admin@t1.test', role: 'ADMIN', tenant: { code: 't1' } });
    expect(d.login.token.split('.')).toHaveLength(3);
  });

  test('wrong password and unknown email answer the same UNAUTHENTICATED without saying which part', async () => {
    const wrongPw = await ts.gql(LOGIN, { email: 'admin@t1.test', password: 'nope-nope', tenant: 't1' });
    const unknown = await ts.gql(LOGIN, { email: 'nobody@t1.test', password: 'admin-pass-1', tenant: 't1' });
    const wrongTenant = await ts.gql(LOGIN, { email: 'admin@t1.test', password: 'admin-pass-1', tenant: 't2' });
    for (const r of [wrongPw, unknown, wrongTenant]) {
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect(r.body.data).toBeNull();
    }
    const messages = new Set([wrongPw, unknown, wrongTenant].map((r) => r.body.errors![0].message));
    expect(messages.size).toBe(1);
    const msg = [...messages][0].toLowerCase();
    expect(msg).not.toMatch(/not found|unknown|no such|does not exist|incorrect password/);
  });

  test('without tenant, login succeeds only where exactly one account has the email', async () => {
    // same email in t1 and t2
    ok(
      await ts.gql(
        CREATE_USER,
        { input: { email: 'twin@x.test', password: 'twin-pass', name: 'Twin', role: 'VIEWER' } },
        w.t1.ADMIN,
      ),
    );
    ok(
      await ts.gql(
        CREATE_USER,
        { input: { email: 'twin@x.test', password: 'twin-pass', name: 'Twin', role: 'VIEWER' } },
        w.t2.admin,
      ),
    );
    expect(code(await ts.gql(LOGIN, { email: 'twin@x.test', password: 'twin-pass' }))).toBe('UNAUTHENTICATED');
    const d = ok(await ts.gql(LOGIN, { email: 'twin@x.test', password: 'twin-pass', tenant: 't2' }));
    expect(d.login.user.tenant.code).toBe('t2');
    // a unique email logs in without tenant
    const u = ok(await ts.gql(LOGIN, { email: 'leader@t1.test', password: 'LEADER-pass' }));
    expect(u.login.user).toMatchObject({ role: 'LEADER', tenant: { code: 't1' } });
  });

  test('the platform administrator logs in without a tenant and has none', async () => {
    const d = ok(await ts.gql(LOGIN, { email: PLATFORM.email, password: PLATFORM.password }));
    expect(d.login.user).toMatchObject({ role: 'PLATFORM_ADMIN', tenant: null });
  });

  test('passwords are stored as argon2id hashes', async () => {
    const rows = await ts.server.dataSource.query(`SELECT password_hash FROM platform_admins`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(rows)).not.toContain(PLATFORM.password);
  });
});

describe('tokens', () => {
  test('me answers for each role', async () => {
    for (const role of ['ADMIN', 'ASSESSOR', 'MONITOR', 'UNIT', 'LEADER', 'VIEWER'] as const) {
      const d = ok(await ts.gql(ME, {}, w.t1[role]));
      expect(d.me).toMatchObject({ role, tenant: { code: 't1' } });
    }
    expect(ok(await ts.gql(ME, {}, w.t1.UNIT)).me.unit).toBeNull(); // a unit is given once it exists (assignUnit)
    expect(ok(await ts.gql(ME, {}, w.platform)).me).toMatchObject({ role: 'PLATFORM_ADMIN', tenant: null });
  });

  test('no token: me is UNAUTHENTICATED', async () => {
    expect(code(await ts.gql(ME))).toBe('UNAUTHENTICATED');
  });

  test('a token signed with another secret is refused', async () => {
    const claims = claimsOf(w.t1.ADMIN);
    const forged = signHs256(claims, 'some-other-secret-of-sufficient-length!!');
    const r = await ts.gql(ME, {}, forged);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.body.data ?? null).toBeNull();
  });

  test('a tampered payload (role/tenant swap) is refused', async () => {
    const [h, , s] = w.t1.VIEWER.split('.');
    const claims = { ...claimsOf(w.t1.VIEWER), tid: w.t2.id };
    expect(code(await ts.gql(ME, {}, `${h}.${b64(claims)}.${s}`))).toBe('UNAUTHENTICATED');
  });

  test('alg none and garbage are refused', async () => {
    const claims = claimsOf(w.t1.ADMIN);
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect(code(await ts.gql(ME, {}, none))).toBe('UNAUTHENTICATED');
    expect(code(await ts.gql(ME, {}, 'not-a-token'))).toBe('UNAUTHENTICATED');
    expect(code(await ts.gql(ME, {}, undefined, { authorization: 'Basic abc' }))).toBe('UNAUTHENTICATED');
  });

  test('an expired token (correctly signed) is refused, a fresh one with the same secret works', async () => {
    const secret = ts.server.config.jwtSecret;
    const now = Math.floor(Date.now() / 1000);
    const base = claimsOf(w.t1.ADMIN);
    const expired = signHs256({ ...base, iat: now - 7200, nbf: now - 7200, exp: now - 60 }, secret);
    expect(code(await ts.gql(ME, {}, expired))).toBe('UNAUTHENTICATED');
    // positive control: the same construction, not expired, is accepted
    const fresh = signHs256({ ...base, iat: now, nbf: now, exp: now + 600 }, secret);
    expect(ok(await ts.gql(ME, {}, fresh)).me.email).toBe('admin@t1.test');
  });

  test('wrong issuer or audience is refused', async () => {
    const secret = ts.server.config.jwtSecret;
    const base = claimsOf(w.t1.ADMIN);
    expect(code(await ts.gql(ME, {}, signHs256({ ...base, iss: 'someone-else' }, secret)))).toBe('UNAUTHENTICATED');
    expect(code(await ts.gql(ME, {}, signHs256({ ...base, aud: 'other-api' }, secret)))).toBe('UNAUTHENTICATED');
  });

  test('a disabled user is refused at once, and re-enabled works again', async () => {
    const id = w.t1.userIds.VIEWER;
    ok(await ts.gql(`mutation($id: ID!) { updateUser(id: $id, disabled: true) { id disabled } }`, { id }, w.t1.ADMIN));
    expect(code(await ts.gql(ME, {}, w.t1.VIEWER))).toBe('UNAUTHENTICATED');
    expect(code(await ts.gql(LOGIN, { email: 'viewer@t1.test', password: 'VIEWER-pass', tenant: 't1' }))).toBe(
      'UNAUTHENTICATED',
    );
    ok(await ts.gql(`mutation($id: ID!) { updateUser(id: $id, disabled: false) { id disabled } }`, { id }, w.t1.ADMIN));
    expect(ok(await ts.gql(ME, {}, w.t1.VIEWER)).me.role).toBe('VIEWER');
  });
});
