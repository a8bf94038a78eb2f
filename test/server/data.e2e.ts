import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, type Scheme as SchemeDefinition } from '@kaoping/shared';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { loadEffectiveDatasetWith } from '../../server/src/input/effective-dataset';
import {
  assignUnit,
  bootServer,
  code,
  login,
  makeWorld,
  ok,
  publishRun,
  type GqlResult,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: SchemeDefinition = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const EXPECTED: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.expected.json'), 'utf8'));
const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';

const IMPORT_SCHEME = `mutation($d: JSON!) { importScheme(definition: $d) { id status } }`;
const PUBLISH = `mutation($id: ID!) { publishScheme(id: $id) { id status } }`;
const CLOSE = `mutation($id: ID!) { closeScheme(id: $id) { id status } }`;
const IMPORT = `mutation($s: ID!, $d: JSON!, $src: InputSource, $k: String) { importDataset(schemeId: $s, dataset: $d, source: $src, idempotencyKey: $k) { subjects inputs adjustments } }`;
const SUBJECT_FIELDS = 'id schemeId code name group kind unit position version';
const SUBJECTS = `query($s: ID!, $g: String) { subjects(schemeId: $s, group: $g) { ${SUBJECT_FIELDS} } }`;
const SUBJECT = `query($id: ID!) { Subject(id: $id) { ${SUBJECT_FIELDS} } }`;
const ALL_SUBJECTS = `query($f: SubjectFilter) { allSubjects(perPage: 100, filter: $f) { id code } _allSubjectsMeta(filter: $f) { count } }`;
const CREATE_SUBJECT = `mutation($s: ID!, $c: String!, $n: String!, $g: String!, $u: String) { createSubject(schemeId: $s, code: $c, name: $n, group: $g, unit: $u) { ${SUBJECT_FIELDS} } }`;
const UPDATE_SUBJECT = `mutation($id: ID!, $v: Int!, $n: String) { updateSubject(id: $id, version: $v, name: $n) { ${SUBJECT_FIELDS} } }`;
const DELETE_SUBJECT = `mutation($id: ID!, $v: Int) { deleteSubject(id: $id, version: $v) { id } }`;
const INPUT_FIELDS = 'id schemeId subject indicator source period value enteredBy version';
const SET_INPUT = `mutation($s: ID!, $sub: String!, $i: String!, $src: InputSource!, $v: JSON!, $p: Period) { setInput(schemeId: $s, subject: $sub, indicator: $i, source: $src, value: $v, period: $p) { ${INPUT_FIELDS} } }`;
const SET_BALLOTS = `mutation($s: ID!, $sub: String!, $i: String!, $b: JSON!) { setBallots(schemeId: $s, subject: $sub, indicator: $i, ballots: $b) { ${INPUT_FIELDS} } }`;
const INPUTS = `query($s: ID!, $sub: String, $i: String, $src: InputSource, $p: Period) { inputs(schemeId: $s, subject: $sub, indicator: $i, source: $src, period: $p) { ${INPUT_FIELDS} } }`;
const ALL_INPUTS = `query($f: InputFilter) { allInputs(perPage: 200, filter: $f) { id } _allInputsMeta(filter: $f) { count } }`;
const DISCREPANCIES = `query($s: ID!) { discrepancies(schemeId: $s) { subject indicator self monitor } }`;
const ADJ_FIELDS = 'id schemeId subject rule count points note status reason claimedBy decidedBy decidedAt version';
const CLAIM = `mutation($s: ID!, $sub: String!, $r: String!, $c: Int, $p: Float, $n: String) { claimAdjustment(schemeId: $s, subject: $sub, rule: $r, count: $c, points: $p, note: $n) { ${ADJ_FIELDS} } }`;
const VERIFY = `mutation($id: ID!, $v: Int!) { verifyAdjustment(id: $id, version: $v) { ${ADJ_FIELDS} } }`;
const REJECT = `mutation($id: ID!, $v: Int!, $r: String!) { rejectAdjustment(id: $id, version: $v, reason: $r) { ${ADJ_FIELDS} } }`;
const ADJUSTMENTS = `query($s: ID!, $st: AdjustmentStatus) { adjustments(schemeId: $s, status: $st) { ${ADJ_FIELDS} } }`;
const ADJUSTMENT = `query($id: ID!) { Adjustment(id: $id) { ${ADJ_FIELDS} } }`;
const ALL_ADJUSTMENTS = `query($f: AdjustmentFilter) { allAdjustments(perPage: 100, filter: $f) { id } _allAdjustmentsMeta(filter: $f) { count } }`;

let ts: TestServer;
let w: World;
let main: string; // district-2023 of t1, PUBLISHED, the example dataset imported
let entry: string; // a second PUBLISHED scheme of t1 for one-at-a-time entry

const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o));
const problemsOf = (r: GqlResult) =>
  (r.body.errors?.[0]?.extensions?.problems ?? []) as { path: string; message: string }[];

async function counts(schemeId: string, tenantId = w.t1.id) {
  return withTenantTransaction(ts.server.dataSource, tenantId, async (em) => {
    const [r] = await em.query(
      `SELECT (SELECT count(*)::int FROM subjects WHERE scheme_id = $1) AS subjects,
              (SELECT count(*)::int FROM inputs WHERE scheme_id = $1) AS inputs,
              (SELECT count(*)::int FROM adjustments WHERE scheme_id = $1) AS adjustments,
              (SELECT count(*)::int FROM dataset_imports WHERE scheme_id = $1) AS keys,
              (SELECT count(*)::int FROM audit_log) AS audit`,
      [schemeId],
    );
    return r as { subjects: number; inputs: number; adjustments: number; keys: number; audit: number };
  });
}

const effective = (schemeId: string) =>
  withTenantTransaction(ts.server.dataSource, w.t1.id, (em) => loadEffectiveDatasetWith(em, w.t1.id, schemeId));

async function publishedScheme(token: string, c: string): Promise<string> {
  const s = ok(await ts.gql(IMPORT_SCHEME, { d: { ...copy(SCHEME), code: c } }, token)).importScheme;
  ok(await ts.gql(PUBLISH, { id: s.id }, token));
  return s.id;
}

function stripExplain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripExplain);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'explain')
        .map(([k, x]) => [k, stripExplain(x)]),
    );
  return v;
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  main = await publishedScheme(w.t1.ADMIN, 'district-2023');
  entry = await publishedScheme(w.t1.ADMIN, 'entry-2023');
});
afterAll(() => ts?.stop());

describe('importDataset', () => {
  test('an invalid dataset → BAD_USER_INPUT naming every bad row; nothing left behind', async () => {
    const bad = copy(DATASET);
    bad.subjects[2].group = 'NOPE';
    bad.inputs[5].indicator = 'NOT_AN_INDICATOR';
    bad.inputs[9].actual = 'many';
    bad.adjustments[1].rule = 'NO_SUCH_RULE';
    const before = await counts(main);
    const r = await ts.gql(IMPORT, { s: main, d: bad, k: 'bad-1' }, w.t1.ADMIN);
    expect(code(r)).toBe('BAD_USER_INPUT');
    const paths = problemsOf(r).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/subjects/2/group', '/inputs/5/indicator', '/inputs/9/actual', '/adjustments/1/rule']),
    );
    expect(await counts(main)).toEqual(before);
    expect(before).toMatchObject({ subjects: 0, inputs: 0, adjustments: 0, keys: 0 });
    expect(code(await ts.gql(IMPORT, { s: main, d: 'text' }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
  });

  test('into a DRAFT scheme → CONFLICT, a CLOSED one → FORBIDDEN; a missing scheme → NOT_FOUND', async () => {
    const draft = ok(await ts.gql(IMPORT_SCHEME, { d: { ...copy(SCHEME), code: 'draft-2023' } }, w.t1.ADMIN))
      .importScheme.id;
    expect(code(await ts.gql(IMPORT, { s: draft, d: DATASET }, w.t1.ADMIN))).toBe('CONFLICT');
    expect(await counts(draft)).toMatchObject({ subjects: 0, inputs: 0, keys: 0 });
    const closed = await publishedScheme(w.t1.ADMIN, 'closed-2023');
    await publishRun(ts, closed, w.t1.ADMIN);
    ok(await ts.gql(CLOSE, { id: closed }, w.t1.ADMIN));
    expect(code(await ts.gql(IMPORT, { s: closed, d: DATASET, k: 'closed' }, w.t1.ADMIN))).toBe('FORBIDDEN');
    expect(code(await ts.gql(IMPORT, { s: MISSING, d: DATASET }, w.t1.ADMIN))).toBe('NOT_FOUND');
  });

  test('roles: UNIT, LEADER, VIEWER cannot import; MONITOR only MONITOR, ASSESSOR only REVIEW', async () => {
    for (const role of ['UNIT', 'LEADER', 'VIEWER'] as const)
      expect(code(await ts.gql(IMPORT, { s: main, d: DATASET }, w.t1[role]))).toBe('FORBIDDEN');
    expect(code(await ts.gql(IMPORT, { s: main, d: DATASET, src: 'REVIEW' }, w.t1.MONITOR))).toBe('FORBIDDEN');
    expect(code(await ts.gql(IMPORT, { s: main, d: DATASET, src: 'SELF' }, w.t1.ASSESSOR))).toBe('FORBIDDEN');
    expect(await counts(main)).toMatchObject({ subjects: 0, inputs: 0 });
  });

  test('the example dataset → report counts; rows in the tables; one audit record', async () => {
    const before = await counts(main);
    const report = ok(await ts.gql(IMPORT, { s: main, d: DATASET, k: 'example-1' }, w.t1.ADMIN)).importDataset;
    expect(report).toEqual({ subjects: 45, inputs: DATASET.inputs.length, adjustments: DATASET.adjustments.length });
    const after = await counts(main);
    expect(after).toEqual({
      subjects: 45,
      inputs: DATASET.inputs.length,
      adjustments: DATASET.adjustments.length,
      keys: 1,
      audit: before.audit + 1,
    });
    const subjects = ok(await ts.gql(SUBJECTS, { s: main }, w.t1.VIEWER)).subjects;
    expect(subjects.map((s: Json) => s.code)).toEqual(DATASET.subjects.map((s: Json) => s.code));
    expect(subjects.filter((s: Json) => s.kind === 'UNIT')).toHaveLength(15);
    expect(subjects.filter((s: Json) => s.kind === 'MEMBER')).toHaveLength(30);
    expect(subjects.find((s: Json) => s.code === 'T01-P')).toMatchObject({
      group: 'PRINCIPAL',
      unit: 'T01',
      kind: 'MEMBER',
    });
    expect(ok(await ts.gql(SUBJECTS, { s: main, g: 'TOWNSHIP' }, w.t1.VIEWER)).subjects).toHaveLength(6);
    const adjustments = ok(await ts.gql(ADJUSTMENTS, { s: main }, w.t1.ASSESSOR)).adjustments;
    expect(adjustments).toHaveLength(DATASET.adjustments.length);
    expect(adjustments.every((a: Json) => a.status === 'VERIFIED')).toBe(true);
    expect(ok(await ts.gql(INPUTS, { s: main, sub: 'T01', i: 'TAX' }, w.t1.VIEWER)).inputs).toEqual([
      expect.objectContaining({
        subject: 'T01',
        indicator: 'TAX',
        source: 'REVIEW',
        period: 'ANNUAL',
        value: { actual: 7367, target: 8000 },
        version: 1,
      }),
    ]);
    const meta = ok(await ts.gql(ALL_INPUTS, { f: { schemeId: main } }, w.t1.ADMIN));
    expect(meta._allInputsMeta.count).toBe(DATASET.inputs.length);
    expect(meta.allInputs).toHaveLength(200);
  });

  test("the effective dataset evaluated by the engine equals the example's expected results", async () => {
    const ds = await effective(main);
    expect(ds.subjects).toEqual(DATASET.subjects);
    expect(ds.inputs).toHaveLength(DATASET.inputs.length);
    expect(ds.adjustments).toHaveLength(DATASET.adjustments.length);
    expect(stripExplain(evaluate(SCHEME, ds))).toEqual(stripExplain(EXPECTED));
  });

  test('the same key again → the first report, nothing changed; another payload → CONFLICT', async () => {
    const before = await counts(main);
    const again = ok(await ts.gql(IMPORT, { s: main, d: DATASET, k: 'example-1' }, w.t1.ADMIN)).importDataset;
    expect(again).toEqual({ subjects: 45, inputs: DATASET.inputs.length, adjustments: DATASET.adjustments.length });
    expect(await counts(main)).toEqual(before);
    const other = copy(DATASET);
    other.inputs[0].actual = 1;
    const r = await ts.gql(IMPORT, { s: main, d: other, k: 'example-1' }, w.t1.ADMIN);
    expect(code(r)).toBe('CONFLICT');
    expect(code(await ts.gql(IMPORT, { s: main, d: DATASET, src: 'MONITOR', k: 'example-1' }, w.t1.ADMIN))).toBe(
      'CONFLICT',
    );
    expect(await counts(main)).toEqual(before);
  });

  test('two concurrent imports with one key: one writes, both answer the same report', async () => {
    const s = await publishedScheme(w.t1.ADMIN, 'concurrent-2023');
    const [a, b] = await Promise.all([
      ts.gql(IMPORT, { s, d: DATASET, k: 'race-1' }, w.t1.ADMIN),
      ts.gql(IMPORT, { s, d: DATASET, k: 'race-1' }, w.t1.ASSESSOR),
    ]);
    expect(ok(a).importDataset).toEqual(ok(b).importDataset);
    expect(await counts(s)).toMatchObject({
      subjects: 45,
      inputs: DATASET.inputs.length,
      adjustments: DATASET.adjustments.length,
      keys: 1,
    });
  });

  test('a second import without key replaces inputs (same source), upserts subjects, adds adjustments', async () => {
    const small = {
      formatVersion: 1,
      subjects: [DATASET.subjects[0]],
      inputs: [{ subject: 'T01', indicator: 'TAX', actual: 7500, target: 8000 }],
      adjustments: [{ subject: 'T01', rule: 'AWARD_CITY' }],
    };
    const before = await counts(main);
    expect(ok(await ts.gql(IMPORT, { s: main, d: small }, w.t1.ASSESSOR)).importDataset).toEqual({
      subjects: 1,
      inputs: 1,
      adjustments: 1,
    });
    const after = await counts(main);
    expect(after).toMatchObject({ subjects: 45, inputs: before.inputs, adjustments: before.adjustments + 1 });
    expect(ok(await ts.gql(INPUTS, { s: main, sub: 'T01', i: 'TAX' }, w.t1.VIEWER)).inputs).toEqual([
      expect.objectContaining({ value: { actual: 7500, target: 8000 }, version: 2 }),
    ]);
    // a subject with data keeps its group (checked with the engine's problems, all at once)
    const moved = { ...small, subjects: [{ ...DATASET.subjects[0], group: 'ECON_DEPT' }], inputs: [], adjustments: [] };
    const refused = await ts.gql(IMPORT, { s: main, d: moved }, w.t1.ADMIN);
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(problemsOf(refused).map((p) => p.path)).toEqual(['/subjects/0/group']);
    // a MONITOR import: MONITOR inputs next to REVIEW ones, adjustments only CLAIMED
    expect(ok(await ts.gql(IMPORT, { s: main, d: small, src: 'MONITOR' }, w.t1.MONITOR)).importDataset).toEqual({
      subjects: 1,
      inputs: 1,
      adjustments: 1,
    });
    expect(
      ok(await ts.gql(INPUTS, { s: main, sub: 'T01', i: 'TAX' }, w.t1.VIEWER))
        .inputs.map((i: Json) => i.source)
        .sort(),
    ).toEqual(['MONITOR', 'REVIEW']);
    expect(ok(await ts.gql(ADJUSTMENTS, { s: main, st: 'CLAIMED' }, w.t1.ASSESSOR)).adjustments).toHaveLength(1);
  });
});

describe('subjects', () => {
  test('ADMIN creates units and members; group and unit are checked; ASSESSOR cannot', async () => {
    const u = ok(
      await ts.gql(CREATE_SUBJECT, { s: entry, c: 'U01', n: '第一镇', g: 'TOWNSHIP' }, w.t1.ADMIN),
    ).createSubject;
    expect(u).toMatchObject({ code: 'U01', group: 'TOWNSHIP', kind: 'UNIT', unit: null, position: 1, version: 1 });
    ok(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'U02', n: '第二镇', g: 'TOWNSHIP' }, w.t1.ADMIN));
    await assignUnit(ts, w); // the UNIT user's unit exists now
    const m = ok(
      await ts.gql(CREATE_SUBJECT, { s: entry, c: 'U01-P', n: '张三', g: 'PRINCIPAL', u: 'U01' }, w.t1.ADMIN),
    ).createSubject;
    expect(m).toMatchObject({ kind: 'MEMBER', unit: 'U01', position: 3 });
    expect(code(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'X', n: 'x', g: 'NOPE' }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'X', n: 'x', g: 'PRINCIPAL' }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      code(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'X', n: 'x', g: 'PRINCIPAL', u: 'U01-P' }, w.t1.ADMIN)),
    ).toBe('BAD_USER_INPUT');
    expect(code(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'X', n: 'x', g: 'TOWNSHIP', u: 'U01' }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'U01', n: 'again', g: 'TOWNSHIP' }, w.t1.ADMIN))).toBe(
      'CONFLICT',
    );
    expect(code(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'X', n: 'x', g: 'TOWNSHIP' }, w.t1.ASSESSOR))).toBe(
      'FORBIDDEN',
    );
    expect(code(await ts.gql(CREATE_SUBJECT, { s: entry, c: 'X', n: 'x', g: 'TOWNSHIP' }, w.t1.UNIT))).toBe(
      'FORBIDDEN',
    );
    expect(ok(await ts.gql(SUBJECTS, { s: entry }, w.t1.UNIT)).subjects.map((s: Json) => s.code)).toEqual([
      'U01',
      'U02',
      'U01-P',
    ]);
  });

  test('update with optimistic locking; delete only when unused; audited', async () => {
    const [, , m] = ok(await ts.gql(SUBJECTS, { s: entry }, w.t1.ADMIN)).subjects;
    expect(code(await ts.gql(UPDATE_SUBJECT, { id: m.id, v: 9, n: '李四' }, w.t1.ADMIN))).toBe('CONFLICT');
    const up = ok(await ts.gql(UPDATE_SUBJECT, { id: m.id, v: 1, n: '李四' }, w.t1.ADMIN)).updateSubject;
    expect(up).toMatchObject({ name: '李四', version: 2, unit: 'U01' });
    const [u01s] = ok(await ts.gql(SUBJECTS, { s: main }, w.t1.ADMIN)).subjects;
    expect(
      code(
        await ts.gql(
          `mutation($id: ID!, $v: Int!) { updateSubject(id: $id, version: $v, group: "ECON_DEPT") { id } }`,
          { id: u01s.id, v: u01s.version },
          w.t1.ADMIN,
        ),
      ),
    ).toBe('CONFLICT');
    const extra = ok(
      await ts.gql(CREATE_SUBJECT, { s: entry, c: 'TMP', n: 'tmp', g: 'ECON_DEPT' }, w.t1.ADMIN),
    ).createSubject;
    ok(await ts.gql(DELETE_SUBJECT, { id: extra.id, v: 1 }, w.t1.ADMIN));
    expect(code(await ts.gql(SUBJECT, { id: extra.id }, w.t1.ADMIN))).toBe('NOT_FOUND');
    const [u01] = ok(await ts.gql(SUBJECTS, { s: entry }, w.t1.ADMIN)).subjects;
    expect(code(await ts.gql(DELETE_SUBJECT, { id: u01.id }, w.t1.ADMIN))).toBe('CONFLICT'); // has a member
    const audit = await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(`SELECT action FROM audit_log WHERE entity = 'subject' AND entity_id = $1 ORDER BY seq`, [extra.id]),
    );
    expect(audit.map((a: Json) => a.action)).toEqual(['CREATE', 'DELETE']);
  });
});

describe('one-at-a-time entry', () => {
  test('UNIT: SELF for its own unit (and members) OK; another unit or another source FORBIDDEN', async () => {
    const i = ok(
      await ts.gql(
        SET_INPUT,
        { s: entry, sub: 'U01', i: 'TAX', src: 'SELF', v: { actual: 100, target: 100 } },
        w.t1.UNIT,
      ),
    ).setInput;
    expect(i).toMatchObject({
      subject: 'U01',
      indicator: 'TAX',
      source: 'SELF',
      period: 'ANNUAL',
      value: { actual: 100, target: 100 },
      enteredBy: w.t1.userIds.UNIT,
      version: 1,
    });
    ok(
      await ts.gql(
        SET_INPUT,
        { s: entry, sub: 'U01', i: 'FAI', src: 'SELF', v: { actual: 10.5, target: 10 } },
        w.t1.UNIT,
      ),
    );
    ok(
      await ts.gql(
        SET_INPUT,
        { s: entry, sub: 'U01', i: 'TAX', src: 'SELF', p: 'H1', v: { actual: 40, target: 100 } },
        w.t1.UNIT,
      ),
    );
    expect(
      code(
        await ts.gql(
          SET_INPUT,
          { s: entry, sub: 'U02', i: 'TAX', src: 'SELF', v: { actual: 1, target: 1 } },
          w.t1.UNIT,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await ts.gql(
          SET_INPUT,
          { s: entry, sub: 'U01', i: 'TAX', src: 'MONITOR', v: { actual: 1, target: 1 } },
          w.t1.UNIT,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await ts.gql(
          SET_INPUT,
          { s: entry, sub: 'U01', i: 'TAX', src: 'SELF', v: { actual: 1, target: 1 } },
          w.t1.VIEWER,
        ),
      ),
    ).toBe('FORBIDDEN');
    // the unit user sees its own unit's inputs only
    ok(
      await ts.gql(SET_INPUT, { s: entry, sub: 'U02', i: 'TAX', src: 'SELF', v: { actual: 5, target: 5 } }, w.t1.ADMIN),
    );
    expect(ok(await ts.gql(INPUTS, { s: entry }, w.t1.UNIT)).inputs.map((x: Json) => x.subject)).toEqual([
      'U01',
      'U01',
      'U01',
    ]);
    expect(ok(await ts.gql(INPUTS, { s: entry, src: 'SELF', p: 'ANNUAL' }, w.t1.VIEWER)).inputs).toHaveLength(3);
  });

  test('values are checked like dataset rows: BAD_USER_INPUT with pointers under /value', async () => {
    const r = await ts.gql(
      SET_INPUT,
      { s: entry, sub: 'U01', i: 'TAX', src: 'SELF', v: { actual: 'lots', target: 1 } },
      w.t1.UNIT,
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(problemsOf(r).map((p) => p.path)).toEqual(['/value/actual']);
    const neg = await ts.gql(
      SET_INPUT,
      { s: entry, sub: 'U01', i: 'TAX', src: 'SELF', v: { actual: 1, target: -1 } },
      w.t1.UNIT,
    );
    expect(problemsOf(neg).map((p) => p.path)).toEqual(['/value/target']);
    expect(
      problemsOf(await ts.gql(SET_INPUT, { s: entry, sub: 'U01', i: 'NOPE', src: 'SELF', v: {} }, w.t1.UNIT)).map(
        (p) => p.path,
      ),
    ).toEqual(['/indicator']);
    expect(
      problemsOf(
        await ts.gql(
          SET_INPUT,
          { s: entry, sub: 'U01', i: 'TAX', src: 'SELF', v: { actual: 1, subject: 'U02' } },
          w.t1.UNIT,
        ),
      ).map((p) => p.path),
    ).toEqual(['/value/subject']);
    expect(code(await ts.gql(SET_INPUT, { s: entry, sub: 'NOBODY', i: 'TAX', src: 'SELF', v: {} }, w.t1.ADMIN))).toBe(
      'NOT_FOUND',
    );
  });

  test('a value written inline in the query (not a variable) is accepted and checked the same way', async () => {
    const inline = (v: string) =>
      `mutation($s: ID!) { setInput(schemeId: $s, subject: "U01", indicator: "FAI", source: SELF, value: ${v}) { ${INPUT_FIELDS} } }`;
    const i = ok(await ts.gql(inline('{ actual: 10.5, target: 10 }'), { s: entry }, w.t1.UNIT)).setInput;
    expect(i).toMatchObject({ subject: 'U01', indicator: 'FAI', source: 'SELF', value: { actual: 10.5, target: 10 } });
    const bad = await ts.gql(inline('{ actual: "lots", target: 10 }'), { s: entry }, w.t1.UNIT);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(problemsOf(bad).map((p) => p.path)).toEqual(['/value/actual']);
  });

  test('MONITOR enters MONITOR; discrepancies beyond the threshold; the effective dataset prefers REVIEW once entered', async () => {
    ok(
      await ts.gql(
        SET_INPUT,
        { s: entry, sub: 'U01', i: 'TAX', src: 'MONITOR', v: { actual: 80, target: 100 } },
        w.t1.MONITOR,
      ),
    );
    ok(
      await ts.gql(
        SET_INPUT,
        { s: entry, sub: 'U01', i: 'FAI', src: 'MONITOR', v: { actual: 10, target: 10 } },
        w.t1.MONITOR,
      ),
    );
    expect(
      code(
        await ts.gql(
          SET_INPUT,
          { s: entry, sub: 'U01', i: 'TAX', src: 'REVIEW', v: { actual: 80, target: 100 } },
          w.t1.MONITOR,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await ts.gql(
          SET_INPUT,
          { s: entry, sub: 'U01', i: 'TAX', src: 'MONITOR', v: { actual: 80, target: 100 } },
          w.t1.ASSESSOR,
        ),
      ),
    ).toBe('FORBIDDEN');
    // 10.5 vs 10 is 5% (under 10%); 100 vs 80 is 25%
    const d = ok(await ts.gql(DISCREPANCIES, { s: entry }, w.t1.ASSESSOR)).discrepancies;
    expect(d).toEqual([
      { subject: 'U01', indicator: 'TAX', self: { actual: 100, target: 100 }, monitor: { actual: 80, target: 100 } },
    ]);
    // MONITOR 0: any difference counts
    ok(
      await ts.gql(
        SET_INPUT,
        { s: entry, sub: 'U02', i: 'TAX', src: 'MONITOR', v: { actual: 0, target: 5 } },
        w.t1.MONITOR,
      ),
    );
    expect(
      ok(await ts.gql(DISCREPANCIES, { s: entry }, w.t1.ADMIN)).discrepancies.map(
        (x: Json) => `${x.subject}/${x.indicator}`,
      ),
    ).toEqual(['U01/TAX', 'U02/TAX']);

    // SCORE indicators compare `score`
    ok(await ts.gql(SET_INPUT, { s: entry, sub: 'U02', i: 'CONDUCT', src: 'SELF', v: { score: 0.9 } }, w.t1.ADMIN));
    ok(
      await ts.gql(SET_INPUT, { s: entry, sub: 'U02', i: 'CONDUCT', src: 'MONITOR', v: { score: 0.7 } }, w.t1.MONITOR),
    );
    expect(
      ok(await ts.gql(DISCREPANCIES, { s: entry }, w.t1.ADMIN)).discrepancies.map(
        (x: Json) => `${x.subject}/${x.indicator}`,
      ),
    ).toEqual(['U01/TAX', 'U02/CONDUCT', 'U02/TAX']);

    const tax = (ds: Json) => ds.inputs.find((i: Json) => i.subject === 'U01' && i.indicator === 'TAX');
    expect(tax(await effective(entry))).toEqual({ subject: 'U01', indicator: 'TAX', actual: 80, target: 100 });
    ok(
      await ts.gql(
        SET_INPUT,
        { s: entry, sub: 'U01', i: 'TAX', src: 'REVIEW', v: { actual: 90, target: 100 } },
        w.t1.ASSESSOR,
      ),
    );
    const ds = await effective(entry);
    expect(tax(ds)).toEqual({ subject: 'U01', indicator: 'TAX', actual: 90, target: 100 });
    expect(ds.inputs.find((i: Json) => i.subject === 'U01' && i.indicator === 'FAI')).toEqual({
      subject: 'U01',
      indicator: 'FAI',
      actual: 10,
      target: 10,
    });
    expect(ds.inputs.filter((i: Json) => i.subject === 'U01' && i.indicator === 'TAX')).toHaveLength(1); // H1 is not scored
    expect(ds.subjects).toEqual([
      { code: 'U01', name: '第一镇', group: 'TOWNSHIP' },
      { code: 'U02', name: '第二镇', group: 'TOWNSHIP' },
      { code: 'U01-P', name: '李四', group: 'PRINCIPAL', unit: 'U01' },
    ]);
  });

  test("setBallots by ASSESSOR: the REVIEW input's ballots, validated", async () => {
    const b = { TEAM_MEMBERS: { EXCELLENT: 5, COMPETENT: 1 }, STAFF: { EXCELLENT: 10 } };
    const i = ok(await ts.gql(SET_BALLOTS, { s: entry, sub: 'U01-P', i: 'DNQJL', b }, w.t1.ASSESSOR)).setBallots;
    expect(i).toMatchObject({
      subject: 'U01-P',
      indicator: 'DNQJL',
      source: 'REVIEW',
      period: 'ANNUAL',
      value: { ballots: b },
    });
    const bad = await ts.gql(
      SET_BALLOTS,
      { s: entry, sub: 'U01-P', i: 'DNQJL', b: { NOBODY: { EXCELLENT: 1 } } },
      w.t1.ASSESSOR,
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(problemsOf(bad)[0].path).toBe('/value/ballots/NOBODY');
    expect(code(await ts.gql(SET_BALLOTS, { s: entry, sub: 'U01', i: 'TAX', b }, w.t1.ASSESSOR))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await ts.gql(SET_BALLOTS, { s: entry, sub: 'U01-P', i: 'DNQJL', b }, w.t1.MONITOR))).toBe('FORBIDDEN');
  });
});

describe('adjustments', () => {
  let claimed: Json;

  test('UNIT claims for its own unit → CLAIMED; not for another unit; rule checked', async () => {
    claimed = ok(
      await ts.gql(CLAIM, { s: entry, sub: 'U01', r: 'NOTABLE_WORK', p: 1.5, n: '创新' }, w.t1.UNIT),
    ).claimAdjustment;
    expect(claimed).toMatchObject({
      subject: 'U01',
      rule: 'NOTABLE_WORK',
      count: 1,
      points: 1.5,
      note: '创新',
      status: 'CLAIMED',
      claimedBy: w.t1.userIds.UNIT,
      decidedBy: null,
      version: 1,
    });
    expect(code(await ts.gql(CLAIM, { s: entry, sub: 'U02', r: 'AWARD_CITY' }, w.t1.UNIT))).toBe('FORBIDDEN');
    expect(code(await ts.gql(CLAIM, { s: entry, sub: 'U01', r: 'AWARD_CITY' }, w.t1.MONITOR))).toBe('FORBIDDEN');
    const bad = await ts.gql(CLAIM, { s: entry, sub: 'U01', r: 'NOTABLE_WORK', p: 9 }, w.t1.UNIT);
    expect(problemsOf(bad).map((p) => p.path)).toEqual(['/points']);
    expect(
      problemsOf(await ts.gql(CLAIM, { s: entry, sub: 'U01', r: 'VIOLATION' }, w.t1.ADMIN)).map((p) => p.path),
    ).toEqual(['/rule']);
    expect(ok(await ts.gql(ADJUSTMENTS, { s: entry }, w.t1.UNIT)).adjustments).toHaveLength(1);
  });

  test('verify by ASSESSOR; stale version and already decided → CONFLICT; only VERIFIED ones are effective', async () => {
    expect((await effective(entry)).adjustments).toEqual([]);
    expect(code(await ts.gql(VERIFY, { id: claimed.id, v: 1 }, w.t1.UNIT))).toBe('FORBIDDEN');
    expect(code(await ts.gql(VERIFY, { id: claimed.id, v: 7 }, w.t1.ASSESSOR))).toBe('CONFLICT');
    const v = ok(await ts.gql(VERIFY, { id: claimed.id, v: 1 }, w.t1.ASSESSOR)).verifyAdjustment;
    expect(v).toMatchObject({ status: 'VERIFIED', version: 2, decidedBy: w.t1.userIds.ASSESSOR });
    expect(v.decidedAt).toBeTruthy();
    expect(code(await ts.gql(VERIFY, { id: claimed.id, v: 2 }, w.t1.ASSESSOR))).toBe('CONFLICT');
    expect(code(await ts.gql(REJECT, { id: claimed.id, v: 2, r: 'no' }, w.t1.ADMIN))).toBe('CONFLICT');
    expect((await effective(entry)).adjustments).toEqual([
      { subject: 'U01', rule: 'NOTABLE_WORK', count: 1, points: 1.5, note: '创新' },
    ]);
  });

  test('reject with a reason; audited', async () => {
    const c = ok(await ts.gql(CLAIM, { s: entry, sub: 'U01-P', r: 'AWARD_CITY', c: 2 }, w.t1.ADMIN)).claimAdjustment;
    expect(code(await ts.gql(REJECT, { id: c.id, v: 1, r: '' }, w.t1.ASSESSOR))).toBe('BAD_USER_INPUT');
    const r = ok(await ts.gql(REJECT, { id: c.id, v: 1, r: '材料不全' }, w.t1.ASSESSOR)).rejectAdjustment;
    expect(r).toMatchObject({ status: 'REJECTED', reason: '材料不全', count: 2, version: 2 });
    expect(
      ok(await ts.gql(ADJUSTMENTS, { s: entry, st: 'REJECTED' }, w.t1.VIEWER)).adjustments.map((a: Json) => a.id),
    ).toEqual([c.id]);
    expect(ok(await ts.gql(ALL_ADJUSTMENTS, { f: { schemeId: entry } }, w.t1.ADMIN))._allAdjustmentsMeta.count).toBe(2);
    const audit = await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(
        `SELECT action, before, after FROM audit_log WHERE entity = 'adjustment' AND entity_id = $1 ORDER BY seq`,
        [c.id],
      ),
    );
    expect(audit.map((a: Json) => a.action)).toEqual(['CLAIM', 'REJECT']);
    expect(audit[1].before.status).toBe('CLAIMED');
    expect(audit[1].after.status).toBe('REJECTED');
  });

  test('no writes once the scheme is CLOSED (FORBIDDEN)', async () => {
    const s = await publishedScheme(w.t1.ADMIN, 'to-close');
    ok(await ts.gql(CREATE_SUBJECT, { s, c: 'A', n: 'a', g: 'TOWNSHIP' }, w.t1.ADMIN));
    const c = ok(await ts.gql(CLAIM, { s, sub: 'A', r: 'AWARD_CITY' }, w.t1.ADMIN)).claimAdjustment;
    await publishRun(ts, s, w.t1.ADMIN);
    ok(await ts.gql(CLOSE, { id: s }, w.t1.ADMIN));
    expect(
      code(await ts.gql(SET_INPUT, { s, sub: 'A', i: 'TAX', src: 'REVIEW', v: { actual: 1, target: 1 } }, w.t1.ADMIN)),
    ).toBe('FORBIDDEN');
    expect(code(await ts.gql(VERIFY, { id: c.id, v: 1 }, w.t1.ADMIN))).toBe('FORBIDDEN');
    expect(code(await ts.gql(CREATE_SUBJECT, { s, c: 'B', n: 'b', g: 'TOWNSHIP' }, w.t1.ADMIN))).toBe('FORBIDDEN');
  });
});

describe('tenant isolation', () => {
  test("another tenant's ids → NOT_FOUND; its lists are empty", async () => {
    const t2 = w.t2.admin;
    const [subject] = ok(await ts.gql(SUBJECTS, { s: main }, w.t1.ADMIN)).subjects;
    const [adj] = ok(await ts.gql(ADJUSTMENTS, { s: main }, w.t1.ADMIN)).adjustments;
    const [inp] = ok(await ts.gql(INPUTS, { s: main, sub: 'T01' }, w.t1.ADMIN)).inputs;
    for (const [q, v] of [
      [SUBJECT, { id: subject.id }],
      [UPDATE_SUBJECT, { id: subject.id, v: 1, n: 'x' }],
      [DELETE_SUBJECT, { id: subject.id }],
      [ADJUSTMENT, { id: adj.id }],
      [VERIFY, { id: adj.id, v: 1 }],
      [REJECT, { id: adj.id, v: 1, r: 'x' }],
      [`query($id: ID!) { Input(id: $id) { id } }`, { id: inp.id }],
      [SUBJECTS, { s: main }],
      [INPUTS, { s: main }],
      [ADJUSTMENTS, { s: main }],
      [DISCREPANCIES, { s: main }],
      [IMPORT, { s: main, d: DATASET }],
      [SET_INPUT, { s: main, sub: 'T01', i: 'TAX', src: 'REVIEW', v: { actual: 1, target: 1 } }],
      [CLAIM, { s: main, sub: 'T01', r: 'AWARD_CITY' }],
      [CREATE_SUBJECT, { s: main, c: 'Z', n: 'z', g: 'TOWNSHIP' }],
    ] as [string, Json][]) {
      expect([q.slice(0, 40), code(await ts.gql(q, v, t2))]).toEqual([q.slice(0, 40), 'NOT_FOUND']);
    }
    for (const [q, field] of [
      [ALL_SUBJECTS, 'allSubjects'],
      [ALL_INPUTS, 'allInputs'],
      [ALL_ADJUSTMENTS, 'allAdjustments'],
    ]) {
      const d = ok(await ts.gql(q, { f: {} }, t2));
      expect(d[field]).toEqual([]);
      expect(d[`_${field}Meta`].count).toBe(0);
    }
    // the importing tenant's key does not exist for t2 either
    expect(code(await ts.gql(IMPORT, { s: MISSING, d: DATASET, k: 'example-1' }, t2))).toBe('NOT_FOUND');
  });
});

test('the demo tenant gets the example dataset (SEED_DEMO)', async () => {
  const demo = await bootServer({ seedDemo: true });
  try {
    const token = (await login(demo, 'demo@example.com', 'demo', 'demo')).token;
    const [scheme] = ok(await demo.gql(`{ schemes { id } }`, {}, token)).schemes;
    expect(ok(await demo.gql(SUBJECTS, { s: scheme.id }, token)).subjects).toHaveLength(45);
    expect(ok(await demo.gql(ADJUSTMENTS, { s: scheme.id, st: 'VERIFIED' }, token)).adjustments).toHaveLength(
      DATASET.adjustments.length,
    );
    expect(
      ok(await demo.gql(ALL_INPUTS, { f: { schemeId: scheme.id, source: 'REVIEW' } }, token))._allInputsMeta.count,
    ).toBe(DATASET.inputs.length);
  } finally {
    await demo.stop();
  }
});
