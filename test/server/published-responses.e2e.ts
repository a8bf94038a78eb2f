import {
  assignUnit,
  bootServer,
  code,
  countQueries,
  CREATE_API_KEY,
  makeWorld,
  ok,
  publishRun,
  setUpScheme,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

import { exampleDataset, exampleScheme } from '../../shared/src/test-support/example';
import * as responses from '../../server/src/result/published-responses';
import * as resultCache from '../../server/src/result/result-cache';

/** Kept answers of published-only readers (server/src/result/published-responses.ts). */
const SCHEME = exampleScheme();
const DATASET = exampleDataset();

const FIELDS = `subject { code name } final rank grade nodes { code name points explain }`;
const READ = `query($s: ID!, $r: ID) { results(schemeId: $s, runId: $r) { ${FIELDS} } rankings(schemeId: $s, group: "TOWNSHIP", runId: $r) { subject { code } rank } }`;
const SET_TAX = `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { id } }`;

let ts: TestServer;
let w: World;
let s1: string;
let s2: string;
let run1: string;
let key1: string;
let key2: string;

async function tenantWithRun(admin: string): Promise<{ schemeId: string; run: string }> {
  const schemeId = await setUpScheme(ts, admin, SCHEME, DATASET);
  return { schemeId, run: await publishRun(ts, schemeId, admin) };
}

const newKey = async (admin: string, name: string) =>
  ok(await ts.gql(CREATE_API_KEY, { name, scopes: ['results:read'] }, admin)).createApiKey;
/** What an ADMIN (never kept) reads of a given run. */
const fresh = async (runId: string) => ok(await ts.gql(READ, { s: s1, r: runId }, w.t1.ADMIN));

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  ({ schemeId: s1, run: run1 } = await tenantWithRun(w.t1.ADMIN));
  ({ schemeId: s2 } = await tenantWithRun(w.t2.admin));
  key1 = (await newKey(w.t1.ADMIN, 'one')).key;
  key2 = (await newKey(w.t2.admin, 'two')).key;
});
afterAll(() => ts?.stop());

test('a kept answer is what a fresh read answers, in the reader language, limits and cost still charged; a new publish is seen at once', async () => {
  const first = await ts.gql(READ, { s: s1 }, key1);
  const expected = await fresh(run1);
  expect(ok(first)).toEqual(expected);
  let again: Awaited<ReturnType<TestServer['gql']>> | undefined;
  const queries = await countQueries(ts, async () => (again = await ts.gql(READ, { s: s1 }, key1)));
  expect(ok(again!)).toEqual(expected);
  expect(queries.filter((q) => /result_subjects|result_runs/.test(q))).toEqual([]); // answered from memory
  expect(Number(again!.headers['x-ratelimit-remaining'])).toBeLessThan(Number(first.headers['x-ratelimit-remaining']));
  expect(Number(again!.headers['x-cost-remaining'])).toBeLessThan(Number(first.headers['x-cost-remaining']));
  const cost = (r: Json) => r.body.extensions?.cost?.requested;
  expect(cost(again!)).toBeGreaterThan(0);
  expect(cost(again!)).toBe(cost(first));
  // the language is part of what is kept: English explanations for an English reader
  const en = ok(await ts.gql(READ, { s: s1 }, key1, { 'accept-language': 'en' }));
  expect(en).toEqual(ok(await ts.gql(READ, { s: s1, r: run1 }, w.t1.ADMIN, { 'accept-language': 'en' })));
  expect(en).not.toEqual(expected);

  expect(ok(await ts.gql(READ, { s: s1, r: run1 }, key1))).toEqual(expected);
  ok(await ts.gql(SET_TAX, { s: s1, v: { actual: 9900, target: 8000 } }, w.t1.ADMIN));
  const run2 = await publishRun(ts, s1, w.t1.ADMIN);
  const after = ok(await ts.gql(READ, { s: s1 }, key1));
  expect(after).toEqual(await fresh(run2));
  expect(after).not.toEqual(expected);
  // the older run, now superseded, asked by id: no longer visible to published-only readers
  expect(code(await ts.gql(READ, { s: s1, r: run1 }, key1))).toBe('NOT_FOUND');
});

test("a caller never gets another caller's kept answer: another tenant's key, another unit, an ADMIN reading a draft", async () => {
  const mine = ok(await ts.gql(READ, { s: s1 }, key1));
  // t2's key asking for t1's scheme, with the very same document and variables
  expect(code(await ts.gql(READ, { s: s1 }, key2))).toBe('NOT_FOUND');
  expect(ok(await ts.gql(READ, { s: s2 }, key2)).results).toHaveLength(DATASET.subjects.length);
  expect(code(await ts.gql(READ, { s: s2 }, key1))).toBe('NOT_FOUND');

  // one UNIT user moved from unit T01 to T02: each time its own unit's subjects only
  const unitRead = `query($s: ID!) { results(schemeId: $s) { subject { code } final } }`;
  const family = (unit: string) =>
    DATASET.subjects.filter((s) => s.code === unit || s.unit === unit).map((s) => s.code);
  for (const unit of ['T01', 'T02', 'T01']) {
    await assignUnit(ts, w, unit);
    const seen = ok(await ts.gql(unitRead, { s: s1 }, w.t1.UNIT)).results.map((r: Json) => r.subject.code);
    expect(seen.sort()).toEqual(family(unit).sort());
  }

  // a draft: the ADMIN reads it, published-only readers still the published run, and neither is the other's
  ok(await ts.gql(SET_TAX, { s: s1, v: { actual: 5000, target: 8000 } }, w.t1.ADMIN));
  const draft = ok(await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: s1 }, w.t1.ADMIN))
    .computeResults.id;
  const adminRead = ok(await ts.gql(READ, { s: s1 }, w.t1.ADMIN));
  expect(adminRead).toEqual(await fresh(draft));
  expect(adminRead).not.toEqual(mine);
  expect(ok(await ts.gql(READ, { s: s1 }, key1))).toEqual(mine);
  ok(await ts.gql(SET_TAX, { s: s1, v: { actual: 5100, target: 8000 } }, w.t1.ADMIN));
  const draft2 = ok(await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: s1 }, w.t1.ADMIN))
    .computeResults.id;
  expect(ok(await ts.gql(READ, { s: s1 }, w.t1.ADMIN))).toEqual(await fresh(draft2));
});

test('invalid requests still get their 400 after the answer was kept; a revoked key is refused at once', async () => {
  const { key, apiKey } = await newKey(w.t1.ADMIN, 'revoked soon');
  ok(await ts.gql(READ, { s: s1 }, key));
  ok(await ts.gql(READ, { s: s1 }, key));
  for (const variables of [{}, { s: null }, { s: s1, r: 12.5 }, { s: { id: s1 } }]) {
    const r = await ts.gql(READ, variables, key);
    expect([r.status, code(r)]).toEqual([400, 'BAD_USER_INPUT']);
  }
  const invalid = await ts.gql(`${READ.slice(0, -2)} nope } }`, { s: s1 }, key);
  expect(invalid.status).toBe(400);
  // two operations and no operationName: no operation to answer, a 400 (not the plugin's 500)
  const ambiguous = await ts.gql(`query A { me { id } } query B { me { id } }`, {}, key);
  expect(ambiguous.status).toBe(400);

  ok(await ts.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: apiKey.id }, w.t1.ADMIN));
  const refused = await ts.gql(READ, { s: s1 }, key);
  expect([refused.status, code(refused)]).toEqual([401, 'UNAUTHENTICATED']);
  expect(refused.body.data ?? null).toBeNull();
});

test('readers arriving together at an empty cache wait for one answer, and each gets it whole', async () => {
  const { key } = await newKey(w.t1.ADMIN, 'together');
  const expected = ok(await ts.gql(READ, { s: s1 }, key1));
  const made = jest.spyOn(responses, 'notePublishedRead'); // once per root field an answer is made for
  // the first answer takes a while, as a large one does: the others arrive meanwhile
  const read = resultCache.readPublishedResults;
  const slow = jest
    .spyOn(resultCache, 'readPublishedResults')
    .mockImplementation(async (...args) => (await new Promise((r) => setTimeout(r, 300)), read(...args)));
  try {
    const all = await Promise.all(Array.from({ length: 8 }, () => ts.gql(READ, { s: s1 }, key)));
    expect(made).toHaveBeenCalledTimes(2); // one answer's `results` and `rankings`, not eight
    for (const r of all) {
      expect(ok(r)).toEqual(expected);
      // sent from the kept bytes: the length said is that of the text (Chinese names are 3 bytes a character)
      expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(r.body) + '\n'));
      expect((r.body as Json).extensions.cost.requested).toBeGreaterThan(0);
    }
  } finally {
    made.mockRestore();
    slow.mockRestore();
  }
});
