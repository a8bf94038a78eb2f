// Deadlines: a due time per scheme, period and source in the tenant's time zone closes UNIT and
// MONITOR entry (GraphQL and the xlsx import) with CONFLICT naming it; an ADMIN reopens it for one
// unit or department; the not-submitted list by unit and by owner department.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { getFile, machineColumns, postFile, readWorkbook, toBuffer } from '../support/files';
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
const DEADLINE = `id schemeId period source dueAt dueLocal timeZone closed extensions { targetKind code until untilLocal }`;
const SET = `mutation($i: DeadlineInput!) { setDeadline(input: $i) { ${DEADLINE} } }`;
const CLEAR = `mutation($s: ID!, $p: Period!, $src: InputSource!) { clearDeadline(schemeId: $s, period: $p, source: $src) }`;
const REOPEN = `mutation($i: ReopenDeadlineInput!) { reopenDeadline(input: $i) { ${DEADLINE} } }`;
const LIST = `query($s: ID!) { deadlines(schemeId: $s) { ${DEADLINE} } }`;
const NOT_SUBMITTED = `query($s: ID!, $p: Period, $src: InputSource) { notSubmitted(schemeId: $s, period: $p, source: $src) {
  deadline { id dueLocal closed } units missing { unit name expected entered reopenedUntil } departments missingDepartments { code name expected entered reopenedUntil } } }`;
const SET_INPUT = `mutation($s: ID!, $sub: String!, $ind: String!, $src: InputSource!, $p: Period, $v: JSON!) {
  setInput(schemeId: $s, subject: $sub, indicator: $ind, source: $src, period: $p, value: $v) { id version } }`;
const SET_INPUTS = `mutation($s: ID!, $src: InputSource!, $rows: [InputRowInput!]!, $p: Period) { setInputs(schemeId: $s, source: $src, rows: $rows, period: $p) { id } }`;
const SETTINGS = `mutation($i: TenantSettingsInput!) { updateTenantSettings(input: $i) { timeZone reminderDays } }`;

let ts: TestServer;
let w: World;
let scheme: string;

const SUBJECTS = [
  { code: 'T01', name: '第一镇', group: 'TOWNSHIP' },
  { code: 'T02', name: '第二镇', group: 'TOWNSHIP' },
  { code: 'T01-P', name: '张三', group: 'PRINCIPAL', unit: 'T01' },
];
const gql = (q: string, v: Json, token = w.t1.ADMIN) => ts.gql(q, v, token);
const tax = (subject: string, actual: number) => ({
  s: scheme,
  sub: subject,
  ind: 'TAX',
  src: 'SELF',
  v: { actual, target: 5000 },
});
const monitorTax = (subject: string, actual: number) => ({
  s: scheme,
  src: 'MONITOR',
  rows: [{ subject, indicator: 'TAX', value: { actual, target: 5000 } }],
});
const deadlineOf = (r: GqlResult) => r.body.errors?.[0]?.extensions?.deadline as Json | undefined;

/** The input-taking leaves of a group (LINKED ones take none). */
function leaves(group: string): string[] {
  const out: string[] = [];
  const walk = (n: Json) =>
    Array.isArray(n.children) ? n.children.forEach(walk) : n.method?.type !== 'LINKED' && out.push(n.code);
  walk(SCHEME.groups.find((g: Json) => g.code === group).root);
  return out;
}

async function audits(action: string): Promise<Json[]> {
  return withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
    em.query(`SELECT entity_id, before, after FROM audit_log WHERE entity = 'deadline' AND action = $1 ORDER BY at`, [
      action,
    ]),
  );
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  scheme = ok(
    await gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, {
      d: { ...SCHEME, code: 'deadlines-2023' },
    }),
  ).importScheme.id;
  ok(await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: scheme }));
  ok(
    await gql(`mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`, {
      s: scheme,
      d: { formatVersion: 1, subjects: SUBJECTS, inputs: [] },
    }),
  );
  await assignUnit(ts, w, 'T01');
  // t1's MONITOR user reports for STATS (统计局), an owner of TAX
});
afterAll(() => ts?.stop());

describe('deadlines', () => {
  test('set in the tenant time zone (Asia/Shanghai by default), listed, ADMIN only, SELF and MONITOR only, audited', async () => {
    const d = ok(
      await gql(SET, { i: { schemeId: scheme, period: 'Q1', source: 'SELF', dueLocal: '2031-03-31T17:00' } }),
    ).setDeadline;
    expect(d).toMatchObject({
      period: 'Q1',
      source: 'SELF',
      dueAt: '2031-03-31T09:00:00.000Z',
      dueLocal: '2031-03-31T17:00',
      timeZone: 'Asia/Shanghai',
      closed: false,
      extensions: [],
    });
    // a date alone is the end of that day; setting again moves the same deadline
    const moved = ok(
      await gql(SET, { i: { schemeId: scheme, period: 'Q1', source: 'SELF', dueLocal: '2031-04-10' } }),
    ).setDeadline;
    expect(moved).toMatchObject({ id: d.id, dueLocal: '2031-04-10T23:59', dueAt: '2031-04-10T15:59:59.000Z' });
    expect(ok(await gql(LIST, { s: scheme })).deadlines.map((x: Json) => x.id)).toEqual([d.id]);
    // another time zone shows the same instant in its own local time
    expect(ok(await gql(SETTINGS, { i: { timeZone: 'Europe/London' } })).updateTenantSettings).toEqual({
      timeZone: 'Europe/London',
      reminderDays: 3,
    });
    expect(ok(await gql(LIST, { s: scheme })).deadlines[0]).toMatchObject({
      dueLocal: '2031-04-10T16:59',
      timeZone: 'Europe/London',
    });
    expect(code(await gql(SETTINGS, { i: { timeZone: 'Mars/Olympus' } }))).toBe('BAD_USER_INPUT');
    ok(await gql(SETTINGS, { i: { timeZone: 'Asia/Shanghai' } }));

    expect(
      code(
        await gql(SET, { i: { schemeId: scheme, period: 'Q1', source: 'SELF', dueLocal: '2031-04-10' } }, w.t1.UNIT),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(await gql(SET, { i: { schemeId: scheme, period: 'Q1', source: 'REVIEW', dueLocal: '2031-04-10' } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(await gql(SET, { i: { schemeId: scheme, period: 'Q1', source: 'SELF', dueLocal: '2031-02-30T10:00' } })),
    ).toBe('BAD_USER_INPUT');
    expect(code(await gql(SET, { i: { schemeId: scheme, period: 'Q1', source: 'SELF', dueLocal: 'tomorrow' } }))).toBe(
      'BAD_USER_INPUT',
    );
    // UNIT users see the deadlines (the entry grid shows them)
    expect(ok(await gql(LIST, { s: scheme }, w.t1.UNIT)).deadlines).toHaveLength(1);
    const set = await audits('SET');
    expect(set).toHaveLength(2);
    expect(set[1]).toMatchObject({
      entity_id: d.id,
      before: { dueLocal: '2031-03-31T17:00' },
      after: { dueLocal: '2031-04-10T23:59', period: 'Q1', source: 'SELF' },
    });

    expect(ok(await gql(CLEAR, { s: scheme, p: 'Q1', src: 'SELF' })).clearDeadline).toBe(true);
    expect(ok(await gql(CLEAR, { s: scheme, p: 'Q1', src: 'SELF' })).clearDeadline).toBe(false);
    expect(await audits('CLEAR')).toHaveLength(1);
    // another tenant's scheme answers like a missing one
    expect(code(await gql(LIST, { s: scheme }, w.t2.admin))).toBe('NOT_FOUND');
    expect(
      code(
        await gql(SET, { i: { schemeId: scheme, period: 'Q1', source: 'SELF', dueLocal: '2031-04-10' } }, w.t2.admin),
      ),
    ).toBe('NOT_FOUND');
  });

  test('a passed deadline closes UNIT entry of its period and source (setInput, setInputs, xlsx) with CONFLICT naming it; ADMIN still writes', async () => {
    ok(await gql(SET_INPUT, tax('T01', 100), w.t1.UNIT)); // open before the deadline
    const d = ok(
      await gql(SET, { i: { schemeId: scheme, period: 'ANNUAL', source: 'SELF', dueLocal: '2024-01-31T18:00' } }),
    ).setDeadline;
    expect(d.closed).toBe(true);

    const one = await gql(SET_INPUT, tax('T01', 200), w.t1.UNIT);
    expect(code(one)).toBe('CONFLICT');
    expect(one.body.errors![0].message).toContain('2024-01-31T18:00');
    expect(deadlineOf(one)).toMatchObject({
      id: d.id,
      period: 'ANNUAL',
      source: 'SELF',
      dueLocal: '2024-01-31T18:00',
      timeZone: 'Asia/Shanghai',
    });
    const batch = await gql(
      SET_INPUTS,
      { s: scheme, src: 'SELF', rows: [{ subject: 'T01-P', indicator: 'LEADERSHIP', value: { score: 90 } }] },
      w.t1.UNIT,
    );
    expect(code(batch)).toBe('CONFLICT');
    expect(deadlineOf(batch)?.id).toBe(d.id);

    // the xlsx import goes through the same gate: 409, nothing written
    const tpl = await getFile(ts, `/files/schemes/${scheme}/template.xlsx`, w.t1.UNIT);
    expect(tpl.status).toBe(200);
    const wb = await readWorkbook(tpl.buffer);
    const ws = wb.worksheets.find((s) => s.getCell('A6').value === 'T01')!;
    ws.getCell(6, machineColumns(ws).get('TAX.actual')).value = 300;
    const up = await postFile(ts, `/files/schemes/${scheme}/inputs.xlsx`, await toBuffer(wb), w.t1.UNIT);
    expect(up.status).toBe(409);
    expect(up.body.errors[0].extensions.code).toBe('CONFLICT');

    // other periods and the ADMIN stay open; the stored value is the one entered before the deadline
    ok(await gql(SET_INPUT, { ...tax('T01', 150), p: 'Q1' }, w.t1.UNIT));
    ok(await gql(SET_INPUT, tax('T02', 400)));
    const stored = ok(
      await gql(
        `query($s: ID!) { inputs(schemeId: $s, source: SELF, subject: "T01", indicator: "TAX") { period value } }`,
        { s: scheme },
      ),
    ).inputs;
    expect(stored.find((x: Json) => x.period === 'ANNUAL').value.actual).toBe(100);
  });

  test('reopened for one unit until a later time (audited): that unit writes again, the others stay closed', async () => {
    const [d] = ok(await gql(LIST, { s: scheme })).deadlines.filter(
      (x: Json) => x.period === 'ANNUAL' && x.source === 'SELF',
    );
    expect(
      code(
        await gql(REOPEN, { i: { deadlineId: d.id, targetKind: 'UNIT', code: 'T01', untilLocal: '2020-01-01T00:00' } }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(await gql(REOPEN, { i: { deadlineId: d.id, targetKind: 'UNIT', code: 'NOPE', untilLocal: '2099-01-01' } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await gql(
          REOPEN,
          { i: { deadlineId: d.id, targetKind: 'UNIT', code: 'T01', untilLocal: '2099-01-01' } },
          w.t1.ASSESSOR,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await gql(
          REOPEN,
          { i: { deadlineId: d.id, targetKind: 'UNIT', code: 'T01', untilLocal: '2099-01-01' } },
          w.t2.admin,
        ),
      ),
    ).toBe('NOT_FOUND');

    const r = ok(
      await gql(REOPEN, { i: { deadlineId: d.id, targetKind: 'UNIT', code: 'T01', untilLocal: '2099-06-30T12:00' } }),
    ).reopenDeadline;
    expect(r.extensions).toEqual([
      { targetKind: 'UNIT', code: 'T01', until: '2099-06-30T04:00:00.000Z', untilLocal: '2099-06-30T12:00' },
    ]);
    expect(ok(await gql(SET_INPUT, tax('T01', 250), w.t1.UNIT)).setInput.version).toBe(2);
    expect((await audits('REOPEN'))[0]).toMatchObject({
      entity_id: d.id,
      after: { targetKind: 'UNIT', code: 'T01', untilLocal: '2099-06-30T12:00' },
    });

    // MONITOR entry has its own deadline; reopened for unit T01 it opens only T01's rows
    const m = ok(
      await gql(SET, { i: { schemeId: scheme, period: 'ANNUAL', source: 'MONITOR', dueLocal: '2024-02-01T12:00' } }),
    ).setDeadline;
    expect(code(await gql(SET_INPUTS, monitorTax('T01', 1), w.t1.MONITOR))).toBe('CONFLICT');
    ok(await gql(REOPEN, { i: { deadlineId: m.id, targetKind: 'UNIT', code: 'T01', untilLocal: '2099-01-01' } }));
    ok(await gql(SET_INPUTS, monitorTax('T01', 2), w.t1.MONITOR));
    const t2 = await gql(SET_INPUTS, monitorTax('T02', 3), w.t1.MONITOR);
    expect(code(t2)).toBe('CONFLICT');
    expect(t2.body.errors![0].extensions!.units).toEqual(['T02']);
    const imp = await gql(
      `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d, source: MONITOR) { inputs } }`,
      {
        s: scheme,
        d: {
          formatVersion: 1,
          subjects: SUBJECTS,
          inputs: [{ subject: 'T02', indicator: 'TAX', actual: 3, target: 5000 }],
        },
      },
      w.t1.MONITOR,
    );
    expect(code(imp)).toBe('CONFLICT');
    // reopened for the MONITOR user's department: every unit
    expect(
      code(
        await gql(REOPEN, {
          i: { deadlineId: m.id, targetKind: 'DEPARTMENT', code: 'NO_SUCH', untilLocal: '2099-01-01' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    ok(
      await gql(REOPEN, { i: { deadlineId: m.id, targetKind: 'DEPARTMENT', code: 'STATS', untilLocal: '2099-01-01' } }),
    );
    ok(await gql(SET_INPUTS, monitorTax('T02', 3), w.t1.MONITOR));
  });

  test('not submitted: the units (and owner departments) that have not entered all expected inputs, with the deadline', async () => {
    const expectedT01 = leaves('TOWNSHIP').length + leaves('PRINCIPAL').length;
    const before = ok(await gql(NOT_SUBMITTED, { s: scheme, p: 'ANNUAL', src: 'SELF' })).notSubmitted;
    expect(before.deadline).toMatchObject({ dueLocal: '2024-01-31T18:00', closed: true });
    expect(before.units).toBe(2);
    expect(before.missing).toEqual([
      { unit: 'T01', name: '第一镇', expected: expectedT01, entered: 1, reopenedUntil: '2099-06-30T04:00:00.000Z' },
      { unit: 'T02', name: '第二镇', expected: leaves('TOWNSHIP').length, entered: 1, reopenedUntil: null },
    ]);
    // T01 enters everything (its unit and member rows): it leaves the list
    const rows = [
      ...leaves('TOWNSHIP').map((i) => ({ subject: 'T01', indicator: i })),
      ...leaves('PRINCIPAL').map((i) => ({ subject: 'T01-P', indicator: i })),
    ].map((r) => ({ ...r, value: { notApplicable: true } }));
    ok(await gql(SET_INPUTS, { s: scheme, src: 'SELF', rows }, w.t1.UNIT));
    const after = ok(await gql(NOT_SUBMITTED, { s: scheme, p: 'ANNUAL', src: 'SELF' })).notSubmitted;
    expect(after.missing.map((u: Json) => u.unit)).toEqual(['T02']);
    // another period has its own (empty) entry and no deadline
    const q2 = ok(await gql(NOT_SUBMITTED, { s: scheme, p: 'Q2', src: 'SELF' })).notSubmitted;
    expect(q2.deadline).toBeNull();
    expect(q2.missing.map((u: Json) => [u.unit, u.entered])).toEqual([
      ['T01', 0],
      ['T02', 0],
    ]);

    // MONITOR: by owner department (the example names owners of the economic indicators)
    const mon = ok(await gql(NOT_SUBMITTED, { s: scheme, p: 'ANNUAL', src: 'MONITOR' })).notSubmitted;
    // TAX (T01, T02) is owned by TAX_BUREAU and STATS: TAX_BUREAU has entered all it owns, STATS owns more
    expect(mon.departments).toBe(4);
    expect(mon.missingDepartments.map((x: Json) => x.code)).toEqual(['COMMERCE', 'NDRC', 'STATS']);
    expect(mon.missingDepartments.find((x: Json) => x.code === 'STATS')).toEqual({
      code: 'STATS',
      name: '统计局',
      expected: 8,
      entered: 2,
      reopenedUntil: expect.any(String),
    });
    expect(code(await gql(NOT_SUBMITTED, { s: scheme }, w.t1.UNIT))).toBe('FORBIDDEN');
    expect(code(await gql(NOT_SUBMITTED, { s: scheme }, w.t2.admin))).toBe('NOT_FOUND');
  });

  test('cleared, the deadline no longer closes entry', async () => {
    expect(code(await gql(SET_INPUT, tax('T02', 500), w.t1.UNIT))).toBe('FORBIDDEN'); // not its unit, whatever the deadline
    ok(await gql(CLEAR, { s: scheme, p: 'ANNUAL', src: 'MONITOR' }));
    ok(await gql(SET_INPUTS, monitorTax('T02', 4), w.t1.MONITOR));
  });
});
