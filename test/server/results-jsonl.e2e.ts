import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  assignUnit,
  bootServer,
  CREATE_API_KEY,
  makeWorld,
  ok,
  publishRun,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const FIELDS = `subject { code name } group base bonus deduction final rank grade vetoes adjustments { rule points } warnings { code indicator } nodes { code name maxPoints points rate out }`;
const RESULTS = `query($s: ID!, $r: ID) { results(schemeId: $s, runId: $r) { ${FIELDS} } }`;

let ts: TestServer;
let w: World;
let schemeId: string;
let published: string;
let draft: string;
let resultsKey: string;
let schemesKey: string;

async function jsonl(runId: string, token?: string) {
  let req = request(ts.origin)
    .get(`/files/runs/${runId}/results.jsonl`)
    .buffer(true)
    .parse((res, cb) => {
      let s = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (s += c));
      res.on('end', () => cb(null, s));
    });
  if (token) req = req.set('authorization', `Bearer ${token}`);
  const res = await req;
  return { status: res.status, text: res.body as string, headers: res.headers as Record<string, string> };
}
const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json);

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  const gql = (q: string, v: Json) => ts.gql(q, v, w.t1.ADMIN);
  schemeId = ok(await gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: SCHEME })).importScheme
    .id;
  ok(await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: schemeId }));
  ok(
    await gql(`mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`, {
      s: schemeId,
      d: DATASET,
    }),
  );
  published = await publishRun(ts, schemeId, w.t1.ADMIN);
  ok(
    await gql(
      `mutation($s: ID!, $sub: String!, $i: String!, $v: JSON!) { setInput(schemeId: $s, subject: $sub, indicator: $i, source: REVIEW, value: $v) { id } }`,
      { s: schemeId, sub: 'T01', i: 'ROADS', v: { actual: 9.5, target: 12 } },
    ),
  );
  draft = ok(await gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId })).computeResults.id;
  resultsKey = ok(await gql(CREATE_API_KEY, { name: 'pull', scopes: ['results:read'] })).createApiKey.key;
  schemesKey = ok(await gql(CREATE_API_KEY, { name: 'schemes', scopes: ['schemes:read'] })).createApiKey.key;
});
afterAll(() => ts?.stop());

test('one subject a line, the same fields and values as results, for an API key with results:read', async () => {
  const r = await jsonl(published, resultsKey);
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
  expect(r.headers['content-disposition']).toContain(`${SCHEME.code}-results-1.jsonl`);
  expect(r.text.endsWith('\n')).toBe(true);
  const expected = ok(await ts.gql(RESULTS, { s: schemeId, r: published }, resultsKey)).results as Json[];
  expect(expected.length).toBeGreaterThan(3);
  expect(lines(r.text)).toEqual(expected);
});

test('staff read any visible run; the draft differs from the published one', async () => {
  const r = await jsonl(draft, w.t1.LEADER);
  expect(r.status).toBe(200);
  const expected = ok(await ts.gql(RESULTS, { s: schemeId, r: draft }, w.t1.LEADER)).results as Json[];
  expect(lines(r.text)).toEqual(expected);
  expect(lines(r.text)).not.toEqual(lines((await jsonl(published, w.t1.LEADER)).text));
});

test('a UNIT user gets only its own unit', async () => {
  await assignUnit(ts, w, 'T01');
  const mine = lines((await jsonl(published, w.t1.UNIT)).text);
  const expected = ok(await ts.gql(RESULTS, { s: schemeId, r: published }, w.t1.UNIT)).results as Json[];
  expect(mine).toEqual(expected);
  expect(mine.map((s) => s.subject.code)).toEqual(['T01', 'T01-P', 'T01-D1']); // the unit and its members
  expect(mine.length).toBeLessThan(lines((await jsonl(published, w.t1.ADMIN)).text).length);
});

test('same access as results.xlsx: 401 without a caller, 403 without results:read, 404 for a draft run to a key, another tenant or an unknown id', async () => {
  expect((await jsonl(published)).status).toBe(401);
  expect((await jsonl(published, schemesKey)).status).toBe(403);
  const hidden = await jsonl(draft, resultsKey);
  const other = await jsonl(published, w.t2.admin);
  const unknown = await jsonl('00000000-0000-4000-8000-000000000000', w.t2.admin);
  const garbage = await jsonl('not-an-id', w.t1.ADMIN);
  for (const r of [hidden, other, unknown, garbage]) {
    expect(r.status).toBe(404);
    expect(JSON.parse(r.text)).toEqual({
      errors: [{ message: 'Result run not found', extensions: { code: 'NOT_FOUND' } }],
    });
  }
});
