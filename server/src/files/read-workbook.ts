import {
  parseCountValue,
  parseFlagValue,
  parseGradeValue,
  parseNumberValue,
  parseTextValue,
  type CellInput,
  type ParsedValue,
  type Scheme as SchemeDefinition,
} from '@kaoping/shared';
import type ExcelJS from 'exceljs';
import { gradeLevels, indicatorIndex, SHEET_FIELDS, type IndicatorColumn, type SheetField } from './layout';
import { describeProblem, type Lang, type SheetProblem, type SheetProblemCode } from './messages';
import type { SheetSubject } from './sheet-data';

/** Where a value came from, so the engine's and the services' problems can name the cell. */
export interface InputRowIn {
  subject: string;
  indicator: string;
  value: Record<string, unknown>;
  sheet: string;
  cells: Record<string, string>;
}
export interface BallotRowIn {
  subject: string;
  indicator: string;
  ballots: Record<string, Record<string, number>>;
  sheet: string;
  cells: Record<string, string>;
  first: string;
}
export interface AdjustmentRowIn {
  subject: string;
  rule: string;
  count: number;
  points?: number;
  note?: string;
  sheet: string;
  cells: Record<string, string>;
}

export interface ReadWorkbook {
  subjects: number;
  inputs: InputRowIn[];
  ballots: BallotRowIn[];
  adjustments: AdjustmentRowIn[];
  problems: SheetProblem[];
  /** at least one sheet had a machine row */
  recognised: boolean;
}

export interface ReadOptions {
  lang: Lang;
  /** the ballots sheet may be imported (ADMIN, ASSESSOR) and the source is REVIEW */
  ballots: 'ok' | 'forbidden' | 'needsReview';
  adjustments: 'ok' | 'forbidden';
}

/** A cell as the shared parser reads it: formulas by their result, rich text and links by their text. */
export function cellInput(cell: ExcelJS.Cell): CellInput {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v as CellInput;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result;
    if (r === undefined || r === null) return null;
    return typeof r === 'object' && !(r instanceof Date)
      ? { error: String((r as { error?: string }).error ?? '#VALUE!') }
      : (r as CellInput);
  }
  if ('text' in o) return String(o.text);
  return String(v);
}

const machineKey = (cell: ExcelJS.Cell): string => {
  const p = parseTextValue(cellInput(cell));
  return p.kind === 'value' ? p.value : '';
};

/**
 * Reads an uploaded workbook against the scheme and the caller's subjects. Nothing is written;
 * every bad cell is a problem. Sheets are recognised by their machine row (row 1), not by name:
 * `subject, indicator, voterGroup, option, count` is a ballots sheet, `subject, rule, …` an
 * adjustments sheet, `subject` and `<indicator>.<field>` columns a group's sheet. In each,
 * rows before the first one whose subject is known are headers; after it, a row with data names
 * a subject or is a problem. An all-blank indicator leaves the stored value alone.
 */
export function readWorkbook(
  wb: ExcelJS.Workbook,
  definition: SchemeDefinition,
  subjects: SheetSubject[],
  opts: ReadOptions,
): ReadWorkbook {
  const out: ReadWorkbook = { subjects: 0, inputs: [], ballots: [], adjustments: [], problems: [], recognised: false };
  const bySubject = new Map(subjects.map((s) => [s.code, s]));
  const index = indicatorIndex(definition);
  const seenSubject = new Map<string, string>();
  const problem = (sheet: string, cell: string, code: SheetProblemCode, params: Record<string, string | number> = {}) =>
    out.problems.push({ sheet, cell, code, params, message: describeProblem(code, params, opts.lang) });
  const valueProblem = (sheet: string, cell: string, p: ParsedValue<unknown>) => {
    if (p.kind === 'problem') problem(sheet, cell, p.problem.code, p.problem.params);
  };
  /** The subject of a data row, or undefined (a header row, or a problem already noted). */
  const subjectOf = (
    sheet: string,
    cell: ExcelJS.Cell,
    hasData: boolean,
    started: { yes: boolean },
  ): SheetSubject | undefined => {
    const p = parseTextValue(cellInput(cell));
    const code = p.kind === 'value' ? p.value : '';
    const s = bySubject.get(code);
    if (s) started.yes = true;
    if (!started.yes || !hasData) return undefined;
    if (p.kind === 'problem') return void valueProblem(sheet, cell.address, p);
    if (code === '') return void problem(sheet, cell.address, 'REQUIRED', { field: 'subject' });
    if (!s) return void problem(sheet, cell.address, 'UNKNOWN_SUBJECT', { subject: code });
    if (!s.mine) return void problem(sheet, cell.address, 'NOT_YOUR_UNIT', { subject: code });
    return s;
  };

  wb.eachSheet((ws) => {
    const keys = new Map<number, string>();
    ws.getRow(1).eachCell((cell, col) => {
      const k = machineKey(cell);
      if (k) keys.set(col, k);
    });
    if (keys.get(1) !== 'subject') return;
    out.recognised = true;
    const names = new Set(keys.values());
    if (names.has('voterGroup') && names.has('option')) readBallots(ws, keys);
    else if (names.has('rule')) readAdjustments(ws, keys);
    else readGroupSheet(ws, keys);
  });
  return out;

  function readGroupSheet(ws: ExcelJS.Worksheet, keys: Map<number, string>) {
    const columns: { col: number; indicator: string; field: SheetField }[] = [];
    for (const [col, key] of keys) {
      if (col === 1 || key === 'name' || key === 'unit') continue;
      const m = /^(.+)\.([A-Za-z]+)$/.exec(key);
      if (!m || !(SHEET_FIELDS as readonly string[]).includes(m[2]))
        problem(ws.name, ws.getRow(1).getCell(col).address, 'UNKNOWN_COLUMN', { key });
      else columns.push({ col, indicator: m[1], field: m[2] as SheetField });
    }
    const started = { yes: false };
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const hasData = columns.some((c) => parseTextValue(cellInput(row.getCell(c.col))).kind !== 'blank');
      const s = subjectOf(ws.name, row.getCell(1), hasData, started);
      if (!s) return;
      const first = seenSubject.get(s.code);
      if (first) return void problem(ws.name, row.getCell(1).address, 'DUPLICATE_ROW', { first });
      seenSubject.set(s.code, `${ws.name}!${row.getCell(1).address}`);
      out.subjects++;
      const group = index.get(s.group);
      const byIndicator = new Map<
        string,
        {
          col: IndicatorColumn;
          cells: Record<string, string>;
          value: Record<string, unknown>;
          na?: string;
          bad: boolean;
        }
      >();
      for (const c of columns) {
        const cell = row.getCell(c.col);
        const input = cellInput(cell);
        const ind = group?.get(c.indicator);
        if (!ind) {
          if (parseTextValue(input).kind !== 'blank')
            problem(ws.name, cell.address, 'NOT_IN_GROUP', { indicator: c.indicator, group: s.group });
          continue;
        }
        const e = byIndicator.get(c.indicator) ?? { col: ind, cells: {}, value: {}, bad: false };
        byIndicator.set(c.indicator, e);
        e.cells[c.field] = cell.address;
        const parsed = parseField(ind, c.field, input, cell);
        if (parsed.kind === 'problem') {
          valueProblem(ws.name, cell.address, parsed);
          e.bad = true;
        } else if (
          parsed.kind === 'notApplicable' ||
          (c.field === 'notApplicable' && parsed.kind === 'value' && parsed.value === true)
        )
          e.na = cell.address;
        else if (parsed.kind === 'value' && c.field !== 'notApplicable') e.value[c.field] = parsed.value;
      }
      for (const [indicator, e] of byIndicator) {
        if (e.bad) continue;
        if (e.na && Object.keys(e.value).length) problem(ws.name, e.na, 'NOT_APPLICABLE_WITH_VALUES');
        else if (e.na)
          out.inputs.push({
            subject: s.code,
            indicator,
            value: { notApplicable: true },
            sheet: ws.name,
            cells: e.cells,
          });
        else if (Object.keys(e.value).length)
          out.inputs.push({ subject: s.code, indicator, value: e.value, sheet: ws.name, cells: e.cells });
      }
    });
  }

  function parseField(
    ind: IndicatorColumn,
    field: SheetField,
    input: CellInput,
    cell: ExcelJS.Cell,
  ): ParsedValue<unknown> {
    if (field === 'notApplicable') return parseFlagValue(input);
    if (field === 'grade') {
      const m = ind.node.method;
      return m.type === 'GRADE' ? parseGradeValue(input, gradeLevels(m.levels)) : parseTextValue(input);
    }
    return parseNumberValue(input, { unit: ind.unit, percentFormatted: /%/.test(cell.numFmt ?? '') });
  }

  function readBallots(ws: ExcelJS.Worksheet, keys: Map<number, string>) {
    const col = (k: string) => [...keys].find(([, v]) => v === k)?.[0] ?? 0;
    const [cInd, cVg, cOpt, cCount] = [col('indicator'), col('voterGroup'), col('option'), col('count')];
    const started = { yes: false };
    const seen = new Map<string, string>();
    const byCell = new Map<string, BallotRowIn>();
    let refused = false;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const countCell = row.getCell(cCount || 5);
      const count = parseCountValue(cellInput(countCell));
      const s = subjectOf(ws.name, row.getCell(1), count.kind !== 'blank', started);
      if (!s) return;
      if (opts.ballots !== 'ok') {
        if (!refused)
          problem(
            ws.name,
            countCell.address,
            opts.ballots === 'forbidden' ? 'SHEET_NOT_ALLOWED' : 'BALLOTS_NEED_REVIEW',
            { sheet: ws.name },
          );
        refused = opts.ballots === 'forbidden';
        return;
      }
      if (count.kind !== 'value') return void valueProblem(ws.name, countCell.address, count);
      const text = (c: number) => {
        const p = parseTextValue(cellInput(row.getCell(c)));
        return p.kind === 'value' ? p.value : '';
      };
      const [indicator, vg, opt] = [text(cInd), text(cVg), text(cOpt)];
      const ind = index.get(s.group)?.get(indicator);
      if (!ind) return void problem(ws.name, row.getCell(cInd).address, 'NOT_IN_GROUP', { indicator, group: s.group });
      if (ind.node.method.type !== 'SURVEY')
        return void problem(ws.name, row.getCell(cInd).address, 'NOT_A_SURVEY', { indicator });
      const m = ind.node.method;
      if (!Object.prototype.hasOwnProperty.call(m.voterGroups, vg))
        return void problem(ws.name, row.getCell(cVg).address, 'INVALID_VALUE', {
          detail: `unknown voter group "${vg}"`,
        });
      if (!Object.prototype.hasOwnProperty.call(m.options, opt))
        return void problem(ws.name, row.getCell(cOpt).address, 'INVALID_VALUE', { detail: `unknown option "${opt}"` });
      const key = JSON.stringify([s.code, indicator, vg, opt]);
      const first = seen.get(key);
      if (first) return void problem(ws.name, countCell.address, 'DUPLICATE_ROW', { first });
      seen.set(key, `${ws.name}!${countCell.address}`);
      const cellKey = JSON.stringify([s.code, indicator]);
      let b = byCell.get(cellKey);
      if (!b) {
        b = { subject: s.code, indicator, ballots: {}, sheet: ws.name, cells: {}, first: countCell.address };
        byCell.set(cellKey, b);
        out.ballots.push(b);
      }
      (b.ballots[vg] ??= {})[opt] = count.value;
      b.cells[`${vg}/${opt}`] = countCell.address;
    });
  }

  function readAdjustments(ws: ExcelJS.Worksheet, keys: Map<number, string>) {
    const col = (k: string) => [...keys].find(([, v]) => v === k)?.[0] ?? 0;
    const cols = { rule: col('rule'), points: col('points'), note: col('note'), count: col('count') };
    const rules = new Set((definition.rules ?? []).map((r) => r.code));
    const started = { yes: false };
    let refused = false;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const used = Object.values(cols).filter((c) => c > 0);
      const hasData = used.some((c) => parseTextValue(cellInput(row.getCell(c))).kind !== 'blank');
      const s = subjectOf(ws.name, row.getCell(1), hasData, started);
      if (!s) return;
      if (opts.adjustments !== 'ok') {
        if (!refused) problem(ws.name, row.getCell(1).address, 'SHEET_NOT_ALLOWED', { sheet: ws.name });
        refused = true;
        return;
      }
      const cells: Record<string, string> = { subject: row.getCell(1).address };
      for (const [k, c] of Object.entries(cols)) if (c) cells[k] = row.getCell(c).address;
      const rule = parseTextValue(cols.rule ? cellInput(row.getCell(cols.rule)) : null);
      const points = cols.points ? parseNumberValue(cellInput(row.getCell(cols.points))) : ({ kind: 'blank' } as const);
      const count = cols.count ? parseCountValue(cellInput(row.getCell(cols.count))) : ({ kind: 'blank' } as const);
      const note = cols.note ? parseTextValue(cellInput(row.getCell(cols.note))) : ({ kind: 'blank' } as const);
      let bad = false;
      for (const [k, p] of [
        ['rule', rule],
        ['points', points],
        ['count', count],
        ['note', note],
      ] as const) {
        if (p.kind === 'problem') {
          valueProblem(ws.name, cells[k], p);
          bad = true;
        }
        if (p.kind === 'notApplicable') {
          problem(ws.name, cells[k], 'NOT_A_NUMBER', { text: 'N/A' });
          bad = true;
        }
      }
      if (rule.kind !== 'value')
        return void (bad || problem(ws.name, cells.rule ?? cells.subject, 'REQUIRED', { field: 'rule' }));
      if (!rules.has(rule.value))
        return void problem(ws.name, cells.rule, 'INVALID_VALUE', { detail: `unknown rule "${rule.value}"` });
      if (bad) return;
      // GraphQL's Int bounds claimAdjustment's count; here the sheet does
      if (count.kind === 'value' && count.value > 2147483647)
        return void problem(ws.name, cells.count, 'INVALID_VALUE', { detail: 'count must be at most 2147483647' });
      out.adjustments.push({
        subject: s.code,
        rule: rule.value,
        count: count.kind === 'value' ? count.value : 1,
        ...(points.kind === 'value' ? { points: points.value } : {}),
        ...(note.kind === 'value' ? { note: note.value } : {}),
        sheet: ws.name,
        cells,
      });
    });
  }
}
