/**
 * Subject results build their nodes (and explanations) when `nodes` is first read. Everything a
 * consumer may do with a result must see the same data as when nodes were plain properties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../index';
import type { Result, ResultNode } from '../scheme/types';
import { exampleDataset, exampleScheme } from '../test-support/example';
import { clone, dataset, flatScheme, ind, subj } from '../test-support/factories';

/** `kaoping evaluate --explain` on the example, written when explanations were built eagerly. */
const EXPLAINED: Result = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'examples', 'district-2023.explained.json'), 'utf8'),
);
const KEYS = [
  'subject',
  'group',
  'base',
  'bonus',
  'deduction',
  'final',
  'rank',
  'grade',
  'vetoes',
  'nodes',
  'adjustments',
  'warnings',
];
const fresh = () => evaluate(exampleScheme(), exampleDataset());

describe('lazy subject results', () => {
  it('JSON.stringify gives exactly the eager JSON, key order included', () => {
    expect(JSON.stringify(fresh(), null, 2) + '\n').toBe(
      readFileSync(join(__dirname, '..', '..', 'examples', 'district-2023.explained.json'), 'utf8'),
    );
  });

  it('nodes is an own enumerable property in its place: keys, spread, entries, structuredClone, deep equality', () => {
    const r = fresh();
    const s = r.subjects[3];
    const want = EXPLAINED.subjects[3];
    expect(Object.keys(s)).toEqual(KEYS);
    expect(Object.getOwnPropertyDescriptor(s, 'nodes')?.enumerable).toBe(true);
    const spread = { ...s };
    expect(Object.getOwnPropertyDescriptor(spread, 'nodes')?.value).toEqual(want.nodes);
    expect(Object.fromEntries(Object.entries(s))).toEqual(want);
    expect(structuredClone(s)).toEqual(want);
    expect(s).toEqual(want);
    expect(r).toEqual(EXPLAINED);
  });

  it('the nodes are plain objects with explain as an ordinary property (indicators only)', () => {
    const s = fresh().subjects.find((x) => x.subject === 'T04')!;
    const tax = s.nodes.find((n) => n.code === 'TAX')!;
    expect(Object.getPrototypeOf(tax)).toBe(Object.prototype);
    expect(Object.keys(tax)).toEqual(['code', 'maxPoints', 'points', 'rate', 'explain']);
    expect({ ...tax }).toEqual({
      code: 'TAX',
      maxPoints: 8,
      points: 2.68,
      rate: 0.3344,
      explain: '实际 5350 / 目标 16000 = 33.44%，得 2.68 分（满分 8 分）',
    });
    const categories = s.nodes.filter((n) => !('rate' in n));
    expect(categories.length).toBeGreaterThan(0);
    for (const n of categories) expect('explain' in n).toBe(false);
  });

  it('nodes are built once: the same array on every read; assigning replaces them', () => {
    const r = fresh();
    const s = r.subjects[0];
    const first = s.nodes;
    expect(s.nodes).toBe(first);
    first[0] = { code: 'X', out: true };
    expect(JSON.parse(JSON.stringify(s)).nodes[0]).toEqual({ code: 'X', out: true });
    const other: ResultNode[] = [];
    s.nodes = other;
    expect(s.nodes).toBe(other);
    expect(JSON.parse(JSON.stringify(r)).subjects[0].nodes).toEqual([]);
  });

  it('without explanations the nodes have no explain at all', () => {
    const r = evaluate(exampleScheme(), exampleDataset(), { explain: false });
    const nodes = r.subjects.flatMap((s) => s.nodes);
    expect(nodes.filter((n) => 'rate' in n).length).toBeGreaterThan(300);
    for (const n of nodes) expect('explain' in n).toBe(false);
  });

  it('explanations come from the dataset rows when read: a row changed after evaluate is refused, not mis-explained', () => {
    const d = exampleDataset();
    const r = evaluate(exampleScheme(), d);
    const t04 = r.subjects.findIndex((x) => x.subject === 'T04');
    const before = clone(r.subjects[0].nodes); // read before the change: kept as built
    d.inputs.find((x) => x.subject === 'T04' && x.indicator === 'TAX')!.actual = 1;
    expect(() => r.subjects[t04].nodes).toThrow(/dataset changed after evaluate/);
    expect(r.subjects[0].nodes).toEqual(before);
  });

  it("explanation tails carry the node's own numbers at any precision (0 to 4 decimals)", () => {
    for (const precision of [0, 1, 2, 3, 4]) {
      const sc = flatScheme(
        [ind('A', { type: 'SCORE' }, 1), ind('B', { type: 'SCORE' }, 2), ind('C', { type: 'SCORE' }, 4)],
        { precision },
      );
      const d = dataset(
        ['X', 'Y'].map((c) => subj(c, 'G')),
        ['X', 'Y'].flatMap((c, k) =>
          ['A', 'B', 'C'].map((i, j) => ({ subject: c, indicator: i, score: 12.3456 * (k + 1) + j })),
        ),
      );
      for (const s of evaluate(sc, d).subjects) {
        for (const n of s.nodes) {
          if (!('rate' in n) || n.rate === undefined) continue;
          expect(n.explain).toMatch(
            new RegExp(
              `: ${String(n.points).replace('.', '\\.')} of ${String(n.maxPoints).replace('.', '\\.')} points$`,
            ),
          );
        }
      }
    }
  });
});
