// A computation writes an unchanged subject's nodes and receipt indicators as the run before
// stored them (server/src/result/subject-data.ts). Whatever changed — a value with another
// source, a peer's value, the unit's final a leader is linked to, a value not applicable any more
// — every subject's stored data is byte for byte what building it from a cold read gives.
import type { EntityManager } from 'typeorm';
import { evaluateValidated, type Scheme } from '@kaoping/shared';
import { exampleDataset, exampleScheme } from '../../shared/src/test-support/example';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { reviewThreshold } from '../../server/src/input/discrepancy';
import { loadComputeInputs } from '../../server/src/input/effective-dataset';
import { forgetKeptInputs, keepScheme, keptScheme } from '../../server/src/input/kept-inputs';
import { storedReceipt } from '../../server/src/result/receipt';
import { bootServer, makeWorld, ok, setUpScheme, type Json, type TestServer, type World } from '../support/server';

let ts: TestServer;
let w: World;
let schemeId: string;
const tx = <T>(fn: (em: EntityManager) => Promise<T>) => withTenantTransaction(ts.server.dataSource, w.t1.id, fn);
const setInput = async (subject: string, indicator: string, source: string, value: Json) =>
  ok(
    await ts.gql(
      `mutation($s: ID!, $j: String!, $i: String!, $src: InputSource!, $v: JSON!) {
         setInput(schemeId: $s, subject: $j, indicator: $i, source: $src, value: $v) { id } }`,
      { s: schemeId, j: subject, i: indicator, src: source, v: value },
      w.t1.ADMIN,
    ),
  );

/** Each subject's data as built from scratch: a cold read (what was kept is put back after), evaluate, JSON.stringify. */
async function fromScratch(): Promise<string[]> {
  const kept = keptScheme(w.t1.id, schemeId);
  forgetKeptInputs();
  const [{ definition }] = await tx((em) => em.query(`SELECT definition FROM schemes WHERE id = $1`, [schemeId]));
  const cold = await tx((em) => loadComputeInputs(em, w.t1.id, schemeId));
  keepScheme(w.t1.id, schemeId, kept);
  const result = evaluateValidated(definition as Scheme, cold.dataset, { explain: true, explainAs: 'parts' });
  const threshold = reviewThreshold(definition as Scheme);
  return result.subjects.map((s) =>
    JSON.stringify({
      nodes: s.nodes,
      adjustments: s.adjustments,
      warnings: s.warnings,
      vetoes: s.vetoes,
      receipt: storedReceipt(cold.entered, threshold, s),
    }),
  );
}

/** Computes a run; returns each subject's stored data text, in order, and how many subjects' stored texts were kept ones. */
async function compute(): Promise<{ data: string[]; reused: number }> {
  const before = new Map([...keptScheme(w.t1.id, schemeId).subjects.values()].map((s) => [s.code, s.stored]));
  const run = ok(await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN))
    .computeResults.id as string;
  const rows = await tx((em) =>
    em.query(`SELECT data::text AS data FROM result_subjects WHERE run_id = $1 ORDER BY position`, [run]),
  );
  const after = [...keptScheme(w.t1.id, schemeId).subjects.values()];
  const reused = after.filter((s) => s.stored && s.stored === before.get(s.code)).length;
  return { data: rows.map((r: { data: string }) => r.data), reused };
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = await setUpScheme(ts, w.t1.ADMIN, exampleScheme(), exampleDataset(), 'SELF');
}, 120_000);
afterAll(() => ts?.stop());

it('every subject is stored as built from scratch, through changes that move other subjects', async () => {
  const subjects = exampleDataset().subjects.length;
  const first = await compute();
  expect(first.data).toEqual(await fromScratch());

  const changes: [string, () => Promise<unknown>][] = [
    // another source for one value: its receipt row names both and the decision
    ['a second source', () => setInput('T01', 'TAX', 'MONITOR', { actual: 3000, target: 5000 })],
    // a peer's value (LINEAR): every township's ENVIRONMENT node moves
    ['a peer', () => setInput('T02', 'ENVIRONMENT', 'REVIEW', { actual: 95 })],
    // a township's final: its principal's TEAM_RESULT (LINKED) moves, nothing else of theirs
    ['a unit final', () => setInput('T03', 'NEW_COUNTRYSIDE', 'REVIEW', { score: 40 })],
    // a value not applicable any more: maxPoints spread again
    ['applicable again', () => setInput('T02', 'FARMLAND', 'REVIEW', { actual: 0.2 })],
    // the review settles the discrepancy
    ['settled', () => setInput('T01', 'TAX', 'REVIEW', { actual: 4000, target: 5000 })],
  ];
  for (const [what, change] of changes) {
    await change();
    const { data, reused } = await compute();
    expect([what, data]).toEqual([what, await fromScratch()]);
    // most subjects' texts were the ones kept: the test went through the kept path
    expect([what, reused > subjects / 2]).toEqual([what, true]);
    expect(data).not.toEqual(first.data);
  }
});
