// The data-entry grid's pure logic (no React, no i18n, so it is unit-tested in Node): which fields
// each indicator's method needs, how a typed or pasted cell is parsed and checked (the same rules
// the server applies, with the engine's own input check as the last word), and Excel/WPS paste.
import {
  METHODS,
  parseGradeValue,
  parseNumberValue,
  problemText,
  walkTree,
  type Method,
  type ProblemCode,
} from '@kaoping/shared';
import { methodInputs } from '../schemes/editor/defaults';

export type Field = 'actual' | 'target' | 'previous' | 'score' | 'grade';
export const FIELDS: Field[] = ['actual', 'target', 'previous', 'score', 'grade'];

/** A translatable check message: a key under `dataEntry.check` and its parameters (or the engine's own text). */
export interface Check {
  key: string;
  params?: Record<string, string | number>;
  raw?: string;
}

interface DefNode {
  code: string;
  name?: string;
  unit?: string;
  method?: Method;
  owners?: string[];
  children?: DefNode[];
}

/** One indicator column of a group's grid. `fields` empty: read-only here (SURVEY: ballot page; LINKED: computed). */
export interface Column {
  code: string;
  name: string;
  /** Names of the categories above it (root excluded). */
  path: string[];
  unit?: string;
  method: Method;
  fields: Field[];
  /** The departments that report it (none: any MONITOR user may). */
  owners?: string[];
}

/** One visible sub-column: an indicator's field, or the read-only slot of a SURVEY/LINKED indicator. */
export interface SubColumn {
  column: Column;
  field: Field | null;
}

/**
 * The input fields a method reads, in the order the grid shows them: the scheme editor's list
 * (one place knows what each method reads) without SURVEY's ballots, entered on 测评票数. LINKED: none.
 */
export function fieldsOf(method: Method): Field[] {
  return methodInputs(method).filter((f): f is Field => f !== 'ballots');
}

/** The indicators of a group's tree, depth first, with their category path. */
export function indicatorColumns(root: DefNode | undefined): Column[] {
  const out: Column[] = [];
  if (root) {
    walkTree(root, (n, path) => {
      if (Array.isArray(n.children) || !n.method) return;
      out.push({
        code: n.code,
        name: n.name || n.code,
        path,
        unit: n.unit,
        method: n.method,
        fields: fieldsOf(n.method),
        owners: n.owners,
      });
    });
  }
  return out;
}

/** What a MONITOR user of `department` ('' for none) may write: its department's indicators and those without owners (as the server rules). */
export const mayWrite = (column: Column, department: string): boolean =>
  !column.owners?.length || (department !== '' && column.owners.includes(department));

export const subColumns = (columns: Column[]): SubColumn[] =>
  columns.flatMap((column): SubColumn[] =>
    column.fields.length ? column.fields.map(field => ({ column, field })) : [{ column, field: null }],
  );

/** A GRADE method's letters, best first (stored definitions are jsonb, which does not keep key order). */
export const gradeLevels = (levels: Record<string, number>): string[] =>
  Object.keys(levels).sort((a, b) => levels[b] - levels[a] || a.localeCompare(b));

/**
 * Numbers as people type or paste them (`1,234.5`, full-width digits, `8.2%` in the indicator's
 * unit), read by the shared parser the workbook import uses too; null when not a number.
 */
export function parseNumber(text: string, unit?: string): number | null {
  const r = parseNumberValue(text, { unit });
  return r.kind === 'value' ? r.value : null;
}

/** Text that marks a cell "not applicable" (the subject has no such item): N/A, 不适用, — … */
const notApplicable = (text: string): boolean => parseNumberValue(text).kind === 'notApplicable';

export type Texts = Partial<Record<Field, string>>;

/** A stored value as the cell texts the grid shows. */
export function textsOf(value: Record<string, unknown> | undefined, fields: Field[]): Texts {
  const out: Texts = {};
  if (!value) return out;
  if (value.notApplicable === true && fields.length) {
    out[fields[0]] = 'N/A';
    return out;
  }
  for (const f of fields) {
    const v = value[f];
    if (typeof v === 'number' || typeof v === 'string') out[f] = String(v);
  }
  return out;
}

export interface CellResult {
  /** The value to save; null when the cell is empty. */
  value: Record<string, unknown> | null;
  /** Problems by field ('' when not tied to one field). */
  errors: Partial<Record<Field | '', Check>>;
}

/**
 * Parses and checks one cell's texts for an indicator, as the server will: numbers where numbers
 * are read, a known grade, a score within [0, max], a HIGHER target above 0, every field of the
 * method filled once one is; then the engine's own input check. `kept` are stored fields this grid
 * does not edit (e.g. ballots), carried over so a save does not lose them.
 */
export function checkCell(column: Column, texts: Texts, kept: Record<string, unknown> = {}): CellResult {
  const errors: CellResult['errors'] = {};
  const fields = column.fields;
  const filled = fields.filter(f => (texts[f] ?? '').trim() !== '');
  if (!filled.length) return { value: null, errors };
  if (filled.length === 1 && notApplicable(texts[filled[0]] ?? ''))
    return { value: { ...kept, notApplicable: true }, errors };
  const value: Record<string, unknown> = { ...kept };
  const method = column.method;
  for (const f of fields) {
    const text = (texts[f] ?? '').trim();
    if (text === '') {
      errors[f] = { key: 'required' };
      continue;
    }
    if (f === 'grade') {
      const levels = method.type === 'GRADE' ? gradeLevels(method.levels) : [];
      const grade = parseGradeValue(text, levels);
      if (grade.kind !== 'value') errors[f] = { key: 'grade', params: { levels: levels.join(' / ') } };
      else value.grade = grade.value;
      continue;
    }
    const n = parseNumber(text, column.unit);
    if (n === null) {
      errors[f] = { key: 'number' };
      continue;
    }
    if (method.type === 'SCORE' && f === 'score' && (n < 0 || n > (method.max ?? 100))) {
      errors[f] = { key: 'range', params: { min: 0, max: method.max ?? 100 } };
      continue;
    }
    if (method.type === 'TARGET' && f === 'target' && method.direction !== 'LOWER' && n <= 0) {
      errors[f] = { key: 'target_positive' };
      continue;
    }
    value[f] = n;
  }
  if (Object.keys(errors).length) return { value: null, errors };
  // The engine's own check of the method's input (anything the rules above do not cover).
  const def = METHODS[method.type];
  const problems = def ? def.validateInput(value as never, method as never, '') : [];
  for (const p of problems) {
    const f = (p.path.split('/')[1] ?? '') as Field | '';
    errors[fields.includes(f as Field) ? f : ''] = { key: 'engine', raw: p.message };
  }
  return Object.keys(errors).length ? { value: null, errors } : { value, errors };
}

/** The stored fields a column does not edit (kept on save). */
export function keptFields(column: Column, stored: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!stored) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored))
    if (!column.fields.includes(k as Field) && k !== 'notApplicable') out[k] = v;
  return out;
}

/**
 * Tab-separated text as Excel and WPS put it on the clipboard: rows end with CR LF or LF (the
 * last one optional), cells are split by tabs, a cell holding a tab, newline or quote is quoted
 * with doubled quotes inside.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      i += 1;
      continue;
    }
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += c;
    atCellStart = false;
    i += 1;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether a paste is a block (several cells) rather than one value typed into a cell. */
export const isBlock = (text: string): boolean => /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));

export interface PasteTarget {
  row: number;
  sub: number;
  text: string;
}

/**
 * Where each pasted cell lands, starting at (row, sub) of a grid of `rowCount` rows and `subs`
 * sub-columns; cells beyond the grid are counted (never silently dropped).
 */
export function placePaste(
  block: string[][],
  row: number,
  sub: number,
  rowCount: number,
  subCount: number,
): { targets: PasteTarget[]; outside: number } {
  const targets: PasteTarget[] = [];
  let outside = 0;
  block.forEach((cells, r) =>
    cells.forEach((text, c) => {
      if (row + r >= rowCount || sub + c >= subCount) {
        if (text.trim() !== '') outside += 1;
      } else targets.push({ row: row + r, sub: sub + c, text });
    }),
  );
  return { targets, outside };
}

/** A value as a short text: "实际 12 / 目标 12"-style with the given labels. */
export function describeValue(
  value: Record<string, unknown> | null | undefined,
  label: (f: Field) => string,
  notApplicable: string,
): string {
  if (!value) return '—';
  if (value.notApplicable === true) return notApplicable;
  const parts = FIELDS.filter(f => value[f] !== undefined).map(f => `${label(f)} ${String(value[f])}`);
  return parts.length ? parts.join(' / ') : '—';
}

type Coded = { code?: string; params?: Readonly<Record<string, string | number>>; message: string };

/** The grid's own wording for the problem codes a cell can get (by code; the params carry the names). */
const SERVER_CODES: Readonly<Record<string, (p: Readonly<Record<string, string | number>>) => Check>> = {
  SUBJECT_UNKNOWN: p => ({ key: 'unknown_subject', params: { code: p.code } }),
  OWN_UNIT_ONLY: () => ({ key: 'own_unit' }),
  INDICATOR_NOT_IN_GROUP: p => ({ key: 'not_in_group', params: { code: p.code, group: p.group } }),
  INDICATOR_UNKNOWN: p => ({ key: 'unknown_indicator', params: { code: p.code } }),
  NOT_A_NUMBER: () => ({ key: 'number' }),
  GRADE_UNKNOWN: p => ({ key: 'unknown_grade', params: { grade: p.code } }),
  SCORE_OUT_OF_RANGE: p => ({ key: 'range', params: { min: 0, max: p.max } }),
  TARGET_NOT_POSITIVE: () => ({ key: 'target_positive' }),
  INPUT_DUPLICATE: () => ({ key: 'duplicate' }),
  UNKNOWN_KEY: p => ({ key: 'unknown_field', params: { field: p.key } }),
};

/** A server (engine) problem as a translatable check by its code; any other code: the shared text in the console's language. */
export function serverCheck(p: Coded, locale = 'zh'): Check {
  const to = p.code ? SERVER_CODES[p.code] : undefined;
  if (to) return to(p.params ?? {});
  return {
    key: 'engine',
    raw: p.code
      ? problemText(
          { code: p.code as ProblemCode, params: p.params ?? {}, message: p.message },
          locale === 'en' ? 'en' : 'zh',
        )
      : p.message,
  };
}
