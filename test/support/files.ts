import ExcelJS from 'exceljs';
import request from 'supertest';
import type { Json, TestServer } from './server';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FileResponse {
  status: number;
  body: Json;
  buffer: Buffer;
  headers: Record<string, string>;
}

const binary = (
  res: NodeJS.ReadableStream & { setEncoding?: unknown },
  cb: (err: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** GET a file route: the body as bytes (and as JSON when it is JSON). */
export async function getFile(
  ts: TestServer,
  url: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<FileResponse> {
  let req = request(ts.origin)
    .get(url)
    .buffer(true)
    .parse(binary as never);
  if (token) req = req.set('authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = await req;
  const buffer = res.body as Buffer;
  const json = String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(buffer.toString('utf8')) : {};
  return { status: res.status, body: json, buffer, headers: res.headers };
}

/** POST a workbook (or any bytes) to a file route; the JSON answer. */
export async function postFile(
  ts: TestServer,
  url: string,
  body: Buffer,
  token?: string,
  headers: Record<string, string> = {},
): Promise<FileResponse> {
  let req = request(ts.origin).post(url).set('content-type', XLSX);
  if (token) req = req.set('authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = await req.send(body);
  return { status: res.status, body: res.body as Json, buffer: Buffer.alloc(0), headers: res.headers };
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Column number by machine key (row 1). */
export function machineColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => out.set(String(cell.value), col));
  return out;
}

/** Rows 3.. of a sheet with a machine row and one header row, as objects by machine key. */
export function sheetRows(ws: ExcelJS.Worksheet, firstRow = 3): Record<string, unknown>[] {
  const cols = machineColumns(ws);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, r) => {
    if (r < firstRow) return;
    out.push(Object.fromEntries([...cols].map(([k, c]) => [k, row.getCell(c).value])));
  });
  return out;
}
