// The what-if query end to end: `simulate` over the example's data, each variant compared with
// the engine evaluating the modified scheme directly here in the test; toNextGrade checked by
// re-evaluating with the subject's final raised by exactly that; tenant scope, roles, and
// nothing written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, type Dataset, type Result, type Scheme } from '@kaoping/shared';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  makeWorld,
  ok,
  type Json,
  type TestServer,
  setUpScheme,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const read = (f: string) => JSON.parse(readFileSync(path.join(EXAMPLES, f), 'utf8'));
const SCHEME: Scheme = read('district-2023.scheme.json');
const DATASET: Dataset = read('district-2023.dataset.json');
const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';

const SIM_FIELDS = `groups { group count gradeCounts { grade count } }
  subjects { subject { code name } group final rank grade before { final rank grade } toNextGrade nextGradeBlock }
  unmatched { subjects indicators rules } beforeRunId`;
const SIMULATE = `query($s: ID!, $d: JSON, $from: ID) { simulate(schemeId: $s, definition: $d, dataFrom: $from) { ${SIM_FIELDS} } }`;
const DATA = `query($s: ID!) { simulationData(schemeId: $s) }`;

let ts: TestServer;
let w: World;
let schemeId: string;
let draftId: string;
let runId: string;
let otherTenantScheme: string;

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const simulate = async (variables: Json, token = w.t1.ADMIN) =>
  ok(await ts.gql(SIMULATE, { s: schemeId, ...variables }, token)).simulate;

/** The simulation must be the engine's own evaluation of `scheme` over `dataset`, subject by subject and group by group. */
function expectSameAs(sim: Json, scheme: Scheme, dataset: Dataset): Result {
  const direct = evaluate(scheme, dataset, { explain: false });
  expect(sim.subjects.map((s: Json) => [s.subject.code, s.group, s.final, s.rank, s.grade])).toEqual(
    direct.subjects.map((s) => [s.subject, s.group, s.final, s.rank, s.grade]),
  );
  expect(sim.groups).toEqual(
    direct.groups.map((g) => ({
      group: g.group,
      count: g.count,
      gradeCounts: scheme.grades.map((gr) => ({ grade: gr.code, count: g.gradeCounts[gr.code] })),
    })),
  );
  return direct;
}

const moved = (sim: Json) =>
  sim.subjects
    .filter((s: Json) => s.before.grade !== s.grade)
    .map((s: Json) => `${s.subject.code}:${s.before.grade}>${s.grade}`);

/** Row counts of every table the server's role may read, seen from each tenant. */
async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const tenant of [w.t1.id, w.t2.id]) {
    await withTenantTransaction(ts.server.dataSource, tenant, async (em) => {
      const tables: { t: string }[] = await em.query(
        `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1`,
      );
      for (const { t } of tables)
        out[`${tenant}:${t}`] = (await em.query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n;
    });
  }
  return out;
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = await setUpScheme(ts, w.t1.ADMIN, SCHEME, DATASET);
  runId = ok(await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN))
    .computeResults.id;
  draftId = ok(
    await ts.gql(
      `mutation($id: ID!) { cloneScheme(id: $id, year: 2024, code: "district-2024") { id } }`,
      { id: schemeId },
      w.t1.ADMIN,
    ),
  ).cloneScheme.id;
  otherTenantScheme = ok(
    await ts.gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: SCHEME }, w.t2.admin),
  ).importScheme.id;
});
afterAll(() => ts?.stop());

describe('simulate over the example', () => {
  test("the scheme as it is: the engine's result, next to the newest run (nothing moves)", async () => {
    const sim = await simulate({});
    expectSameAs(sim, SCHEME, DATASET);
    expect(sim.beforeRunId).toBe(runId);
    expect(
      sim.subjects.every(
        (s: Json) => s.before.final === s.final && s.before.rank === s.rank && s.before.grade === s.grade,
      ),
    ).toBe(true);
    expect(sim.subjects[0].subject).toEqual({ code: 'T01', name: '东城镇' });
    expect(sim.unmatched).toEqual({ subjects: [], indicators: [], rules: [] });
  });

  test('a quota change: EXCELLENT up to 40% gives the groups of three one place each', async () => {
    const def = clone(SCHEME);
    def.grades[0].maxShare = 0.4;
    const sim = await simulate({ d: def });
    expectSameAs(sim, def, DATASET);
    expect(moved(sim).sort()).toEqual(['E02:GOOD>EXCELLENT', 'P01:GOOD>EXCELLENT', 'S03:GOOD>EXCELLENT']);
  });

  test("a weight change: townships' economy weighs 60 instead of 35", async () => {
    const def = clone(SCHEME);
    const perf = (def.groups[0].root as Json).children[0];
    perf.children.find((c: Json) => c.code === 'ECON').weight = 60;
    const sim = await simulate({ d: def });
    const direct = expectSameAs(sim, def, DATASET);
    // it changed something, and the same change in the engine changes the same finals
    const changed = sim.subjects.filter((s: Json) => s.final !== s.before.final).map((s: Json) => s.subject.code);
    // the townships, and their principals (TEAM_RESULT is LINKED to the unit's final); nobody else
    expect(changed.filter((c: string) => /^T0\d$/.test(c)).length).toBeGreaterThan(0);
    expect(changed.filter((c: string) => /^T0\d-P$/.test(c)).length).toBeGreaterThan(0);
    expect(changed.every((c: string) => /^T0\d(-P)?$/.test(c))).toBe(true);
    expect(direct.subjects.filter((s) => s.group === 'TOWNSHIP').map((s) => s.final)).not.toEqual(
      evaluate(SCHEME, DATASET, { explain: false })
        .subjects.filter((s) => s.group === 'TOWNSHIP')
        .map((s) => s.final),
    );
  });

  test('a veto switched off (its best grade allowed): P01-D1 is graded by its score again', async () => {
    const def = clone(SCHEME);
    def.rules.find((r) => r.code === 'DISCIPLINE')!.maxGrade = def.grades[0].code;
    const sim = await simulate({ d: def });
    expectSameAs(sim, def, DATASET);
    expect(moved(sim)).toEqual(['P01-D1:POOR>GOOD']);
    expect(sim.unmatched.rules).toEqual([]);
  });

  test('a whole rule removed: its events are left out and listed, the rest evaluates as the engine does without them', async () => {
    const def = clone(SCHEME);
    def.rules = def.rules.filter((r) => r.code !== 'AWARD_DISTRICT');
    const sim = await simulate({ d: def });
    expectSameAs(sim, def, {
      ...DATASET,
      adjustments: DATASET.adjustments!.filter((a) => a.rule !== 'AWARD_DISTRICT'),
    });
    expect(sim.unmatched).toEqual({ subjects: [], indicators: [], rules: ['AWARD_DISTRICT'] });
    const s03p = sim.subjects.find((s: Json) => s.subject.code === 'S03-P');
    expect([s03p.before.final, s03p.final]).toEqual([85.93, 85.43]);
  });

  test("toNextGrade: raising a subject's final by exactly that reaches the next grade, 0.01 less does not; null says why", async () => {
    const def = clone(SCHEME);
    def.grades[0].maxShare = 0.4;
    const sim = await simulate({ d: def });
    const raise = (subject: string, points: number) => {
      const group = DATASET.subjects.find((s) => s.code === subject)!.group;
      // a bonus of its own, uncapped: the final rises by exactly `points`, nobody else's changes
      const s: Scheme = {
        ...def,
        groups: def.groups.map((g) => (g.code === group ? { ...g, bonusCap: null } : g)),
        rules: [
          ...def.rules,
          { code: 'RAISE', name: 'raise', kind: 'BONUS', groups: [group], minPoints: 0, maxPoints: 1000 },
        ],
      };
      return evaluate(
        s,
        { ...DATASET, adjustments: [...DATASET.adjustments!, { subject, rule: 'RAISE', points }] },
        { explain: false },
      );
    };
    const order = def.grades.map((g) => g.code);
    let checked = 0;
    for (const [i, s] of (sim.subjects as Json[]).entries()) {
      if (s.toNextGrade === null) continue;
      expect(s.nextGradeBlock).toBeNull();
      const up = raise(s.subject.code, s.toNextGrade).subjects[i];
      expect(up.final).toBeCloseTo(s.final + s.toNextGrade, 9);
      expect(order.indexOf(up.grade)).toBeLessThanOrEqual(order.indexOf(s.grade) - 1);
      const less = Math.round((s.toNextGrade - 0.01) * 100) / 100;
      if (less > 0) expect(raise(s.subject.code, less).subjects[i].grade).toBe(s.grade);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    const by = (c: string) => sim.subjects.find((s: Json) => s.subject.code === c);
    expect([by('T01').toNextGrade, by('T01').nextGradeBlock]).toEqual([null, 'BEST_GRADE']);
    expect([by('T04').toNextGrade, by('T04').nextGradeBlock]).toEqual([null, 'VETO']);
    expect([by('P02').toNextGrade, by('P02').nextGradeBlock]).toEqual([null, 'QUOTA']); // three departments: one place, P01's
    expect(by('T05').toNextGrade).toBe(3.59); // six townships: two places, one free
    expect(by('T02').toNextGrade).toBe(1.28);
  });

  test("next year's DRAFT clone over this year's published data; a DRAFT without data simulates empty", async () => {
    const def = clone(SCHEME);
    def.code = 'district-2024';
    def.year = 2024;
    def.groups = def.groups.filter((g) => g.code !== 'DEPUTY');
    def.rules = def.rules.map((r) => ({ ...r, groups: r.groups.filter((g) => g !== 'DEPUTY') }));
    (def.groups[0].root as Json).children[0].children[0].children = (
      def.groups[0].root as Json
    ).children[0].children[0].children.filter((c: Json) => c.code !== 'TAX');
    const sim = ok(await ts.gql(SIMULATE, { s: draftId, d: def, from: schemeId }, w.t1.LEADER)).simulate;
    const deputies = DATASET.subjects.filter((s) => s.group === 'DEPUTY').map((s) => s.code);
    expect(sim.unmatched.subjects).toEqual(deputies);
    expect(sim.unmatched.indicators).toEqual(['TAX']);
    expect(sim.unmatched.rules).toEqual([]); // VIOLATION and DISCIPLINE events belong to deputies, left out with them
    expect(sim.beforeRunId).toBe(runId);
    expectSameAs(sim, def, {
      formatVersion: 1,
      subjects: DATASET.subjects.filter((s) => s.group !== 'DEPUTY'),
      inputs: DATASET.inputs.filter(
        (r) => !deputies.includes(r.subject) && !(r.indicator === 'TAX' && r.subject.startsWith('T0')),
      ),
      adjustments: DATASET.adjustments!.filter((a) => !deputies.includes(a.subject)),
    });
    // the DRAFT's own definition by default: the clone carried the subjects but no values, and it has no run
    const own = ok(await ts.gql(SIMULATE, { s: draftId }, w.t1.ASSESSOR)).simulate;
    expect(own.subjects.map((x: Json) => x.subject.code)).toEqual(DATASET.subjects.map((x) => x.code));
    expect(own.subjects.every((x: Json) => x.final === 0 && x.before === null)).toBe(true);
    expect(own.beforeRunId).toBeNull();
    expect(own.groups.map((g: Json) => g.count)).toEqual(
      SCHEME.groups.map((g) => DATASET.subjects.filter((x) => x.group === g.code).length),
    );
  });

  test('simulationData: the effective dataset and the newest run, what the console evaluates in the browser', async () => {
    const d = ok(await ts.gql(DATA, { s: schemeId }, w.t1.ASSESSOR)).simulationData;
    expect(d.dataset.subjects.map((s: Json) => s.code)).toEqual(DATASET.subjects.map((s) => s.code));
    expect(d.dataset.inputs).toHaveLength(DATASET.inputs.length);
    expect(evaluate(SCHEME, d.dataset, { explain: false }).subjects.map((s) => s.final)).toEqual(
      evaluate(SCHEME, DATASET, { explain: false }).subjects.map((s) => s.final),
    );
    expect(d.before.runId).toBe(runId);
    expect(d.before.subjects[0]).toEqual({ subject: 'T01', final: 93.1, rank: 1, grade: 'EXCELLENT' });
  });
});

describe('refusals', () => {
  test('an invalid definition is BAD_USER_INPUT with its problems; data the definition cannot read too', async () => {
    const bad = clone(SCHEME) as Json;
    bad.grades[0].maxShare = 2;
    const r = await ts.gql(SIMULATE, { s: schemeId, d: bad }, w.t1.ADMIN);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.problems[0].path).toBe('/grades/0/maxShare');
    const levels = clone(SCHEME) as Json;
    const civility = levels.groups[0].root.children[0].children[1].children.find((c: Json) => c.code === 'CIVILITY');
    civility.method.levels = { NONE: 1 };
    const r2 = await ts.gql(SIMULATE, { s: schemeId, d: levels }, w.t1.ADMIN);
    expect(code(r2)).toBe('BAD_USER_INPUT');
    // paths point into the effective dataset as simulationData gives it
    const effective = ok(await ts.gql(DATA, { s: schemeId }, w.t1.ADMIN)).simulationData.dataset;
    const at = effective.inputs.findIndex((x: Json) => x.subject === 'T01' && x.indicator === 'CIVILITY');
    expect(r2.body.errors![0].extensions!.problems.map((p: Json) => p.path)).toContain(`/inputs/${at}/grade`);
  });

  test("another tenant's ids answer like missing ones: NOT_FOUND", async () => {
    for (const [variables, token] of [
      [{ s: schemeId }, w.t2.admin],
      [{ s: otherTenantScheme, from: null }, w.t1.ADMIN],
      [{ s: schemeId, from: otherTenantScheme }, w.t1.ADMIN],
      [{ s: MISSING }, w.t1.ADMIN],
      [{ s: schemeId, from: MISSING }, w.t1.ADMIN],
    ] as const) {
      const r = await ts.gql(SIMULATE, variables, token);
      expect([JSON.stringify(variables), code(r)]).toEqual([JSON.stringify(variables), 'NOT_FOUND']);
    }
    // something that is not an id at all is refused at the edge
    expect(code(await ts.gql(SIMULATE, { s: 'not-an-id' }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
    expect(code(await ts.gql(DATA, { s: schemeId }, w.t2.admin))).toBe('NOT_FOUND');
    expect(code(await ts.gql(DATA, { s: MISSING }, w.t1.ADMIN))).toBe('NOT_FOUND');
  });

  test('ADMIN, ASSESSOR and LEADER simulate; MONITOR, VIEWER, UNIT, API keys and anonymous callers may not', async () => {
    for (const role of ['ADMIN', 'ASSESSOR', 'LEADER'] as const)
      expect(code(await ts.gql(SIMULATE, { s: schemeId }, w.t1[role]))).toBe('OK');
    for (const role of ['MONITOR', 'VIEWER', 'UNIT'] as const) {
      expect(code(await ts.gql(SIMULATE, { s: schemeId }, w.t1[role]))).toBe('FORBIDDEN');
      expect(code(await ts.gql(DATA, { s: schemeId }, w.t1[role]))).toBe('FORBIDDEN');
    }
    expect(code(await ts.gql(SIMULATE, { s: schemeId }))).toBe('UNAUTHENTICATED');
    const key = ok(await ts.gql(CREATE_API_KEY, { name: 'app', scopes: ['results:read', 'schemes:read'] }, w.t1.ADMIN))
      .createApiKey.key;
    expect(code(await ts.gql(SIMULATE, { s: schemeId }, key))).toBe('FORBIDDEN');
    expect(code(await ts.gql(DATA, { s: schemeId }, key))).toBe('FORBIDDEN');
  });

  test("nothing is written: every table's row count is the same after simulations, data reads and refusals", async () => {
    const before = await rowCounts();
    expect(before[`${w.t1.id}:result_runs`]).toBe(1);
    expect(before[`${w.t1.id}:audit_log`]).toBeGreaterThan(0);
    const def = clone(SCHEME);
    def.grades[0].maxShare = 0.5;
    await simulate({ d: def });
    await simulate({});
    ok(await ts.gql(SIMULATE, { s: draftId, from: schemeId }, w.t1.LEADER));
    ok(await ts.gql(DATA, { s: schemeId }, w.t1.ADMIN));
    await ts.gql(SIMULATE, { s: schemeId, d: { ...def, grades: [] } }, w.t1.ADMIN);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('the data as it is now', () => {
  test('a value changed after a simulation is in the next one (the kept copy of the data is not reused)', async () => {
    const first = (await simulate({})).subjects.find((s: Json) => s.subject.code === 'T02');
    const SET = `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T02", indicator: "NEW_COUNTRYSIDE", source: REVIEW, value: $v) { version } }`;
    ok(await ts.gql(SET, { s: schemeId, v: { score: 60 } }, w.t1.ADMIN));
    const changed = DATASET.inputs.map((r) =>
      r.subject === 'T02' && r.indicator === 'NEW_COUNTRYSIDE' ? { ...r, score: 60 } : r,
    );
    const after = await simulate({});
    expectSameAs(after, SCHEME, { ...DATASET, inputs: changed });
    const t02 = after.subjects.find((s: Json) => s.subject.code === 'T02');
    expect(t02.final).toBeLessThan(first.final);
    expect(t02.before.final).toBe(first.final); // the newest run is unchanged
  });
});
