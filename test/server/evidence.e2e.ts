import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { getFile } from '../support/files';
import {
  assignUnit,
  bootServer,
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

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
  Buffer.alloc(200, 1),
]);
const PDF_NAME = '省级文明镇表彰文件（2023）.pdf';
const FIELDS = 'id fileName contentType size sha256 uploadedBy uploadedByName uploadedAt url';
const ADJUSTMENT = `query($id: ID!) { Adjustment(id: $id) { id status version evidence { ${FIELDS} } } }`;
const CLAIM = `mutation($s: ID!, $sub: String!) { claimAdjustment(schemeId: $s, subject: $sub, rule: "AWARD_DISTRICT", count: 1) { id version } }`;
const DELETE = `mutation($id: ID!) { deleteEvidence(id: $id) }`;

let ts: TestServer;
let w: World;
let scheme: string;
let claim: { id: string; version: number };
let unitT02: string;
let reviewInput: string;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const attach = (url: string, content: Buffer, name: string, token?: string, type = 'application/octet-stream') => {
  let req = request(ts.origin).post(url);
  if (token) req = req.set('authorization', `Bearer ${token}`);
  return req.attach('file', content, { filename: name, contentType: type });
};
const toClaim = (content: Buffer, name: string, token = w.t1.UNIT, id = claim.id) =>
  attach(`/files/adjustments/${id}/evidence`, content, name, token);
const stored = async () =>
  (
    await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(`SELECT count(*)::int AS n FROM evidence_files`),
    )
  )[0].n as number;
const audits = async (action: string) =>
  await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
    em.query<Json[]>(
      `SELECT entity_id, actor_id, after, before FROM audit_log WHERE entity = 'evidence' AND action = $1 ORDER BY seq`,
      [action],
    ),
  );

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
  ok(
    await ts.gql(
      CREATE_USER,
      { input: { email: 't02@t1.test', password: 't02-pass-1', name: '西城镇', role: 'UNIT', unit: 'T02' } },
      w.t1.ADMIN,
    ),
  );
  unitT02 = (await login(ts, 't02@t1.test', 't02-pass-1', 't1')).token;
  claim = ok(await ts.gql(CLAIM, { s: scheme, sub: 'T01' }, w.t1.UNIT)).claimAdjustment;
  reviewInput = ok(
    await ts.gql(
      `query($s: ID!) { inputs(schemeId: $s, subject: "T01", source: REVIEW) { id } }`,
      { s: scheme },
      w.t1.ADMIN,
    ),
  ).inputs[0].id;
});
afterAll(() => ts?.stop());

describe('evidence on a claim', () => {
  let pdfId: string;
  let pngId: string;

  it('a unit attaches a PDF and a PNG; anyone who may see the claim downloads them byte for byte, as attachments', async () => {
    const pdf = await toClaim(PDF, PDF_NAME);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({
      fileName: PDF_NAME,
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
      uploadedBy: w.t1.userIds.UNIT,
      uploadedByName: 'UNIT',
    });
    pdfId = pdf.body.id;
    expect(pdf.body.url).toBe(`/files/evidence/${pdfId}`);
    const png = await toClaim(PNG, 'photo.png');
    expect([png.status, png.body.contentType]).toEqual([201, 'image/png']);
    pngId = png.body.id;

    for (const token of [w.t1.ASSESSOR, w.t1.UNIT, w.t1.LEADER, w.t1.ADMIN]) {
      const got = await getFile(ts, `/files/evidence/${pdfId}`, token);
      expect(got.status).toBe(200);
      expect(got.buffer.equals(PDF)).toBe(true);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="${PDF_NAME.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(PDF_NAME)}`,
      );
    }
    const img = await getFile(ts, `/files/evidence/${pngId}`, w.t1.ASSESSOR);
    expect([img.status, img.headers['content-type'], img.buffer.equals(PNG)]).toEqual([200, 'image/png', true]);

    const listed = ok(await ts.gql(ADJUSTMENT, { id: claim.id }, w.t1.ASSESSOR)).Adjustment.evidence;
    expect(listed.map((e: Json) => [e.id, e.fileName, e.contentType, e.size])).toEqual([
      [pdfId, PDF_NAME, 'application/pdf', PDF.length],
      [pngId, 'photo.png', 'image/png', PNG.length],
    ]);
    // a page of claims reads its evidence too (one query for the page)
    const page = ok(
      await ts.gql(`query($s: ID!) { adjustments(schemeId: $s) { id evidence { id } } }`, { s: scheme }, w.t1.ASSESSOR),
    ).adjustments;
    expect(page.find((a: Json) => a.id === claim.id).evidence).toHaveLength(2);
    expect(page.filter((a: Json) => a.id !== claim.id).every((a: Json) => a.evidence.length === 0)).toBe(true);
  });

  it("audits every upload (the file's metadata, never its bytes)", async () => {
    const up = await audits('UPLOAD');
    expect(up.map((a) => a.entity_id)).toEqual([pdfId, pngId]);
    expect(up[0]).toMatchObject({
      actor_id: w.t1.userIds.UNIT,
      after: {
        adjustmentId: claim.id,
        inputId: null,
        fileName: PDF_NAME,
        contentType: 'application/pdf',
        size: PDF.length,
        sha256: sha(PDF),
      },
    });
  });

  it('judges the type by content: an .exe named .pdf, text, a zip and a PNG named .pdf are refused with 415, nothing stored', async () => {
    const before = await stored();
    for (const [content, name] of [
      [EXE, '表彰文件.pdf'],
      [Buffer.from('just some text'), 'note.txt'],
      [Buffer.from('PK\x03\x04' + '\x00'.repeat(60)), 'a.zip'],
      [PNG, 'scan.pdf'],
    ] as const) {
      const r = await toClaim(content, name);
      expect([r.status, r.body.errors[0].extensions.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(r.body.errors[0].message).toContain(name);
    }
    expect((await toClaim(EXE, 'x.pdf')).body.errors[0].message).toMatch(/is a \.exe file; evidence must be PDF/);
    expect(await stored()).toBe(before);
  });

  it('accepts Office and WPS files by content: an .xlsx, a legacy .doc and a WPS .et; a compound file named .pdf is refused', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台帐').getCell('A1').value = '表彰名单';
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1016)]);
    const got: string[] = [];
    for (const [content, name] of [
      [xlsx, '表彰名单.xlsx'],
      [cfb, '申报说明.doc'],
      [cfb, '台帐.et'],
    ] as const) {
      const r = await toClaim(content, name);
      expect(r.status).toBe(201);
      got.push(r.body.contentType);
      ok(await ts.gql(DELETE, { id: r.body.id }, w.t1.UNIT));
    }
    expect(got).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/msword',
      'application/kset',
    ]);
    expect((await toClaim(cfb, 'scan.pdf')).status).toBe(415);
  });

  it('accepts 10 MB and refuses more with 413', async () => {
    const ten = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length, 0x20)]);
    const ok10 = await toClaim(ten, 'big.pdf');
    expect([ok10.status, ok10.body.size]).toEqual([201, 10 * 1024 * 1024]);
    const before = await stored();
    const over = await toClaim(Buffer.concat([ten, Buffer.from(' ')]), 'bigger.pdf');
    expect([over.status, over.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await stored()).toBe(before);
    ok(await ts.gql(DELETE, { id: ok10.body.id }, w.t1.UNIT));
  });

  it('answers another unit and another tenant exactly like a missing id (404)', async () => {
    const missing = await getFile(ts, `/files/evidence/${MISSING}`, w.t1.ADMIN);
    expect(missing.status).toBe(404);
    for (const [token, id] of [
      [unitT02, pdfId],
      [w.t2.admin, pdfId],
      [w.t2.admin, MISSING],
      [w.t1.ADMIN, 'not-an-id'],
    ]) {
      const r = await getFile(ts, `/files/evidence/${id}`, token);
      expect([r.status, r.body]).toEqual([404, missing.body]);
    }
    expect(missing.body).toEqual({ errors: [{ message: 'Evidence not found', extensions: { code: 'NOT_FOUND' } }] });
    for (const token of [unitT02, w.t2.admin]) {
      const up = await toClaim(PNG, 'x.png', token);
      expect([up.status, up.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
      const del = await ts.gql(DELETE, { id: pdfId }, token);
      expect(del.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await ts.gql(ADJUSTMENT, { id: claim.id }, w.t2.admin)).body.errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('uses the same tokens and roles as GraphQL; a body that is not one multipart file is 400', async () => {
    expect((await toClaim(PNG, 'x.png', '')).status).toBe(401);
    expect((await toClaim(PNG, 'x.png', w.t1.VIEWER)).status).toBe(403);
    expect((await toClaim(PNG, 'x.png', w.t1.MONITOR)).status).toBe(403);
    expect((await getFile(ts, `/files/evidence/${pdfId}`)).status).toBe(401);
    const raw = await request(ts.origin)
      .post(`/files/adjustments/${claim.id}/evidence`)
      .set('authorization', `Bearer ${w.t1.UNIT}`)
      .set('content-type', 'application/pdf')
      .send(PDF);
    expect([raw.status, raw.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const wrongPart = await request(ts.origin)
      .post(`/files/adjustments/${claim.id}/evidence`)
      .set('authorization', `Bearer ${w.t1.UNIT}`)
      .attach('other', PNG, 'x.png');
    expect(wrongPart.status).toBe(400);
    const empty = await toClaim(Buffer.alloc(0), 'empty.pdf');
    expect(empty.status).toBe(400);
  });

  it('deletes: its uploader or an ADMIN only, audited; never once the claim is VERIFIED', async () => {
    const other = (await attach(`/files/adjustments/${claim.id}/evidence`, PNG, 'assessor.png', w.t1.ASSESSOR)).body.id;
    expect((await ts.gql(DELETE, { id: pngId }, w.t1.ASSESSOR)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ts.gql(DELETE, { id: other }, w.t1.UNIT)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(ok(await ts.gql(DELETE, { id: pngId }, w.t1.UNIT)).deleteEvidence).toBe(true);
    expect(ok(await ts.gql(DELETE, { id: other }, w.t1.ADMIN)).deleteEvidence).toBe(true);
    expect((await getFile(ts, `/files/evidence/${pngId}`, w.t1.ADMIN)).status).toBe(404);
    const del = await audits('DELETE');
    expect(del.slice(-2).map((a) => [a.entity_id, a.actor_id])).toEqual([
      [pngId, w.t1.userIds.UNIT],
      [other, w.t1.userIds.ADMIN],
    ]);
    expect(del.at(-2)!.before).toMatchObject({ fileName: 'photo.png', sha256: sha(PNG) });

    const current = ok(await ts.gql(ADJUSTMENT, { id: claim.id }, w.t1.ASSESSOR)).Adjustment;
    ok(
      await ts.gql(
        `mutation($id: ID!, $v: Int!) { verifyAdjustment(id: $id, version: $v) { id } }`,
        { id: claim.id, v: current.version },
        w.t1.ASSESSOR,
      ),
    );
    expect((await ts.gql(DELETE, { id: pdfId }, w.t1.ADMIN)).body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await toClaim(PNG, 'late.png')).status).toBe(409);
    const kept = await getFile(ts, `/files/evidence/${pdfId}`, w.t1.UNIT);
    expect([kept.status, kept.buffer.equals(PDF)]).toEqual([200, true]);
  });
});

describe('evidence on an input', () => {
  it("those who enter the input's source attach; those who see it download; the Input lists it", async () => {
    const url = `/files/inputs/${reviewInput}/evidence`;
    expect((await attach(url, PNG, 'x.png', w.t1.MONITOR)).status).toBe(403); // MONITOR enters MONITOR values, this is REVIEW
    expect((await attach(url, PNG, 'x.png', unitT02)).status).toBe(404); // not its unit's
    expect((await attach(url, PNG, 'x.png', w.t2.admin)).status).toBe(404);
    const up = await attach(url, PDF, '核查记录.pdf', w.t1.ASSESSOR);
    expect([up.status, up.body.fileName]).toEqual([201, '核查记录.pdf']);
    const got = await getFile(ts, up.body.url, w.t1.UNIT); // T01's own input
    expect([got.status, got.buffer.equals(PDF)]).toEqual([200, true]);
    expect((await getFile(ts, up.body.url, unitT02)).status).toBe(404);
    const input = ok(
      await ts.gql(`query($id: ID!) { Input(id: $id) { evidence { id fileName } } }`, { id: reviewInput }, w.t1.ADMIN),
    ).Input;
    expect(input.evidence).toEqual([{ id: up.body.id, fileName: '核查记录.pdf' }]);
    expect((await audits('UPLOAD')).at(-1)).toMatchObject({
      entity_id: up.body.id,
      after: { inputId: reviewInput, adjustmentId: null },
    });
  });
});
