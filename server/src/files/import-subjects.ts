import { parseTextValue, type Dataset, type Subject } from '@kaoping/shared';
import ExcelJS from 'exceljs';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { InputSource } from '../input/input.entity';
import { inputService } from '../input/input.service';
import { definitionOf, writableScheme } from '../subject/data-guard';
import { sheetName } from './layout';
import { describeProblem, type Lang, type SheetProblem, type SheetProblemCode } from './messages';
import { cellInput } from './read-workbook';
import { loadSheetData } from './sheet-data';
import { FIRST_DATA_ROW } from './template';

export interface SubjectChange {
  sheet: string;
  cell: string;
  code: string;
  before: Subject | null;
  after: Subject;
}

export interface SubjectsReport {
  dryRun: boolean;
  /** subject rows read */
  subjects: number;
  created: number;
  updated: number;
  unchanged: number;
  changes: SubjectChange[];
  problems: SheetProblem[];
}

interface Row {
  subject: Subject;
  sheet: string;
  cells: Record<'code' | 'name' | 'unit' | 'group', string>;
}

/**
 * POST /files/schemes/:id/subjects.xlsx: the subject columns of a template (`subject`, `name`,
 * `unit`; the sheet names the group, by the name the template gave it or the group's code),
 * rows from row 6 on. New codes are created, changed names or units updated, subjects not in
 * the workbook left alone. Written through importDataset (subjects only), so its checks —
 * engine validation, a used subject keeps its group, a unit with members stays a unit — and its
 * audit record apply; every problem is named at its cell. Upserts by code: sending the same
 * workbook again changes nothing, so no Idempotency-Key is needed.
 */
export async function importSubjects(
  ctx: RequestContext,
  schemeId: string,
  dryRun: boolean,
  body: Buffer,
  lang: Lang,
): Promise<{ report: SubjectsReport; commit: boolean }> {
  const scheme = await writableScheme(ctx, schemeId);
  const report: SubjectsReport = {
    dryRun,
    subjects: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    changes: [],
    problems: [],
  };
  const problem = (sheet: string, cell: string, code: SheetProblemCode, params: Record<string, string | number> = {}) =>
    report.problems.push({ sheet, cell, code, params, message: describeProblem(code, params, lang) });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    problem('', '', 'NOT_A_WORKBOOK');
    return { report, commit: false };
  }
  const definition = definitionOf(scheme);
  const taken = new Set<string>();
  const groupOfSheet = new Map<string, (typeof definition.groups)[number]>();
  for (const g of definition.groups) {
    groupOfSheet.set(sheetName(g.name, taken, g.code).toLowerCase(), g);
    groupOfSheet.set(g.code.toLowerCase(), g);
  }
  const rows: Row[] = [];
  const seen = new Map<string, string>();
  wb.eachSheet((ws) => {
    const group = groupOfSheet.get(ws.name.toLowerCase());
    const keys = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => keys.set(String(cellInput(cell) ?? '').trim(), col));
    if (!group || keys.get('subject') !== 1 || !keys.has('name')) return;
    ws.eachRow((row, r) => {
      if (r < FIRST_DATA_ROW) return;
      const text = (col: number | undefined, field: string): string | null => {
        if (!col) return null;
        const p = parseTextValue(cellInput(row.getCell(col)));
        if (p.kind === 'problem')
          return (void problem(ws.name, row.getCell(col).address, p.problem.code, p.problem.params), null);
        if (p.kind === 'value' && p.value.length > (field === 'name' ? 200 : 64))
          return (
            void problem(ws.name, row.getCell(col).address, 'TOO_LONG', { max: field === 'name' ? 200 : 64 }),
            null
          );
        return p.kind === 'value' ? p.value : null;
      };
      const [code, name, unit] = [text(1, 'code'), text(keys.get('name'), 'name'), text(keys.get('unit'), 'unit')];
      if (code === null && name === null) return;
      const cells = {
        code: row.getCell(1).address,
        name: row.getCell(keys.get('name')!).address,
        unit: keys.has('unit') ? row.getCell(keys.get('unit')!).address : row.getCell(1).address,
        group: row.getCell(1).address,
      };
      if (code === null) return void problem(ws.name, cells.code, 'REQUIRED', { field: 'subject' });
      if (name === null) return void problem(ws.name, cells.name, 'REQUIRED', { field: 'name' });
      const first = seen.get(code);
      if (first) return void problem(ws.name, cells.code, 'DUPLICATE_ROW', { first });
      seen.set(code, `${ws.name}!${cells.code}`);
      rows.push({
        subject: { code, name, group: group.code, ...(group.kind === 'MEMBER' && unit !== null ? { unit } : {}) },
        sheet: ws.name,
        cells,
      });
    });
  });
  report.subjects = rows.length;
  if (!rows.length && !report.problems.length) problem('', '', 'NO_DATA');
  if (report.problems.length) return { report, commit: false };

  // the stored subjects, overlaid by the workbook's rows (new ones after them, in workbook order)
  const stored = (await loadSheetData(ctx, scheme.id, InputSource.REVIEW)).subjects.map((s): Subject => ({
    code: s.code,
    name: s.name,
    group: s.group,
    ...(s.unit ? { unit: s.unit } : {}),
  }));
  const byCode = new Map(stored.map((s) => [s.code, s]));
  const fromWorkbook = new Map(rows.map((r) => [r.subject.code, r]));
  const subjects = stored.map((s) => fromWorkbook.get(s.code)?.subject ?? s);
  for (const r of rows) {
    const before = byCode.get(r.subject.code) ?? null;
    if (!before) subjects.push(r.subject);
    if (before && JSON.stringify(before) === JSON.stringify(r.subject)) report.unchanged++;
    else {
      report[before ? 'updated' : 'created']++;
      report.changes.push({ sheet: r.sheet, cell: r.cells.code, code: r.subject.code, before, after: r.subject });
    }
  }
  const dataset: Dataset = { formatVersion: 1, subjects, inputs: [] };
  try {
    await inputService.importDataset(ctx, scheme.id, dataset, InputSource.REVIEW, null);
  } catch (e) {
    if (!(e instanceof GraphQLError) || !Array.isArray(e.extensions.problems)) throw e;
    for (const p of e.extensions.problems as { path: string; message: string }[]) {
      const m = /^\/subjects\/(\d+)(?:\/(\w+))?/.exec(p.path);
      const r = m ? fromWorkbook.get(subjects[Number(m[1])]?.code) : undefined;
      const field = (m?.[2] ?? 'code') as keyof Row['cells'];
      problem(r?.sheet ?? '', r?.cells[field] ?? r?.cells.code ?? '', 'INVALID_VALUE', { detail: p.message });
    }
  }
  return { report, commit: !dryRun && !report.problems.length };
}
