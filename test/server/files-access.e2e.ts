import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { getFile, machineColumns, postFile, readWorkbook, sheetRows, toBuffer } from '../support/files';
import {
  bootServer,
  CREATE_API_KEY,
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
const PUBLISH_SCHEME = `mutation($id: ID!) { publishScheme(id: $id) { id } }`;
const IMPORT_DATA = `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`;
const COMPUTE = `mutation($s: ID!) { computeResults(schemeId: $s) { id } }`;
const STEP = (m: string) => `mutation($r: ID!) { ${m}(runId: $r) { id status } }`;
const RESULTS = `query($s: ID!, $r: ID) { results(schemeId: $s, runId: $r) { subject { code name } group base bonus deduction final rank grade nodes { code points out } } }`;
const INPUTS = `query($s: ID!, $sub: String, $src: InputSource) { inputs(schemeId: $s, subject: $sub, source: $src) { indicator value version } }`;

let ts: TestServer;
let w: World;
let scheme: string;
let run: string;
let resultsKey: string;
let unitT01: string;

const audit = async () =>
  (
    await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(`SELECT count(*)::int AS n FROM audit_log`),
    )
  )[0].n as number;
const template = (id: string, q = 'source=REVIEW', token = w.t1.ADMIN) =>
  getFile(ts, `/files/schemes/${id}/template.xlsx?${q}`, token);
const upload = (
  id: string,
  body: Buffer,
  q = 'source=REVIEW',
  token = w.t1.ADMIN,
  headers: Record<string, string> = {},
) => postFile(ts, `/files/schemes/${id}/inputs.xlsx?${q}`, body, token, headers);

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  scheme = ok(await ts.gql(IMPORT_SCHEME, { d: SCHEME }, w.t1.ADMIN)).importScheme.id;
  ok(await ts.gql(PUBLISH_SCHEME, { id: scheme }, w.t1.ADMIN));
  ok(await ts.gql(IMPORT_DATA, { s: scheme, d: DATASET }, w.t1.ADMIN));
  run = ok(await ts.gql(COMPUTE, { s: scheme }, w.t1.ADMIN)).computeResults.id;
  resultsKey = ok(await ts.gql(CREATE_API_KEY, { name: 'reader', scopes: ['results:read'] }, w.t1.ADMIN)).createApiKey
    .key;
  ok(
    await ts.gql(
      CREATE_USER,
      { input: { email: 't01@t1.test', password: 't01-pass-1', name: '东城镇', role: 'UNIT', unit: 'T01' } },
      w.t1.ADMIN,
    ),
  );
  unitT01 = (await login(ts, 't01@t1.test', 't01-pass-1', 't1')).token;
});
afterAll(() => ts?.stop());

describe('tenant scope and permissions', () => {
  it("answers another tenant's ids exactly like missing ones (404)", async () => {
    const body = await toBuffer(await readWorkbook((await template(scheme)).buffer));
    for (const id of [scheme, MISSING, 'not-an-id']) {
      const t = await template(id, 'source=REVIEW', w.t2.admin);
      expect([t.status, t.body]).toEqual([
        404,
        { errors: [{ message: 'Scheme not found', extensions: { code: 'NOT_FOUND' } }] },
      ]);
      const u = await upload(id, body, 'source=REVIEW', w.t2.admin);
      expect([u.status, u.body]).toEqual([
        404,
        { errors: [{ message: 'Scheme not found', extensions: { code: 'NOT_FOUND' } }] },
      ]);
      const s = await postFile(ts, `/files/schemes/${id}/subjects.xlsx?dryRun=true`, body, w.t2.admin);
      expect([s.status, s.body]).toEqual([
        404,
        { errors: [{ message: 'Scheme not found', extensions: { code: 'NOT_FOUND' } }] },
      ]);
    }
    for (const id of [run, MISSING]) {
      const r = await getFile(ts, `/files/runs/${id}/results.xlsx`, w.t2.admin);
      expect([r.status, r.body]).toEqual([
        404,
        { errors: [{ message: 'Result run not found', extensions: { code: 'NOT_FOUND' } }] },
      ]);
    }
  });

  it('uses the same tokens and roles as GraphQL; bad parameters are 400, never 5xx', async () => {
    expect((await template(scheme, 'source=REVIEW', '')).status).toBe(401);
    expect((await template(scheme, 'source=REVIEW', 'nonsense')).status).toBe(401);
    expect((await template(scheme, 'source=REVIEW', w.t1.VIEWER)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await template(scheme, 'source=REVIEW', resultsKey)).status).toBe(403);
    expect((await template(scheme, 'source=REVIEW', w.t1.MONITOR)).status).toBe(403); // MONITOR enters MONITOR values only
    expect((await template(scheme, 'source=MONITOR', w.t1.MONITOR)).status).toBe(200);
    expect((await template(scheme, 'source=OTHER')).status).toBe(400);
    expect((await template(scheme, 'source=REVIEW&source=SELF')).status).toBe(400);
    expect((await template(scheme, 'source=RE%00VIEW')).status).toBe(400);
    const tiny = Buffer.from('not a workbook');
    expect((await upload(scheme, tiny, 'source=REVIEW', w.t1.LEADER)).status).toBe(403);
    expect((await upload(scheme, tiny, 'source=REVIEW&dryRun=maybe')).status).toBe(400);
    const bad = await upload(scheme, tiny);
    expect([bad.status, bad.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(
      (await upload(scheme, tiny, 'source=REVIEW', w.t1.ADMIN, { 'idempotency-key': 'x'.repeat(201) })).status,
    ).toBe(400);
    // a zip whose directory is intact but whose parts are damaged: named, not a 5xx
    const damaged = Buffer.from((await template(scheme)).buffer);
    damaged.fill(0, 200, Math.min(damaged.length - 4000, 20000));
    const d = await upload(scheme, damaged);
    expect([d.status, d.body.problems]).toEqual([
      422,
      [expect.objectContaining({ code: 'NOT_A_WORKBOOK', message: '不是有效的 Excel 工作簿（.xlsx）' })],
    ]);
  });

  it('refuses a workbook over 32 MB with 413 (the rest is discarded, not kept)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${ts.origin}/files/schemes/${scheme}/inputs.xlsx?source=REVIEW`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${w.t1.ADMIN}`,
            'content-type': 'application/octet-stream',
            'content-length': String(33 * 1024 * 1024),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(Buffer.alloc(33 * 1024 * 1024));
    });
    expect(status).toBe(413);
  });

  it("gives a UNIT user its own unit and members only, and refuses other units' rows", async () => {
    const SET = `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: SELF, value: $v) { version } }`;
    ok(await ts.gql(SET, { s: scheme, v: { actual: 1, target: 2, previous: 3 } }, unitT01)); // previous: no column in the template
    const wb = await readWorkbook((await template(scheme, '', unitT01)).buffer); // SELF by default
    const codes: string[] = [];
    wb.eachSheet(
      (ws) =>
        ws.getCell('A1').value === 'subject' &&
        ws.name !== 'adjustments' &&
        ws.eachRow((row, r) => r >= 6 && codes.push(String(row.getCell(1).value))),
    );
    expect(sheetRows(wb.getWorksheet('adjustments')!).map((a) => a.subject)).toEqual(['T01', 'T01', 'T01', 'T01-P']);
    expect(codes.sort()).toEqual(
      DATASET.subjects
        .filter((s: Json) => s.code === 'T01' || s.unit === 'T01')
        .map((s: Json) => s.code)
        .sort(),
    );
    expect(wb.getWorksheet('ballots')).toBeUndefined();
    const town = wb.getWorksheet('镇')!;
    const cols = machineColumns(town);
    const cell = town.getCell(6, cols.get('FARMER_INCOME.actual'));
    cell.value = 0.082; // typed as 8.2% in Excel: a percent-formatted fraction
    cell.numFmt = '0.0%';
    town.getCell(6, cols.get('FARMER_INCOME.target')).value = '8';
    expect([town.getCell(6, cols.get('TAX.actual')).value, town.getCell(6, cols.get('TAX.target')).value]).toEqual([
      1, 2,
    ]);
    town.getCell(6, cols.get('TAX.actual')).value = '5';
    const own = await upload(scheme, await toBuffer(wb), 'source=SELF', unitT01);
    expect([own.status, own.body.changed]).toEqual([200, 2]);
    const stored = ok(await ts.gql(INPUTS, { s: scheme, sub: 'T01', src: 'SELF' }, w.t1.ADMIN)).inputs;
    expect(stored.find((i: Json) => i.indicator === 'FARMER_INCOME').value).toEqual({ actual: 8.2, target: 8 });
    expect(stored.find((i: Json) => i.indicator === 'TAX').value).toEqual({ actual: 5, target: 2, previous: 3 });

    town.addRow(['T02', '西河镇', 1]);
    const other = await upload(scheme, await toBuffer(wb), 'source=SELF', unitT01);
    expect(other.status).toBe(422);
    expect(other.body.problems).toEqual([
      expect.objectContaining({ sheet: '镇', cell: `A${town.rowCount}`, code: 'NOT_YOUR_UNIT' }),
    ]);
  });
});

describe('idempotency', () => {
  it('replays the first report for the same key and workbook, refuses another workbook under it', async () => {
    const wb = await readWorkbook((await template(scheme, 'source=REVIEW', w.t1.ASSESSOR)).buffer);
    const town = wb.getWorksheet('镇')!;
    town.getCell(7, machineColumns(town).get('TAX.actual')).value = '１，２３４．５';
    const body = await toBuffer(wb);
    const dry = await upload(scheme, body, 'source=REVIEW&dryRun=true', w.t1.ASSESSOR, { 'idempotency-key': 'k-1' });
    expect(dry.body).toMatchObject({ dryRun: true, changed: 1 });
    const first = await upload(scheme, body, 'source=REVIEW', w.t1.ASSESSOR, { 'idempotency-key': 'k-1' });
    expect(first.body).toMatchObject({
      dryRun: false,
      changed: 1,
      changes: [{ kind: 'input', subject: 'T02', item: 'TAX', after: { actual: 1234.5 } }],
    });
    const n = await audit();
    const again = await upload(scheme, body, 'source=REVIEW', w.t1.ASSESSOR, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await audit()).toBe(n);
    town.getCell(7, machineColumns(town).get('TAX.actual')).value = 99;
    const other = await upload(scheme, await toBuffer(wb), 'source=REVIEW', w.t1.ASSESSOR, {
      'idempotency-key': 'k-1',
    });
    expect([other.status, other.body.errors[0].extensions.code]).toEqual([409, 'CONFLICT']);
    expect(await audit()).toBe(n);
  });
});

describe('results.xlsx', () => {
  it('round-trips: the numbers read back equal the GraphQL results', async () => {
    const r = await getFile(ts, `/files/runs/${run}/results.xlsx`, w.t1.LEADER);
    expect(r.status).toBe(200);
    const wb = await readWorkbook(r.buffer);
    const results: Json[] = ok(await ts.gql(RESULTS, { s: scheme, r: run }, w.t1.ADMIN)).results;
    for (const g of SCHEME.groups) {
      const rows = sheetRows(wb.getWorksheet(g.name)!);
      const expected = results.filter((s) => s.group === g.code).sort((a, b) => a.rank - b.rank);
      expect(rows.map((x) => [x.rank, x.subject, x.name, x.base, x.bonus, x.deduction, x.final, x.grade])).toEqual(
        expected.map((s) => [s.rank, s.subject.code, s.subject.name, s.base, s.bonus, s.deduction, s.final, s.grade]),
      );
    }
    const breakdown = sheetRows(wb.getWorksheet('指标得分')!);
    expect(breakdown).toHaveLength(results.length);
    for (const [i, s] of results.entries()) {
      for (const n of s.nodes.filter(
        (x: Json) => breakdown[i][x.code] !== undefined && breakdown[i][x.code] !== null,
      )) {
        expect([s.subject.code, n.code, breakdown[i][n.code]]).toEqual([
          s.subject.code,
          n.code,
          n.out ? '不适用' : n.points,
        ]);
      }
    }
    const explanations = sheetRows(wb.getWorksheet('得分说明')!);
    expect(explanations.find((x) => x.subject === 'T01' && x.indicator === 'TAX')?.explain).toMatch(
      /得 [\d.]+ 分（满分 \d+ 分）$/,
    );

    const en = await readWorkbook((await getFile(ts, `/files/runs/${run}/results.xlsx?lang=en`, w.t1.ADMIN)).buffer);
    expect(en.getWorksheet('Breakdown')!.getCell('A2').value).toBe('Subject code');
  });

  it('is readable by an API key with results:read once the run is PUBLISHED, not before', async () => {
    expect((await getFile(ts, `/files/runs/${run}/results.xlsx`, resultsKey)).status).toBe(404);
    for (const step of ['reviewResults', 'approveResults']) ok(await ts.gql(STEP(step), { r: run }, w.t1.LEADER));
    // the fixture leaves inputs missing: publishing asks for the acknowledgement
    ok(
      await ts.gql(
        `mutation($r: ID!) { publishResults(runId: $r, acknowledgeMissing: true) { id status } }`,
        { r: run },
        w.t1.ADMIN,
      ),
    );
    const r = await getFile(ts, `/files/runs/${run}/results.xlsx`, resultsKey);
    expect(r.status).toBe(200);
    expect(r.headers['x-ratelimit-limit']).toBeDefined();
    const schemesOnly = ok(await ts.gql(CREATE_API_KEY, { name: 'schemes', scopes: ['schemes:read'] }, w.t1.ADMIN))
      .createApiKey.key;
    expect((await getFile(ts, `/files/runs/${run}/results.xlsx`, schemesOnly)).status).toBe(403);
  });
});

describe('subjects from the template', () => {
  const SUBJECTS = `query($s: ID!) { subjects(schemeId: $s) { code name group unit } }`;
  it('creates new codes and renames known ones (dry run first), names bad cells, ADMIN only', async () => {
    const wb = await readWorkbook((await template(scheme)).buffer);
    const town = wb.getWorksheet('镇')!;
    town.getCell('B8').value = '南山镇（新）'; // T03
    town.addRow(['T99', '新城镇']);
    const principals = wb.getWorksheet('党政正职')!;
    principals.addRow(['T99-P', '新书记', 'T99']);
    const body = await toBuffer(wb);
    const url = (q: string) => `/files/schemes/${scheme}/subjects.xlsx?${q}`;
    const before = ok(await ts.gql(SUBJECTS, { s: scheme }, w.t1.ADMIN)).subjects;

    expect((await postFile(ts, url('dryRun=true'), body, w.t1.ASSESSOR)).status).toBe(403);
    const dry = await postFile(ts, url('dryRun=true'), body, w.t1.ADMIN);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      subjects: before.length + 2,
      created: 2,
      updated: 1,
      unchanged: before.length - 1,
      problems: [],
    });
    expect(dry.body.changes).toContainEqual({
      sheet: '镇',
      cell: 'A8',
      code: 'T03',
      before: { code: 'T03', name: '南山镇', group: 'TOWNSHIP' },
      after: { code: 'T03', name: '南山镇（新）', group: 'TOWNSHIP' },
    });
    expect(ok(await ts.gql(SUBJECTS, { s: scheme }, w.t1.ADMIN)).subjects).toEqual(before);

    const real = await postFile(ts, url(''), body, w.t1.ADMIN);
    expect({ ...real.body, dryRun: true }).toEqual(dry.body);
    const after = ok(await ts.gql(SUBJECTS, { s: scheme }, w.t1.ADMIN)).subjects;
    expect(after.slice(-2)).toEqual([
      { code: 'T99', name: '新城镇', group: 'TOWNSHIP', unit: null },
      { code: 'T99-P', name: '新书记', group: 'PRINCIPAL', unit: 'T99' },
    ]);
    expect(after.find((x: Json) => x.code === 'T03').name).toBe('南山镇（新）');

    principals.addRow(['ZZ-P', '无主', 'ZZ']);
    const bad = await postFile(ts, url(''), await toBuffer(wb), w.t1.ADMIN);
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toEqual([
      expect.objectContaining({ sheet: '党政正职', cell: `C${principals.rowCount}`, code: 'INVALID_VALUE' }),
    ]);
    expect(ok(await ts.gql(SUBJECTS, { s: scheme }, w.t1.ADMIN)).subjects).toEqual(after);
  });
});
