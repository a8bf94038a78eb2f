// Audit of people, keys and tenants; results of unknown schemes and UNIT users' units.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  CREATE_USER,
  login,
  makeWorld,
  ok,
  type GqlResult,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const MISSING_ID = '7b0c7c3e-0000-4000-8000-000000000000';
const RESULTS = `query($s: ID!) { results(schemeId: $s) { subject { code } final } }`;
const AUDIT = `query($e: String, $eid: ID, $a: String) { auditLog(entity: $e, entityId: $eid, action: $a, perPage: 200) { actorKind actorId entity entityId action before after } }`;

let ts: TestServer;
let w: World;
let schemeId: string;

const gql = (q: string, v: Json, token: string) => ts.gql(q, v, token);
const audit = async (vars: Json, token = w.t1.ADMIN) => ok(await gql(AUDIT, vars, token)).auditLog as Json[];
const errorOf = (r: GqlResult) => r.body.errors?.[0]?.message ?? '';

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = ok(await gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: SCHEME }, w.t1.ADMIN))
    .importScheme.id;
  ok(await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: schemeId }, w.t1.ADMIN));
  ok(
    await gql(
      `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`,
      { s: schemeId, d: DATASET },
      w.t1.ADMIN,
    ),
  );
});
afterAll(() => ts?.stop());

describe('audit of people, keys, tenants', () => {
  test('users: create, update, disable, enable, password — never a password or its hash', async () => {
    const u = ok(
      await gql(
        CREATE_USER,
        { input: { email: 'viewer2@t1.test', password: 'secret-pass-9', name: '观察员', role: 'VIEWER' } },
        w.t1.ADMIN,
      ),
    ).createUser;
    const upd = `mutation($id: ID!, $n: String, $d: Boolean, $p: String) { updateUser(id: $id, name: $n, disabled: $d, password: $p) { id } }`;
    ok(await gql(upd, { id: u.id, n: '观察员二' }, w.t1.ADMIN));
    ok(await gql(upd, { id: u.id, d: true }, w.t1.ADMIN));
    ok(await gql(upd, { id: u.id, d: false, p: 'another-pass-7' }, w.t1.ADMIN));
    const log = (await audit({ e: 'user', eid: u.id })).reverse();
    expect(log.map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'DISABLE', 'ENABLE', 'PASSWORD']);
    expect(log[0]).toMatchObject({
      actorId: w.t1.userIds.ADMIN,
      before: null,
      after: { email: 'viewer2@t1.test', name: '观察员', role: 'VIEWER', unit: null, disabled: false },
    });
    expect(log[1]).toMatchObject({ before: { name: '观察员' }, after: { name: '观察员二' } });
    expect(log[2]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    const text = JSON.stringify(log);
    expect(text).not.toMatch(/secret-pass-9|another-pass-7|\$argon2|\$2[aby]\$|scrypt|password_?hash/i);
  });

  test('API keys: create and revoke, with the public lookup id, never the secret', async () => {
    const created = ok(
      await gql(CREATE_API_KEY, { name: '第三方应用', scopes: ['results:read'] }, w.t1.ADMIN),
    ).createApiKey;
    ok(await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.apiKey.id }, w.t1.ADMIN));
    ok(await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.apiKey.id }, w.t1.ADMIN)); // already revoked: no second record
    const log = (await audit({ e: 'api_key', eid: created.apiKey.id })).reverse();
    expect(log.map((e) => e.action)).toEqual(['CREATE', 'REVOKE']);
    expect(log[0].after).toMatchObject({ name: '第三方应用', scopes: ['results:read'], revokedAt: null });
    expect(created.key).toContain(log[0].after.lookupId);
    expect(log[1].after.revokedAt).toBeTruthy();
    const secret = created.key.slice(`kp_${log[0].after.lookupId}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(log)).not.toContain(secret);
  });

  test("tenants: creation (with its first ADMIN) and updates land in the tenant's own log, by the platform administrator", async () => {
    const t3 = ok(
      await ts.gql(
        `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
        { i: { code: 't3', name: '三区', adminEmail: 'a@t3.test', adminPassword: 'tenant3-pass' } },
        w.platform,
      ),
    ).createTenant;
    ok(await ts.gql(`mutation($id: ID!) { updateTenant(id: $id, name: "第三区") { id } }`, { id: t3.id }, w.platform));
    const a3 = (await login(ts, 'a@t3.test', 'tenant3-pass', 't3')).token;
    const log = (await audit({}, a3)).reverse();
    expect(log.map((e) => [e.entity, e.action, e.actorKind])).toEqual([
      ['tenant', 'CREATE', 'platform'],
      ['user', 'CREATE', 'platform'],
      ['tenant', 'UPDATE', 'platform'],
    ]);
    expect(log[0]).toMatchObject({ entityId: t3.id, after: { code: 't3', name: '三区', disabled: false } });
    expect(log[2]).toMatchObject({ before: { name: '三区' }, after: { name: '第三区' } });
    expect(JSON.stringify(log)).not.toContain('tenant3-pass');
    expect((await audit({ e: 'tenant' })).some((e) => e.entityId === t3.id)).toBe(false); // t1 sees none of it
  });
});

describe('NOT_FOUND and BAD_USER_INPUT', () => {
  test("results of an unknown or another tenant's scheme → NOT_FOUND; a UNIT user needs an existing unit", async () => {
    expect(code(await gql(RESULTS, { s: MISSING_ID }, w.t1.ADMIN))).toBe('NOT_FOUND');
    expect(code(await gql(RESULTS, { s: 'nope' }, w.t1.ADMIN))).toBe('BAD_USER_INPUT'); // not an id at all: refused at the edge
    expect(code(await gql(RESULTS, { s: schemeId }, w.t2.admin))).toBe('NOT_FOUND');
    const foreign = await gql(RESULTS, { s: schemeId }, w.t2.admin);
    expect(foreign.body).toEqual((await gql(RESULTS, { s: MISSING_ID }, w.t2.admin)).body);

    const unitUser = (unit: string, email: string) =>
      gql(CREATE_USER, { input: { email, password: 'unit-pass-1', name: unit, role: 'UNIT', unit } }, w.t1.ADMIN);
    const bad = await unitUser('T99', 't99@t1.test');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(errorOf(bad)).toMatch(/T99/);
    expect(code(await unitUser('T01-P', 'member@t1.test'))).toBe('BAD_USER_INPUT'); // a member, not a unit
    expect(
      code(
        await gql(
          CREATE_USER,
          { input: { email: 't01@t2.test', password: 'unit-pass-1', name: 'x', role: 'UNIT', unit: 'T01' } },
          w.t2.admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const good = ok(await unitUser('T01', 't01@t1.test')).createUser;
    expect(good.unit).toBe('T01');
    expect(
      code(await gql(`mutation($id: ID!) { updateUser(id: $id, unit: "T99") { id } }`, { id: good.id }, w.t1.ADMIN)),
    ).toBe('BAD_USER_INPUT');
    expect(
      ok(await gql(`mutation($id: ID!) { updateUser(id: $id, unit: "T02") { unit } }`, { id: good.id }, w.t1.ADMIN))
        .updateUser.unit,
    ).toBe('T02');
  });
});
