import { bootServer, CREATE_API_KEY, makeWorld, ok, type Json, type TestServer, type World } from '../support/server';

let ts: TestServer;
let w: World;
let key: string;
let other: string;
const LIST = `{ allSchemes(perPage: 10) { id code } }`; // 1 + 10 × 2

beforeAll(async () => {
  ts = await bootServer({ costBudget: 100, costWindowSeconds: 60 });
  w = await makeWorld(ts);
  key = ok(await ts.gql(CREATE_API_KEY, { name: 'app', scopes: ['schemes:read'] }, w.t1.ADMIN)).createApiKey.key;
  other = ok(await ts.gql(CREATE_API_KEY, { name: 'other', scopes: ['schemes:read'] }, w.t1.ADMIN)).createApiKey.key;
});
afterAll(() => ts?.stop());

test("each answer's extensions.cost gives the requested cost and the key's remaining budget, spent by cost", async () => {
  const first = await ts.gql(LIST, {}, key);
  expect(first.status).toBe(200);
  expect((first.body as Json).extensions.cost).toEqual({
    requested: 21,
    limit: 100,
    remaining: 79,
    resetSeconds: expect.any(Number),
  });
  expect(first.headers['x-cost-remaining']).toBe('79');
  const cheap = await ts.gql(`{ allSchemes(perPage: 1) { id } }`, {}, key);
  expect((cheap.body as Json).extensions.cost).toMatchObject({ requested: 2, remaining: 77 });
  for (const remaining of [56, 35, 14])
    expect(((await ts.gql(LIST, {}, key)).body as Json).extensions.cost.remaining).toBe(remaining);
  // 21 does not fit in the 14 left: 429, nothing read
  const refused = await ts.gql(LIST, {}, key);
  expect(refused.status).toBe(429);
  expect(refused.body.errors![0].extensions!.code).toBe('RATE_LIMITED');
  expect(refused.body.data).toBeUndefined();
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect((refused.body as Json).extensions.cost).toMatchObject({ requested: 21, remaining: 0 });
  // each key has its own budget
  expect(((await ts.gql(LIST, {}, other)).body as Json).extensions.cost).toMatchObject({
    requested: 21,
    remaining: 79,
  });
});

test('staff answers show the requested cost, without a key budget', async () => {
  const r = await ts.gql(LIST, {}, w.t1.ADMIN);
  expect(r.status).toBe(200);
  expect((r.body as Json).extensions.cost).toEqual({ requested: 21 });
});
