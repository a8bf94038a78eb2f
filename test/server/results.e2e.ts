import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import {
  bootServer,
  code,
  countQueries,
  CREATE_API_KEY,
  CREATE_USER,
  login,
  makeWorld,
  ok,
  type Json,
  type TestServer,
  type World,
} from '../support/server';
import { engineShape } from '../support/results';
import { explainText } from '../../server/src/result/receipt';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const EXPECTED: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.expected.json'), 'utf8'));
/** `kaoping evaluate --explain` of the example: the engine's explanations, word for word. */
const EXPLAINED: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.explained.json'), 'utf8'));
const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';

const RUN =
  'id schemeId status createdAt schemeVersion reviewedAt approvedAt publishedAt groups { group count gradeCounts { grade count } }';
const SR = `subject { code name } group base bonus deduction final rank grade vetoes adjustments { rule points } warnings { code indicator }
  nodes { code name maxPoints points rate out explain }`;
const IMPORT_SCHEME = `mutation($d: JSON!) { importScheme(definition: $d) { id } }`;
const PUBLISH_SCHEME = `mutation($id: ID!) { publishScheme(id: $id) { id status } }`;
const IMPORT_DATA = `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects inputs adjustments } }`;
const COMPUTE = `mutation($s: ID!) { computeResults(schemeId: $s) { ${RUN} } }`;
const REVIEW = `mutation($r: ID!) { reviewResults(runId: $r) { ${RUN} } }`;
const APPROVE = `mutation($r: ID!) { approveResults(runId: $r) { ${RUN} } }`;
const PUBLISH = `mutation($r: ID!) { publishResults(runId: $r, acknowledgeMissing: true) { ${RUN} } }`;
const RESULTS = `query($s: ID!, $g: String, $r: ID) { results(schemeId: $s, group: $g, runId: $r) { ${SR} } }`;
const RANKINGS = `query($s: ID!, $g: String!, $r: ID) { rankings(schemeId: $s, group: $g, runId: $r) { subject { code } rank final } }`;
const RUNS = `query($s: ID!) { resultRuns(schemeId: $s) { ${RUN} } }`;
const BANDS = `query($r: ID!, $g: String!) { scoreBands(runId: $r, group: $g) { from to count } }`;
const ONE_RUN = `query($id: ID!) { ResultRun(id: $id) { ${RUN} } }`;
const ALL_RUNS = `query($f: ResultRunFilter) { allResultRuns(filter: $f, sortField: "createdAt", sortOrder: "DESC") { id status } _allResultRunsMeta(filter: $f) { count } }`;
const COMPARE = `query($a: ID!, $b: ID!) { compareRuns(runA: $a, runB: $b) {
  subject { code name } group finalBefore finalAfter finalDelta rankBefore rankAfter rankDelta gradeBefore gradeAfter } }`;

let ts: TestServer;
let w: World;
let schemeId: string;
let firstRun: string;
let unitToken: string;
let resultsKey: string;
let schemesKey: string;

/** code → { name, indicator } of every node, per group. */
function schemeNodes(): Map<string, Map<string, { name: string; indicator: boolean }>> {
  const out = new Map<string, Map<string, { name: string; indicator: boolean }>>();
  for (const g of SCHEME.groups) {
    const m = new Map<string, { name: string; indicator: boolean }>();
    const walk = (n: Json) => {
      m.set(n.code, { name: n.name, indicator: !Array.isArray(n.children) });
      (n.children ?? []).forEach(walk);
    };
    walk(g.root);
    out.set(g.code, m);
  }
  return out;
}

const expectedGroups = () =>
  EXPECTED.groups.map((g: Json) => ({
    group: g.group,
    count: g.count,
    gradeCounts: Object.entries(g.gradeCounts).map(([grade, count]) => ({ grade, count })),
  }));

async function sql<T = Json[]>(tenantId: string, text: string, params: unknown[] = []): Promise<T> {
  return withTenantTransaction(ts.server.dataSource, tenantId, (em) => em.query(text, params));
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = ok(await ts.gql(IMPORT_SCHEME, { d: SCHEME }, w.t1.ADMIN)).importScheme.id;
  resultsKey = ok(await ts.gql(CREATE_API_KEY, { name: 'results app', scopes: ['results:read'] }, w.t1.ADMIN))
    .createApiKey.key;
  schemesKey = ok(await ts.gql(CREATE_API_KEY, { name: 'schemes app', scopes: ['schemes:read'] }, w.t1.ADMIN))
    .createApiKey.key;
});
afterAll(() => ts?.stop());

describe('one scheme, through GraphQL alone', () => {
  test('a DRAFT scheme cannot be computed (CONFLICT); compute needs ADMIN or ASSESSOR', async () => {
    expect(code(await ts.gql(COMPUTE, { s: schemeId }, w.t1.ADMIN))).toBe('CONFLICT');
    expect(ok(await ts.gql(PUBLISH_SCHEME, { id: schemeId }, w.t1.ADMIN)).publishScheme.status).toBe('PUBLISHED');
    expect(ok(await ts.gql(IMPORT_DATA, { s: schemeId, d: DATASET }, w.t1.ASSESSOR)).importDataset.subjects).toBe(45);
    // a UNIT user's unit must exist: T01 does now
    ok(
      await ts.gql(
        CREATE_USER,
        { input: { email: 'unit-t01@t1.test', password: 'unit-pass-1', name: 'T01', role: 'UNIT', unit: 'T01' } },
        w.t1.ADMIN,
      ),
    );
    unitToken = (await login(ts, 'unit-t01@t1.test', 'unit-pass-1', 't1')).token;
    for (const role of ['LEADER', 'VIEWER', 'MONITOR', 'UNIT'] as const)
      expect(code(await ts.gql(COMPUTE, { s: schemeId }, w.t1[role]))).toBe('FORBIDDEN');
    expect(code(await ts.gql(COMPUTE, { s: schemeId }, resultsKey))).toBe('FORBIDDEN');
    expect(code(await ts.gql(COMPUTE, { s: MISSING }, w.t1.ADMIN))).toBe('NOT_FOUND');
  });

  test("compute → a DRAFT run whose results equal the example's expected result in every number, rank, grade, veto and warning", async () => {
    const run = ok(await ts.gql(COMPUTE, { s: schemeId }, w.t1.ASSESSOR)).computeResults;
    firstRun = run.id;
    expect(run).toMatchObject({
      schemeId,
      status: 'DRAFT',
      schemeVersion: 2,
      reviewedAt: null,
      approvedAt: null,
      publishedAt: null,
    });
    expect(run.groups).toEqual(expectedGroups());

    const results = ok(await ts.gql(RESULTS, { s: schemeId }, w.t1.ADMIN)).results as Json[];
    expect(results.map(engineShape)).toEqual(EXPECTED.subjects);
    const names = new Map(DATASET.subjects.map((s: Json) => [s.code, s.name]));
    const nodes = schemeNodes();
    let indicators = 0;
    for (const s of results) {
      expect(s.subject.name).toBe(names.get(s.subject.code));
      for (const n of s.nodes) {
        const def = nodes.get(s.group)!.get(n.code)!;
        expect(n.name).toBe(def.name);
        if (n.out) expect([n.points, n.maxPoints, n.rate]).toEqual([null, null, null]);
        if (def.indicator && !n.out) {
          indicators++;
          expect(typeof n.explain).toBe('string');
          expect(n.explain.length).toBeGreaterThan(0);
        }
      }
    }
    expect(indicators).toBeGreaterThan(100);

    // one group, in import order; rankings of one group, by rank
    const deputies = ok(await ts.gql(RESULTS, { s: schemeId, g: 'DEPUTY' }, w.t1.VIEWER)).results as Json[];
    expect(deputies.map((s) => s.subject.code)).toEqual(
      EXPECTED.subjects.filter((s: Json) => s.group === 'DEPUTY').map((s: Json) => s.subject),
    );
    const ranked = ok(await ts.gql(RANKINGS, { s: schemeId, g: 'TOWNSHIP' }, w.t1.LEADER)).rankings as Json[];
    const expectedTownships = EXPECTED.subjects.filter((s: Json) => s.group === 'TOWNSHIP');
    expect(ranked).toHaveLength(expectedTownships.length);
    expect(ranked.map((r) => r.rank)).toEqual([...ranked.map((r) => r.rank)].sort((a, b) => a - b));
    for (const r of ranked) expect(r.rank).toBe(expectedTownships.find((s: Json) => s.subject === r.subject.code).rank);
    expect(ok(await ts.gql(RESULTS, { s: schemeId, g: 'NO_SUCH_GROUP' }, w.t1.ADMIN)).results).toEqual([]);

    // the same inputs again: the same run, no duplicate
    expect(ok(await ts.gql(COMPUTE, { s: schemeId }, w.t1.ADMIN)).computeResults.id).toBe(firstRun);
    expect(ok(await ts.gql(RUNS, { s: schemeId }, w.t1.ADMIN)).resultRuns.map((r: Json) => r.id)).toEqual([firstRun]);
  });

  test("the stored run keeps every explanation, word for word the engine's (subject rows, stored once; the engine builds them when read)", async () => {
    const explainOf = (s: Json): [string, string | null][] => s.nodes.map((n: Json) => [n.code, n.explain ?? null]);
    const want = new Map<string, [string, string | null][]>(
      EXPLAINED.subjects.map((s: Json) => [s.subject, explainOf(s)]),
    );
    expect([...want.values()].flat().filter(([, e]) => e !== null).length).toBeGreaterThan(300);
    const results = ok(await ts.gql(RESULTS, { s: schemeId, r: firstRun }, w.t1.ADMIN)).results as Json[];
    expect(results).toHaveLength(EXPLAINED.subjects.length);
    for (const s of results) expect([s.subject.code, explainOf(s)]).toEqual([s.subject.code, want.get(s.subject.code)]);
    // the subject rows keep explanations as data (packed parts); in Chinese they read as the engine's text
    const rows = await sql(
      w.t1.id,
      `SELECT subject_code, data::json AS data FROM result_subjects WHERE run_id = $1 ORDER BY position`,
      [firstRun],
    );
    const stored = (s: Json): [string, string | null][] =>
      s.data.nodes.map((n: Json) => [n.code, explainText(n, 'zh')]);
    expect(rows.map((s: Json) => [s.subject_code, stored(s)])).toEqual(
      EXPLAINED.subjects.map((s: Json) => [s.subject, explainOf(s)]),
    );
    // the run row keeps only the run-level part of the result: the subjects are stored once, in their rows
    const [run] = await sql(w.t1.id, `SELECT result FROM result_runs WHERE id = $1`, [firstRun]);
    expect(Object.keys(run.result).sort()).toEqual(['groups', 'scheme']);
  });

  test('before publication: API keys and UNIT users see nothing (empty list; the unpublished run id is NOT_FOUND); no scope → FORBIDDEN', async () => {
    expect(ok(await ts.gql(RESULTS, { s: schemeId }, resultsKey)).results).toEqual([]);
    expect(ok(await ts.gql(RANKINGS, { s: schemeId, g: 'TOWNSHIP' }, resultsKey)).rankings).toEqual([]);
    expect(code(await ts.gql(RESULTS, { s: schemeId, r: firstRun }, resultsKey))).toBe('NOT_FOUND');
    expect(code(await ts.gql(ONE_RUN, { id: firstRun }, resultsKey))).toBe('NOT_FOUND');
    expect(ok(await ts.gql(RUNS, { s: schemeId }, resultsKey)).resultRuns).toEqual([]);
    expect(ok(await ts.gql(RESULTS, { s: schemeId }, unitToken)).results).toEqual([]);
    expect(code(await ts.gql(RESULTS, { s: schemeId, r: firstRun }, unitToken))).toBe('NOT_FOUND');
    expect(code(await ts.gql(BANDS, { r: firstRun, g: 'TOWNSHIP' }, unitToken))).toBe('NOT_FOUND');
    expect(code(await ts.gql(RESULTS, { s: schemeId }, schemesKey))).toBe('FORBIDDEN');
    expect(code(await ts.gql(BANDS, { r: firstRun, g: 'TOWNSHIP' }, schemesKey))).toBe('FORBIDDEN');
    expect(code(await ts.gql(RESULTS, { s: schemeId }))).toBe('UNAUTHENTICATED');
  });

  test('lifecycle DRAFT → REVIEWED (LEADER) → APPROVED (LEADER) → PUBLISHED (ADMIN); out of order CONFLICT, wrong role FORBIDDEN; audited', async () => {
    expect(code(await ts.gql(APPROVE, { r: firstRun }, w.t1.LEADER))).toBe('CONFLICT');
    expect(code(await ts.gql(PUBLISH, { r: firstRun }, w.t1.ADMIN))).toBe('CONFLICT');
    for (const role of ['ASSESSOR', 'VIEWER', 'MONITOR', 'UNIT'] as const)
      expect(code(await ts.gql(REVIEW, { r: firstRun }, w.t1[role]))).toBe('FORBIDDEN');
    expect(code(await ts.gql(REVIEW, { r: firstRun }, resultsKey))).toBe('FORBIDDEN');
    expect(code(await ts.gql(REVIEW, { r: MISSING }, w.t1.LEADER))).toBe('NOT_FOUND');
    expect(code(await ts.gql(REVIEW, { r: 'not-an-id' }, w.t1.LEADER))).toBe('BAD_USER_INPUT'); // not an id: refused at the edge

    const reviewed = ok(await ts.gql(REVIEW, { r: firstRun }, w.t1.LEADER)).reviewResults;
    expect(reviewed).toMatchObject({ id: firstRun, status: 'REVIEWED', approvedAt: null, publishedAt: null });
    expect(reviewed.reviewedAt).toBeTruthy();
    expect(code(await ts.gql(REVIEW, { r: firstRun }, w.t1.LEADER))).toBe('CONFLICT');
    expect(code(await ts.gql(PUBLISH, { r: firstRun }, w.t1.ADMIN))).toBe('CONFLICT');

    expect(code(await ts.gql(APPROVE, { r: firstRun }, w.t1.ASSESSOR))).toBe('FORBIDDEN');
    const approved = ok(await ts.gql(APPROVE, { r: firstRun }, w.t1.LEADER)).approveResults;
    expect(approved).toMatchObject({ status: 'APPROVED', reviewedAt: reviewed.reviewedAt, publishedAt: null });
    expect(approved.approvedAt).toBeTruthy();

    expect(code(await ts.gql(PUBLISH, { r: firstRun }, w.t1.LEADER))).toBe('FORBIDDEN');
    const published = ok(await ts.gql(PUBLISH, { r: firstRun }, w.t1.ADMIN)).publishResults;
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      reviewedAt: reviewed.reviewedAt,
      approvedAt: approved.approvedAt,
    });
    expect(published.publishedAt).toBeTruthy();
    expect(published.groups).toEqual(expectedGroups());
    for (const m of [REVIEW, APPROVE, PUBLISH])
      expect(code(await ts.gql(m, { r: firstRun }, w.t1.ADMIN))).toBe('CONFLICT');

    const [row] = await sql(
      w.t1.id,
      `SELECT created_by, reviewed_by, approved_by, published_by, version FROM result_runs WHERE id = $1`,
      [firstRun],
    );
    expect(row).toEqual({
      created_by: w.t1.userIds.ASSESSOR,
      reviewed_by: w.t1.userIds.LEADER,
      approved_by: w.t1.userIds.LEADER,
      published_by: w.t1.userIds.ADMIN,
      version: 4,
    });
    const audit = await sql(
      w.t1.id,
      `SELECT action, actor_id, before->>'status' AS before, after->>'status' AS after FROM audit_log WHERE entity = 'result_run' AND entity_id = $1 ORDER BY seq`,
      [firstRun],
    );
    expect(audit).toEqual([
      { action: 'COMPUTE', actor_id: w.t1.userIds.ASSESSOR, before: null, after: 'DRAFT' },
      { action: 'REVIEW', actor_id: w.t1.userIds.LEADER, before: 'DRAFT', after: 'REVIEWED' },
      { action: 'APPROVE', actor_id: w.t1.userIds.LEADER, before: 'REVIEWED', after: 'APPROVED' },
      { action: 'PUBLISH', actor_id: w.t1.userIds.ADMIN, before: 'APPROVED', after: 'PUBLISHED' },
    ]);
  });

  test('after publication: the results:read key and the UNIT user (own unit and its members only) see the published run', async () => {
    const all = ok(await ts.gql(RESULTS, { s: schemeId }, w.t1.ADMIN)).results;
    expect(ok(await ts.gql(RESULTS, { s: schemeId }, resultsKey)).results).toEqual(all);
    expect(ok(await ts.gql(RESULTS, { s: schemeId, r: firstRun }, resultsKey)).results).toEqual(all);
    expect(ok(await ts.gql(ONE_RUN, { id: firstRun }, resultsKey)).ResultRun.status).toBe('PUBLISHED');
    expect(ok(await ts.gql(RUNS, { s: schemeId }, resultsKey)).resultRuns.map((r: Json) => r.id)).toEqual([firstRun]);
    const own = ok(await ts.gql(RESULTS, { s: schemeId }, unitToken)).results as Json[];
    const mine = DATASET.subjects.filter((s: Json) => s.code === 'T01' || s.unit === 'T01').map((s: Json) => s.code);
    expect(mine.length).toBeGreaterThan(1);
    expect(own.map((s) => s.subject.code)).toEqual(mine);
    expect(own).toEqual(all.filter((s: Json) => mine.includes(s.subject.code)));
  });

  test("scoreBands: a group's finals per 10-point band, the same whole group for the UNIT user as for the ADMIN", async () => {
    const finals = EXPECTED.subjects.filter((s: Json) => s.group === 'TOWNSHIP').map((s: Json) => s.final as number);
    const limits = [-Infinity, 60, 70, 80, 90, Infinity];
    const expected = limits.slice(0, -1).map((lo, i) => ({
      from: i === 0 ? null : lo,
      to: i === limits.length - 2 ? null : limits[i + 1],
      count: finals.filter((f: number) => f >= lo && f < limits[i + 1]).length,
    }));
    expect(expected.reduce((n, b) => n + b.count, 0)).toBe(finals.length);
    expect(expected.filter((b) => b.count > 0).length).toBeGreaterThan(1);
    expect(ok(await ts.gql(BANDS, { r: firstRun, g: 'TOWNSHIP' }, w.t1.ADMIN)).scoreBands).toEqual(expected);
    expect(ok(await ts.gql(BANDS, { r: firstRun, g: 'TOWNSHIP' }, unitToken)).scoreBands).toEqual(expected);
    expect(
      ok(await ts.gql(BANDS, { r: firstRun, g: 'NOPE' }, w.t1.ADMIN)).scoreBands.map((b: Json) => b.count),
    ).toEqual([0, 0, 0, 0, 0]);
    expect(code(await ts.gql(BANDS, { r: firstRun, g: 'TOWNSHIP' }, w.t2.admin))).toBe('NOT_FOUND');
    expect(code(await ts.gql(BANDS, { r: MISSING, g: 'TOWNSHIP' }, w.t1.ADMIN))).toBe('NOT_FOUND');
  });

  test("the database refuses changing a published run or any run's results, even as the server's app role", async () => {
    const [me] = await ts.server.dataSource.query(`SELECT current_user AS role`);
    expect(me.role).toBe('kaoping_app');
    const tx = (text: string) => sql(w.t1.id, text, [firstRun]);
    await expect(tx(`UPDATE result_runs SET status = 'DRAFT', version = version + 1 WHERE id = $1`)).rejects.toThrow(
      /PUBLISHED: it cannot change/,
    );
    await expect(tx(`UPDATE result_runs SET result = '{}'::jsonb WHERE id = $1`)).rejects.toThrow(/cannot change/);
    await expect(tx(`UPDATE result_runs SET published_by = NULL WHERE id = $1`)).rejects.toThrow(/cannot change/);
    await expect(tx(`DELETE FROM result_runs WHERE id = $1`)).rejects.toThrow(/cannot be deleted/);
    await expect(tx(`UPDATE result_subjects SET final = 100 WHERE run_id = $1`)).rejects.toThrow(/cannot change/);
    await expect(tx(`DELETE FROM result_subjects WHERE run_id = $1`)).rejects.toThrow(/cannot change/);
    await expect(
      tx(`INSERT INTO result_subjects (tenant_id, run_id, position, subject_code, subject_name, group_code, base, bonus, deduction, final, rank, grade, data)
          SELECT tenant_id, id, 999, 'X', 'X', 'TOWNSHIP', 0, 0, 0, 0, 1, 'POOR', '{}' FROM result_runs WHERE id = $1`),
    ).rejects.toThrow(/written once/);
    await expect(sql(w.t1.id, `TRUNCATE result_subjects`)).rejects.toThrow(
      /cannot be truncated|permission denied|must be owner/,
    );
    const [after] = await tx(
      `SELECT status, version, (SELECT count(*)::int FROM result_subjects WHERE run_id = $1) AS n FROM result_runs WHERE id = $1`,
    );
    expect(after).toEqual({ status: 'PUBLISHED', version: 4, n: 45 });
  });
});

describe('recompute after an input change', () => {
  let secondRun: string;

  test('two concurrent computeResults make one new run', async () => {
    const changed = {
      formatVersion: 1,
      subjects: DATASET.subjects.filter((s: Json) => s.code === 'T01'),
      inputs: [{ ...DATASET.inputs.find((i: Json) => i.subject === 'T01' && i.indicator === 'TAX'), actual: 9000 }],
      adjustments: [],
    };
    ok(await ts.gql(IMPORT_DATA, { s: schemeId, d: changed }, w.t1.ASSESSOR));
    const [a, b] = await Promise.all([
      ts.gql(COMPUTE, { s: schemeId }, w.t1.ADMIN),
      ts.gql(COMPUTE, { s: schemeId }, w.t1.ASSESSOR),
    ]);
    const ra = ok(a).computeResults;
    const rb = ok(b).computeResults;
    expect(ra.id).toBe(rb.id);
    expect(ra.id).not.toBe(firstRun);
    expect(ra.status).toBe('DRAFT');
    secondRun = ra.id;
    expect(ok(await ts.gql(RUNS, { s: schemeId }, w.t1.ADMIN)).resultRuns.map((r: Json) => r.id)).toEqual([
      secondRun,
      firstRun,
    ]);
    const [n] = await sql(
      w.t1.id,
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'result_run' AND action = 'COMPUTE'`,
    );
    expect(n.n).toBe(2);
  });

  test('results default to the newest run; API keys still see the newest published one', async () => {
    const newest = ok(await ts.gql(RESULTS, { s: schemeId }, w.t1.ADMIN)).results as Json[];
    const old = ok(await ts.gql(RESULTS, { s: schemeId, r: firstRun }, w.t1.ADMIN)).results as Json[];
    const t01 = (l: Json[]) => l.find((s) => s.subject.code === 'T01')!;
    expect(t01(newest).nodes.find((n: Json) => n.code === 'TAX').points).toBe(8);
    expect(t01(old).nodes.find((n: Json) => n.code === 'TAX').points).toBe(7.37);
    expect(ok(await ts.gql(RESULTS, { s: schemeId }, resultsKey)).results).toEqual(old);
    expect(code(await ts.gql(RESULTS, { s: schemeId, r: secondRun }, resultsKey))).toBe('NOT_FOUND');
  });

  test('compareRuns lists the subjects whose final, rank or grade changed, with before, after and delta', async () => {
    const diff = ok(await ts.gql(COMPARE, { a: firstRun, b: secondRun }, w.t1.LEADER)).compareRuns as Json[];
    const t01 = diff.find((d) => d.subject.code === 'T01')!;
    expect(t01).toMatchObject({
      subject: { code: 'T01', name: '东城镇' },
      group: 'TOWNSHIP',
      finalBefore: 93.1,
      rankBefore: 1,
      gradeBefore: 'EXCELLENT',
    });
    expect(t01.finalAfter).toBeGreaterThan(t01.finalBefore);
    expect(t01.finalDelta).toBeCloseTo(t01.finalAfter - t01.finalBefore, 6);
    for (const d of diff) {
      expect(d.finalBefore !== d.finalAfter || d.rankBefore !== d.rankAfter || d.gradeBefore !== d.gradeAfter).toBe(
        true,
      );
      if (d.rankBefore !== null && d.rankAfter !== null) expect(d.rankDelta).toBe(d.rankAfter - d.rankBefore);
    }
    expect(ok(await ts.gql(COMPARE, { a: firstRun, b: firstRun }, w.t1.ADMIN)).compareRuns).toEqual([]);
    // the API key compares published runs only
    expect(code(await ts.gql(COMPARE, { a: firstRun, b: secondRun }, resultsKey))).toBe('NOT_FOUND');
  });

  test("an unpublished run's content cannot change either; status moves one step at a time only", async () => {
    const tx = (text: string) => sql(w.t1.id, text, [secondRun]);
    await expect(
      tx(`UPDATE result_runs SET result = '{}'::jsonb, version = version + 1 WHERE id = $1`),
    ).rejects.toThrow(/only its status moves/);
    await expect(tx(`UPDATE result_runs SET inputs_hash = 'x', version = version + 1 WHERE id = $1`)).rejects.toThrow(
      /only its status moves/,
    );
    await expect(
      tx(`UPDATE result_runs SET status = 'PUBLISHED', published_at = now(), version = version + 1 WHERE id = $1`),
    ).rejects.toThrow(/not a lifecycle step/);
    await expect(tx(`UPDATE result_subjects SET rank = 2 WHERE run_id = $1`)).rejects.toThrow(/cannot change/);
  });

  test('ra-data-graphql-simple: allResultRuns, _allResultRunsMeta, ResultRun', async () => {
    const d = ok(await ts.gql(ALL_RUNS, { f: { schemeId } }, w.t1.ADMIN));
    expect(d.allResultRuns.map((r: Json) => r.id)).toEqual([secondRun, firstRun]);
    expect(d._allResultRunsMeta.count).toBe(2);
    const p = ok(await ts.gql(ALL_RUNS, { f: { status: 'PUBLISHED' } }, w.t1.ADMIN));
    expect(p.allResultRuns).toEqual([{ id: firstRun, status: 'PUBLISHED' }]);
    expect(ok(await ts.gql(ALL_RUNS, {}, resultsKey))._allResultRunsMeta.count).toBe(1);
    expect(ok(await ts.gql(ONE_RUN, { id: secondRun }, w.t1.VIEWER)).ResultRun).toMatchObject({
      id: secondRun,
      status: 'DRAFT',
      schemeVersion: 2,
    });
    expect(code(await ts.gql(ONE_RUN, { id: MISSING }, w.t1.ADMIN))).toBe('NOT_FOUND');
  });

  test('another tenant: run ids and the scheme are NOT_FOUND, its run list is empty', async () => {
    const t2 = w.t2.admin;
    expect(code(await ts.gql(ONE_RUN, { id: firstRun }, t2))).toBe('NOT_FOUND');
    expect(code(await ts.gql(REVIEW, { r: secondRun }, t2))).toBe('NOT_FOUND');
    expect(code(await ts.gql(COMPUTE, { s: schemeId }, t2))).toBe('NOT_FOUND');
    expect(code(await ts.gql(RESULTS, { s: schemeId, r: firstRun }, t2))).toBe('NOT_FOUND');
    expect(code(await ts.gql(COMPARE, { a: firstRun, b: secondRun }, t2))).toBe('NOT_FOUND');
    expect(code(await ts.gql(RESULTS, { s: schemeId }, t2))).toBe('NOT_FOUND');
    expect(code(await ts.gql(RANKINGS, { s: schemeId, g: 'TOWNSHIP' }, t2))).toBe('NOT_FOUND');
    expect(ok(await ts.gql(RUNS, { s: schemeId }, t2)).resultRuns).toEqual([]);
    expect(ok(await ts.gql(ALL_RUNS, {}, t2))._allResultRunsMeta.count).toBe(0);
    const [n] = await sql(
      w.t2.id,
      `SELECT (SELECT count(*)::int FROM result_runs) AS runs, (SELECT count(*)::int FROM result_subjects) AS subjects`,
    );
    expect(n).toEqual({ runs: 0, subjects: 0 });
  });
});

test("reading 1,000+ subjects' results is one SQL statement, as many statements as for 45", async () => {
  const copies = 23;
  const big: Json = { formatVersion: 1, subjects: [], inputs: [], adjustments: [] };
  for (let i = 0; i < copies; i++) {
    const c = (code: string) => `${code}-${i}`;
    for (const s of DATASET.subjects)
      big.subjects.push({ ...s, code: c(s.code), ...(s.unit ? { unit: c(s.unit) } : {}) });
    for (const x of DATASET.inputs) big.inputs.push({ ...x, subject: c(x.subject) });
    for (const a of DATASET.adjustments) big.adjustments.push({ ...a, subject: c(a.subject) });
  }
  const bigScheme = ok(await ts.gql(IMPORT_SCHEME, { d: { ...SCHEME, code: 'district-big' } }, w.t1.ADMIN)).importScheme
    .id;
  ok(await ts.gql(PUBLISH_SCHEME, { id: bigScheme }, w.t1.ADMIN));
  expect(ok(await ts.gql(IMPORT_DATA, { s: bigScheme, d: big }, w.t1.ADMIN)).importDataset.subjects).toBe(45 * copies);
  ok(await ts.gql(COMPUTE, { s: bigScheme }, w.t1.ADMIN));
  // the compute's notice is written after its answer, in its own transaction: let it finish before counting
  for (let i = 0; i < 20 && (await countQueries(ts, () => new Promise((r) => setTimeout(r, 300)))).length; i++);

  let bigResults: Json[] = [];
  const bigQueries = await countQueries(ts, async () => {
    bigResults = ok(await ts.gql(RESULTS, { s: bigScheme }, w.t1.ADMIN)).results;
  });
  expect(bigResults).toHaveLength(45 * copies);
  expect(bigResults[0].nodes[0].name).toBe(SCHEME.groups[0].root.name);
  const smallQueries = await countQueries(ts, async () => {
    expect(ok(await ts.gql(RESULTS, { s: schemeId }, w.t1.ADMIN)).results).toHaveLength(45);
  });
  expect(bigQueries.filter((q) => /result_subjects/.test(q))).toHaveLength(1);
  expect(bigQueries.filter((q) => /result_runs/.test(q))).toHaveLength(1);
  expect(bigQueries.length).toBe(smallQueries.length);
  // besides authentication (tenant, user) and the transaction frame, the read is one statement
  const frame =
    /^(START TRANSACTION|COMMIT|SELECT set_config\(|SELECT id, code, name FROM tenants|SELECT id, email, role, disabled FROM users)/;
  expect(bigQueries.filter((q) => !frame.test(q.trim()))).toHaveLength(1);
});

test('the demo tenant gets a published run of the example (SEED_DEMO)', async () => {
  const demo = await bootServer({ seedDemo: true });
  try {
    const token = (await login(demo, 'demo@example.com', 'demo', 'demo')).token;
    const [scheme] = ok(await demo.gql(`{ schemes { id } }`, {}, token)).schemes;
    const runs = ok(await demo.gql(RUNS, { s: scheme.id }, token)).resultRuns;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'PUBLISHED', schemeVersion: 2 });
    expect(runs[0].groups).toEqual(expectedGroups());
    const results = ok(await demo.gql(RESULTS, { s: scheme.id }, token)).results as Json[];
    expect(results.map(engineShape)).toEqual(EXPECTED.subjects);
    // nothing changed since: computing again returns the published run
    expect(ok(await demo.gql(COMPUTE, { s: scheme.id }, token)).computeResults.id).toBe(runs[0].id);
  } finally {
    await demo.stop();
  }
});
