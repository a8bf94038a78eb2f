/**
 * Values as people type them into Excel, WPS or the console grid, read into what a dataset holds.
 * Pure: the workbook importer (server) and the entry grid (console) read cells the same way.
 *
 * Percentages: a scheme stores a value in its indicator's `unit`. An indicator whose unit is `%`
 * holds percentage points (`actual: 6.4` is 6.4 %), so `8.2%` typed there is 8.2. Anywhere else
 * `8.2%` is the number it denotes, 0.082. A cell that Excel formats as a percentage holds the
 * fraction (8.2 % is stored as 0.082); pass `percentFormatted` and it is read the same way as the
 * typed text. Decimal shifts go through the decimal text, so `8.2%` is exactly 0.082, not
 * 0.08199999999999999.
 */

export type ValueProblemCode =
  | 'NOT_A_NUMBER' // { text }
  | 'NOT_A_WHOLE_NUMBER' // { text } — ballot counts
  | 'NEGATIVE' // { text } — ballot counts
  | 'NOT_A_FLAG' // { text } — a notApplicable column
  | 'UNKNOWN_GRADE' // { text, levels: 'A / B / C' }
  | 'CELL_ERROR' // { text: '#DIV/0!' } — an Excel error value
  | 'CONTROL_CHARACTER' // { text } — NUL and other control characters are refused
  | 'TOO_LONG'; // { max } — more than MAX_TEXT characters

export interface ValueProblem {
  code: ValueProblemCode;
  params: Record<string, string | number>;
}

export type ParsedValue<T = number> =
  | { kind: 'blank' }
  | { kind: 'notApplicable' }
  | { kind: 'value'; value: T }
  | { kind: 'problem'; problem: ValueProblem };

/** What a cell may hold: typed text, or what a spreadsheet library gives for a cell. */
export type CellInput = string | number | boolean | Date | null | undefined | { error: string };

export interface NumberOptions {
  /** The indicator's unit: `%` makes `8.2%` read as 8.2; a trailing unit (`12 件`) is allowed. */
  unit?: string;
  /** The cell is formatted as a percentage in the workbook (it holds 0.082 for 8.2 %). */
  percentFormatted?: boolean;
}

/** The longest text read from one cell. */
export const MAX_TEXT = 1000;

const FULL_WIDTH: Record<string, string> = {
  '．': '.',
  '。': '.',
  '，': ',',
  '－': '-',
  '−': '-',
  '＋': '+',
  '％': '%',
  '／': '/',
  '（': '(',
  '）': ')',
  '￥': '¥',
  '\u3000': ' ',
  '\u00a0': ' ',
};

/** Full-width digits, letters and punctuation (IME input) to their ASCII forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (FULL_WIDTH[ch] !== undefined) out += FULL_WIDTH[ch];
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += ch;
  }
  return out;
}

/** `N/A`, `NA`, `不适用`, `无此项`, `—`, `-`: the subject has no such item. */
const NOT_APPLICABLE = /^(n\/?a|不适用|无此项|—|--?)$/i;
const TRUE_FLAG = /^(true|yes|y|1|是|√|✓|✔|不适用|n\/?a)$/i;
const FALSE_FLAG = /^(false|no|n|0|否|×|✗)$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const PLAIN = /^\d+(\.\d*)?$|^\.\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const EXPONENT = /^(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i;

type Problem = { kind: 'problem'; problem: ValueProblem };
const problem = (code: ValueProblemCode, params: Record<string, string | number>): Problem => ({
  kind: 'problem',
  problem: { code, params },
});

type Prepared = { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'blank' } | Problem;

/** Common first step: blanks, error values, control characters, dates, booleans. */
function prepare(input: CellInput): Prepared {
  if (input === null || input === undefined) return { kind: 'blank' };
  if (typeof input === 'number')
    return Number.isFinite(input) ? { kind: 'number', value: input } : problem('NOT_A_NUMBER', { text: String(input) });
  if (typeof input === 'boolean') return { kind: 'text', text: input ? 'TRUE' : 'FALSE' };
  if (input instanceof Date)
    return { kind: 'text', text: Number.isNaN(input.getTime()) ? 'Invalid Date' : input.toISOString().slice(0, 10) };
  if (typeof input === 'object') return problem('CELL_ERROR', { text: String(input.error) });
  if (input.length > MAX_TEXT) return problem('TOO_LONG', { max: MAX_TEXT });
  if (CONTROL.test(input)) return problem('CONTROL_CHARACTER', { text: visible(input) });
  const text = toHalfWidth(input).trim();
  if (text === '') return { kind: 'blank' };
  if (/^#[A-Z0-9/]+[!?]?$/.test(text) && text !== '#') return problem('CELL_ERROR', { text });
  return { kind: 'text', text };
}

const visible = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.slice(0, 40).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Multiplies a decimal text by 10^shift without binary rounding on the way (`8.2`, -2 → 0.082). */
function shifted(decimal: string, shift: number): number {
  if (shift === 0) return Number(decimal);
  const m = /^(.*?)(?:e([+-]?\d+))?$/i.exec(decimal)!;
  return Number(`${m[1]}e${Number(m[2] ?? 0) + shift}`);
}

/**
 * A number as typed: `1,234.5`, `１２３．４５`, `8.2%`, `-3`, `(3)` (accounting negative),
 * `¥1,200`, `1.2E+3`, `12 件` (the indicator's own unit); `N/A`/`不适用` → notApplicable,
 * blank → blank. Thousands separators must group by three (`12,34` is refused, it is likely a typo).
 */
export function parseNumberValue(input: CellInput, opts: NumberOptions = {}): ParsedValue {
  const p = prepare(input);
  const percentUnit = opts.unit !== undefined && toHalfWidth(opts.unit).trim() === '%';
  if (p.kind === 'number') {
    return { kind: 'value', value: opts.percentFormatted && percentUnit ? shifted(String(p.value), 2) : zero(p.value) };
  }
  if (p.kind !== 'text') return p;
  if (NOT_APPLICABLE.test(p.text)) return { kind: 'notApplicable' };
  let t = p.text;
  const unit = opts.unit === undefined ? '' : toHalfWidth(opts.unit).trim();
  if (unit !== '' && unit !== '%' && t.endsWith(unit)) t = t.slice(0, -unit.length).trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  if (t.startsWith('-') || t.startsWith('+')) {
    negative = negative !== (t[0] === '-');
    t = t.slice(1).trim();
  }
  if (t.startsWith('¥') || t.startsWith('$')) t = t.slice(1).trim();
  let shift = 0;
  if (t.endsWith('%')) {
    shift = percentUnit ? 0 : -2;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(/(?<=\d) (?=\d{3}(\D|$))/g, ',');
  if (GROUPED.test(t)) t = t.replace(/,/g, '');
  if (!PLAIN.test(t) && !EXPONENT.test(t)) return problem('NOT_A_NUMBER', { text: p.text });
  const n = shifted(t, shift);
  if (!Number.isFinite(n)) return problem('NOT_A_NUMBER', { text: p.text });
  return { kind: 'value', value: zero(negative ? -n : n) };
}

const zero = (n: number): number => (n === 0 ? 0 : n);

/** A SURVEY ballot count: a whole number ≥ 0 (blank is no count). */
export function parseCountValue(input: CellInput): ParsedValue {
  const r = parseNumberValue(input);
  if (r.kind === 'notApplicable') return problem('NOT_A_NUMBER', { text: textOf(input) });
  if (r.kind !== 'value') return r;
  if (!Number.isInteger(r.value)) return problem('NOT_A_WHOLE_NUMBER', { text: textOf(input) });
  if (r.value < 0) return problem('NEGATIVE', { text: textOf(input) });
  return r;
}

/** A GRADE level, matched exactly, then ignoring case and width (`ａ` → `A`). */
export function parseGradeValue(input: CellInput, levels: readonly string[]): ParsedValue<string> {
  const p = prepare(input);
  if (p.kind === 'number') return matchGrade(String(p.value), levels);
  if (p.kind !== 'text') return p;
  if (NOT_APPLICABLE.test(p.text)) return { kind: 'notApplicable' };
  return matchGrade(p.text, levels);
}

function matchGrade(text: string, levels: readonly string[]): ParsedValue<string> {
  const found =
    levels.find((l) => l === text) ?? levels.find((l) => toHalfWidth(l).toUpperCase() === text.toUpperCase());
  return found === undefined
    ? problem('UNKNOWN_GRADE', { text, levels: levels.join(' / ') })
    : { kind: 'value', value: found };
}

/** A yes/no cell (`notApplicable` column): 是/否, TRUE/FALSE, Y/N, 1/0, √/×; blank is no value. */
export function parseFlagValue(input: CellInput): ParsedValue<boolean> {
  const p = prepare(input);
  if (p.kind === 'number')
    return p.value === 1 || p.value === 0
      ? { kind: 'value', value: p.value === 1 }
      : problem('NOT_A_FLAG', { text: String(p.value) });
  if (p.kind !== 'text') return p;
  if (TRUE_FLAG.test(p.text)) return { kind: 'value', value: true };
  if (FALSE_FLAG.test(p.text)) return { kind: 'value', value: false };
  return problem('NOT_A_FLAG', { text: p.text });
}

/** Plain text (a name, a note): trimmed; blank → blank; control characters refused. */
export function parseTextValue(input: CellInput): ParsedValue<string> {
  const p = prepare(input);
  if (p.kind === 'number') return { kind: 'value', value: String(p.value) };
  if (p.kind !== 'text') return p;
  // The text as written (not made half-width): names and notes keep their own characters.
  return { kind: 'value', value: typeof input === 'string' ? input.trim() : p.text };
}

function textOf(input: CellInput): string {
  if (typeof input === 'object' && input !== null && !(input instanceof Date)) return input.error;
  return String(input ?? '').trim();
}

const WORDS: Record<'zh' | 'en', Record<ValueProblemCode, (p: Record<string, string | number>) => string>> = {
  zh: {
    NOT_A_NUMBER: () => '不是有效的数字',
    NOT_A_WHOLE_NUMBER: () => '应为整数',
    NEGATIVE: () => '不能为负数',
    NOT_A_FLAG: () => '应为“是”或“否”',
    UNKNOWN_GRADE: (p) => `等次应为 ${p.levels} 之一`,
    CELL_ERROR: (p) => `单元格为错误值 ${p.text}`,
    CONTROL_CHARACTER: () => '含有不可见的控制字符',
    TOO_LONG: (p) => `内容过长（最多 ${p.max} 个字符）`,
  },
  en: {
    NOT_A_NUMBER: () => 'not a valid number',
    NOT_A_WHOLE_NUMBER: () => 'must be a whole number',
    NEGATIVE: () => 'must not be negative',
    NOT_A_FLAG: () => 'must be yes or no',
    UNKNOWN_GRADE: (p) => `grade must be one of ${p.levels}`,
    CELL_ERROR: (p) => `the cell holds the error value ${p.text}`,
    CONTROL_CHARACTER: () => 'contains invisible control characters',
    TOO_LONG: (p) => `too long (at most ${p.max} characters)`,
  },
};

/** A value problem in the reader's language (`不是有效的数字` / `not a valid number`). */
export function describeValueProblem(p: ValueProblem, lang: 'zh' | 'en'): string {
  return WORDS[lang][p.code](p.params);
}
