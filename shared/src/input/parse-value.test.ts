import {
  parseNumberValue,
  parseCountValue,
  parseGradeValue,
  parseFlagValue,
  parseTextValue,
  describeValueProblem,
  toHalfWidth,
  methodInputFields,
} from '../index';

const num = (value: number) => ({ kind: 'value', value });
const notANumber = (text: string) => ({ kind: 'problem', problem: { code: 'NOT_A_NUMBER', params: { text } } });

describe('parseNumberValue', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['  42 ', 42],
    ['-3', -3],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1.2E+3', 1200],
    ['(1,200)', -1200],
    ['¥1,200', 1200],
    ['￥１，２００', 1200],
    ['１２３．４５', 123.45],
    ['１２３。４５', 123.45],
    ['－７', -7],
    ['−7', -7],
    ['\u3000８\u3000', 8],
    ['1 234 567.5', 1234567.5],
    ['-0', 0],
    ['0.1', 0.1],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberValue(text)).toEqual(num(value));
  });

  it('reads a percentage as the number it denotes, exactly', () => {
    expect(parseNumberValue('8.2%')).toEqual(num(0.082));
    expect(parseNumberValue('８．２％')).toEqual(num(0.082));
    expect(parseNumberValue('-0.7%')).toEqual(num(-0.007));
    expect(parseNumberValue('1,250%')).toEqual(num(12.5));
  });

  it('keeps percentage points for an indicator whose unit is %', () => {
    expect(parseNumberValue('8.2%', { unit: '%' })).toEqual(num(8.2));
    expect(parseNumberValue('8.2', { unit: '%' })).toEqual(num(8.2));
    expect(parseNumberValue('8.2％', { unit: '％' })).toEqual(num(8.2));
  });

  it('reads a percent-formatted cell (0.082) in the unit of the indicator', () => {
    expect(parseNumberValue(0.082, { unit: '%', percentFormatted: true })).toEqual(num(8.2));
    expect(parseNumberValue(0.082, { percentFormatted: true })).toEqual(num(0.082));
    expect(parseNumberValue(0.082, { unit: '%' })).toEqual(num(0.082));
  });

  it("accepts the indicator's own unit after the number", () => {
    expect(parseNumberValue('12 件', { unit: '件' })).toEqual(num(12));
    expect(parseNumberValue('5,350万元', { unit: '万元' })).toEqual(num(5350));
    expect(parseNumberValue('12 件', { unit: '起' })).toEqual(notANumber('12 件'));
  });

  it('passes cell numbers through and turns -0 into 0', () => {
    expect(parseNumberValue(17.25)).toEqual(num(17.25));
    expect(Object.is((parseNumberValue(-0) as { value: number }).value, 0)).toBe(true);
    expect(parseNumberValue(Number.NaN)).toEqual(notANumber('NaN'));
    expect(parseNumberValue(Infinity)).toEqual(notANumber('Infinity'));
  });

  it('blank and not applicable', () => {
    for (const b of [undefined, null, '', '   ', '\u3000']) expect(parseNumberValue(b)).toEqual({ kind: 'blank' });
    for (const na of ['N/A', 'n/a', 'NA', '不适用', '无此项', '—', '-', 'Ｎ／Ａ'])
      expect(parseNumberValue(na)).toEqual({ kind: 'notApplicable' });
  });

  it.each(['abc', '12,34', '1,2345', '1.2.3', '12a', '--5', '%', 'Infinity', '1e999', '0x10', '1_000', 'TRUE'])(
    'refuses %j with NOT_A_NUMBER and the text',
    (text) => {
      expect(parseNumberValue(text)).toEqual(notANumber(text));
    },
  );

  it('refuses booleans, dates, Excel error values, control characters and very long text by code', () => {
    expect(parseNumberValue(true)).toEqual(notANumber('TRUE'));
    expect(parseNumberValue(new Date('2024-08-02T00:00:00Z'))).toEqual(notANumber('2024-08-02'));
    expect(parseNumberValue({ error: '#DIV/0!' })).toEqual({
      kind: 'problem',
      problem: { code: 'CELL_ERROR', params: { text: '#DIV/0!' } },
    });
    expect(parseNumberValue('#N/A')).toEqual({
      kind: 'problem',
      problem: { code: 'CELL_ERROR', params: { text: '#N/A' } },
    });
    expect(parseNumberValue('1\u00002')).toEqual({
      kind: 'problem',
      problem: { code: 'CONTROL_CHARACTER', params: { text: '1\\u00002' } },
    });
    expect(parseNumberValue('1'.repeat(1001))).toEqual({
      kind: 'problem',
      problem: { code: 'TOO_LONG', params: { max: 1000 } },
    });
  });
});

describe('other cell kinds', () => {
  it('counts are whole numbers ≥ 0', () => {
    expect(parseCountValue('１２')).toEqual(num(12));
    expect(parseCountValue('1,200')).toEqual(num(1200));
    expect(parseCountValue('')).toEqual({ kind: 'blank' });
    expect(parseCountValue('2.5')).toEqual({
      kind: 'problem',
      problem: { code: 'NOT_A_WHOLE_NUMBER', params: { text: '2.5' } },
    });
    expect(parseCountValue(-1)).toEqual({ kind: 'problem', problem: { code: 'NEGATIVE', params: { text: '-1' } } });
    expect(parseCountValue('N/A')).toEqual(notANumber('N/A'));
  });

  it('grades match exactly, then ignoring case and width', () => {
    const levels = ['A', 'B', 'C'];
    expect(parseGradeValue('B', levels)).toEqual({ kind: 'value', value: 'B' });
    expect(parseGradeValue(' ｂ ', levels)).toEqual({ kind: 'value', value: 'B' });
    expect(parseGradeValue('优秀', ['优秀', '良好'])).toEqual({ kind: 'value', value: '优秀' });
    expect(parseGradeValue('不适用', levels)).toEqual({ kind: 'notApplicable' });
    expect(parseGradeValue('D', levels)).toEqual({
      kind: 'problem',
      problem: { code: 'UNKNOWN_GRADE', params: { text: 'D', levels: 'A / B / C' } },
    });
  });

  it('flags read 是/否, TRUE/FALSE, 1/0, √/×', () => {
    for (const t of ['是', 'TRUE', true, 1, '√', 'Y', '不适用'])
      expect(parseFlagValue(t)).toEqual({ kind: 'value', value: true });
    for (const f of ['否', 'false', false, 0, '×', 'n'])
      expect(parseFlagValue(f)).toEqual({ kind: 'value', value: false });
    expect(parseFlagValue('')).toEqual({ kind: 'blank' });
    expect(parseFlagValue('maybe')).toEqual({
      kind: 'problem',
      problem: { code: 'NOT_A_FLAG', params: { text: 'maybe' } },
    });
  });

  it('text keeps its own characters, trimmed', () => {
    expect(parseTextValue('  全角ＡＢＣ\u3000')).toEqual({ kind: 'value', value: '全角ＡＢＣ' });
    expect(parseTextValue(12)).toEqual({ kind: 'value', value: '12' });
    expect(parseTextValue('a\u0000b').kind).toBe('problem');
  });

  it('half-width conversion and words in both languages', () => {
    expect(toHalfWidth('ＡＢＣ１２３，．％（）')).toBe('ABC123,.%()');
    expect(describeValueProblem({ code: 'NOT_A_NUMBER', params: { text: 'x' } }, 'zh')).toBe('不是有效的数字');
    expect(describeValueProblem({ code: 'NOT_A_NUMBER', params: { text: 'x' } }, 'en')).toBe('not a valid number');
    expect(describeValueProblem({ code: 'UNKNOWN_GRADE', params: { text: 'D', levels: 'A / B' } }, 'zh')).toBe(
      '等次应为 A / B 之一',
    );
  });
});

describe('methodInputFields', () => {
  it('lists what each method reads', () => {
    expect(methodInputFields({ type: 'TARGET' })).toEqual(['actual', 'target']);
    expect(methodInputFields({ type: 'LADDER', basis: 'RATIO', steps: [] })).toEqual(['actual', 'target']);
    expect(methodInputFields({ type: 'LADDER', steps: [] })).toEqual(['actual']);
    expect(methodInputFields({ type: 'GRADE', levels: {} })).toEqual(['grade']);
    expect(methodInputFields({ type: 'SURVEY', voterGroups: {}, options: {} })).toEqual(['ballots']);
    expect(methodInputFields({ type: 'FORMULA', expression: 'actual / previous' })).toEqual(['actual', 'previous']);
    expect(methodInputFields({ type: 'LINKED' })).toEqual([]);
  });
});
