import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  CREATE_TENANT,
  CREATE_USER,
  createDepartments,
  login,
  ok,
  PLATFORM,
  type Json,
  type TestServer,
} from '../support/server';
import { engineShape } from '../support/results';

/**
 * The whole assessment year on the example, through GraphQL alone, each step done by the role whose job it is:
 * the final published results equal the example's expected result exactly.
 */
const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const EXPECTED: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.expected.json'), 'utf8'));

const UNIT = 'T01';
const datasetInput = (indicator: string) =>
  DATASET.inputs.find((i: Json) => i.subject === UNIT && i.indicator === indicator);
const TAX = datasetInput('TAX');
const BALLOTS = datasetInput('PUBLIC_EVAL');
const CLAIMED = DATASET.adjustments.find((a: Json) => a.subject === UNIT && a.rule === 'AWARD_CITY');

const INPUT = 'id subject indicator source period value version';
const IMPORT_SCHEME = `mutation($d: JSON!) { importScheme(definition: $d) { id status } }`;
const PUBLISH_SCHEME = `mutation($id: ID!) { publishScheme(id: $id) { id status } }`;
const IMPORT_DATA = `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects inputs adjustments } }`;
const SET_INPUT = `mutation($s: ID!, $sub: String!, $i: String!, $src: InputSource!, $v: JSON!) { setInput(schemeId: $s, subject: $sub, indicator: $i, source: $src, value: $v) { ${INPUT} } }`;
const SET_BALLOTS = `mutation($s: ID!, $sub: String!, $i: String!, $b: JSON!) { setBallots(schemeId: $s, subject: $sub, indicator: $i, ballots: $b) { ${INPUT} } }`;
const DISCREPANCIES = `query($s: ID!) { discrepancies(schemeId: $s) { subject indicator self monitor ratio } }`;
const CLAIM = `mutation($s: ID!, $sub: String!, $r: String!, $c: Int, $n: String) { claimAdjustment(schemeId: $s, subject: $sub, rule: $r, count: $c, note: $n) { id status version } }`;
const VERIFY = `mutation($id: ID!, $v: Int!) { verifyAdjustment(id: $id, version: $v) { id status version } }`;
const RUN = 'id status';
const COMPUTE = `mutation($s: ID!) { computeResults(schemeId: $s) { ${RUN} } }`;
const REVIEW = `mutation($r: ID!) { reviewResults(runId: $r) { ${RUN} } }`;
const APPROVE = `mutation($r: ID!) { approveResults(runId: $r) { ${RUN} } }`;
const PUBLISH = `mutation($r: ID!) { publishResults(runId: $r, acknowledgeMissing: true) { ${RUN} } }`;
const RESULTS = `query($s: ID!) { results(schemeId: $s) { subject { code name } group base bonus deduction final rank grade vetoes
  adjustments { rule points } warnings { code indicator } nodes { code name maxPoints points rate out explain } } }`;

/** Indicator (leaf) codes per group. */
function indicatorCodes(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const g of SCHEME.groups) {
    const leaves = new Set<string>();
    const walk = (n: Json) => (Array.isArray(n.children) ? n.children.forEach(walk) : leaves.add(n.code));
    walk(g.root);
    out.set(g.code, leaves);
  }
  return out;
}

let ts: TestServer;
beforeAll(async () => {
  ts = await bootServer();
});
afterAll(() => ts?.stop());

test('the example year, role by role, ends in published results equal to the expected result', async () => {
  expect(TAX && BALLOTS?.ballots && CLAIMED).toBeTruthy();

  // the platform admin creates the tenant; its ADMIN logs in
  const platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
  ok(
    await ts.gql(
      CREATE_TENANT,
      {
        input: { code: 'district', name: '区考评办', adminEmail: 'admin@district.test', adminPassword: 'admin-pass-1' },
      },
      platform,
    ),
  );
  const admin = (await login(ts, 'admin@district.test', 'admin-pass-1', 'district')).token;

  // ADMIN: the departments the scheme names as owners, then import and publish the scheme
  const departments = await createDepartments(ts, admin);
  const scheme = ok(await ts.gql(IMPORT_SCHEME, { d: SCHEME }, admin)).importScheme;
  expect(scheme.status).toBe('DRAFT');
  expect(ok(await ts.gql(PUBLISH_SCHEME, { id: scheme.id }, admin)).publishScheme.status).toBe('PUBLISHED');
  const s = scheme.id as string;

  // ADMIN: the subjects alone first (a dataset without inputs or adjustments)
  const subjectsOnly = {
    formatVersion: DATASET.formatVersion,
    subjects: DATASET.subjects,
    inputs: [],
    adjustments: [],
  };
  expect(ok(await ts.gql(IMPORT_DATA, { s, d: subjectsOnly }, admin)).importDataset).toEqual({
    subjects: DATASET.subjects.length,
    inputs: 0,
    adjustments: 0,
  });

  // ADMIN: one user per role (the UNIT user's unit exists now)
  const tokens: Record<string, string> = {};
  for (const role of ['ASSESSOR', 'MONITOR', 'UNIT', 'LEADER', 'VIEWER']) {
    const email = `${role.toLowerCase()}@district.test`;
    // the MONITOR user reports for 税务局, which owns tax revenue
    const departmentId = role === 'MONITOR' ? departments.TAX_BUREAU : null;
    ok(
      await ts.gql(
        CREATE_USER,
        {
          input: {
            email,
            password: `${role}-pass-1`,
            name: role,
            role,
            unit: role === 'UNIT' ? UNIT : null,
            departmentId,
          },
        },
        admin,
      ),
    );
    tokens[role] = (await login(ts, email, `${role}-pass-1`, 'district')).token;
  }
  const { ASSESSOR, MONITOR, UNIT: unit, LEADER, VIEWER } = tokens;

  // ADMIN: then the reviewed data, minus what the roles enter themselves (adjustments imported by ADMIN are VERIFIED).
  // A dataset is self-contained (its inputs name its own subjects), so the subjects come again, upserted unchanged.
  const entered = (i: Json) => i.subject === UNIT && (i.indicator === 'TAX' || i.indicator === 'PUBLIC_EVAL');
  const imported = {
    ...DATASET,
    inputs: DATASET.inputs.filter((i: Json) => !entered(i)),
    adjustments: DATASET.adjustments.filter((a: Json) => a !== CLAIMED),
  };
  expect(ok(await ts.gql(IMPORT_DATA, { s, d: imported }, admin)).importDataset).toMatchObject({
    inputs: DATASET.inputs.length - 2,
    adjustments: DATASET.adjustments.length - 1,
  });
  const SUBJECTS = `query($s: ID!) { subjects(schemeId: $s) { code name group } }`;
  expect(ok(await ts.gql(SUBJECTS, { s }, VIEWER)).subjects).toEqual(
    DATASET.subjects.map((x: Json) => ({ code: x.code, name: x.name, group: x.group })),
  );

  // UNIT: its own SELF value; MONITOR: a value more than the threshold away → a discrepancy
  const selfValue = { actual: Math.round(TAX.actual * 1.3), target: TAX.target };
  const monitorValue = { actual: Math.round(TAX.actual * 0.8), target: TAX.target };
  expect(
    ok(await ts.gql(SET_INPUT, { s, sub: UNIT, i: 'TAX', src: 'SELF', v: selfValue }, unit)).setInput,
  ).toMatchObject({ source: 'SELF', value: selfValue });
  expect(
    ok(await ts.gql(SET_INPUT, { s, sub: UNIT, i: 'TAX', src: 'MONITOR', v: monitorValue }, MONITOR)).setInput,
  ).toMatchObject({ source: 'MONITOR' });
  const found = ok(await ts.gql(DISCREPANCIES, { s }, ASSESSOR)).discrepancies as Json[];
  expect(found).toEqual([
    expect.objectContaining({ subject: UNIT, indicator: 'TAX', self: selfValue, monitor: monitorValue }),
  ]);
  expect(found[0].ratio).toBeGreaterThan(SCHEME.reviewThreshold);

  // ASSESSOR: the REVIEW value (the dataset's own, neither SELF nor MONITOR) decides — the exact comparison below shows it
  const review = { actual: TAX.actual, target: TAX.target };
  expect(
    ok(await ts.gql(SET_INPUT, { s, sub: UNIT, i: 'TAX', src: 'REVIEW', v: review }, ASSESSOR)).setInput,
  ).toMatchObject({ source: 'REVIEW', value: review });

  // UNIT claims one of its adjustments; ASSESSOR verifies it
  const claim = ok(
    await ts.gql(CLAIM, { s, sub: UNIT, r: CLAIMED.rule, c: CLAIMED.count, n: CLAIMED.note ?? null }, unit),
  ).claimAdjustment;
  expect(claim.status).toBe('CLAIMED');
  expect(code(await ts.gql(VERIFY, { id: claim.id, v: claim.version }, unit))).toBe('FORBIDDEN');
  expect(ok(await ts.gql(VERIFY, { id: claim.id, v: claim.version }, ASSESSOR)).verifyAdjustment.status).toBe(
    'VERIFIED',
  );

  // ASSESSOR: the survey's ballots
  expect(
    ok(await ts.gql(SET_BALLOTS, { s, sub: UNIT, i: 'PUBLIC_EVAL', b: BALLOTS.ballots }, ASSESSOR)).setBallots,
  ).toMatchObject({ source: 'REVIEW' });

  // each role is refused a step that is not its own
  expect(code(await ts.gql(SET_INPUT, { s, sub: UNIT, i: 'TAX', src: 'REVIEW', v: review }, MONITOR))).toBe(
    'FORBIDDEN',
  );
  expect(code(await ts.gql(COMPUTE, { s }, LEADER))).toBe('FORBIDDEN');
  expect(code(await ts.gql(SET_INPUT, { s, sub: UNIT, i: 'TAX', src: 'SELF', v: review }, VIEWER))).toBe('FORBIDDEN');
  expect(code(await ts.gql(SET_BALLOTS, { s, sub: UNIT, i: 'PUBLIC_EVAL', b: BALLOTS.ballots }, VIEWER))).toBe(
    'FORBIDDEN',
  );
  expect(code(await ts.gql(CLAIM, { s, sub: UNIT, r: CLAIMED.rule, c: 1 }, VIEWER))).toBe('FORBIDDEN');
  expect(code(await ts.gql(IMPORT_DATA, { s, d: imported }, VIEWER))).toBe('FORBIDDEN');
  expect(code(await ts.gql(COMPUTE, { s }, VIEWER))).toBe('FORBIDDEN');
  expect(code(await ts.gql(PUBLISH_SCHEME, { id: s }, VIEWER))).toBe('FORBIDDEN');

  // ASSESSOR computes; LEADER reviews and approves; ADMIN publishes
  const run = ok(await ts.gql(COMPUTE, { s }, ASSESSOR)).computeResults;
  expect(run.status).toBe('DRAFT');
  expect(code(await ts.gql(REVIEW, { r: run.id }, VIEWER))).toBe('FORBIDDEN');
  expect(ok(await ts.gql(REVIEW, { r: run.id }, LEADER)).reviewResults.status).toBe('REVIEWED');
  expect(ok(await ts.gql(APPROVE, { r: run.id }, LEADER)).approveResults.status).toBe('APPROVED');
  expect(code(await ts.gql(PUBLISH, { r: run.id }, ASSESSOR))).toBe('FORBIDDEN');
  expect(code(await ts.gql(PUBLISH, { r: run.id }, LEADER))).toBe('FORBIDDEN');
  expect(ok(await ts.gql(PUBLISH, { r: run.id }, admin)).publishResults.status).toBe('PUBLISHED');

  // an API key with results:read reads the published results: exactly the expected result
  const key = ok(await ts.gql(CREATE_API_KEY, { name: 'portal', scopes: ['results:read'] }, admin)).createApiKey.key;
  const results = ok(await ts.gql(RESULTS, { s }, key)).results as Json[];
  expect(results.map(engineShape)).toEqual(EXPECTED.subjects);
  const indicators = indicatorCodes();
  let explained = 0;
  for (const r of results) {
    for (const n of r.nodes) {
      if (!indicators.get(r.group)!.has(n.code) || n.out) continue;
      expect(typeof n.explain).toBe('string');
      expect(n.explain.length).toBeGreaterThan(0);
      explained++;
    }
  }
  expect(explained).toBeGreaterThan(100);
  // the UNIT user sees its own published result
  const own = ok(await ts.gql(RESULTS, { s }, unit)).results as Json[];
  expect(own.map((r) => r.subject.code)).toContain(UNIT);
});
