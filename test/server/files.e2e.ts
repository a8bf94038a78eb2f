import { readFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { generateTenant } from '../../shared/src/bench/generate';
import { getFile, machineColumns, postFile, readWorkbook, toBuffer } from '../support/files';
import { engineShape } from '../support/results';
import { bootServer, makeWorld, ok, type Json, type TestServer, type World } from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));

const IMPORT_SCHEME = `mutation($d: JSON!) { importScheme(definition: $d) { id } }`;
const PUBLISH_SCHEME = `mutation($id: ID!) { publishScheme(id: $id) { id } }`;
const IMPORT_DATA = `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects inputs adjustments } }`;
const COMPUTE = `mutation($s: ID!) { computeResults(schemeId: $s) { id } }`;
const SR =
  'subject { code name } group base bonus deduction final rank grade vetoes adjustments { rule points } warnings { code indicator } nodes { code name maxPoints points rate out explain }';
const RESULTS = `query($s: ID!, $r: ID) { results(schemeId: $s, runId: $r) { ${SR} } }`;

let ts: TestServer;
let w: World;
let viaJson: string; // the example imported as JSON
let viaExcel: string; // the same scheme, subjects only: values come from the workbook
let jsonRun: string;

const sql = (tenantId: string, text: string, params: unknown[] = []): Promise<Json[]> =>
  withTenantTransaction(ts.server.dataSource, tenantId, (em) => em.query(text, params));
const counts = async (schemeId: string) =>
  (
    await sql(
      w.t1.id,
      `SELECT (SELECT count(*)::int FROM inputs WHERE scheme_id = $1) AS inputs,
                              (SELECT count(*)::int FROM adjustments WHERE scheme_id = $1) AS adjustments,
                              (SELECT count(*)::int FROM audit_log) AS audit`,
      [schemeId],
    )
  )[0];

async function newScheme(code: string, dataset: Json, token = w.t1.ADMIN): Promise<string> {
  const id = ok(await ts.gql(IMPORT_SCHEME, { d: { ...SCHEME, code } }, token)).importScheme.id;
  ok(await ts.gql(PUBLISH_SCHEME, { id }, token));
  ok(await ts.gql(IMPORT_DATA, { s: id, d: dataset }, token));
  return id;
}

/** A number as someone types it: with thousands separators, full-width, or as a percentage where the unit is %. */
function typed(n: number, unit: string, k: number): string | number {
  if (unit === '%') return `${n}%`;
  if (k % 3 === 0) return n.toLocaleString('en-US', { maximumFractionDigits: 10 });
  if (k % 3 === 1) return String(n).replace(/[0-9.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return n;
}

/** Fills a template with the example dataset the way people type it. */
function fill(wb: ExcelJS.Workbook) {
  const inputs = new Map<string, Json>(DATASET.inputs.map((i: Json) => [`${i.subject}/${i.indicator}`, i]));
  let k = 0;
  wb.eachSheet((ws) => {
    const cols = machineColumns(ws);
    if (ws.name === 'ballots') {
      ws.eachRow((row, r) => {
        if (r < 3) return;
        const [s, ind, vg, o] = ['subject', 'indicator', 'voterGroup', 'option'].map((c) =>
          String(row.getCell(cols.get(c)!).value),
        );
        const n = inputs.get(`${s}/${ind}`)?.ballots?.[vg]?.[o];
        row.getCell(cols.get('count')!).value = n === undefined ? null : n;
      });
      return;
    }
    if (ws.name === 'adjustments') {
      for (const a of DATASET.adjustments)
        ws.addRow([a.subject, a.rule, a.points ?? null, a.note ?? null, a.count ?? null]);
      return;
    }
    ws.eachRow((row, r) => {
      if (r < 6) return;
      const subject = String(row.getCell(1).value);
      const done = new Set<string>();
      for (const [key, col] of cols) {
        const m = /^(.+)\.(\w+)$/.exec(key);
        if (!m) continue;
        const input = inputs.get(`${subject}/${m[1]}`);
        const unit = String(ws.getRow(4).getCell(col).value ?? '');
        const cell = row.getCell(col);
        if (!input) cell.value = null;
        else if (input.notApplicable) {
          cell.value = done.has(m[1]) ? null : '不适用';
          done.add(m[1]);
        } else if (m[2] === 'grade') cell.value = k++ % 2 ? String(input.grade).toLowerCase() : input.grade;
        else cell.value = input[m[2]] === undefined ? null : typed(input[m[2]], unit, k++);
      }
    });
  });
}

const schemeUrl = (id: string, what: string, q = 'source=REVIEW') => `/files/schemes/${id}/${what}?${q}`;

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  viaJson = await newScheme('D-JSON', DATASET);
  viaExcel = await newScheme('D-XLSX', { formatVersion: 1, subjects: DATASET.subjects, inputs: [] });
  jsonRun = ok(await ts.gql(COMPUTE, { s: viaJson }, w.t1.ADMIN)).computeResults.id;
});
afterAll(() => ts?.stop());

describe('template → fill → dry run → import → compute', () => {
  it('gives the same results as importing the JSON dataset', async () => {
    const t = await getFile(ts, schemeUrl(viaExcel, 'template.xlsx'), w.t1.ADMIN);
    expect(t.status).toBe(200);
    expect(t.headers['content-type']).toContain('spreadsheetml');
    const wb = await readWorkbook(t.buffer);
    expect(wb.worksheets.map((x) => x.name)).toEqual([
      '填报说明',
      ...SCHEME.groups.map((g: Json) => g.name),
      'ballots',
      'adjustments',
    ]);
    expect(wb.worksheets[0].getCell('B2').value).toBe('考核组核定');
    const town = wb.getWorksheet('镇')!;
    expect(town.getRow(1).hidden).toBe(true);
    expect([town.getCell('A5').value, town.getCell('C3').value, town.getCell('C5').value]).toEqual([
      '考核对象代码',
      '税收收入',
      '实际值',
    ]);
    expect(town.getCell('A1').value).toBe('subject');
    expect(machineColumns(town).has('TAX.actual')).toBe(true);
    expect(town.getCell('A6').value).toBe('T01');
    const civility = machineColumns(town).get('CIVILITY.grade')!;
    expect(town.getCell(6, civility).dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B,C,D,不适用"'] });
    expect(wb.getWorksheet('ballots')).toBeDefined();
    expect(wb.getWorksheet('adjustments')!.getCell('B1').value).toBe('rule');
    fill(wb);
    const filled = await toBuffer(wb);

    const before = await counts(viaExcel);
    const dry = await postFile(ts, schemeUrl(viaExcel, 'inputs.xlsx', 'source=REVIEW&dryRun=true'), filled, w.t1.ADMIN);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      subjects: 45,
      inputs: DATASET.inputs.filter((i: Json) => !i.ballots).length,
      adjustments: DATASET.adjustments.length,
      unchanged: 0,
      problems: [],
    });
    expect(dry.body.changed).toBe(dry.body.inputs + dry.body.ballots + dry.body.adjustments);
    expect(dry.body.changes[0]).toMatchObject({ kind: 'input', sheet: '镇', cell: 'C6', subject: 'T01', before: null });
    expect(await counts(viaExcel)).toEqual(before); // the dry run wrote nothing, not even audit

    const real = await postFile(ts, schemeUrl(viaExcel, 'inputs.xlsx'), filled, w.t1.ADMIN);
    expect(real.status).toBe(200);
    expect({ ...real.body, dryRun: true }).toEqual(dry.body);
    const run = ok(await ts.gql(COMPUTE, { s: viaExcel }, w.t1.ADMIN)).computeResults.id;
    const a = ok(await ts.gql(RESULTS, { s: viaJson, r: jsonRun }, w.t1.ADMIN)).results.map(engineShape);
    const b = ok(await ts.gql(RESULTS, { s: viaExcel, r: run }, w.t1.ADMIN)).results.map(engineShape);
    expect(b).toEqual(a);

    // the same workbook again: nothing changes
    const again = await postFile(
      ts,
      schemeUrl(viaExcel, 'inputs.xlsx', 'source=REVIEW&dryRun=true'),
      filled,
      w.t1.ADMIN,
    );
    expect(again.body).toMatchObject({ changed: 0, unchanged: dry.body.changed, changes: [] });
  });
});

describe('bad cells', () => {
  it('writes nothing and names every bad cell, in Chinese or English', async () => {
    const wb = await readWorkbook((await getFile(ts, schemeUrl(viaJson, 'template.xlsx'), w.t1.ADMIN)).buffer);
    const town = wb.getWorksheet('镇')!;
    const cols = machineColumns(town);
    town.getCell(6, cols.get('TAX.actual')).value = 'abc';
    town.getCell(7, cols.get('TAX.target')).value = '12,34';
    town.getCell(8, cols.get('CIVILITY.grade')).value = 'Z';
    town.getCell(10, cols.get('SAFETY.actual')).value = 1.5; // fine by itself
    town.addRow(['T99', '不存在的镇', 5]);
    town.addRow([null, null, 7]); // a value on a row without a subject
    const adj = wb.getWorksheet('adjustments')!;
    adj.addRow(['T01', 'NO_SUCH_RULE']);
    adj.addRow(['T02', 'AWARD_CITY', null, null, 1e12]); // a count no database integer holds
    adj.addRow(['T03', 'NOTABLE_WORK', 9]); // outside the rule's points range: the service's own check
    const body = await toBuffer(wb);
    const before = await counts(viaJson);
    const r = await postFile(ts, schemeUrl(viaJson, 'inputs.xlsx'), body, w.t1.ADMIN);
    expect(r.status).toBe(422);
    const named = r.body.problems.map((p: Json) => `${p.sheet}!${p.cell}: ${p.message}`);
    expect(named).toEqual(
      expect.arrayContaining([
        `镇!${town.getCell(6, cols.get('TAX.actual')).address}: 不是有效的数字`,
        `镇!${town.getCell(7, cols.get('TAX.target')).address}: 不是有效的数字`,
        `镇!${town.getCell(8, cols.get('CIVILITY.grade')).address}: 等次应为 A / B / C / D 之一`,
        `镇!A${town.rowCount - 1}: 未知的考核对象“T99”`,
        `镇!A${town.rowCount}: 缺少考核对象代码`,
        expect.stringMatching(/^adjustments!B\d+: 不符合方案要求（unknown rule "NO_SUCH_RULE"）$/),
        `adjustments!E${adj.rowCount - 1}: 不符合方案要求（count must be at most 2147483647）`,
        `adjustments!C${adj.rowCount}: 不符合方案要求（points must be a number in [0.5, 2]）`,
      ]),
    );
    expect(r.body.problems.map((p: Json) => p.code)).toEqual(
      expect.arrayContaining(['NOT_A_NUMBER', 'UNKNOWN_GRADE', 'UNKNOWN_SUBJECT', 'INVALID_VALUE']),
    );
    expect(await counts(viaJson)).toEqual(before);

    const en = await postFile(ts, `${schemeUrl(viaJson, 'inputs.xlsx')}&lang=en`, body, w.t1.ADMIN);
    expect(en.body.problems.find((p: Json) => p.cell === 'C6')).toMatchObject({
      sheet: '镇',
      code: 'NOT_A_NUMBER',
      message: 'not a valid number',
      params: { text: 'abc' },
    });
    const enTemplate = await readWorkbook(
      (await getFile(ts, schemeUrl(viaJson, 'template.xlsx'), w.t1.ADMIN, { 'accept-language': 'en' })).buffer,
    );
    expect([enTemplate.worksheets[0].name, enTemplate.getWorksheet('镇')!.getCell('C5').value]).toEqual([
      'Instructions',
      'Actual',
    ]);
    const en2 = await postFile(ts, schemeUrl(viaJson, 'inputs.xlsx'), body, w.t1.ADMIN, {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(en2.body.problems[0].message).toMatch(/^[ -~]+$/);
  });

  it('checks the values with the services: a range error of an otherwise readable number is named too', async () => {
    const wb = await readWorkbook((await getFile(ts, schemeUrl(viaJson, 'template.xlsx'), w.t1.ADMIN)).buffer);
    const town = wb.getWorksheet('镇')!;
    const score = machineColumns(town).get('GRASSROOTS.score')!;
    town.getCell(6, score).value = '１２０'; // above the SCORE maximum
    const r = await postFile(ts, schemeUrl(viaJson, 'inputs.xlsx'), await toBuffer(wb), w.t1.ADMIN);
    expect(r.status).toBe(422);
    expect(r.body.problems).toEqual([
      expect.objectContaining({ sheet: '镇', cell: town.getCell(6, score).address, code: 'INVALID_VALUE' }),
    ]);
  });
});

describe('a new year from last year', () => {
  const CLONE = `mutation($id: ID!, $y: Int!, $c: String!, $t: Boolean) { cloneScheme(id: $id, year: $y, code: $c, copyTargets: $t) { id status } }`;
  const SUBJECTS = `query($s: ID!) { subjects(schemeId: $s) { code name group kind unit position } }`;
  const INPUTS = `query($s: ID!) { inputs(schemeId: $s) { subject indicator source period value } }`;
  const HISTORY = `query($id: ID!) { schemeHistory(id: $id) { action after } }`;

  it("cloning copies the subjects, and with copyTargets last year's targets as SELF starting values", async () => {
    const withTargets = ok(await ts.gql(CLONE, { id: viaJson, y: 2024, c: 'D-2024', t: true }, w.t1.ADMIN)).cloneScheme;
    expect(withTargets.status).toBe('DRAFT');
    const before = ok(await ts.gql(SUBJECTS, { s: viaJson }, w.t1.ADMIN)).subjects;
    expect(ok(await ts.gql(SUBJECTS, { s: withTargets.id }, w.t1.ADMIN)).subjects).toEqual(before);
    const targets = DATASET.inputs.filter((i: Json) => typeof i.target === 'number');
    const copied = ok(await ts.gql(INPUTS, { s: withTargets.id }, w.t1.ADMIN)).inputs;
    expect(copied.map((i: Json) => [i.subject, i.indicator, i.source, i.period, i.value]).sort()).toEqual(
      targets.map((i: Json) => [i.subject, i.indicator, 'SELF', 'ANNUAL', { target: i.target }]).sort(),
    );
    const history = ok(await ts.gql(HISTORY, { id: withTargets.id }, w.t1.ADMIN)).schemeHistory;
    expect(history.map((h: Json) => [h.action, h.after.clonedFrom, h.after.subjects, h.after.targets])).toEqual([
      ['CLONE', viaJson, before.length, targets.length],
    ]);

    // the SELF template of the new year shows the targets, the actuals left for the units
    const wb = await readWorkbook(
      (await getFile(ts, `/files/schemes/${withTargets.id}/template.xlsx?source=SELF`, w.t1.ADMIN)).buffer,
    );
    const town = wb.getWorksheet('镇')!;
    const cols = machineColumns(town);
    const tax = DATASET.inputs.find((i: Json) => i.subject === 'T01' && i.indicator === 'TAX');
    expect([town.getCell(6, cols.get('TAX.actual')).value, town.getCell(6, cols.get('TAX.target')).value]).toEqual([
      null,
      tax.target,
    ]);

    const plain = ok(await ts.gql(CLONE, { id: viaJson, y: 2025, c: 'D-2025' }, w.t1.ADMIN)).cloneScheme;
    expect(ok(await ts.gql(SUBJECTS, { s: plain.id }, w.t1.ADMIN)).subjects).toEqual(before);
    expect(ok(await ts.gql(INPUTS, { s: plain.id }, w.t1.ADMIN)).inputs).toEqual([]);
  });
});

describe('importDataset body cap', () => {
  it('takes more than 1 MB in one call for importDataset only, and only with credentials', async () => {
    const { scheme: big, dataset } = generateTenant(200, 100, 500);
    const id = ok(await ts.gql(IMPORT_SCHEME, { d: big }, w.t1.ADMIN)).importScheme.id;
    ok(await ts.gql(PUBLISH_SCHEME, { id }, w.t1.ADMIN));
    const body = JSON.stringify({
      query: `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects inputs adjustments } }`,
      variables: { s: id, d: dataset },
    });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const send = (text: string, token?: string) => {
      let req = ts.http().post('/graphql').set('content-type', 'application/json');
      if (token) req = req.set('authorization', `Bearer ${token}`);
      return req.send(text);
    };
    const res = await send(body, w.t1.ADMIN);
    expect([res.status, res.body.data?.importDataset]).toEqual([
      200,
      { subjects: 200, inputs: dataset.inputs.length, adjustments: 500 },
    ]);
    const other = JSON.stringify({ query: `query($d: JSON) { schemes { id } }`, variables: { d: dataset } });
    expect((await send(other, w.t1.ADMIN)).status).toBe(413);
    const mixed = JSON.stringify({
      query: `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } publishScheme(id: $s) { id } }`,
      variables: { s: id, d: dataset },
    });
    expect((await send(mixed, w.t1.ADMIN)).status).toBe(413);
    const anonymous = await send(body);
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});
