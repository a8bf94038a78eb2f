// Progress through the year (督查): levels from quarterly values entered through the API, the UNIT
// scope, filters, and the quarterly supervision report read back with exceljs.
import { getFile, readWorkbook, sheetRows } from '../support/files';
import {
  assignUnit,
  bootServer,
  code,
  CREATE_API_KEY,
  makeWorld,
  ok,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';
const SCHEME: Json = {
  formatVersion: 1,
  code: 'progress-2024',
  name: '进度方案',
  year: 2024,
  precision: 2,
  progress: { behind: 10, farBehind: 25 },
  grades: [
    { code: 'A', name: '优秀', minScore: 90 },
    { code: 'B', name: '良好' },
  ],
  groups: [
    {
      code: 'TOWN',
      name: '镇街',
      kind: 'UNIT',
      root: {
        code: 'ROOT',
        name: '合计',
        weight: 100,
        children: [
          {
            code: 'GDP',
            name: '地区生产总值',
            weight: 50,
            unit: '亿元',
            owners: ['STATS'],
            method: { type: 'TARGET' },
          },
          {
            code: 'ACC',
            name: '安全事故',
            weight: 30,
            unit: '起',
            owners: ['EMERGENCY'],
            method: { type: 'TARGET', direction: 'LOWER' },
          },
          { code: 'EVAL', name: '综合评价', weight: 20, method: { type: 'SCORE', max: 10 } },
        ],
      },
    },
  ],
  rules: [],
};
const DATASET = {
  formatVersion: 1,
  subjects: [
    { code: 'T01', name: '东城镇', group: 'TOWN' },
    { code: 'T02', name: '西城镇', group: 'TOWN' },
  ],
  inputs: [],
};

const PROGRESS = `query($s: ID!, $p: Period!, $u: String, $d: String, $l: ProgressLevel) {
  progress(schemeId: $s, period: $p, unit: $u, department: $d, level: $l) {
    schemeId period expected thresholds { behind farBehind }
    items { subject subjectName unit unitName indicator indicatorName measure owners { code name } direction actual target expected completion gap level note source }
  } }`;
const SET = `mutation($s: ID!, $src: InputSource!, $p: Period!, $rows: [InputRowInput!]!) { setInputs(schemeId: $s, source: $src, period: $p, rows: $rows) { id } }`;

let ts: TestServer;
let w: World;
let scheme: string;

const progress = async (vars: Json, token = w.t1.ADMIN) =>
  ok(await ts.gql(PROGRESS, { s: scheme, ...vars }, token)).progress;
const brief = (items: Json[]) => items.map((i) => [i.subject, i.indicator, i.level ?? i.note]);
const set = async (source: string, period: string, rows: Json[], token = w.t1.ADMIN) =>
  ok(await ts.gql(SET, { s: scheme, src: source, p: period, rows }, token));

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  scheme = ok(await ts.gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: SCHEME }, w.t1.ADMIN))
    .importScheme.id;
  ok(await ts.gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: scheme }, w.t1.ADMIN));
  ok(
    await ts.gql(
      `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`,
      { s: scheme, d: DATASET },
      w.t1.ADMIN,
    ),
  );
  await assignUnit(ts, w, 'T01');
  // T01 reports 45 of 100 itself; the monitoring department's 20 wins (REVIEW over MONITOR over SELF)
  await set('SELF', 'Q2', [{ subject: 'T01', indicator: 'GDP', value: { actual: 45, target: 100 } }], w.t1.UNIT);
  await set('MONITOR', 'Q2', [
    { subject: 'T01', indicator: 'GDP', value: { actual: 20, target: 100 } },
    { subject: 'T02', indicator: 'GDP', value: { actual: 80 } }, // its target is the ANNUAL input's
    { subject: 'T01', indicator: 'ACC', value: { actual: 1, target: 10 } },
  ]);
  await set('REVIEW', 'ANNUAL', [{ subject: 'T02', indicator: 'GDP', value: { target: 200 } }]);
  await set('MONITOR', 'Q1', [{ subject: 'T01', indicator: 'GDP', value: { actual: 20, target: 100 } }]);
});
afterAll(() => ts?.stop());

describe('progress levels from quarterly values', () => {
  it('sets the value to date against the annual target and the share of the year (Q2: 50%)', async () => {
    const p = await progress({ p: 'Q2' });
    expect([p.period, p.expected, p.thresholds]).toEqual(['Q2', 50, { behind: 10, farBehind: 25 }]);
    expect(brief(p.items)).toEqual([
      ['T01', 'GDP', 'FAR_BEHIND'], // 20% at 50%: 30 points behind
      ['T01', 'ACC', 'ON_TRACK'], // a ceiling, 10% used at 50%
      ['T02', 'GDP', 'BEHIND'], // 80 of the annual 200: 40%, 10 points behind
      ['T02', 'ACC', 'NO_VALUE'],
    ]);
    expect(p.items[0]).toEqual({
      subject: 'T01',
      subjectName: '东城镇',
      unit: 'T01',
      unitName: '东城镇',
      indicator: 'GDP',
      indicatorName: '地区生产总值',
      measure: '亿元',
      owners: [{ code: 'STATS', name: '统计局' }],
      direction: 'HIGHER',
      actual: 20,
      target: 100,
      expected: 50,
      completion: 20,
      gap: 30,
      level: 'FAR_BEHIND',
      note: null,
      source: 'MONITOR',
    });
    expect(p.items[1]).toMatchObject({ direction: 'LOWER', completion: 10, gap: -40 });
    expect(p.items[2]).toMatchObject({ actual: 80, target: 200, completion: 40, gap: 10, source: 'MONITOR' });
    // Q1 (25%): 20 of 100 is 5 points behind, on track; nothing else reported
    expect(brief((await progress({ p: 'Q1' })).items)).toEqual([
      ['T01', 'GDP', 'ON_TRACK'],
      ['T01', 'ACC', 'NO_VALUE'],
      ['T02', 'GDP', 'NO_VALUE'],
      ['T02', 'ACC', 'NO_VALUE'],
    ]);
    // a value without any target (neither the period's nor the ANNUAL input's) has no level, as a code
    await set('MONITOR', 'Q1', [{ subject: 'T01', indicator: 'ACC', value: { actual: 1 } }]);
    expect(
      (await progress({ p: 'Q1', u: 'T01', d: 'EMERGENCY' })).items.map((i: Json) => [i.actual, i.level, i.note]),
    ).toEqual([[1, null, 'NO_TARGET']]);
  });

  it('a REVIEW value of the period wins over MONITOR', async () => {
    await set('REVIEW', 'Q2', [{ subject: 'T01', indicator: 'GDP', value: { actual: 48, target: 100 } }]);
    const [gdp] = (await progress({ p: 'Q2', u: 'T01' })).items;
    expect(gdp).toMatchObject({ actual: 48, gap: 2, level: 'ON_TRACK', source: 'REVIEW' });
    await set('REVIEW', 'Q2', [{ subject: 'T01', indicator: 'GDP', value: { actual: 20, target: 100 } }]);
  });

  it('filters by level, department and unit', async () => {
    expect(brief((await progress({ p: 'Q2', l: 'BEHIND' })).items)).toEqual([['T02', 'GDP', 'BEHIND']]);
    expect(brief((await progress({ p: 'Q2', d: 'EMERGENCY' })).items)).toEqual([
      ['T01', 'ACC', 'ON_TRACK'],
      ['T02', 'ACC', 'NO_VALUE'],
    ]);
    expect(brief((await progress({ p: 'Q2', u: 'T02' })).items)).toEqual([
      ['T02', 'GDP', 'BEHIND'],
      ['T02', 'ACC', 'NO_VALUE'],
    ]);
  });

  it('a UNIT user sees its own unit only; other roles that read inputs see all', async () => {
    expect(brief((await progress({ p: 'Q2' }, w.t1.UNIT)).items)).toEqual([
      ['T01', 'GDP', 'FAR_BEHIND'],
      ['T01', 'ACC', 'ON_TRACK'],
    ]);
    expect((await progress({ p: 'Q2', u: 'T02' }, w.t1.UNIT)).items).toEqual([]);
    for (const role of ['ASSESSOR', 'MONITOR', 'LEADER', 'VIEWER'] as const)
      expect((await progress({ p: 'Q2' }, w.t1[role])).items).toHaveLength(4);
    const key = ok(await ts.gql(CREATE_API_KEY, { name: 'reader', scopes: ['results:read'] }, w.t1.ADMIN)).createApiKey
      .key;
    expect(code(await ts.gql(PROGRESS, { s: scheme, p: 'Q2' }, key))).toBe('FORBIDDEN');
  });

  it("another tenant's scheme answers like a missing one", async () => {
    for (const s of [scheme, MISSING])
      expect(code(await ts.gql(PROGRESS, { s, p: 'Q2' }, w.t2.admin))).toBe('NOT_FOUND');
  });
});

describe('supervision.xlsx', () => {
  const url = (id: string, q = 'period=Q2') => `/files/schemes/${id}/supervision.xlsx?${q}`;

  it('lists what is behind by department and by unit, Chinese headers, worst first', async () => {
    const r = await getFile(ts, url(scheme), w.t1.LEADER);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toContain('progress-2024-supervision-Q2.xlsx');
    const wb = await readWorkbook(r.buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '按责任部门', '按单位']);
    const dept = wb.getWorksheet('按责任部门')!;
    expect(dept.getRow(2).values).toEqual(
      expect.arrayContaining([
        '责任部门',
        '指标',
        '单位',
        '至今完成值',
        '年度目标',
        '完成率（%）',
        '落后时序（百分点）',
        '预警等级',
      ]),
    );
    expect(sheetRows(dept).map((x) => [x.department, x.indicator, x.subject, x.completion, x.gap, x.level])).toEqual([
      ['STATS', 'GDP', 'T01', 20, 30, '严重滞后'],
      ['STATS', 'GDP', 'T02', 40, 10, '滞后'],
    ]);
    expect(
      sheetRows(wb.getWorksheet('按单位')!).map((x) => [
        x.unit,
        x.unitName,
        x.indicatorName,
        x.departmentName,
        x.level,
      ]),
    ).toEqual([
      ['T01', '东城镇', '地区生产总值', '统计局', '严重滞后'],
      ['T02', '西城镇', '地区生产总值', '统计局', '滞后'],
    ]);
    const summary = wb.getWorksheet('汇总')!;
    const cells: unknown[][] = [];
    summary.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    expect(cells).toEqual(
      expect.arrayContaining([
        ['督查期间', '第二季度'],
        ['时序进度（%）', 50],
        ['统计局', 1, 1],
        ['东城镇', 0, 1],
        ['西城镇', 1, 0],
      ]),
    );
  });

  it('speaks English when asked (?lang=en)', async () => {
    const wb = await readWorkbook((await getFile(ts, url(scheme, 'period=Q2&lang=en'), w.t1.ADMIN)).buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Summary', 'By department', 'By unit']);
    expect(sheetRows(wb.getWorksheet('By unit')!).map((x) => x.level)).toEqual(['Far behind', 'Behind']);
  });

  it("has the scope of the progress query: a UNIT user's report holds its own unit only", async () => {
    const wb = await readWorkbook((await getFile(ts, url(scheme), w.t1.UNIT)).buffer);
    expect(sheetRows(wb.getWorksheet('按单位')!).map((x) => x.unit)).toEqual(['T01']);
  });

  it("another tenant's id is 404; a missing or bad period 400; no token 401", async () => {
    for (const id of [scheme, MISSING, 'not-an-id']) {
      const r = await getFile(ts, url(id), w.t2.admin);
      expect([r.status, r.body]).toEqual([
        404,
        { errors: [{ message: 'Scheme not found', extensions: { code: 'NOT_FOUND' } }] },
      ]);
    }
    expect((await getFile(ts, url(scheme, ''), w.t1.ADMIN)).status).toBe(400);
    expect((await getFile(ts, url(scheme, 'period=Q5'), w.t1.ADMIN)).status).toBe(400);
    expect((await getFile(ts, url(scheme), '')).status).toBe(401);
  });
});
