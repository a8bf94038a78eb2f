// The data-entry grid's pure helpers (model.ts): fields and columns per method, cells checked as
// the server checks them, Excel/WPS clipboard blocks, server problems as the grid's checks.
import { describe, expect, test } from '@jest/globals';
import { problem, type Method, type Scheme } from '@kaoping/shared';
import exampleScheme from '../../../shared/examples/district-2023.scheme.json';
import {
  checkCell,
  fieldsOf,
  gradeLevels,
  indicatorColumns,
  parseClipboard,
  parseNumber,
  placePaste,
  serverCheck,
  subColumns,
  type Column,
} from './model';

const SCHEME = exampleScheme as unknown as Scheme;
const col = (method: Method): Column => ({ code: 'X', name: 'X', path: [], method, fields: fieldsOf(method) });

describe('data-entry grid helpers (admin console)', () => {
  test('fields per method; columns of the example TOWNSHIP tree with category paths', () => {
    expect(fieldsOf({ type: 'TARGET' })).toEqual(['actual', 'target']);
    expect(fieldsOf({ type: 'LADDER', steps: [{ min: 0, score: 1 }] })).toEqual(['actual']);
    expect(fieldsOf({ type: 'LADDER', basis: 'RATIO', steps: [{ min: 0, score: 1 }] })).toEqual(['actual', 'target']);
    expect(fieldsOf({ type: 'GRADE', levels: { A: 1 } })).toEqual(['grade']);
    expect(fieldsOf({ type: 'SCORE' })).toEqual(['score']);
    expect(fieldsOf({ type: 'FORMULA', expression: 'min(1, previous / target) + peerMax * 0' })).toEqual([
      'target',
      'previous',
    ]);
    expect(fieldsOf({ type: 'SURVEY', voterGroups: { A: 1 }, options: { X: 1 } })).toEqual([]);
    const columns = indicatorColumns(SCHEME.groups[0].root);
    const tax = columns.find(c => c.code === 'TAX')!;
    expect(tax).toMatchObject({ name: expect.any(String), unit: '万元', fields: ['actual', 'target'] });
    expect(tax.path.length).toBeGreaterThan(0);
    expect(tax.path).not.toContain(SCHEME.groups[0].root.name);
    const subs = subColumns(columns);
    expect(subs.filter(s => s.column.code === 'PUBLIC_EVAL')).toEqual([
      { column: expect.objectContaining({ code: 'PUBLIC_EVAL' }), field: null },
    ]);
    expect(subs.length).toBe(columns.reduce((n, c) => n + Math.max(1, c.fields.length), 0));
  });

  test('cells are parsed and checked like the server: numbers, grades, bounds, both fields, N/A', () => {
    expect(parseNumber(' 1,234.5 ')).toBe(1234.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('12abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
    const target = col({ type: 'TARGET' });
    expect(checkCell(target, { actual: '5,200', target: '5000' })).toEqual({
      value: { actual: 5200, target: 5000 },
      errors: {},
    });
    expect(checkCell(target, { actual: 'abc', target: '5000' }).errors.actual?.key).toBe('number');
    expect(checkCell(target, { actual: '1' }).errors.target?.key).toBe('required');
    expect(checkCell(target, { actual: '1', target: '0' }).errors.target?.key).toBe('target_positive');
    expect(checkCell(col({ type: 'TARGET', direction: 'LOWER' }), { actual: '1', target: '0' }).value).toEqual({
      actual: 1,
      target: 0,
    });
    expect(checkCell(target, {})).toEqual({ value: null, errors: {} });
    expect(checkCell(target, { actual: 'N/A' }).value).toEqual({ notApplicable: true });
    const score = col({ type: 'SCORE', max: 10 });
    expect(checkCell(score, { score: '11' }).errors.score).toEqual({ key: 'range', params: { min: 0, max: 10 } });
    expect(checkCell(score, { score: '9.5' }, { previous: 3 }).value).toEqual({ previous: 3, score: 9.5 });
    const grade = col({ type: 'GRADE', levels: { A: 1, B: 0.8 } });
    expect(checkCell(grade, { grade: 'b' }).value).toEqual({ grade: 'B' });
    expect(checkCell(grade, { grade: 'Z' }).errors.grade).toEqual({ key: 'grade', params: { levels: 'A / B' } });
    // jsonb keeps no key order: letters best first
    expect(gradeLevels({ D: 0.5, A: 1, C: 0.7, B: 0.85 })).toEqual(['A', 'B', 'C', 'D']);
    expect(checkCell(col({ type: 'GRADE', levels: { B: 0.8, A: 1 } }), { grade: 'Z' }).errors.grade?.params).toEqual({
      levels: 'A / B',
    });
  });

  test('Excel/WPS clipboard text: CRLF rows, tabs, quoted cells; a block is placed from the focused cell, overflow counted', () => {
    expect(parseClipboard('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseClipboard('a\t"x\ty"\n"say ""hi"""\t\n')).toEqual([
      ['a', 'x\ty'],
      ['say "hi"', ''],
    ]);
    expect(parseClipboard('5')).toEqual([['5']]);
    const placed = placePaste(
      [
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
      1,
      1,
      2,
      3,
    );
    expect(placed.targets).toEqual([
      { row: 1, sub: 1, text: '1' },
      { row: 1, sub: 2, text: '2' },
    ]);
    expect(placed.outside).toBe(4);
  });

  test('server problems become translatable checks where known; others keep their text', () => {
    expect(serverCheck(problem('/subject', 'SUBJECT_UNKNOWN', { code: 'T99' }))).toEqual({
      key: 'unknown_subject',
      params: { code: 'T99' },
    });
    expect(serverCheck(problem('/value/actual', 'NOT_A_NUMBER', { key: 'actual' }))).toEqual({ key: 'number' });
    expect(serverCheck(problem('/value/score', 'SCORE_OUT_OF_RANGE', { max: 100 }))).toEqual({
      key: 'range',
      params: { min: 0, max: 100 },
    });
    expect(serverCheck(problem('/value/acutal', 'UNKNOWN_KEY', { key: 'acutal', suggestion: 'actual' }))).toEqual({
      key: 'unknown_field',
      params: { field: 'acutal' },
    });
    // any other code: the shared text in the console's language; no code at all: the message as sent
    expect(serverCheck(problem('/value', 'NOT_AN_OBJECT', { what: 'value' }), 'zh')).toEqual({
      key: 'engine',
      raw: '值格式不正确（应为对象）',
    });
    expect(serverCheck(problem('/value', 'NOT_AN_OBJECT', { what: 'value' }), 'en')).toEqual({
      key: 'engine',
      raw: 'value must be an object',
    });
    expect(serverCheck({ message: 'something new' })).toEqual({ key: 'engine', raw: 'something new' });
  });
});
