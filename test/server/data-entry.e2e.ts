// setInputs: the console grid's batch save (a paste of a sheet is one call), all or nothing,
// each row checked like setInput, every bad row named; and discrepancies settled by REVIEW.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import {
  assignUnit,
  bootServer,
  code,
  makeWorld,
  ok,
  type GqlResult,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const SCHEME: Json = JSON.parse(
  readFileSync(path.join(__dirname, '../../shared/examples/district-2023.scheme.json'), 'utf8'),
);
const IMPORT_SCHEME = `mutation($d: JSON!) { importScheme(definition: $d) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishScheme(id: $id) { id } }`;
const IMPORT = `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`;
const SET_INPUTS = `mutation($s: ID!, $src: InputSource!, $rows: [InputRowInput!]!, $p: Period) {
  setInputs(schemeId: $s, source: $src, rows: $rows, period: $p) { id subject indicator source period value enteredBy version }
}`;
const INPUTS = `query($s: ID!, $src: InputSource) { inputs(schemeId: $s, source: $src) { subject indicator source value version } }`;
const DISCREPANCIES = `query($s: ID!) { discrepancies(schemeId: $s) { subject indicator self monitor review } }`;

let ts: TestServer;
let w: World;
let scheme: string;

const SUBJECTS = [
  { code: 'U01', name: '第一镇', group: 'TOWNSHIP' },
  { code: 'U02', name: '第二镇', group: 'TOWNSHIP' },
  { code: 'U01-P', name: '李四', group: 'PRINCIPAL', unit: 'U01' },
];
const problemsOf = (r: GqlResult) =>
  (r.body.errors?.[0]?.extensions?.problems ?? []) as {
    path: string;
    row: number;
    subject: string;
    indicator: string;
    message: string;
  }[];

async function published(token: string, c: string, subjects = SUBJECTS): Promise<string> {
  const id = ok(await ts.gql(IMPORT_SCHEME, { d: { ...SCHEME, code: c } }, token)).importScheme.id;
  ok(await ts.gql(PUBLISH, { id }, token));
  ok(await ts.gql(IMPORT, { s: id, d: { formatVersion: 1, subjects, inputs: [] } }, token));
  return id;
}

/** Rows and audit records as stored (the tenant's whole audit log: nothing else writes meanwhile). */
async function stored(tenantId = w.t1.id) {
  return withTenantTransaction(ts.server.dataSource, tenantId, async (em) => {
    const [r] = await em.query(
      `SELECT (SELECT count(*)::int FROM inputs) AS inputs,
              (SELECT count(*)::int FROM audit_log WHERE entity = 'input' AND action = 'SET') AS audits`,
    );
    return r as { inputs: number; audits: number };
  });
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  scheme = await published(w.t1.ADMIN, 'entry-2023');
  await assignUnit(ts, w); // U01 exists now
});
afterAll(() => ts?.stop());

describe('setInputs', () => {
  test('writes every row in one call; a second save updates (version 2); one audit record per row with before/after', async () => {
    const rows = [
      { subject: 'U01', indicator: 'TAX', value: { actual: 5200, target: 5000 } },
      { subject: 'U01', indicator: 'CIVILITY', value: { grade: 'A' } },
      { subject: 'U02', indicator: 'NEW_COUNTRYSIDE', value: { score: 88.5 } },
      { subject: 'U01-P', indicator: 'LEADERSHIP', value: { score: 90 } },
    ];
    const before = await stored();
    const out = ok(await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows }, w.t1.ADMIN)).setInputs;
    expect(out.map((x: Json) => [x.subject, x.indicator, x.source, x.period, x.value, x.version])).toEqual(
      rows.map((r) => [r.subject, r.indicator, 'SELF', 'ANNUAL', r.value, 1]),
    );
    expect(out[0].enteredBy).toBe(w.t1.userIds.ADMIN);
    expect(await stored()).toEqual({ inputs: before.inputs + 4, audits: before.audits + 4 });

    const again = ok(
      await ts.gql(
        SET_INPUTS,
        { s: scheme, src: 'SELF', rows: [{ subject: 'U01', indicator: 'TAX', value: { actual: 5300, target: 5000 } }] },
        w.t1.ADMIN,
      ),
    ).setInputs;
    expect(again).toEqual([
      expect.objectContaining({ subject: 'U01', indicator: 'TAX', value: { actual: 5300, target: 5000 }, version: 2 }),
    ]);
    const stored1 = ok(await ts.gql(INPUTS, { s: scheme, src: 'SELF' }, w.t1.ADMIN)).inputs;
    expect(stored1.find((x: Json) => x.subject === 'U01' && x.indicator === 'TAX')).toMatchObject({
      value: { actual: 5300, target: 5000 },
      version: 2,
    });
    expect(stored1).toHaveLength(4);

    const [audit] = await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(
        `SELECT actor_id, before, after FROM audit_log WHERE entity = 'input' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [again[0].id],
      ),
    );
    expect(audit.actor_id).toBe(w.t1.userIds.ADMIN);
    expect(audit.before).toMatchObject({
      subject: 'U01',
      indicator: 'TAX',
      source: 'SELF',
      value: { actual: 5200, target: 5000 },
      version: 1,
    });
    expect(audit.after).toMatchObject({
      subject: 'U01',
      indicator: 'TAX',
      source: 'SELF',
      value: { actual: 5300, target: 5000 },
      version: 2,
    });
  });

  test('all or nothing: several bad rows are each named (row, subject, indicator, path); nothing is written', async () => {
    const rows = [
      { subject: 'U02', indicator: 'TAX', value: { actual: 10, target: 20 } }, // fine, yet not written
      { subject: 'U02', indicator: 'FAI', value: { actual: 'many', target: 10 } },
      { subject: 'U02', indicator: 'CIVILITY', value: { grade: 'Z' } },
      { subject: 'U02', indicator: 'DNQJL', value: { score: 1 } }, // a member indicator, not in TOWNSHIP
      { subject: 'NOBODY', indicator: 'TAX', value: { actual: 1, target: 1 } },
      { subject: 'U02', indicator: 'NEW_COUNTRYSIDE', value: { score: 120 } },
      { subject: 'U02', indicator: 'TAX', value: { actual: 1, target: 1 } }, // second row for one cell
      { subject: 'U02', indicator: 'ROADS', value: { actual: 1, colour: 'red' } },
    ];
    const before = await stored();
    const r = await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows }, w.t1.ADMIN);
    expect(code(r)).toBe('BAD_USER_INPUT');
    const problems = problemsOf(r);
    expect(problems.map((p) => [p.row, p.subject, p.indicator, p.path])).toEqual([
      [1, 'U02', 'FAI', '/rows/1/value/actual'],
      [2, 'U02', 'CIVILITY', '/rows/2/value/grade'],
      [3, 'U02', 'DNQJL', '/rows/3/indicator'],
      [4, 'NOBODY', 'TAX', '/rows/4/subject'],
      [5, 'U02', 'NEW_COUNTRYSIDE', '/rows/5/value/score'],
      [6, 'U02', 'TAX', '/rows/6'],
      [7, 'U02', 'ROADS', '/rows/7/value/colour'],
    ]);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
    expect(r.body.errors![0].message).toContain('1, 2, 3, 4, 5, 6, 7');
    expect(await stored()).toEqual(before);
  });

  test('size: no rows or more than 2000 → BAD_USER_INPUT; a DRAFT scheme → CONFLICT', async () => {
    const big = Array.from({ length: 2001 }, () => ({
      subject: 'U01',
      indicator: 'TAX',
      value: { actual: 1, target: 1 },
    }));
    const r = await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows: big }, w.t1.ADMIN);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].message).toContain('2000');
    expect(code(await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows: [] }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
    const draft = ok(await ts.gql(IMPORT_SCHEME, { d: { ...SCHEME, code: 'draft-entry' } }, w.t1.ADMIN)).importScheme
      .id;
    expect(code(await ts.gql(SET_INPUTS, { s: draft, src: 'SELF', rows: big.slice(0, 1) }, w.t1.ADMIN))).toBe(
      'CONFLICT',
    );
  });

  test('the cap itself: 2,000 rows (100 subjects × 20 SCORE/TARGET cells) in one call, one audit record each', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      code: `B${String(i).padStart(3, '0')}`,
      name: `镇${i}`,
      group: 'TOWNSHIP',
    }));
    ok(await ts.gql(IMPORT, { s: scheme, d: { formatVersion: 1, subjects: many, inputs: [] } }, w.t1.ADMIN));
    const scores = [
      'NEW_COUNTRYSIDE',
      'GRASSROOTS',
      'TALENT',
      'INTEGRITY',
      'CONDUCT',
      'FAMILY_PLANNING',
      'SECURITY',
      'TOWN_PLANNING',
    ];
    const targets = ['TAX', 'FARMER_INCOME', 'FAI', 'INVEST', 'LABOR_TRAINING', 'SAFETY', 'ROADS'];
    const rows = many.flatMap((s, i) => [
      ...scores.map((ind) => ({ subject: s.code, indicator: ind, value: { score: i % 100 } })),
      ...targets.map((ind) => ({ subject: s.code, indicator: ind, value: { actual: i, target: 100 } })),
      { subject: s.code, indicator: 'CIVILITY', value: { grade: 'B' } },
      { subject: s.code, indicator: 'BIZ_ENV', value: { grade: 'A' } },
      { subject: s.code, indicator: 'PETITION', value: { actual: i % 5 } },
      { subject: s.code, indicator: 'ENVIRONMENT', value: { actual: 50 + i } },
      { subject: s.code, indicator: 'FARMLAND', value: { actual: -1 } },
    ]);
    expect(rows).toHaveLength(2000);
    const before = await stored();
    const started = Date.now();
    expect(ok(await ts.gql(SET_INPUTS, { s: scheme, src: 'MONITOR', rows }, w.t1.MONITOR)).setInputs).toHaveLength(
      2000,
    );
    console.log(`setInputs: 2000 rows in ${Date.now() - started} ms`);
    expect(await stored()).toEqual({ inputs: before.inputs + 2000, audits: before.audits + 2000 });
  });

  test('roles: UNIT writes SELF for its own unit and members only (other rows named, FORBIDDEN); each role its own source', async () => {
    const own = [
      { subject: 'U01', indicator: 'FAI', value: { actual: 10.5, target: 10 } },
      { subject: 'U01-P', indicator: 'UNITY', value: { score: 80 } },
    ];
    expect(ok(await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows: own }, w.t1.UNIT)).setInputs).toHaveLength(2);

    const before = await stored();
    const mixed = [
      own[0],
      { subject: 'U02', indicator: 'FAI', value: { actual: 1, target: 1 } },
      { subject: 'U02', indicator: 'TAX', value: { actual: 1, target: 1 } },
    ];
    const r = await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows: mixed }, w.t1.UNIT);
    expect(code(r)).toBe('FORBIDDEN');
    expect(problemsOf(r).map((p) => [p.row, p.subject])).toEqual([
      [1, 'U02'],
      [2, 'U02'],
    ]);
    expect(code(await ts.gql(SET_INPUTS, { s: scheme, src: 'MONITOR', rows: own }, w.t1.UNIT))).toBe('FORBIDDEN');
    expect(code(await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows: own }, w.t1.MONITOR))).toBe('FORBIDDEN');
    expect(code(await ts.gql(SET_INPUTS, { s: scheme, src: 'SELF', rows: own }, w.t1.ASSESSOR))).toBe('FORBIDDEN');
    expect(code(await ts.gql(SET_INPUTS, { s: scheme, src: 'MONITOR', rows: own }, w.t1.ASSESSOR))).toBe('FORBIDDEN');
    for (const role of ['LEADER', 'VIEWER'] as const)
      expect(code(await ts.gql(SET_INPUTS, { s: scheme, src: 'REVIEW', rows: own }, w.t1[role]))).toBe('FORBIDDEN');
    expect(await stored()).toEqual(before);

    expect(
      ok(await ts.gql(SET_INPUTS, { s: scheme, src: 'MONITOR', rows: own }, w.t1.MONITOR)).setInputs.map(
        (x: Json) => x.source,
      ),
    ).toEqual(['MONITOR', 'MONITOR']);
    expect(
      ok(await ts.gql(SET_INPUTS, { s: scheme, src: 'REVIEW', rows: own }, w.t1.ASSESSOR)).setInputs.map(
        (x: Json) => x.source,
      ),
    ).toEqual(['REVIEW', 'REVIEW']);
  });

  test('optimistic locking: rows based on an older version (or on no value, when one exists) → CONFLICT naming them; the whole call rolls back', async () => {
    const set = (rows: Json[]) => ts.gql(SET_INPUTS, { s: scheme, src: 'REVIEW', rows }, w.t1.ADMIN);
    expect(
      ok(await set([{ subject: 'U02', indicator: 'FAI', value: { actual: 1, target: 2 }, version: 0 }])).setInputs[0]
        .version,
    ).toBe(1);
    expect(
      ok(await set([{ subject: 'U02', indicator: 'FAI', value: { actual: 2, target: 2 }, version: 1 }])).setInputs[0]
        .version,
    ).toBe(2);
    ok(await set([{ subject: 'U02', indicator: 'TAX', value: { actual: 5, target: 5 } }])); // no version: no check

    const before = await stored();
    const r = await set([
      { subject: 'U02', indicator: 'CONDUCT', value: { score: 70 }, version: 0 }, // new and fine, yet rolled back
      { subject: 'U02', indicator: 'FAI', value: { actual: 3, target: 2 }, version: 1 }, // stored is 2
      { subject: 'U02', indicator: 'TAX', value: { actual: 6, target: 5 }, version: 0 }, // one exists meanwhile
    ]);
    expect(code(r)).toBe('CONFLICT');
    expect(problemsOf(r).map((p) => [p.row, p.subject, p.indicator, p.path])).toEqual([
      [1, 'U02', 'FAI', '/rows/1'],
      [2, 'U02', 'TAX', '/rows/2'],
    ]);
    expect(await stored()).toEqual(before);
    const review = ok(await ts.gql(INPUTS, { s: scheme, src: 'REVIEW' }, w.t1.ADMIN)).inputs;
    expect(review.find((x: Json) => x.subject === 'U02' && x.indicator === 'FAI')).toMatchObject({
      value: { actual: 2, target: 2 },
      version: 2,
    });
    expect(review.find((x: Json) => x.subject === 'U02' && x.indicator === 'CONDUCT')).toBeUndefined();

    const fresh = ok(
      await set([
        { subject: 'U02', indicator: 'FAI', value: { actual: 3, target: 2 }, version: 2 },
        { subject: 'U02', indicator: 'TAX', value: { actual: 6, target: 5 }, version: 1 },
      ]),
    ).setInputs;
    expect(fresh.map((x: Json) => x.version)).toEqual([3, 2]);
    expect(
      problemsOf(await set([{ subject: 'U02', indicator: 'FAI', value: { actual: 3, target: 2 }, version: -1 }])).map(
        (p) => p.path,
      ),
    ).toEqual(['/rows/0/version']);
  });

  test('another tenant: its scheme id → NOT_FOUND; its own scheme does not know our subjects; nothing of ours changes', async () => {
    const before = await stored();
    const rows = [{ subject: 'U01', indicator: 'TAX', value: { actual: 1, target: 1 } }];
    expect(code(await ts.gql(SET_INPUTS, { s: scheme, src: 'REVIEW', rows }, w.t2.admin))).toBe('NOT_FOUND');
    const theirs = await published(w.t2.admin, 'entry-2023', [{ code: 'X01', name: '乙镇', group: 'TOWNSHIP' }]);
    const r = await ts.gql(SET_INPUTS, { s: theirs, src: 'REVIEW', rows }, w.t2.admin);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(problemsOf(r).map((p) => p.path)).toEqual(['/rows/0/subject']);
    expect(await stored()).toEqual(before);
    expect(await stored(w.t2.id)).toEqual({ inputs: 0, audits: 0 });
  });
});

describe('setBallotsBatch', () => {
  const BATCH = `mutation($s: ID!, $rows: [BallotRowInput!]!) { setBallotsBatch(schemeId: $s, rows: $rows) { id subject indicator source period value enteredBy version } }`;
  const ONE = `mutation($s: ID!, $sub: String!, $i: String!, $b: JSON!) { setBallots(schemeId: $s, subject: $sub, indicator: $i, ballots: $b) { version } }`;
  const TOWN = {
    LEADERS: { EXCELLENT: 7, FAIR: 4, POOR: 1 },
    UNIT_HEADS: { EXCELLENT: 9, GOOD: 3 },
    PUBLIC: { EXCELLENT: 6, GOOD: 3 },
    TEAM: { EXCELLENT: 6, GOOD: 6 },
  };
  const LEADER = {
    TEAM_MEMBERS: { EXCELLENT: 9, BASIC: 3 },
    STAFF: { EXCELLENT: 11, COMPETENT: 3 },
    SUB_HEADS: { EXCELLENT: 10 },
  };
  let ballotScheme: string;

  /** REVIEW inputs and SET_BALLOTS audit records of the ballot scheme, as stored. */
  async function ballotsStored(tenantId = w.t1.id) {
    return withTenantTransaction(ts.server.dataSource, tenantId, async (em) => {
      const [r] = await em.query(
        `SELECT (SELECT count(*)::int FROM inputs) AS inputs,
                (SELECT count(*)::int FROM audit_log WHERE entity = 'input' AND action = 'SET_BALLOTS') AS audits`,
      );
      return r as { inputs: number; audits: number };
    });
  }

  beforeAll(async () => {
    ballotScheme = await published(w.t1.ADMIN, 'ballots-2023');
  });

  test('several subjects in one call: each stored as the REVIEW/ANNUAL ballots, one SET_BALLOTS audit record per row', async () => {
    expect(
      ok(
        await ts.gql(
          ONE,
          { s: ballotScheme, sub: 'U02', i: 'PUBLIC_EVAL', b: { LEADERS: { POOR: 2 } } },
          w.t1.ASSESSOR,
        ),
      ).setBallots.version,
    ).toBe(1);
    const before = await ballotsStored();
    const rows = [
      { subject: 'U01', indicator: 'PUBLIC_EVAL', ballots: TOWN },
      { subject: 'U02', indicator: 'PUBLIC_EVAL', ballots: { ...TOWN, PUBLIC: { FAIR: 10 } } },
      { subject: 'U01-P', indicator: 'DNQJL', ballots: LEADER },
    ];
    const out = ok(await ts.gql(BATCH, { s: ballotScheme, rows }, w.t1.ASSESSOR)).setBallotsBatch;
    expect(out.map((x: Json) => [x.subject, x.indicator, x.source, x.period, x.value, x.version])).toEqual([
      ['U01', 'PUBLIC_EVAL', 'REVIEW', 'ANNUAL', { ballots: TOWN }, 1],
      ['U02', 'PUBLIC_EVAL', 'REVIEW', 'ANNUAL', { ballots: rows[1].ballots }, 2],
      ['U01-P', 'DNQJL', 'REVIEW', 'ANNUAL', { ballots: LEADER }, 1],
    ]);
    expect(out[0].enteredBy).toBe(w.t1.userIds.ASSESSOR);
    expect(await ballotsStored()).toEqual({ inputs: before.inputs + 2, audits: before.audits + 3 });
    const [audit] = await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(
        `SELECT actor_id, before, after FROM audit_log WHERE entity = 'input' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [out[1].id],
      ),
    );
    expect(audit.actor_id).toBe(w.t1.userIds.ASSESSOR);
    expect(audit.before).toMatchObject({
      subject: 'U02',
      indicator: 'PUBLIC_EVAL',
      source: 'REVIEW',
      value: { ballots: { LEADERS: { POOR: 2 } } },
      version: 1,
    });
    expect(audit.after).toMatchObject({
      subject: 'U02',
      indicator: 'PUBLIC_EVAL',
      value: { ballots: rows[1].ballots },
      version: 2,
    });
    // ADMIN may too
    expect(ok(await ts.gql(BATCH, { s: ballotScheme, rows: [rows[0]] }, w.t1.ADMIN)).setBallotsBatch[0].version).toBe(
      2,
    );
  });

  test('all or nothing: every bad row named (row, subject, indicator, path); nothing is written', async () => {
    const before = await ballotsStored();
    const rows = [
      { subject: 'U02', indicator: 'PUBLIC_EVAL', ballots: TOWN },
      { subject: 'U01-P', indicator: 'DNQJL', ballots: { NOBODY: { EXCELLENT: 1 } } },
      { subject: 'U01', indicator: 'TAX', ballots: TOWN },
      { subject: 'U01', indicator: 'PUBLIC_EVAL', ballots: TOWN },
      { subject: 'NOPE', indicator: 'PUBLIC_EVAL', ballots: TOWN },
    ];
    const r = await ts.gql(BATCH, { s: ballotScheme, rows }, w.t1.ASSESSOR);
    expect(code(r)).toBe('BAD_USER_INPUT');
    const problems = problemsOf(r);
    expect([...new Set(problems.map((p) => p.row))]).toEqual([1, 2, 4]);
    expect(problems.find((p) => p.row === 1)).toMatchObject({
      subject: 'U01-P',
      indicator: 'DNQJL',
      path: expect.stringMatching(/^\/rows\/1\/ballots\/NOBODY/),
    });
    expect(problems.find((p) => p.row === 2)).toMatchObject({
      subject: 'U01',
      indicator: 'TAX',
      path: '/rows/2/indicator',
      message: expect.stringMatching(/not a SURVEY/),
    });
    expect(problems.find((p) => p.row === 4)).toMatchObject({ subject: 'NOPE', path: '/rows/4/subject' });
    expect(await ballotsStored()).toEqual(before);
    // the same cell twice is refused too; no rows, or more than 2000, are refused whole
    const twice = await ts.gql(BATCH, { s: ballotScheme, rows: [rows[0], rows[0]] }, w.t1.ASSESSOR);
    expect(code(twice)).toBe('BAD_USER_INPUT');
    expect(problemsOf(twice).length).toBeGreaterThan(0);
    expect(code(await ts.gql(BATCH, { s: ballotScheme, rows: [] }, w.t1.ASSESSOR))).toBe('BAD_USER_INPUT');
    expect(
      code(await ts.gql(BATCH, { s: ballotScheme, rows: Array.from({ length: 2001 }, () => rows[0]) }, w.t1.ASSESSOR)),
    ).toBe('BAD_USER_INPUT');
    expect(await ballotsStored()).toEqual(before);
  });

  test('roles: only ADMIN and ASSESSOR (as setBallots); the others are FORBIDDEN and nothing is written', async () => {
    const before = await ballotsStored();
    const rows = [{ subject: 'U01', indicator: 'PUBLIC_EVAL', ballots: TOWN }];
    for (const role of ['MONITOR', 'UNIT', 'LEADER', 'VIEWER'] as const) {
      expect([role, code(await ts.gql(BATCH, { s: ballotScheme, rows }, w.t1[role]))]).toEqual([role, 'FORBIDDEN']);
    }
    expect(code(await ts.gql(BATCH, { s: ballotScheme, rows }))).toBe('UNAUTHENTICATED');
    expect(await ballotsStored()).toEqual(before);
  });

  test('another tenant: its scheme id → NOT_FOUND; its subjects are unknown in our scheme (and ours in its); nothing changes', async () => {
    const before = await ballotsStored();
    const theirs = await published(w.t2.admin, 'ballots-2023', [{ code: 'X01', name: '乙镇', group: 'TOWNSHIP' }]);
    const theirsBefore = await ballotsStored(w.t2.id);
    const ours = [{ subject: 'U01', indicator: 'PUBLIC_EVAL', ballots: TOWN }];
    expect(code(await ts.gql(BATCH, { s: ballotScheme, rows: ours }, w.t2.admin))).toBe('NOT_FOUND');
    expect(code(await ts.gql(BATCH, { s: theirs, rows: ours }, w.t1.ADMIN))).toBe('NOT_FOUND');
    const r = await ts.gql(
      BATCH,
      { s: ballotScheme, rows: [{ subject: 'X01', indicator: 'PUBLIC_EVAL', ballots: TOWN }] },
      w.t1.ASSESSOR,
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(problemsOf(r).map((p) => [p.path, p.subject])).toEqual([['/rows/0/subject', 'X01']]);
    const r2 = await ts.gql(BATCH, { s: theirs, rows: ours }, w.t2.admin);
    expect(problemsOf(r2).map((p) => p.path)).toEqual(['/rows/0/subject']);
    expect(await ballotsStored()).toEqual(before);
    expect(await ballotsStored(w.t2.id)).toEqual(theirsBefore);
  });
});

test('discrepancies: SELF and MONITOR apart beyond the threshold; a REVIEW value entered afterwards settles one (review filled in)', async () => {
  // a REVIEW value from before the disagreement does not settle it
  ok(
    await ts.gql(
      SET_INPUTS,
      { s: scheme, src: 'REVIEW', rows: [{ subject: 'U02', indicator: 'ROADS', value: { actual: 10, target: 12 } }] },
      w.t1.ASSESSOR,
    ),
  );
  ok(
    await ts.gql(
      SET_INPUTS,
      { s: scheme, src: 'SELF', rows: [{ subject: 'U02', indicator: 'ROADS', value: { actual: 12, target: 12 } }] },
      w.t1.ADMIN,
    ),
  );
  ok(
    await ts.gql(
      SET_INPUTS,
      { s: scheme, src: 'MONITOR', rows: [{ subject: 'U02', indicator: 'ROADS', value: { actual: 8, target: 12 } }] },
      w.t1.MONITOR,
    ),
  );
  const open = ok(await ts.gql(DISCREPANCIES, { s: scheme }, w.t1.ASSESSOR)).discrepancies.find(
    (d: Json) => d.subject === 'U02' && d.indicator === 'ROADS',
  );
  expect(open).toEqual({
    subject: 'U02',
    indicator: 'ROADS',
    self: { actual: 12, target: 12 },
    monitor: { actual: 8, target: 12 },
    review: null,
  });
  ok(
    await ts.gql(
      SET_INPUTS,
      { s: scheme, src: 'REVIEW', rows: [{ subject: 'U02', indicator: 'ROADS', value: { actual: 9, target: 12 } }] },
      w.t1.ASSESSOR,
    ),
  );
  const settled = ok(await ts.gql(DISCREPANCIES, { s: scheme }, w.t1.ASSESSOR)).discrepancies.find(
    (d: Json) => d.subject === 'U02' && d.indicator === 'ROADS',
  );
  expect(settled.review).toEqual({ actual: 9, target: 12 });
});
