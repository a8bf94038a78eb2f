import request from 'supertest';
import { bootServer, code, login, ok, PLATFORM, type TestServer } from '../support/server';

let ts: TestServer;
let token: string;

beforeAll(async () => {
  ts = await bootServer({ seedDemo: true });
  token = (await login(ts, 'demo@example.com', 'demo', 'demo')).token;
});
afterAll(() => ts?.stop());

async function stillServing() {
  expect((await request(ts.origin).get('/healthz')).status).toBe(200);
  expect(ok(await ts.gql(`{ me { email } }`, {}, token)).me.email).toBe('demo@example.com');
}

test('GET /healthz is 200 with the database up', async () => {
  const r = await request(ts.origin).get('/healthz');
  expect(r.status).toBe(200);
  expect(r.body).toEqual({ status: 'ok' });
});

test('the demo tenant exists with its ADMIN (SEED_DEMO)', async () => {
  const d = ok(await ts.gql(`{ currentTenant { code name } me { role } }`, {}, token));
  expect(d).toEqual({ currentTenant: { code: 'demo', name: '示范区' }, me: { role: 'ADMIN' } });
});

test('a malformed JSON body gets a clear 400 and the server keeps serving', async () => {
  const r = await request(ts.origin)
    .post('/graphql')
    .set('content-type', 'application/json')
    .send('{"query": "{ me { id } ');
  expect(r.status).toBe(400);
  expect(r.body.errors[0]).toEqual({ message: 'Malformed JSON in request body', extensions: { code: 'BAD_REQUEST' } });
  await stillServing();
});

test('a body over 1 MB gets 413 with a clear JSON error', async () => {
  const big = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1024 * 1024 + 10) } });
  const r = await request(ts.origin).post('/graphql').set('content-type', 'application/json').send(big);
  expect(r.status).toBe(413);
  expect(r.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  expect(r.body.errors[0].message).toMatch(/too large/);
  await stillServing();
});

test('an unknown operation name gets a clear error', async () => {
  const r = await request(ts.origin)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`)
    .send({ query: 'query A { me { id } }', operationName: 'B' });
  expect(r.status).toBe(400);
  expect(r.body.errors[0].message).toMatch(/Unknown operation named "B"/);
  expect(r.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  await stillServing();
});

test('a syntax error and an unknown field are clear client errors', async () => {
  const parse = await ts.gql(`{ me { id `, {}, token);
  expect(parse.status).toBe(400);
  expect(code(parse)).toBe('GRAPHQL_PARSE_FAILED');
  const unknown = await ts.gql(`{ nope }`, {}, token);
  expect(unknown.status).toBe(400);
  expect(code(unknown)).toBe('GRAPHQL_VALIDATION_FAILED');
});

test('a too-deep query is refused with a validation error', async () => {
  // positive control: a normal query passes
  expect(code(await ts.gql(`{ me { tenant { code } } }`, {}, token))).toBe('OK');
  // the schema has no cycles yet, so nest the same field: validation of depth runs before field checks
  let q = 'code';
  for (let i = 0; i < 12; i++) q = `tenant { ${q} }`;
  const r = await ts.gql(`{ me { ${q} } }`, {}, token);
  expect(r.status).toBe(400);
  expect(code(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.body.errors!.map((e) => e.message)).toContain('Query depth limit of 10 exceeded, found 14.');
  await stillServing();
});

test('too many aliases are refused', async () => {
  const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ');
  const r = await ts.gql(`{ ${aliases} }`, {}, token);
  expect(code(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.body.errors![0].message).toBe('Aliases limit of 30 exceeded, found 31.');
  const fine = Array.from({ length: 5 }, (_, i) => `a${i}: me { id }`).join(' ');
  expect(code(await ts.gql(`{ ${fine} }`, {}, token))).toBe('OK');
});

test('a too costly query is refused with QUERY_TOO_COMPLEX', async () => {
  const lists = Array.from(
    { length: 25 },
    (_, i) => `l${i}: allUsers(perPage: 200) { id email name role unit createdAt }`,
  ).join(' ');
  const r = await ts.gql(`{ ${lists} }`, {}, token);
  expect(r.status).toBe(400);
  expect(code(r)).toBe('QUERY_TOO_COMPLEX');
  expect(code(await ts.gql(`{ allUsers(perPage: 200) { id email } }`, {}, token))).toBe('OK');
});

test('too many tokens are refused', async () => {
  const fields = Array.from({ length: 6000 }, () => 'id').join(' ');
  const r = await ts.gql(`{ me { ${fields} } }`, {}, token);
  expect(code(r)).toBe('GRAPHQL_PARSE_FAILED');
  expect(r.body.errors![0].message).toMatch(/more th\w+ 5000 tokens/);
});

test('batched requests are off', async () => {
  const r = await request(ts.origin)
    .post('/graphql')
    .set('content-type', 'application/json')
    .send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
  expect(r.status).toBe(400);
  expect(JSON.stringify(r.body)).toMatch(/batch/i);
});

test('CSRF prevention: a simple (non-preflighted) request is refused', async () => {
  const r = await request(ts.origin)
    .post('/graphql')
    .set('content-type', 'text/plain')
    .send('{"query":"{ me { id } }"}');
  expect(r.status).toBe(400);
  expect(r.text).toMatch(/CSRF|preflight/i);
  const get = await request(ts.origin).get('/graphql').query({ query: '{ __typename }' });
  expect(get.status).toBe(400);
  const withHeader = await request(ts.origin)
    .get('/graphql')
    .set('apollo-require-preflight', 'true')
    .query({ query: '{ __typename }' });
  expect(withHeader.status).toBe(200);
});

test('input validation runs on arguments (class-validator)', async () => {
  const r = await ts.gql(
    `mutation { createUser(input: { email: "bad", password: "x", name: "", role: VIEWER }) { id } }`,
    {},
    token,
  );
  expect(code(r)).toBe('BAD_USER_INPUT');
});

test('/ redirects to /admin/', async () => {
  const r = await request(ts.origin).get('/');
  expect(r.status).toBe(302);
  expect(r.headers.location).toBe('/admin/');
});

test('unknown routes are a JSON 404', async () => {
  const r = await request(ts.origin).get('/nope');
  expect(r.status).toBe(404);
  expect(r.body.errors[0].extensions.code).toBe('NOT_FOUND');
});

test('the platform administrator from config can log in', async () => {
  expect((await login(ts, PLATFORM.email, PLATFORM.password)).token).toBeTruthy();
});
