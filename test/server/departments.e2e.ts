// Departments (tenant records) and indicator ownership: CRUD and its refusals, tenant isolation,
// scheme owners checked against the tenant's departments, a MONITOR user writing only the
// indicators its department owns (GraphQL and the xlsx import), completeness per department.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getFile, machineColumns, postFile, readWorkbook, toBuffer } from '../support/files';
import {
  bootServer,
  code,
  CREATE_DEPARTMENT,
  CREATE_USER,
  login,
  makeWorld,
  ok,
  type GqlResult,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';

const FIELDS = 'id code name version';
const DEPARTMENTS = `query { departments { ${FIELDS} } }`;
const DEPARTMENT = `query($id: ID!) { department(id: $id) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $code: String, $name: String, $v: Int) { updateDepartment(id: $id, code: $code, name: $name, version: $v) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteDepartment(id: $id) { ${FIELDS} } }`;
const IMPORT_SCHEME = `mutation($d: JSON!) { importScheme(definition: $d) { id } }`;
const UPDATE_SCHEME = `mutation($id: ID!, $v: Int!, $d: JSON!) { updateSchemeDefinition(id: $id, version: $v, definition: $d) { id version } }`;
const CLONE = `mutation($id: ID!, $code: String!, $year: Int!) { cloneScheme(id: $id, code: $code, year: $year) { id } }`;
const EXPORT = `query($id: ID!) { exportScheme(id: $id) }`;
const PUBLISH = `mutation($id: ID!) { publishScheme(id: $id) { id } }`;
const IMPORT_DATA = `mutation($s: ID!, $d: JSON!, $src: InputSource) { importDataset(schemeId: $s, dataset: $d, source: $src) { inputs } }`;
const SET_INPUT = `mutation($s: ID!, $sub: String!, $i: String!, $v: JSON!) { setInput(schemeId: $s, subject: $sub, indicator: $i, source: MONITOR, value: $v) { indicator value } }`;
const SET_INPUTS = `mutation($s: ID!, $rows: [InputRowInput!]!) { setInputs(schemeId: $s, source: MONITOR, rows: $rows) { indicator } }`;
const DASHBOARD = `query($s: ID) { dashboard(schemeId: $s) { departments { code name indicators expected entered effective } } }`;
const AUDIT = `query($e: String) { auditLog(entity: $e) { entity action before after } }`;

let ts: TestServer;
let w: World;
let scheme: string;
let taxMonitor: string; // a MONITOR user of 税务局
let noDepartment: string; // a MONITOR user without department

const problems = (r: GqlResult) => (r.body.errors?.[0]?.extensions?.problems ?? []) as Json[];
const message = (r: GqlResult) => r.body.errors?.[0]?.message;
const tax = (subject: string) => DATASET.inputs.find((i: Json) => i.subject === subject && i.indicator === 'TAX');

async function monitor(email: string, departmentId?: string): Promise<string> {
  ok(
    await ts.gql(
      CREATE_USER,
      { input: { email, password: 'monitor-pass', name: email, role: 'MONITOR', departmentId } },
      w.t1.ADMIN,
    ),
  );
  return (await login(ts, email, 'monitor-pass', 't1')).token;
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  scheme = ok(await ts.gql(IMPORT_SCHEME, { d: SCHEME }, w.t1.ADMIN)).importScheme.id;
  ok(await ts.gql(PUBLISH, { id: scheme }, w.t1.ADMIN));
  ok(await ts.gql(IMPORT_DATA, { s: scheme, d: DATASET }, w.t1.ADMIN));
  taxMonitor = await monitor('tax@t1.test', w.t1.departments.TAX_BUREAU);
  noDepartment = await monitor('nodept@t1.test');
});
afterAll(() => ts?.stop());

describe('departments', () => {
  test('ADMIN creates, lists, renames and deletes; duplicates, bad codes and stale versions are refused; audited', async () => {
    const d = ok(
      await ts.gql(CREATE_DEPARTMENT, { input: { code: 'EDU', name: '教育局' } }, w.t1.ADMIN),
    ).createDepartment;
    expect(d).toMatchObject({ code: 'EDU', name: '教育局', version: 1 });
    expect(ok(await ts.gql(DEPARTMENTS, {}, w.t1.VIEWER)).departments.map((x: Json) => x.code)).toEqual([
      'COMMERCE',
      'EDU',
      'EMERGENCY',
      'FINANCE',
      'NDRC',
      'STATS',
      'TAX_BUREAU',
    ]);
    expect(code(await ts.gql(CREATE_DEPARTMENT, { input: { code: 'EDU', name: '又一个' } }, w.t1.ADMIN))).toBe(
      'CONFLICT',
    );
    expect(code(await ts.gql(CREATE_DEPARTMENT, { input: { code: 'bad code', name: 'x' } }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
    for (const role of ['ASSESSOR', 'MONITOR', 'LEADER', 'VIEWER', 'UNIT'] as const) {
      expect(code(await ts.gql(CREATE_DEPARTMENT, { input: { code: 'X', name: 'x' } }, w.t1[role]))).toBe('FORBIDDEN');
      expect(code(await ts.gql(DELETE, { id: d.id }, w.t1[role]))).toBe('FORBIDDEN');
    }
    const renamed = ok(await ts.gql(UPDATE, { id: d.id, name: '区教育局', v: 1 }, w.t1.ADMIN)).updateDepartment;
    expect(renamed).toMatchObject({ code: 'EDU', name: '区教育局', version: 2 });
    expect(code(await ts.gql(UPDATE, { id: d.id, name: '旧版本', v: 1 }, w.t1.ADMIN))).toBe('CONFLICT');
    expect(ok(await ts.gql(DEPARTMENT, { id: d.id }, w.t1.MONITOR)).department.name).toBe('区教育局');
    expect(ok(await ts.gql(DELETE, { id: d.id }, w.t1.ADMIN)).deleteDepartment.code).toBe('EDU');
    expect(code(await ts.gql(DEPARTMENT, { id: d.id }, w.t1.ADMIN))).toBe('NOT_FOUND');
    const log = ok(await ts.gql(AUDIT, { e: 'department' }, w.t1.ADMIN)).auditLog.filter(
      (a: Json) => (a.after ?? a.before).code === 'EDU',
    );
    expect(log.map((a: Json) => a.action).sort()).toEqual(['CREATE', 'DELETE', 'UPDATE']);
  });

  test('a department with users is not deleted (CONFLICT, saying why); one a scheme names keeps its code', async () => {
    const r = await ts.gql(DELETE, { id: w.t1.departments.TAX_BUREAU }, w.t1.ADMIN);
    expect(code(r)).toBe('CONFLICT');
    expect(message(r)).toMatch(/still has 1 user/);
    const stats = await ts.gql(UPDATE, { id: w.t1.departments.STATS, code: 'STATISTICS' }, w.t1.ADMIN);
    expect(code(stats)).toBe('CONFLICT');
    expect(message(stats)).toMatch(/name department "STATS" as an owner/);
    // no user and no scheme: renamed and deleted freely
    expect(
      ok(await ts.gql(UPDATE, { id: w.t1.departments.FINANCE, code: 'FIN' }, w.t1.ADMIN)).updateDepartment.code,
    ).toBe('FIN');
    expect(ok(await ts.gql(DELETE, { id: w.t1.departments.FINANCE }, w.t1.ADMIN)).deleteDepartment.code).toBe('FIN');
  });

  test("another tenant's department answers exactly like a missing one", async () => {
    const id = w.t1.departments.EMERGENCY;
    for (const q of [DEPARTMENT, DELETE]) {
      const theirs = await ts.gql(q, { id }, w.t2.admin);
      const missing = await ts.gql(q, { id: MISSING }, w.t2.admin);
      expect(theirs.body.errors).toEqual(missing.body.errors);
      expect(code(theirs)).toBe('NOT_FOUND');
    }
    expect((await ts.gql(UPDATE, { id, name: 'x' }, w.t2.admin)).body.errors).toEqual(
      (await ts.gql(UPDATE, { id: MISSING, name: 'x' }, w.t2.admin)).body.errors,
    );
    const user = (departmentId: string) =>
      ts.gql(
        CREATE_USER,
        {
          input: {
            email: `m-${departmentId.slice(0, 4)}@t2.test`,
            password: 'monitor-pass',
            name: 'm',
            role: 'MONITOR',
            departmentId,
          },
        },
        w.t2.admin,
      );
    const [theirs, missing] = [await user(id), await user(MISSING)];
    expect([code(theirs), message(theirs)]).toEqual([code(missing), message(missing)]);
    expect(ok(await ts.gql(DEPARTMENT, { id }, w.t1.ADMIN)).department.code).toBe('EMERGENCY');
  });

  test('a user names its department (MONITOR only); User.department', async () => {
    const me = ok(await ts.gql(`query { me { role department { code name } } }`, {}, taxMonitor)).me;
    expect(me).toEqual({ role: 'MONITOR', department: { code: 'TAX_BUREAU', name: '税务局' } });
    const r = await ts.gql(
      CREATE_USER,
      {
        input: {
          email: 'a2@t1.test',
          password: 'viewer-pass',
          name: 'v',
          role: 'VIEWER',
          departmentId: w.t1.departments.STATS,
        },
      },
      w.t1.ADMIN,
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
  });
});

describe('scheme owners', () => {
  test('every owner must be a department of the tenant (a coded 4xx naming the path); a clone carries owners', async () => {
    const bad = JSON.parse(JSON.stringify(SCHEME));
    bad.code = 'with-unknown-owner';
    bad.groups[0].root.children[0].children[0].children[1].owners = ['STATS', 'NOPE'];
    const r = await ts.gql(IMPORT_SCHEME, { d: bad }, w.t1.ADMIN);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(problems(r)).toEqual([
      {
        path: '/groups/0/root/children/0/children/0/children/1/owners/1',
        code: 'OWNER_UNKNOWN',
        params: { code: 'NOPE' },
        message: 'unknown department "NOPE"',
      },
    ]);
    // the same in t2 for a department only t1 has
    const t2Only = { ...JSON.parse(JSON.stringify(SCHEME)), code: 'x' };
    ok(await ts.gql(CREATE_DEPARTMENT, { input: { code: 'ONLY_T1', name: '仅一区' } }, w.t1.ADMIN));
    t2Only.groups[0].root.children[0].children[0].children[0].owners = ['ONLY_T1'];
    expect(problems(await ts.gql(IMPORT_SCHEME, { d: t2Only }, w.t2.admin)).map((p) => p.code)).toEqual([
      'OWNER_UNKNOWN',
    ]);
    // a draft's new definition is checked too
    const draft = ok(await ts.gql(IMPORT_SCHEME, { d: { ...SCHEME, code: 'draft' } }, w.t1.ADMIN)).importScheme.id;
    expect(code(await ts.gql(UPDATE_SCHEME, { id: draft, v: 1, d: { ...bad, code: 'draft' } }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
    const clone = ok(await ts.gql(CLONE, { id: scheme, code: 'district-2024', year: 2024 }, w.t1.ADMIN)).cloneScheme.id;
    const cloned = ok(await ts.gql(EXPORT, { id: clone }, w.t1.ADMIN)).exportScheme;
    expect(cloned.groups[0].root.children[0].children[0].children[0]).toMatchObject({
      code: 'TAX',
      owners: ['TAX_BUREAU', 'STATS'],
    });
  });
});

describe('a MONITOR user writes only what its department owns', () => {
  test('GraphQL: setInput and setInputs allowed and FORBIDDEN; unowned indicators open to every MONITOR; ADMIN unchanged', async () => {
    const v = { actual: tax('T01').actual, target: tax('T01').target };
    expect(ok(await ts.gql(SET_INPUT, { s: scheme, sub: 'T01', i: 'TAX', v }, taxMonitor)).setInput.indicator).toBe(
      'TAX',
    );
    const fai = await ts.gql(SET_INPUT, { s: scheme, sub: 'T01', i: 'FAI', v: { actual: 1, target: 1 } }, taxMonitor);
    expect(code(fai)).toBe('FORBIDDEN');
    expect(message(fai)).toMatch(/FAI/);
    expect(
      ok(await ts.gql(SET_INPUT, { s: scheme, sub: 'T01', i: 'ROADS', v: { actual: 1, target: 2 } }, taxMonitor))
        .setInput.indicator,
    ).toBe('ROADS');
    // without a department: unowned indicators only
    expect(code(await ts.gql(SET_INPUT, { s: scheme, sub: 'T01', i: 'TAX', v }, noDepartment))).toBe('FORBIDDEN');
    expect(
      ok(await ts.gql(SET_INPUT, { s: scheme, sub: 'T02', i: 'ROADS', v: { actual: 1, target: 2 } }, noDepartment))
        .setInput.indicator,
    ).toBe('ROADS');
    // 统计局 co-owns FAI
    expect(
      ok(await ts.gql(SET_INPUT, { s: scheme, sub: 'T01', i: 'FAI', v: { actual: 1, target: 1 } }, w.t1.MONITOR))
        .setInput.indicator,
    ).toBe('FAI');
    // a batch: every refused row named, nothing written
    const rows = [
      { subject: 'T02', indicator: 'TAX', value: v },
      { subject: 'T02', indicator: 'INVEST', value: { actual: 1, target: 1 } },
      { subject: 'T02', indicator: 'FARMER_INCOME', value: { actual: 1, target: 1 } },
    ];
    const batch = await ts.gql(SET_INPUTS, { s: scheme, rows }, taxMonitor);
    expect(code(batch)).toBe('FORBIDDEN');
    expect(problems(batch).map((p) => [p.path, p.code, p.indicator])).toEqual([
      ['/rows/1/indicator', 'INDICATOR_NOT_OWNED', 'INVEST'],
      ['/rows/2/indicator', 'INDICATOR_NOT_OWNED', 'FARMER_INCOME'],
    ]);
    const stored = ok(
      await ts.gql(
        `query($s: ID!) { inputs(schemeId: $s, subject: "T02", source: MONITOR) { indicator } }`,
        { s: scheme },
        w.t1.ADMIN,
      ),
    ).inputs;
    expect(stored.map((i: Json) => i.indicator)).toEqual(['ROADS']);
    expect(ok(await ts.gql(SET_INPUTS, { s: scheme, rows: rows.slice(0, 1) }, taxMonitor)).setInputs).toHaveLength(1);
    expect(ok(await ts.gql(SET_INPUTS, { s: scheme, rows }, w.t1.ADMIN)).setInputs).toHaveLength(3);
    // a dataset import by a MONITOR user: the same rule
    const imported = await ts.gql(
      IMPORT_DATA,
      {
        s: scheme,
        d: {
          formatVersion: 1,
          subjects: DATASET.subjects.slice(0, 1),
          inputs: [tax('T01'), { subject: 'T01', indicator: 'ROADS', actual: 1, target: 2 }],
        },
        src: 'MONITOR',
      },
      noDepartment,
    );
    expect(code(imported)).toBe('FORBIDDEN');
    expect(problems(imported).map((p) => [p.path, p.code])).toEqual([['/inputs/0/indicator', 'INDICATOR_NOT_OWNED']]);
  });

  test("xlsx: the template shows a MONITOR user only what it may write; an upload changing another department's cell is refused", async () => {
    const url = (file: string) => `/files/schemes/${scheme}/${file}?source=MONITOR`;
    const own = await readWorkbook((await getFile(ts, url('template.xlsx'), taxMonitor)).buffer);
    const ownCols = machineColumns(own.getWorksheet('镇')!);
    expect([ownCols.has('TAX.actual'), ownCols.has('FAI.actual'), ownCols.has('ROADS.actual')]).toEqual([
      true,
      false,
      true,
    ]);
    // the full MONITOR workbook (as an ADMIN downloads it; without its adjustments sheet), changed in a 发改委/统计局 cell
    const wb = await readWorkbook((await getFile(ts, url('template.xlsx'), w.t1.ADMIN)).buffer);
    wb.removeWorksheet(wb.getWorksheet('adjustments')!.id);
    const town = wb.getWorksheet('镇')!;
    const cols = machineColumns(town);
    expect(cols.has('FAI.actual')).toBe(true);
    town.getCell(8, cols.get('FAI.actual')).value = 7.5;
    town.getCell(8, cols.get('FAI.target')).value = 8;
    const refused = await postFile(ts, url('inputs.xlsx'), await toBuffer(wb), taxMonitor);
    expect(refused.status).toBe(422);
    expect(refused.body.problems.map((p: Json) => [p.cell, p.code, p.message])).toEqual([
      [
        town.getCell(8, cols.get('FAI.actual')).address,
        'NOT_YOUR_INDICATOR',
        '指标“FAI”由其他部门填报，本部门不能修改',
      ],
    ]);
    // its own indicator goes in
    const mine = await readWorkbook((await getFile(ts, url('template.xlsx'), taxMonitor)).buffer);
    const sheet = mine.getWorksheet('镇')!;
    sheet.getCell(8, machineColumns(sheet).get('TAX.actual')).value = 4321;
    sheet.getCell(8, machineColumns(sheet).get('TAX.target')).value = 5000;
    const accepted = await postFile(ts, url('inputs.xlsx'), await toBuffer(mine), taxMonitor);
    expect([accepted.status, accepted.body.problems]).toEqual([200, []]);
    const subject = sheet.getCell(8, 1).value as string;
    const stored = ok(
      await ts.gql(
        `query($s: ID!, $sub: String) { inputs(schemeId: $s, subject: $sub, source: MONITOR) { indicator value } }`,
        { s: scheme, sub: subject },
        w.t1.ADMIN,
      ),
    ).inputs;
    expect(stored.find((i: Json) => i.indicator === 'TAX').value).toEqual({ actual: 4321, target: 5000 });
  });
});

describe('completeness per department', () => {
  test('per department: subjects × owned indicators expected, MONITOR values entered, any value effective', async () => {
    const fresh = ok(await ts.gql(CLONE, { id: scheme, code: 'district-2025', year: 2025 }, w.t1.ADMIN)).cloneScheme.id;
    ok(await ts.gql(PUBLISH, { id: fresh }, w.t1.ADMIN));
    // expected figures from the scheme itself: per owner, the subjects of each group that owns it
    const perGroup = new Map<string, number>();
    for (const s of DATASET.subjects) perGroup.set(s.group, (perGroup.get(s.group) ?? 0) + 1);
    const want = new Map<string, { indicators: number; expected: number }>();
    const walk = (n: Json, group: string) => {
      if (n.children) return n.children.forEach((c: Json) => walk(c, group));
      for (const o of n.owners ?? []) {
        const x = want.get(o) ?? { indicators: 0, expected: 0 };
        want.set(o, { indicators: x.indicators + 1, expected: x.expected + (perGroup.get(group) ?? 0) });
      }
    };
    for (const g of SCHEME.groups) walk(g.root, g.code);
    const before = ok(await ts.gql(DASHBOARD, { s: fresh }, w.t1.ADMIN)).dashboard.departments as Json[];
    const tb = before.find((d) => d.code === 'TAX_BUREAU')!;
    expect(tb).toEqual({
      code: 'TAX_BUREAU',
      name: '税务局',
      indicators: want.get('TAX_BUREAU')!.indicators,
      expected: want.get('TAX_BUREAU')!.expected,
      entered: 0,
      effective: 0,
    });
    expect(before.find((d) => d.code === 'STATS')).toMatchObject({
      indicators: want.get('STATS')!.indicators,
      expected: want.get('STATS')!.expected,
      entered: 0,
    });
    expect(before.find((d) => d.code === 'EMERGENCY')).toMatchObject({ indicators: 0, expected: 0, entered: 0 });
    // 税务局 enters two townships' tax; the assessment team a third (effective, not entered by the department)
    for (const sub of ['T01', 'T02'])
      ok(await ts.gql(SET_INPUT, { s: fresh, sub, i: 'TAX', v: { actual: 1, target: 2 } }, taxMonitor));
    ok(
      await ts.gql(
        `mutation($s: ID!) { setInput(schemeId: $s, subject: "T03", indicator: "TAX", source: REVIEW, value: { actual: 1, target: 2 }) { id } }`,
        { s: fresh },
        w.t1.ADMIN,
      ),
    );
    const after = ok(await ts.gql(DASHBOARD, { s: fresh }, w.t1.VIEWER)).dashboard.departments as Json[];
    expect(after.find((d) => d.code === 'TAX_BUREAU')).toMatchObject({ entered: 2, effective: 3 });
    expect(after.find((d) => d.code === 'STATS')).toMatchObject({ entered: 2, effective: 3 });
  });
});
