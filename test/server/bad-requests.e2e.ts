/**
 * Each root cause of the 5xx answers an outside fuzzer found, as a client would send it: every one
 * is now a 4xx with a clear code and no internal text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import request from 'supertest';
import { signToken } from '../../server/src/auth/jwt';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  login,
  ok,
  PLATFORM,
  type GqlResult,
  type Json,
  type TestServer,
} from '../support/server';

let ts: TestServer;
let admin: string;
let platform: string;

beforeAll(async () => {
  ts = await bootServer({ seedDemo: true });
  admin = (await login(ts, 'demo@example.com', 'demo', 'demo')).token;
  platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
});
afterAll(() => ts?.stop());

const INTERNAL =
  /INTERNAL_SERVER_ERROR|Internal server error|\bat .+:\d+:\d+|node_modules|\.ts\b|QueryFailedError|typeorm|invalid input syntax|invalid byte sequence|Unicode escape|stack/i;

function clientError(r: GqlResult, status: number, errorCode: string) {
  expect([r.status, code(r)]).toEqual([status, errorCode]);
  expect(JSON.stringify(r.body)).not.toMatch(INTERNAL);
}

/** A raw JSON body (for what JSON.stringify cannot write: 1e999, lone surrogates). */
async function raw(body: string, token = admin) {
  const r = await request(ts.origin)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`)
    .send(body);
  return { status: r.status, body: r.body, headers: r.headers };
}

const sign = (sub: string, extra: { tid?: string; ttl?: number } = {}) =>
  signToken(
    { sub, kind: extra.tid ? 'user' : 'platform', tid: extra.tid },
    { secret: ts.server.config.jwtSecret, issuer: 'kaoping', audience: 'kaoping-api', ttlSeconds: extra.ttl ?? 60 },
  );

describe('variables that fail coercion are 400 BAD_USER_INPUT (the cost limit no longer sees them)', () => {
  test.each([
    ['wrong type', `query($p: Int) { allUsers(perPage: $p) { id } }`, { p: 'many' }],
    ['null for non-null', `query($id: ID!) { User(id: $id) { id } }`, { id: null }],
    ['missing non-null', `query($id: ID!) { User(id: $id) { id } }`, {}],
    [
      'bad enum',
      `mutation($r: Role!) { createUser(input: { email: "x@y.z", password: "pass-1234", name: "X", role: $r }) { id } }`,
      { r: 'KING' },
    ],
    [
      'object for a list',
      `mutation($rows: [InputRowInput!]!) { setInputs(schemeId: "00000000-0000-4000-8000-000000000000", source: SELF, rows: $rows) { id } }`,
      { rows: { a: 1 } },
    ],
  ])('%s', async (_name, query, variables) => {
    clientError(await ts.gql(query, variables, admin), 400, 'BAD_USER_INPUT');
  });

  test('positive control: the same operation with good variables runs', async () => {
    expect(code(await ts.gql(`query($p: Int) { allUsers(perPage: $p) { id } }`, { p: 5 }, admin))).toBe('OK');
  });
});

describe('authentication and authorization failures while building the context keep their status', () => {
  test('a garbage bearer token, a garbage API key and a malformed header are 401', async () => {
    for (const auth of [
      'Bearer nonsense',
      'Bearer kp_0123456789abcdef_' + 'x'.repeat(43),
      'Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA',
      'Basic abc',
    ]) {
      const r = await request(ts.origin)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', auth)
        .send({ query: '{ me { id } }' });
      expect([auth, r.status, r.body.errors[0].extensions.code]).toEqual([auth, 401, 'UNAUTHENTICATED']);
    }
  });

  test('an expired token is 401', async () => {
    const me = ok(await ts.gql(`{ me { id } }`, {}, platform)).me.id;
    expect(code(await ts.gql(`{ me { id } }`, {}, await sign(me)))).toBe('OK');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ kind: 'platform' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(me)
      .setIssuer('kaoping')
      .setAudience('kaoping-api')
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(ts.server.config.jwtSecret));
    clientError(await ts.gql(`{ me { id } }`, {}, expired), 401, 'UNAUTHENTICATED');
  });

  test('a validly signed token whose ids are not ids is 401, never a uuid cast error', async () => {
    clientError(await ts.gql(`{ me { id } }`, {}, await sign('not-a-uuid')), 401, 'UNAUTHENTICATED');
    clientError(
      await ts.gql(`{ me { id } }`, {}, await sign('00000000-0000-4000-8000-000000000000', { tid: "1'; --" })),
      401,
      'UNAUTHENTICATED',
    );
  });

  test('X-Tenant from a tenant user is 403; an unknown tenant for a platform admin is 404', async () => {
    clientError(await ts.gql(`{ me { id } }`, {}, admin, { 'x-tenant': 'demo' }), 403, 'FORBIDDEN');
    clientError(await ts.gql(`{ me { id } }`, {}, undefined, { 'x-tenant': 'demo' }), 403, 'FORBIDDEN');
    clientError(await ts.gql(`{ currentTenant { code } }`, {}, platform, { 'x-tenant': 'no-such' }), 404, 'NOT_FOUND');
    expect(
      ok(await ts.gql(`{ currentTenant { code } }`, {}, platform, { 'x-tenant': 'demo' })).currentTenant.code,
    ).toBe('demo');
  });

  test('an API key over its limit is 429, a revoked key 401', async () => {
    const { key, apiKey } = ok(
      await ts.gql(CREATE_API_KEY, { name: 'k', scopes: ['schemes:read'] }, admin),
    ).createApiKey;
    expect(code(await ts.gql(`{ currentTenant { code } }`, {}, key))).toBe('OK');
    ok(await ts.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: apiKey.id }, admin));
    clientError(await ts.gql(`{ currentTenant { code } }`, {}, key), 401, 'UNAUTHENTICATED');
  });
});

describe('input hygiene: refused with the argument path before any resolver or SQL runs', () => {
  const UPDATE_ME = `mutation($id: ID!, $name: String) { updateUser(id: $id, name: $name) { name } }`;
  let myId: string;
  beforeAll(async () => {
    myId = ok(await ts.gql(`{ me { id } }`, {}, admin)).me.id;
  });

  test('a NUL byte in a string argument, inline or as a variable', async () => {
    const r = await ts.gql(UPDATE_ME, { id: myId, name: 'a\u0000b' }, admin);
    clientError(r, 400, 'BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.problems).toEqual([
      { path: '/updateUser/name', message: 'text contains a NUL character' },
    ]);
    const inline = await ts.gql(`mutation { updateUser(id: "${myId}", name: "a\\u0000b") { name } }`, {}, admin);
    clientError(inline, 400, 'BAD_USER_INPUT');
    expect(ok(await ts.gql(UPDATE_ME, { id: myId, name: '示范管理员' }, admin)).updateUser.name).toBe('示范管理员');
  });

  test('an unpaired surrogate, in a string and inside a JSON value (raw JSON body)', async () => {
    const s = await raw(
      `{"query":"mutation($id: ID!, $name: String) { updateUser(id: $id, name: $name) { name } }","variables":{"id":"${myId}","name":"x\\ud800y"}}`,
    );
    clientError(s, 400, 'BAD_USER_INPUT');
    expect(s.body.errors![0].extensions!.problems[0]).toEqual({
      path: '/updateUser/name',
      message: 'text contains invalid Unicode (an unpaired surrogate)',
    });
    const j = await raw(
      `{"query":"mutation($d: JSON!) { importScheme(definition: $d) { id } }","variables":{"d":{"code":"x","groups":[{"name":"\\udc00"}]}}}`,
    );
    clientError(j, 400, 'BAD_USER_INPUT');
    expect(j.body.errors![0].extensions!.problems[0].path).toBe('/importScheme/definition/groups/0/name');
    // a proper pair (an emoji) is fine as text
    expect(ok(await ts.gql(UPDATE_ME, { id: myId, name: 'ok 😀' }, admin)).updateUser.name).toBe('ok 😀');
  });

  test('a NUL inside a JSON key', async () => {
    const r = await ts.gql(
      `mutation($d: JSON!) { importScheme(definition: $d) { id } }`,
      { d: { ['a\u0000']: 1 } },
      admin,
    );
    clientError(r, 400, 'BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.problems[0].path).toBe('/importScheme/definition/a\u0000');
  });

  test('JSON nested deeper than 64 levels (even 5,000: no stack overflow anywhere)', async () => {
    // written by hand: JSON.stringify itself overflows long before 50,000 levels
    const deep = (n: number) =>
      `{"query":"mutation($d: JSON!) { importScheme(definition: $d) { id } }","variables":{"d":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}}`;
    const shallow = await raw(deep(63));
    expect([shallow.status, code(shallow)]).toEqual([200, 'BAD_USER_INPUT']); // not a scheme: the engine's validator answers
    expect(shallow.body.errors![0].extensions!.problems).not.toEqual([
      expect.objectContaining({ message: 'JSON nested deeper than 64 levels' }),
    ]);
    for (const n of [65, 5000, 50_000]) {
      const r = await raw(deep(n));
      clientError(r, 400, 'BAD_USER_INPUT');
      expect(r.body.errors![0].extensions!.problems[0]).toEqual({
        path: '/importScheme/definition' + '/a'.repeat(64),
        message: 'JSON nested deeper than 64 levels',
      });
    }
  });

  test('numbers that are not finite (1e999 in a JSON body) are refused', async () => {
    const r = await raw(
      `{"query":"mutation($d: JSON!) { importScheme(definition: $d) { id } }","variables":{"d":{"weight":1e999}}}`,
    );
    clientError(r, 400, 'BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.problems[0]).toEqual({
      path: '/importScheme/definition/weight',
      message: 'number is not finite',
    });
    const f = await raw(`{"query":"query($p: Int) { allUsers(perPage: $p) { id } }","variables":{"p":1e999}}`);
    clientError(f, 400, 'BAD_USER_INPUT');
  });

  test('ids that are not ids, in a variable or inline', async () => {
    const r = await ts.gql(`query($id: ID!) { User(id: $id) { id } }`, { id: 'not-a-uuid' }, admin);
    clientError(r, 400, 'BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.problems).toEqual([{ path: '/User/id', message: 'not a valid id' }]);
    clientError(await ts.gql(`{ results(schemeId: "x'; drop table") { group } }`, {}, admin), 400, 'BAD_USER_INPUT');
    clientError(await ts.gql(`{ User(id: 12) { id } }`, {}, admin), 400, 'BAD_USER_INPUT');
    // a well-formed id that does not exist stays NOT_FOUND
    expect(
      code(
        await ts.gql(`query($id: ID!) { User(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, admin),
      ),
    ).toBe('NOT_FOUND');
  });

  test('strings beyond 100,000 characters in a plain argument', async () => {
    clientError(await ts.gql(UPDATE_ME, { id: myId, name: 'x'.repeat(100_001) }, admin), 400, 'BAD_USER_INPUT');
  });
});

describe('requests GraphQL over HTTP does not serve here', () => {
  test('a subscription is a clear 400', async () => {
    const r = await ts.gql(`subscription { me { id } }`, {}, admin);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].message).toMatch(/subscription/i);
    expect(JSON.stringify(r.body)).not.toMatch(INTERNAL);
  });

  test('a persisted-query request is a clear 400, with or without the query text', async () => {
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      { query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: { $ne: 1 } } } },
      { extensions: { persistedQuery: 'x' } },
    ]) {
      const r = await request(ts.origin).post('/graphql').set('content-type', 'application/json').send(body);
      expect([r.status, r.body.errors[0].extensions.code]).toEqual([400, 'PERSISTED_QUERY_NOT_SUPPORTED']);
    }
    const get = await request(ts.origin)
      .get('/graphql')
      .set('apollo-require-preflight', '1')
      .query({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'a' } }) });
    expect(get.status).toBe(400);
  });

  test('malformed GraphQL request bodies are 400', async () => {
    for (const body of [
      { query: 5 },
      { query: '{ me { id } }', variables: 'x' },
      { query: '{ me { id } }', extensions: 7 },
      {},
      { query: '{ me { id } }', operationName: ['a'] },
    ]) {
      const r = await request(ts.origin).post('/graphql').set('content-type', 'application/json').send(body);
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
      expect(JSON.stringify(r.body)).not.toMatch(INTERNAL);
    }
  });
});

/** The example scheme with every `points` set to `points`, published, with the example data; computeResults' answer. */
async function computeWithPoints(code: string, points: number) {
  const example = (f: string) => JSON.parse(readFileSync(path.join(__dirname, '../../shared/examples', f), 'utf8'));
  const definition = example('district-2023.scheme.json');
  definition.code = code;
  const bump = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'points' && typeof v === 'number') (o as Json).points = points;
      else bump(v);
    }
  };
  bump(definition);
  const scheme = ok(
    await ts.gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: definition }, admin),
  ).importScheme;
  ok(await ts.gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: scheme.id }, admin));
  ok(
    await ts.gql(
      `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { inputs } }`,
      { s: scheme.id, d: example('district-2023.dataset.json') },
      admin,
    ),
  );
  const run = await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: scheme.id }, admin);
  expect(JSON.stringify(run.body)).not.toMatch(INTERNAL);
  return { schemeId: scheme.id as string, run };
}

describe('computeResults on odd but valid schemes', () => {
  test('points 1e22: a run is computed (rounding failed to make a BigInt of such values before)', async () => {
    const { schemeId, run } = await computeWithPoints('huge-points', 1e22);
    const results = ok(
      await ts.gql(
        `query($s: ID!, $r: ID) { results(schemeId: $s, runId: $r) { final } }`,
        { s: schemeId, r: ok(run).computeResults.id },
        admin,
      ),
    ).results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(Number.isFinite(r.final)).toBe(true);
  });

  test('points 1.7e308, whose scores overflow to Infinity: a CONFLICT naming the subjects, not a NOT NULL violation', async () => {
    const { run } = await computeWithPoints('overflow-points', 1.7e308);
    expect(code(run)).toBe('CONFLICT');
    expect(run.body.errors![0].message).toMatch(/too large to compute for: \S+/);
  });
});
