import { generateTenant } from '../bench/generate';
import { exampleDataset, exampleScheme } from '../test-support/example';
import { canonicalJson } from './canonical-json';

/** The definition canonicalJson must keep to: keys sorted at every level, written out by hand. */
function reference(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : reference(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('writes the example scheme and dataset as the reference does', () => {
    for (const v of [exampleScheme(), exampleDataset()]) expect(canonicalJson(v)).toBe(reference(v));
  });

  it('writes a generated tenant as the reference does', () => {
    const { scheme, dataset } = generateTenant(50, 40, 200, 7);
    for (const v of [scheme, dataset]) expect(canonicalJson(v)).toBe(reference(v));
  });

  it.each([
    [
      'sorted keys at every level',
      { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } },
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    ],
    ['undefined members left out, undefined items as null', { b: undefined, a: [undefined, 1] }, '{"a":[null,1]}'],
    ['array-index keys sorted as text', { 10: 'x', 9: 'y', a: 1, '01': 2 }, '{"01":2,"10":"x","9":"y","a":1}'],
    ['index keys nested under ordinary ones', { z: { 2: 1, 10: 2 }, a: 1 }, '{"a":1,"z":{"10":2,"2":1}}'],
    ['keys past the basic plane and escapes', { é: 1, 'a"b': 2, 考评: 3, '\u{1F600}': 4 }, undefined],
    ['a bare value', 3.5, '3.5'],
    ['undefined at the top', undefined, 'null'],
    ['empty containers', { a: {}, b: [] }, '{"a":{},"b":[]}'],
  ])('%s', (_name, value, text) => {
    expect(canonicalJson(value)).toBe(reference(value));
    if (text !== undefined) expect(canonicalJson(value)).toBe(text);
  });

  it('leaves its input unchanged', () => {
    const v = { b: { d: 1, c: 2 }, a: 1 };
    canonicalJson(v);
    expect(Object.keys(v)).toEqual(['b', 'a']);
    expect(Object.keys(v.b)).toEqual(['d', 'c']);
  });
});
