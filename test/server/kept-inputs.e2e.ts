// A computation reads again only the subjects whose input rows changed since this process last
// read the scheme (server/src/input/kept-inputs.ts). Whatever changes — through the API, or rows
// written by another server, or a transaction that rolls back — a read that uses what was kept
// gives exactly what a cold read gives, and a run's inputsHash is the canonical hash of it.
import type { EntityManager } from 'typeorm';
import { exampleDataset, exampleScheme } from '../../shared/src/test-support/example';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { canonicalInputs, loadComputeInputs, type ComputeInputs } from '../../server/src/input/effective-dataset';
import { forgetKeptInputs, keepScheme, keptScheme } from '../../server/src/input/kept-inputs';
import { canonicalHash, datasetHash } from '../../server/src/result/result-hash';
import { bootServer, makeWorld, ok, type Json, type TestServer, type World, setUpScheme } from '../support/server';

const SCHEME = exampleScheme();
const DATASET = exampleDataset();

let ts: TestServer;
let w: World;
let schemeId: string;
const tx = <T>(fn: (em: EntityManager) => Promise<T>) => withTenantTransaction(ts.server.dataSource, w.t1.id, fn);
const read = () => tx((em) => loadComputeInputs(em, w.t1.id, schemeId));
const subjectId = async (code: string) =>
  (await tx((em) => em.query(`SELECT id FROM subjects WHERE scheme_id = $1 AND code = $2`, [schemeId, code])))[0]
    .id as string;
const setInput = async (subject: string, indicator: string, source: string, value: Json, period = 'ANNUAL') =>
  ok(
    await ts.gql(
      `mutation($s: ID!, $j: String!, $i: String!, $src: InputSource!, $v: JSON!, $p: Period!) {
         setInput(schemeId: $s, subject: $j, indicator: $i, source: $src, value: $v, period: $p) { id } }`,
      { s: schemeId, j: subject, i: indicator, src: source, v: value, p: period },
      w.t1.ADMIN,
    ),
  );

/** A read after what was kept, then a cold one: the same dataset (key order too), sources and hash. */
async function expectSameAsCold(): Promise<ComputeInputs> {
  const warm = await read();
  forgetKeptInputs();
  const cold = await read();
  expect(JSON.stringify(warm.dataset)).toBe(JSON.stringify(cold.dataset));
  const sources = (r: ComputeInputs) =>
    JSON.stringify([...r.entered].map(([code, x]) => [code, x.sources, x.shared ? [...x.shared] : null]));
  expect(sources(warm)).toBe(sources(cold));
  expect(datasetHash(warm.dataset, canonicalInputs(warm))).toBe(canonicalHash(cold.dataset));
  return warm;
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = await setUpScheme(ts, w.t1.ADMIN, SCHEME, DATASET, 'SELF');
}, 120_000);
afterAll(() => ts?.stop());

it('hashes the dataset in pieces exactly as written out whole', async () => {
  forgetKeptInputs();
  const cold = await read();
  expect(cold.dataset.inputs).toHaveLength(DATASET.inputs.length);
  expect(datasetHash(cold.dataset, canonicalInputs(cold))).toBe(canonicalHash(cold.dataset));
});

it('reads again only a subject whose value changed through the API; the others are what was kept', async () => {
  const before = await read();
  const tax = DATASET.inputs.find((i) => i.subject === 'T01' && i.indicator === 'TAX')!;
  await setInput('T01', 'TAX', 'MONITOR', { actual: tax.actual! * 0.5, target: tax.target });
  const after = await read();
  expect(after.entered.get('T01')).not.toBe(before.entered.get('T01'));
  expect(
    after.entered
      .get('T01')!
      .shared!.get('TAX')!
      .map((v) => v.source),
  ).toEqual(['MONITOR', 'SELF']);
  expect(
    after.entered.get('T01')!.sources[after.entered.get('T01')!.inputs.findIndex((i) => i.indicator === 'TAX')],
  ).toBe('MONITOR');
  expect(after.entered.get('T02')).toBe(before.entered.get('T02'));
  await expectSameAsCold();
});

it('sees rows another server changed or deleted directly', async () => {
  await read();
  const t02 = await subjectId('T02');
  const t03 = await subjectId('T03');
  await tx((em) =>
    em.query(
      `UPDATE inputs SET value = value || '{"actual": 1234.5}' WHERE subject_id = $1 AND indicator_code = 'TAX'`,
      [t02],
    ),
  );
  await tx((em) => em.query(`DELETE FROM inputs WHERE subject_id = $1 AND period = 'ANNUAL'`, [t03]));
  const warm = await expectSameAsCold();
  expect(warm.dataset.inputs.find((i) => i.subject === 'T02' && i.indicator === 'TAX')?.actual).toBe(1234.5);
  expect(warm.dataset.inputs.some((i) => i.subject === 'T03')).toBe(false);
});

it('follows a subject whose code changed, and a new subject', async () => {
  await read();
  const t04 = await subjectId('T04');
  await tx((em) => em.query(`UPDATE subjects SET code = 'T04X' WHERE id = $1`, [t04]));
  ok(
    await ts.gql(
      `mutation($s: ID!) { createSubject(schemeId: $s, code: "T99", name: "新镇", group: "TOWNSHIP") { id } }`,
      { s: schemeId },
      w.t1.ADMIN,
    ),
  );
  await setInput('T99', 'TAX', 'SELF', { actual: 10, target: 20 });
  const warm = await expectSameAsCold();
  expect(warm.dataset.inputs.some((i) => i.subject === 'T04')).toBe(false);
  expect(warm.dataset.inputs.some((i) => i.subject === 'T04X')).toBe(true);
  expect(warm.dataset.inputs.find((i) => i.subject === 'T99')).toMatchObject({ indicator: 'TAX', actual: 10 });
  // its members still name T04 as their unit
  await tx((em) => em.query(`UPDATE subjects SET code = 'T04' WHERE id = $1`, [t04]));
  await expectSameAsCold();
});

it('keeps a subject whose only change is a quarterly value (only ANNUAL values are read)', async () => {
  const before = await read();
  await setInput('T05', 'TAX', 'SELF', { actual: 1, target: 4 }, 'Q1');
  const after = await read();
  expect(after.entered.get('T05')).toBe(before.entered.get('T05'));
});

it('does not keep as committed what a rolled-back transaction read', async () => {
  await read();
  const t06 = await subjectId('T06');
  await expect(
    tx(async (em) => {
      await em.query(`UPDATE inputs SET value = value || '{"actual": 0.5}' WHERE subject_id = $1`, [t06]);
      const inside = await loadComputeInputs(em, w.t1.id, schemeId);
      expect(inside.dataset.inputs.filter((i) => i.subject === 'T06').every((i) => i.actual === 0.5)).toBe(true);
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  const warm = await expectSameAsCold();
  expect(warm.dataset.inputs.filter((i) => i.subject === 'T06').some((i) => i.actual !== 0.5)).toBe(true);
});

it("stores as a run's inputsHash the canonical hash of the dataset it read", async () => {
  await read();
  await setInput('T05', 'TAX', 'REVIEW', { actual: 77, target: 100 });
  const runId = ok(
    await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN),
  ).computeResults.id as string;
  forgetKeptInputs();
  const cold = await read();
  const [run] = await tx((em) => em.query(`SELECT inputs_hash FROM result_runs WHERE id = $1`, [runId]));
  expect(run.inputs_hash).toBe(canonicalHash(cold.dataset));
});

it('checks again the inputs of a subject that changed, and names a bad one at its place in the whole dataset', async () => {
  const run = () => ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN);
  ok(await run());
  const t02 = await subjectId('T02');
  const [{ value }] = await tx((em) =>
    em.query(`SELECT value FROM inputs WHERE subject_id = $1 AND indicator_code = 'TAX' AND source = 'SELF'`, [t02]),
  );
  // another server (or an older version of this one) wrote a value no check would let through
  const write = (v: Json) =>
    tx((em) =>
      em.query(`UPDATE inputs SET value = $2 WHERE subject_id = $1 AND indicator_code = 'TAX' AND source = 'SELF'`, [
        t02,
        JSON.stringify(v),
      ]),
    );
  await write({ ...value, actual: 'many' });
  const at = (await read()).dataset.inputs.findIndex((i) => i.subject === 'T02' && i.indicator === 'TAX');
  const refused = await run();
  expect(refused.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  expect(refused.body.errors?.[0]?.message).toContain(`/inputs/${at}/actual`);
  await write(value);
  ok(await run());
});

it('uses the subject list and adjustments it kept only while their rows are unchanged', async () => {
  const compute = async () => {
    const runId = ok(
      await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN),
    ).computeResults.id as string;
    // a cold read that leaves what the computations kept as it was
    const keptBefore = keptScheme(w.t1.id, schemeId);
    forgetKeptInputs();
    const cold = await read();
    keepScheme(w.t1.id, schemeId, keptBefore);
    const [run] = await tx((em) => em.query(`SELECT inputs_hash FROM result_runs WHERE id = $1`, [runId]));
    expect(run.inputs_hash).toBe(canonicalHash(cold.dataset));
    return cold;
  };
  await compute();
  await compute(); // the second compute keeps the list and adjustments under the run's digest
  await setInput('T01', 'TAX', 'REVIEW', { actual: 5, target: 10 });
  await tx((em) => em.query(`UPDATE subjects SET name = '改名镇' WHERE scheme_id = $1 AND code = 'T02'`, [schemeId]));
  expect((await compute()).dataset.subjects.find((s) => s.code === 'T02')?.name).toBe('改名镇');
  await setInput('T01', 'TAX', 'REVIEW', { actual: 6, target: 10 });
  await tx((em) =>
    em.query(`UPDATE adjustments SET note = 'changed elsewhere' WHERE scheme_id = $1 AND status = 'VERIFIED'`, [
      schemeId,
    ]),
  );
  const { adjustments } = (await compute()).dataset;
  expect(adjustments!.length).toBeGreaterThan(0);
  expect(adjustments!.every((a) => a.note === 'changed elsewhere')).toBe(true);
});
