// A run is stored once (subject rows; the run row keeps scheme and groups): a run written the
// old way (its whole Result in result_runs.result, data as jsonb) reads the same after the
// migrations (data as json, then as text), and an unchanged recompute finds it again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { RunStoredOnce1732640000000 } from '../../server/src/db/migrations/1732640000000-RunStoredOnce';
import { SubjectDataText1732660000000 } from '../../server/src/db/migrations/1732660000000-SubjectDataText';
import {
  bootServer,
  countQueries,
  CREATE_API_KEY,
  makeWorld,
  ok,
  publishRun,
  type Json,
  type TestServer,
  setUpScheme,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));

const RESULTS = `query($s: ID!) { results(schemeId: $s) { subject { code name } group base bonus deduction final rank grade vetoes
  adjustments { rule points } warnings { code indicator } nodes { code name points maxPoints explain explainParts { code params text } }
  receipt { schemeHash inputsHash rank { rank peers tied } grade lines { code params text } indicators { indicator value source others { source value } decision { code text } } } } }`;
const RUNS = `query($s: ID!) { resultRuns(schemeId: $s) { id status missingInputs groups { group count gradeCounts { grade count } } } }`;

let ts: TestServer;
let w: World;
let schemeId: string;
let runId: string;
let key: string;

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = await setUpScheme(ts, w.t1.ADMIN, SCHEME, DATASET);
  runId = await publishRun(ts, schemeId, w.t1.ADMIN);
  key = ok(await ts.gql(CREATE_API_KEY, { name: 'reads', scopes: ['results:read'] }, w.t1.ADMIN)).createApiKey.key;
});
afterAll(() => ts?.stop());

const sql = (text: string) => withTenantTransaction(ts.server.dataSource, w.t1.id, (em) => em.query<Json[]>(text));

/** Runs the migrations' down (the old storage) or up on the owner's connection. */
async function migrate(step: 'up' | 'down'): Promise<void> {
  const url = new URL(ts.server.embedded!.url);
  url.pathname = '/kaoping';
  const owner = new DataSource({ type: 'postgres', url: url.toString(), entities: [] });
  await owner.initialize();
  const qr = owner.createQueryRunner();
  try {
    await qr.startTransaction();
    // the migrations since, in their order (down: the newest first)
    const chain = [new RunStoredOnce1732640000000(), new SubjectDataText1732660000000()];
    for (const m of step === 'up' ? chain : chain.reverse()) await m[step](qr);
    await qr.commitTransaction();
  } finally {
    await qr.release();
    await owner.destroy();
  }
}

test('a run stored the old way reads the same after the migration; an unchanged recompute finds it', async () => {
  const [stored] = await sql(`SELECT result FROM result_runs WHERE id = '${runId}'`);
  expect(Object.keys(stored.result).sort()).toEqual(['groups', 'scheme']);
  const type = async () =>
    (await sql(`SELECT pg_typeof(data)::text AS type FROM result_subjects LIMIT 1`))[0].type as string;
  expect(await type()).toBe('text');
  const staff = ok(await ts.gql(RESULTS, { s: schemeId }, w.t1.ADMIN)).results;
  const byKey = ok(await ts.gql(RESULTS, { s: schemeId }, key)).results;
  const runs = ok(await ts.gql(RUNS, { s: schemeId }, w.t1.ADMIN)).resultRuns;
  expect(staff).toHaveLength(DATASET.subjects.length);
  expect(staff.some((s: Json) => s.nodes.some((n: Json) => n.explainParts.length > 0))).toBe(true);

  // the old storage: every subject again inside the run's Result, data as jsonb
  await migrate('down');
  const [old] = await sql(
    `SELECT jsonb_array_length(result->'subjects') AS n, (SELECT pg_typeof(data)::text FROM result_subjects LIMIT 1) AS type FROM result_runs WHERE id = '${runId}'`,
  );
  expect(old).toEqual({ n: DATASET.subjects.length, type: 'jsonb' });

  await migrate('up');
  const [after] = await sql(
    `SELECT result ? 'subjects' AS bulk, jsonb_array_length(group_counts) AS groups FROM result_runs WHERE id = '${runId}'`,
  );
  expect(after).toEqual({ bulk: false, groups: SCHEME.groups.length });
  expect(await type()).toBe('text');
  expect(ok(await ts.gql(RESULTS, { s: schemeId }, w.t1.ADMIN)).results).toEqual(staff);
  expect(ok(await ts.gql(RESULTS, { s: schemeId }, key)).results).toEqual(byKey);
  expect(ok(await ts.gql(RUNS, { s: schemeId }, w.t1.ADMIN)).resultRuns).toEqual(runs);

  // the migrated run has no digest: the recompute compares the full hash and finds the same run
  expect(
    ok(await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN))
      .computeResults.id,
  ).toBe(runId);
  await expect(sql(`UPDATE result_runs SET inputs_digest = 'x' WHERE id = '${runId}'`)).rejects.toThrow(
    /cannot change/,
  );
});

test('the digest tells a change: one input changed → a new run; the same again → that run, without loading the data', async () => {
  ok(
    await ts.gql(
      `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { id } }`,
      { s: schemeId, v: { actual: 1, target: 8000 } },
      w.t1.ADMIN,
    ),
  );
  const compute = () =>
    ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN);
  const next = ok(await compute()).computeResults.id;
  expect(next).not.toBe(runId);
  const [row] = await sql(`SELECT inputs_digest FROM result_runs WHERE id = '${next}'`);
  expect(row.inputs_digest).toMatch(/^v2:\d+:-?\d+\/\d+:-?\d+\/\d+:-?\d+$/);
  const [{ n }] = await sql(`SELECT count(*)::int AS n FROM result_subjects WHERE run_id = '${next}'`);
  expect(n).toBe(DATASET.subjects.length);
  let again = undefined as unknown as Awaited<ReturnType<typeof compute>>;
  const queries = await countQueries(ts, async () => (again = await compute()));
  expect(ok(again).computeResults.id).toBe(next);
  expect(queries.filter((q) => /FROM inputs i JOIN subjects/.test(q))).toEqual([]);
  // a value written back as it was: another row version, so the digest differs, but the data is the same → the same run
  ok(
    await ts.gql(
      `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { id } }`,
      { s: schemeId, v: { actual: 1, target: 8000 } },
      w.t1.ADMIN,
    ),
  );
  expect(ok(await compute()).computeResults.id).toBe(next);
});
