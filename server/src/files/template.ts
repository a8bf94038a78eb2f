import type { Scheme as SchemeDefinition, SurveyMethod } from '@kaoping/shared';
import ExcelJS from 'exceljs';
import { gradeLevels, indicatorColumns, sheetName, type IndicatorColumn } from './layout';
import { TEXT, type Lang, type Texts } from './messages';
import { cellKey, type SheetData, type SheetSubject } from './sheet-data';

/** Rows 2–5 are for people (category, indicator, unit, field); subjects start on row 6. */
export const FIRST_DATA_ROW = 6;

export interface TemplateOptions {
  lang: Lang;
  source: string;
  /** the ballots sheet: REVIEW values, entered by ADMIN and ASSESSOR */
  ballots: boolean;
  /** the adjustments sheet: for those who may claim adjustments */
  adjustments: boolean;
  /** only the indicators the caller may write (a MONITOR user: its department's and unowned ones); all when absent */
  writable?: (group: string, indicator: string) => boolean;
}

type Validations = { add(address: string, v: ExcelJS.DataValidation): void };
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: Validations }).dataValidations;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };

/** A column letter range of the data rows: `D6:D50`. */
const range = (col: number, rows: number) => {
  const letter = (c: number): string =>
    (c > 26 ? letter(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));
  return `${letter(col)}${FIRST_DATA_ROW}:${letter(col)}${FIRST_DATA_ROW + Math.max(rows, 1) - 1}`;
};

/**
 * The fill-in workbook of one scheme and source: one sheet per group the caller may fill, row 1
 * the machine row (`subject`, `name`, `unit`, `<indicator>.<field>`, hidden), four header rows,
 * then one row per subject pre-filled with the source's current values; the ballots and
 * adjustments sheets when asked for. Number cells warn on text other than a number or "not
 * applicable"; grade cells offer the levels as a list.
 */
export function buildTemplate(definition: SchemeDefinition, data: SheetData, opts: TemplateOptions): ExcelJS.Workbook {
  const t = TEXT[opts.lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaoping';
  const taken = new Set<string>([t.guide.toLowerCase()]);
  guideSheet(wb, definition, opts.source, t);
  const mine = data.subjects.filter((s) => s.mine);
  for (const group of definition.groups) {
    const subjects = mine.filter((s) => s.group === group.code);
    if (!subjects.length && mine.length < data.subjects.length) continue; // a unit user: only its own groups
    const columns = indicatorColumns(group).filter((c) => !opts.writable || opts.writable(group.code, c.code));
    if (!columns.length) continue;
    const ws = wb.addWorksheet(sheetName(group.name, taken, group.code), {
      views: [{ state: 'frozen', xSplit: 2, ySplit: FIRST_DATA_ROW - 1 }],
    });
    groupSheet(ws, group.kind === 'MEMBER', columns, subjects, data, t);
  }
  if (opts.ballots) ballotsSheet(wb, definition, mine, data, t);
  if (opts.adjustments && definition.rules?.length) adjustmentsSheet(wb, definition, data, t);
  return wb;
}

/** The first sheet, for people: what the workbook is, how to fill it, the rules. Not read on upload (no machine row). */
function guideSheet(wb: ExcelJS.Workbook, definition: SchemeDefinition, source: string, t: Texts) {
  const ws = wb.addWorksheet(t.guide);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 100;
  ws.addRow([t.scheme, `${definition.name}（${definition.year}）`]).font = { bold: true };
  ws.addRow([t.source, t.sources[source] ?? source]);
  ws.addRow([]);
  t.guideLines.forEach((line, i) => ws.addRow([String(i + 1), line]));
  if (definition.rules?.length) {
    ws.addRow([]);
    ws.addRow([t.rules]).font = { bold: true };
    ws.addRow([t.rule, t.ruleName, t.kind, t.points]).font = { bold: true };
    for (const r of definition.rules) {
      const points = r.points ?? (r.minPoints !== undefined ? `${r.minPoints}–${r.maxPoints}` : '');
      ws.addRow([r.code, r.name, t.kinds[r.kind] ?? r.kind, points]);
    }
  }
}

function groupSheet(
  ws: ExcelJS.Worksheet,
  member: boolean,
  columns: IndicatorColumn[],
  subjects: SheetSubject[],
  data: SheetData,
  t: Texts,
) {
  const machine: string[] = ['subject', 'name', ...(member ? ['unit'] : [])];
  const headers: string[][] = [
    ['', '', ...(member ? [''] : [])],
    ['', '', ...(member ? [''] : [])],
    ['', '', ...(member ? [''] : [])],
    [t.subject, t.name, ...(member ? [t.unit] : [])],
  ];
  const first = machine.length + 1;
  const slots: { column: IndicatorColumn; field: string; col: number }[] = [];
  for (const c of columns) {
    for (const f of c.fields) {
      slots.push({ column: c, field: f, col: first + slots.length });
      machine.push(`${c.code}.${f}`);
      headers[0].push(c.path.join(' / '));
      headers[1].push(c.name);
      headers[2].push(c.unit ?? '');
      headers[3].push(t.fields[f] ?? f);
    }
  }
  ws.addRow(machine).hidden = true;
  for (const h of headers) {
    const row = ws.addRow(h);
    row.font = { bold: true };
    row.eachCell((cell) => (cell.fill = HEADER_FILL));
  }
  for (const s of subjects) {
    const cells: (string | number | null)[] = [s.code, s.name, ...(member ? [s.unit] : [])];
    for (const slot of slots) {
      const stored = data.inputs.get(cellKey(s.code, slot.column.code))?.value;
      if (stored?.notApplicable === true) cells.push(slot.field === slot.column.fields[0] ? t.notApplicable : null);
      else {
        const v = stored?.[slot.field];
        cells.push(typeof v === 'number' || typeof v === 'string' ? v : null);
      }
    }
    ws.addRow(cells);
  }
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 18;
  for (const slot of slots) {
    ws.getColumn(slot.col).width = 12;
    const method = slot.column.node.method;
    const list = method.type === 'GRADE' ? `"${[...gradeLevels(method.levels), t.notApplicable].join(',')}"` : '';
    // Excel refuses a list longer than 255 characters, and a level with , or " would split it: such a grade column goes without
    if (method.type === 'GRADE' && (list.length > 255 || Object.keys(method.levels).some((l) => /[,"]/.test(l))))
      continue;
    const v: ExcelJS.DataValidation =
      method.type === 'GRADE'
        ? {
            type: 'list',
            allowBlank: true,
            formulae: [list],
            showErrorMessage: true,
            errorStyle: 'warning',
            error: t.gradeHint,
          }
        : {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            formulae: [-1e15, 1e15],
            showErrorMessage: true,
            errorStyle: 'warning',
            error: t.numberHint,
          };
    validations(ws).add(range(slot.col, subjects.length), v);
  }
}

function ballotsSheet(
  wb: ExcelJS.Workbook,
  definition: SchemeDefinition,
  subjects: SheetSubject[],
  data: SheetData,
  t: Texts,
) {
  const ws = wb.addWorksheet('ballots', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow(['subject', 'indicator', 'voterGroup', 'option', 'count', 'subjectName', 'indicatorName']).hidden = true;
  const head = ws.addRow([t.subject, t.indicatorCode, t.voterGroup, t.option, t.count, t.name, t.indicatorName]);
  head.font = { bold: true };
  let rows = 0;
  for (const group of definition.groups) {
    const surveys = indicatorColumns(group).filter((c) => c.node.method.type === 'SURVEY');
    for (const s of subjects.filter((x) => x.group === group.code)) {
      for (const c of surveys) {
        const m = c.node.method as SurveyMethod;
        const stored = data.review.get(cellKey(s.code, c.code))?.value.ballots as
          Record<string, Record<string, number>> | undefined;
        for (const vg of Object.keys(m.voterGroups)) {
          for (const o of Object.keys(m.options)) {
            ws.addRow([s.code, c.code, vg, o, stored?.[vg]?.[o] ?? null, s.name, c.name]);
            rows++;
          }
        }
      }
    }
  }
  validations(ws).add(`E3:E${2 + Math.max(rows, 1)}`, {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'stop',
    error: t.countHint,
  });
  [14, 16, 14, 10, 10, 18, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function adjustmentsSheet(wb: ExcelJS.Workbook, definition: SchemeDefinition, data: SheetData, t: Texts) {
  const ws = wb.addWorksheet('adjustments', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow(['subject', 'rule', 'points', 'note', 'count', 'subjectName', 'ruleName']).hidden = true;
  const head = ws.addRow([t.subject, t.rule, t.points, t.note, t.times, t.name, t.ruleName]);
  head.font = { bold: true };
  const names = new Map(data.subjects.map((s) => [s.code, s.name]));
  const rules = new Map(definition.rules.map((r) => [r.code, r.name]));
  for (const a of data.adjustments)
    ws.addRow([a.subject, a.rule, a.points, a.note, a.count, names.get(a.subject) ?? '', rules.get(a.rule) ?? '']);
  const last = 2 + data.adjustments.length + 200; // room for new rows
  const list = `"${definition.rules.map((r) => r.code).join(',')}"`;
  if (list.length <= 255)
    validations(ws).add(`B3:B${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  validations(ws).add(`C3:C${last}`, {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [-1e9, 1e9],
    showErrorMessage: true,
    errorStyle: 'warning',
    error: t.numberHint,
  });
  validations(ws).add(`E3:E${last}`, {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [1],
    showErrorMessage: true,
    errorStyle: 'stop',
    error: t.countHint,
  });
  [14, 14, 10, 30, 8, 18, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}
