// The dashboard (dashboard / dataCompleteness) and the adjustment list's dashboard filters, on a
// real server and PostgreSQL. Every expected figure is computed here, independently of the
// server's SQL, from the example scheme and dataset plus a model of the values this test enters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bootServer,
  code,
  countQueries,
  CREATE_USER,
  login,
  makeWorld,
  ok,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';

const IMPORT_SCHEME = `mutation($d: JSON!) { importScheme(definition: $d) { id } }`;
const PUBLISH_SCHEME = `mutation($id: ID!) { publishScheme(id: $id) { id status } }`;
const IMPORT_DATA = `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects inputs adjustments } }`;
const SET_INPUT = `mutation($s: ID!, $sub: String!, $i: String!, $src: InputSource!, $v: JSON!) { setInput(schemeId: $s, subject: $sub, indicator: $i, source: $src, value: $v) { id } }`;
const CLAIM = `mutation($s: ID!, $sub: String!, $r: String!, $p: Float, $n: String) { claimAdjustment(schemeId: $s, subject: $sub, rule: $r, points: $p, note: $n) { id version status } }`;
const VERIFY = `mutation($id: ID!, $v: Int!) { verifyAdjustment(id: $id, version: $v) { id status version } }`;
const REJECT = `mutation($id: ID!, $v: Int!, $r: String!) { rejectAdjustment(id: $id, version: $v, reason: $r) { id status version reason } }`;
const COMPUTE = `mutation($s: ID!) { computeResults(schemeId: $s) { id status } }`;
const DISCREPANCIES = `query($s: ID!) { discrepancies(schemeId: $s) { subject indicator review } }`;
const COMPLETENESS =
  'group name kind subjects indicators expected effective notApplicable sources { source entered effective }';
const DASHBOARD = `query($s: ID) { dashboard(schemeId: $s) {
  scheme { id code status } schemes { id code year status }
  completeness { ${COMPLETENESS} }
  discrepancies openDiscrepancies claimedAdjustments latestRun { id status }
} }`;
const DATA_COMPLETENESS = `query($s: ID!) { dataCompleteness(schemeId: $s) { ${COMPLETENESS} } }`;
const ALL_ADJUSTMENTS = `query($f: AdjustmentFilter) {
  allAdjustments(perPage: 100, filter: $f) { id subject subjectName group rule ruleName kind status claimedBy claimedByName createdAt }
  _allAdjustmentsMeta(filter: $f) { count }
}`;

type Source = 'SELF' | 'MONITOR' | 'REVIEW';
const SOURCES: Source[] = ['SELF', 'MONITOR', 'REVIEW'];
const PRIORITY: Source[] = ['REVIEW', 'MONITOR', 'SELF'];

/** The indicators of a group that take an input: leaves that are not LINKED. */
function inputIndicators(node: Json): string[] {
  if (Array.isArray(node.children)) return node.children.flatMap(inputIndicators);
  return node.method.type === 'LINKED' ? [] : [node.code];
}

/** What this test believes is stored: subject|indicator → source → value. */
class Model {
  readonly cells = new Map<string, Map<Source, Json>>();
  constructor(inputs: Json[], source: Source) {
    for (const { subject, indicator, ...value } of inputs) this.set(subject, indicator, source, value);
  }
  set(subject: string, indicator: string, source: Source, value: Json) {
    const key = `${subject}|${indicator}`;
    if (!this.cells.has(key)) this.cells.set(key, new Map());
    this.cells.get(key)!.set(source, value);
  }
  /** The dashboard's figures per group, in scheme order; `unit` keeps that unit and its members. */
  figures(unit?: string): Json[] {
    return SCHEME.groups.map((g: Json) => {
      const indicators = inputIndicators(g.root);
      const subjects = DATASET.subjects.filter(
        (s: Json) => s.group === g.code && (!unit || s.code === unit || s.unit === unit),
      );
      const entered: Record<Source, number> = { SELF: 0, MONITOR: 0, REVIEW: 0 };
      const effective: Record<Source, number> = { SELF: 0, MONITOR: 0, REVIEW: 0 };
      let na = 0;
      for (const s of subjects) {
        for (const i of indicators) {
          const cell = this.cells.get(`${s.code}|${i}`);
          if (!cell) continue;
          for (const src of SOURCES) if (cell.has(src)) entered[src] += 1;
          const top = PRIORITY.find((src) => cell.has(src))!;
          effective[top] += 1;
          if (cell.get(top)!.notApplicable === true) na += 1;
        }
      }
      return {
        group: g.code,
        name: g.name,
        kind: g.kind,
        subjects: subjects.length,
        indicators: indicators.length,
        expected: subjects.length * indicators.length,
        effective: SOURCES.reduce((n, src) => n + effective[src], 0),
        notApplicable: na,
        sources: SOURCES.map((source) => ({ source, entered: entered[source], effective: effective[source] })),
      };
    });
  }
}

let ts: TestServer;
let w: World;
let schemeId: string;
let unitToken: string;
let model: Model;

async function publishedWithData(token: string, schemeCode: string, dataset: Json): Promise<string> {
  const id = ok(await ts.gql(IMPORT_SCHEME, { d: { ...SCHEME, code: schemeCode } }, token)).importScheme.id;
  ok(await ts.gql(PUBLISH_SCHEME, { id }, token));
  ok(await ts.gql(IMPORT_DATA, { s: id, d: dataset }, token));
  return id;
}

const dashboard = async (token: string, s?: string) => ok(await ts.gql(DASHBOARD, { s }, token)).dashboard as Json;
const missingTownshipCells = () => {
  const g = SCHEME.groups.find((x: Json) => x.code === 'TOWNSHIP');
  return DATASET.subjects
    .filter((s: Json) => s.group === 'TOWNSHIP')
    .flatMap((s: Json) => inputIndicators(g.root).map((i) => [s.code, i] as const))
    .filter(([s, i]: readonly [string, string]) => !model.cells.has(`${s}|${i}`));
};

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = await publishedWithData(w.t1.ADMIN, 'district-2023', DATASET);
  model = new Model(DATASET.inputs, 'REVIEW');
  ok(
    await ts.gql(
      CREATE_USER,
      {
        input: { email: 'unit-t01@t1.test', password: 'unit-pass-1', name: '东城镇填报员', role: 'UNIT', unit: 'T01' },
      },
      w.t1.ADMIN,
    ),
  );
  unitToken = (await login(ts, 'unit-t01@t1.test', 'unit-pass-1', 't1')).token;
  // Tenant t2 holds the same scheme code with more data: none of it may reach t1's figures.
  const t2Scheme = await publishedWithData(w.t2.admin, 'district-2023', DATASET);
  ok(
    await ts.gql(
      SET_INPUT,
      { s: t2Scheme, sub: 'T03', i: 'ROADS', src: 'SELF', v: { actual: 1, target: 2 } },
      w.t2.admin,
    ),
  );
  ok(
    await ts.gql(
      SET_INPUT,
      { s: t2Scheme, sub: 'T01', i: 'TAX', src: 'MONITOR', v: { actual: 1, target: 8000 } },
      w.t2.admin,
    ),
  );
  ok(await ts.gql(CLAIM, { s: t2Scheme, sub: 'T01', r: 'AWARD_CITY' }, w.t2.admin));
});
afterAll(() => ts?.stop());

test('completeness per group equals the count from the example scheme and dataset (REVIEW only), one missing township value', async () => {
  const d = await dashboard(w.t1.ADMIN);
  expect(d.scheme).toMatchObject({ id: schemeId, code: 'district-2023', status: 'PUBLISHED' });
  expect(d.completeness).toEqual(model.figures());
  const township = d.completeness.find((g: Json) => g.group === 'TOWNSHIP');
  expect(missingTownshipCells()).toHaveLength(township.expected - township.effective);
  expect(township.expected - township.effective).toBeGreaterThan(0);
  expect(ok(await ts.gql(DATA_COMPLETENESS, { s: schemeId }, w.t1.ADMIN)).dataCompleteness).toEqual(d.completeness);
  expect(d).toMatchObject({ discrepancies: 0, openDiscrepancies: 0, claimedAdjustments: 0, latestRun: null });
});

test('SELF and MONITOR values move their sources, REVIEW stays effective; discrepancies count as the discrepancies query, open until a later REVIEW value settles them', async () => {
  const [[subject, indicator]] = missingTownshipCells();
  const tax = DATASET.inputs.find((i: Json) => i.subject === 'T01' && i.indicator === 'TAX');
  const entries: [string, string, Source, Json, string][] = [
    // reviewed already: a discrepancy, but settled
    ['T01', 'TAX', 'SELF', { actual: tax.actual * 2, target: tax.target }, unitToken],
    ['T01', 'TAX', 'MONITOR', { actual: tax.actual, target: tax.target }, w.t1.MONITOR],
    // missing so far: now effective from MONITOR, and an open discrepancy
    [subject, indicator, 'SELF', { actual: 100, target: 100 }, w.t1.ADMIN],
    [subject, indicator, 'MONITOR', { actual: 50, target: 100 }, w.t1.MONITOR],
    // a value within the threshold: no discrepancy
    ['T02', 'TAX', 'SELF', { actual: 1000, target: 2000 }, w.t1.ADMIN],
    ['T02', 'TAX', 'MONITOR', { actual: 1050, target: 2000 }, w.t1.MONITOR],
    // exactly at the threshold (10 / 100 = 0.1): no discrepancy
    ['T06', 'TAX', 'SELF', { actual: 110, target: 200 }, w.t1.ADMIN],
    ['T06', 'TAX', 'MONITOR', { actual: 100, target: 200 }, w.t1.MONITOR],
    // 1.1 − 1.0 is 0.10000000000000009 in doubles: a discrepancy for the query, so for the count too
    ['T04', 'TAX', 'SELF', { actual: 1.1, target: 2 }, w.t1.ADMIN],
    ['T04', 'TAX', 'MONITOR', { actual: 1.0, target: 2 }, w.t1.MONITOR],
    // a score against a MONITOR 0: any difference counts
    ['T05', 'NEW_COUNTRYSIDE', 'SELF', { score: 50 }, w.t1.ADMIN],
    ['T05', 'NEW_COUNTRYSIDE', 'MONITOR', { score: 0 }, w.t1.MONITOR],
  ];
  for (const [sub, i, src, v, token] of entries) {
    ok(await ts.gql(SET_INPUT, { s: schemeId, sub, i, src, v }, token));
    model.set(sub, i, src, v);
  }
  const d = await dashboard(w.t1.ASSESSOR);
  expect(d.completeness).toEqual(model.figures());
  const township = d.completeness.find((g: Json) => g.group === 'TOWNSHIP');
  expect(township.effective).toBe(township.expected);
  expect(township.sources.find((s: Json) => s.source === 'MONITOR')).toEqual({
    source: 'MONITOR',
    entered: 6,
    effective: 1,
  });
  const listed = ok(await ts.gql(DISCREPANCIES, { s: schemeId }, w.t1.ADMIN)).discrepancies as Json[];
  expect(listed.map((x) => `${x.subject}|${x.indicator}`).sort()).toEqual(
    ['T01|TAX', 'T04|TAX', 'T05|NEW_COUNTRYSIDE', `${subject}|${indicator}`].sort(),
  );
  expect(d.discrepancies).toBe(listed.length);
  // REVIEW values imported before the units and departments reported settle nothing.
  expect(listed.filter((x) => x.review === null)).toHaveLength(listed.length);
  expect(d.openDiscrepancies).toBe(listed.length);
  // The assessors settle two with REVIEW values entered now: two fewer open, none fewer listed.
  for (const x of listed.slice(0, 2)) {
    const v = { ...model.cells.get(`${x.subject}|${x.indicator}`)!.get('MONITOR')! };
    ok(await ts.gql(SET_INPUT, { s: schemeId, sub: x.subject, i: x.indicator, src: 'REVIEW', v }, w.t1.ASSESSOR));
    model.set(x.subject, x.indicator, 'REVIEW', v);
  }
  const after = await dashboard(w.t1.ADMIN);
  const relisted = ok(await ts.gql(DISCREPANCIES, { s: schemeId }, w.t1.ADMIN)).discrepancies as Json[];
  expect(after.discrepancies).toBe(relisted.length);
  expect(relisted).toHaveLength(listed.length);
  expect(after.openDiscrepancies).toBe(relisted.filter((x) => x.review === null).length);
  expect(after.openDiscrepancies).toBe(listed.length - 2);
  expect(after.completeness).toEqual(model.figures());
});

test("claimed adjustments are counted until decided; a UNIT user sees its own unit's only", async () => {
  const member = DATASET.subjects.find((s: Json) => s.unit === 'T01').code;
  const claims = [
    ok(await ts.gql(CLAIM, { s: schemeId, sub: 'T01', r: 'AWARD_CITY', n: '市级文明单位' }, unitToken)).claimAdjustment,
    ok(await ts.gql(CLAIM, { s: schemeId, sub: member, r: 'AWARD_DISTRICT' }, unitToken)).claimAdjustment,
    ok(await ts.gql(CLAIM, { s: schemeId, sub: 'T02', r: 'NOTABLE_WORK', p: 1.5 }, w.t1.ASSESSOR)).claimAdjustment,
    ok(await ts.gql(CLAIM, { s: schemeId, sub: 'T03', r: 'CRITICISM' }, w.t1.ADMIN)).claimAdjustment,
  ];
  expect((await dashboard(w.t1.VIEWER)).claimedAdjustments).toBe(4);
  expect((await dashboard(unitToken)).claimedAdjustments).toBe(2);
  ok(await ts.gql(VERIFY, { id: claims[2].id, v: claims[2].version }, w.t1.ASSESSOR));
  ok(await ts.gql(REJECT, { id: claims[3].id, v: claims[3].version, r: '证据不足' }, w.t1.ADMIN));
  expect((await dashboard(w.t1.LEADER)).claimedAdjustments).toBe(2);
  ok(await ts.gql(VERIFY, { id: claims[0].id, v: claims[0].version }, w.t1.ADMIN));
  expect((await dashboard(unitToken)).claimedAdjustments).toBe(1);
  expect((await dashboard(w.t1.MONITOR)).claimedAdjustments).toBe(1);
});

test("a UNIT user's completeness covers its unit and members only, without discrepancies or unpublished runs", async () => {
  const run = ok(await ts.gql(COMPUTE, { s: schemeId }, w.t1.ASSESSOR)).computeResults;
  const admin = await dashboard(w.t1.ADMIN);
  expect(admin.latestRun).toEqual({ id: run.id, status: 'DRAFT' });
  const unit = await dashboard(unitToken);
  expect(unit.completeness).toEqual(model.figures('T01'));
  expect(unit.completeness.find((g: Json) => g.group === 'TOWNSHIP').subjects).toBe(1);
  expect(unit.completeness.find((g: Json) => g.group === 'PARTY_DEPT').subjects).toBe(0);
  expect(unit).toMatchObject({ discrepancies: null, openDiscrepancies: null, latestRun: null });
  expect(ok(await ts.gql(DATA_COMPLETENESS, { s: schemeId }, unitToken)).dataCompleteness).toEqual(
    model.figures('T01'),
  );
  // A UNIT user without a unit sees no subjects at all.
  ok(
    await ts.gql(
      CREATE_USER,
      { input: { email: 'unit-none@t1.test', password: 'unit-pass-2', name: '无单位', role: 'UNIT' } },
      w.t1.ADMIN,
    ),
  );
  const none = (await login(ts, 'unit-none@t1.test', 'unit-pass-2', 't1')).token;
  expect((await dashboard(none, schemeId)).completeness.every((g: Json) => g.subjects === 0 && g.effective === 0)).toBe(
    true,
  );
});

test("another tenant's scheme is NOT_FOUND, and its data is never counted", async () => {
  const t2Schemes = ok(await ts.gql(`{ schemes { id } }`, {}, w.t2.admin)).schemes as Json[];
  expect(code(await ts.gql(DASHBOARD, { s: t2Schemes[0].id }, w.t1.ADMIN))).toBe('NOT_FOUND');
  expect(code(await ts.gql(DATA_COMPLETENESS, { s: t2Schemes[0].id }, w.t1.ADMIN))).toBe('NOT_FOUND');
  expect(code(await ts.gql(DASHBOARD, { s: MISSING }, w.t1.ADMIN))).toBe('NOT_FOUND');
  expect(code(await ts.gql(DASHBOARD, {}))).toBe('UNAUTHENTICATED');
  const t1 = await dashboard(w.t1.ADMIN);
  expect(t1.completeness).toEqual(model.figures());
  expect(t1.schemes.map((s: Json) => s.id)).toEqual([schemeId]);
  // t2's own view: the example's REVIEW values plus its SELF and MONITOR entries, its one claim.
  const t2Model = new Model(DATASET.inputs, 'REVIEW');
  t2Model.set('T03', 'ROADS', 'SELF', { actual: 1, target: 2 });
  t2Model.set('T01', 'TAX', 'MONITOR', { actual: 1, target: 8000 });
  const t2 = await dashboard(w.t2.admin);
  expect(t2.completeness).toEqual(t2Model.figures());
  expect(t2.claimedAdjustments).toBe(1);
  expect(t2.discrepancies).toBe(0);
});

test('the current scheme is the newest published one; a newer DRAFT does not displace it but is listed', async () => {
  const draft = ok(await ts.gql(IMPORT_SCHEME, { d: { ...SCHEME, code: 'district-2024', year: 2024 } }, w.t1.ADMIN))
    .importScheme.id;
  const d = await dashboard(w.t1.VIEWER);
  expect(d.scheme.id).toBe(schemeId);
  expect(d.schemes.map((s: Json) => [s.code, s.year, s.status])).toEqual([
    ['district-2024', 2024, 'DRAFT'],
    ['district-2023', 2023, 'PUBLISHED'],
  ]);
  const chosen = await dashboard(w.t1.VIEWER, draft);
  expect(chosen.scheme).toMatchObject({ id: draft, status: 'DRAFT' });
  // A draft has no subjects yet: every group expects nothing.
  expect(chosen.completeness.map((g: Json) => [g.group, g.subjects, g.expected])).toEqual(
    SCHEME.groups.map((g: Json) => [g.code, 0, 0]),
  );
});

test('the dashboard runs as many SQL statements for 20× the subjects and inputs as for the example', async () => {
  const copies = 20;
  const big: Json = { formatVersion: 1, subjects: [], inputs: [], adjustments: [] };
  for (let i = 0; i < copies; i++) {
    const c = (x: string) => `${x}-${i}`;
    for (const s of DATASET.subjects)
      big.subjects.push({ ...s, code: c(s.code), ...(s.unit ? { unit: c(s.unit) } : {}) });
    for (const x of DATASET.inputs) big.inputs.push({ ...x, subject: c(x.subject) });
  }
  const bigScheme = await publishedWithData(w.t1.ADMIN, 'district-big', big);
  for (const token of [w.t1.ADMIN, unitToken]) {
    let bigDash: Json = {};
    const bigQueries = await countQueries(ts, async () => {
      bigDash = await dashboard(token, bigScheme);
    });
    const smallQueries = await countQueries(ts, () => dashboard(token, schemeId));
    expect(bigQueries.length).toBe(smallQueries.length);
    // besides authentication and the transaction frame: schemes, (unit), completeness, open work, runs
    const frame =
      /^(START TRANSACTION|COMMIT|SELECT set_config\(|SELECT id, code, name FROM tenants|SELECT id, email, role, disabled FROM users)/;
    expect(bigQueries.filter((q) => !frame.test(q.trim())).length).toBeLessThanOrEqual(token === unitToken ? 5 : 4);
    if (token === w.t1.ADMIN) {
      const township = bigDash.completeness.find((g: Json) => g.group === 'TOWNSHIP');
      const small = new Model(DATASET.inputs, 'REVIEW').figures().find((g: Json) => g.group === 'TOWNSHIP')!;
      expect(township).toMatchObject({
        subjects: small.subjects * copies,
        expected: small.expected * copies,
        effective: small.effective * copies,
      });
    }
  }
});

test('the adjustment list filters by group and rule kind and names the rule, the subject and who claimed', async () => {
  const all = ok(await ts.gql(ALL_ADJUSTMENTS, { f: { schemeId } }, w.t1.ADMIN));
  const rules = new Map<string, Json>(SCHEME.rules.map((r: Json) => [r.code, r]));
  const groupOf = new Map<string, string>(DATASET.subjects.map((s: Json) => [s.code, s.group]));
  const nameOf = new Map<string, string>(DATASET.subjects.map((s: Json) => [s.code, s.name]));
  const rows = all.allAdjustments as Json[];
  expect(rows).toHaveLength(DATASET.adjustments.length + 4);
  for (const r of rows) {
    expect(r).toMatchObject({
      ruleName: rules.get(r.rule)!.name,
      kind: rules.get(r.rule)!.kind,
      group: groupOf.get(r.subject),
      subjectName: nameOf.get(r.subject),
    });
  }
  // claimed by the unit user: named by its user's name
  expect(
    rows.find(
      (r) =>
        r.subject === 'T01' && r.rule === 'AWARD_CITY' && r.claimedBy !== null && r.claimedByName === '东城镇填报员',
    ),
  ).toBeDefined();
  for (const kind of ['BONUS', 'DEDUCTION', 'VETO']) {
    const f = ok(await ts.gql(ALL_ADJUSTMENTS, { f: { schemeId, kind } }, w.t1.ADMIN));
    const want = rows.filter((r) => rules.get(r.rule)!.kind === kind);
    expect(want.length).toBeGreaterThan(0);
    expect(f.allAdjustments.map((r: Json) => r.id).sort()).toEqual(want.map((r) => r.id).sort());
    expect(f._allAdjustmentsMeta.count).toBe(want.length);
  }
  const deputies = ok(
    await ts.gql(ALL_ADJUSTMENTS, { f: { schemeId, group: 'DEPUTY', status: 'VERIFIED' } }, w.t1.ADMIN),
  );
  const wantDeputies = rows.filter((r) => groupOf.get(r.subject) === 'DEPUTY' && r.status === 'VERIFIED');
  expect(wantDeputies.length).toBeGreaterThan(0);
  expect(deputies.allAdjustments.map((r: Json) => r.id).sort()).toEqual(wantDeputies.map((r) => r.id).sort());
  // a UNIT user filtering by kind still sees its own unit's only
  const unitRows = ok(await ts.gql(ALL_ADJUSTMENTS, { f: { schemeId, kind: 'BONUS' } }, unitToken))
    .allAdjustments as Json[];
  const own = rows.filter(
    (r) =>
      rules.get(r.rule)!.kind === 'BONUS' &&
      (r.subject === 'T01' || DATASET.subjects.find((s: Json) => s.code === r.subject)?.unit === 'T01'),
  );
  expect(unitRows.map((r) => r.id).sort()).toEqual(own.map((r) => r.id).sort());
  expect(code(await ts.gql(ALL_ADJUSTMENTS, { f: { schemeId, kind: 'BONUSES' } }, w.t1.ADMIN))).not.toBe('OK');
});
