import fc from 'fast-check';
import { evaluate } from '../index';
import type { Dataset, Input, Method, Result, Scheme, SchemeNode } from '../scheme/types';
import { cat, clone, dataset, group, ind, scheme, subj } from '../test-support/factories';
import { shareQuota } from './grading';
import { roundScaled } from './rounding';

const METHODS: Method[] = [
  { type: 'TARGET', cap: 1.2 },
  { type: 'SCORE' },
  { type: 'RANK', step: 0.1, floor: 0.5 },
  { type: 'LINEAR', floor: 0.2 },
  { type: 'GRADE', levels: { A: 1, B: 0.7 } },
  { type: 'FORMULA', expression: 'min(1, actual / peerMax)' },
];

/** A random tree, subjects and inputs (each input drawn per method; some not applicable, some missing). */
const arbCase = fc.record({
  shape: fc.array(
    fc.array(fc.record({ w: fc.integer({ min: 1, max: 50 }), m: fc.integer({ min: 0, max: METHODS.length - 1 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    { minLength: 1, maxLength: 4 },
  ),
  catWeights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 }),
  n: fc.integer({ min: 1, max: 12 }),
  seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 200, maxLength: 200 }),
});

interface Case {
  shape: { w: number; m: number }[][];
  catWeights: number[];
  n: number;
  seed: number[];
}

function build(c: Case, scale = 1): { s: Scheme; d: Dataset } {
  const children: SchemeNode[] = c.shape.map((leaves, ci) =>
    cat(
      `C${ci}`,
      leaves.map((l, li) => ind(`I${ci}_${li}`, METHODS[l.m], l.w * scale)),
      c.catWeights[ci] * scale,
    ),
  );
  const s = scheme([group('G', children)]);
  const inputs: Input[] = [];
  let k = 0;
  const next = () => c.seed[k++ % c.seed.length];
  for (let i = 0; i < c.n; i++) {
    c.shape.forEach((leaves, ci) =>
      leaves.forEach((l, li) => {
        const r = next();
        if (r < 60) return; // missing input
        const base: Input = { subject: `S${i}`, indicator: `I${ci}_${li}` };
        if (r < 120) inputs.push({ ...base, notApplicable: true });
        else if (METHODS[l.m].type === 'SCORE') inputs.push({ ...base, score: r % 101 });
        else if (METHODS[l.m].type === 'GRADE') inputs.push({ ...base, grade: r % 2 ? 'A' : 'B' });
        else inputs.push({ ...base, actual: r / 7, target: 1 + (next() % 200) });
      }),
    );
  }
  return {
    s,
    d: dataset(
      Array.from({ length: c.n }, (_, i) => subj(`S${i}`, 'G')),
      inputs,
    ),
  };
}

const sumChildren = (r: Result, s: Scheme) => {
  const byCode = (nodes: Result['subjects'][0]['nodes']) => new Map(nodes.map((n) => [n.code, n]));
  for (const sr of r.subjects) {
    const m = byCode(sr.nodes);
    const check = (n: SchemeNode): void => {
      if (!('children' in n)) return;
      const me = m.get(n.code)!;
      if ('out' in me) return;
      const total = n.children.reduce((acc, c) => {
        const x = m.get(c.code)!;
        return 'out' in x ? acc : acc + roundScaled(x.points, 2);
      }, 0);
      expect(roundScaled(me.points, 2)).toBe(total);
      n.children.forEach(check);
    };
    check(s.groups[0].root);
    expect(sr.base).toBe('out' in sr.nodes[0] ? 0 : sr.nodes[0].points);
  }
};

describe('properties', () => {
  it('category points are the exact sums of their children; base is the root', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { s, d } = build(c);
        sumChildren(evaluate(s, d), s);
      }),
      { numRuns: 150 },
    );
  });

  it('multiplying all weights by a constant changes nothing', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 2, max: 37 }), (c, k) => {
        const a = build(c);
        const b = build(c, k);
        expect(evaluate(b.s, b.d)).toEqual(evaluate(a.s, a.d));
      }),
      { numRuns: 100 },
    );
  });

  it('shuffling subjects changes no number', () => {
    fc.assert(
      fc.property(arbCase, fc.integer(), (c, seed) => {
        const { s, d } = build(c);
        const shuffled = clone(d);
        let x = seed;
        for (let i = shuffled.subjects.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          const j = x % (i + 1);
          [shuffled.subjects[i], shuffled.subjects[j]] = [shuffled.subjects[j], shuffled.subjects[i]];
        }
        shuffled.inputs.reverse();
        const a = evaluate(s, d);
        const b = evaluate(s, shuffled);
        const bySubject = (r: Result) => Object.fromEntries(r.subjects.map((x) => [x.subject, x]));
        expect(bySubject(b)).toEqual(bySubject(a));
        expect(b.groups).toEqual(a.groups);
      }),
      { numRuns: 100 },
    );
  });

  it('quotas are never exceeded, ranks agree with finals, grades respect minScore', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (scores, share) => {
          const s = scheme([group('G', [ind('I', { type: 'SCORE' })])], {
            grades: [
              { code: 'A', name: 'A', minScore: 50, maxShare: share },
              { code: 'B', name: 'B', minScore: 30, maxShare: 0.5 },
              { code: 'C', name: 'C' },
            ],
          });
          const d = dataset(
            scores.map((_, i) => subj(`S${i}`, 'G')),
            scores.map((v, i) => ({ subject: `S${i}`, indicator: 'I', score: v / 100 })),
          );
          const r = evaluate(s, d);
          const n = scores.length;
          expect(r.groups[0].gradeCounts.A).toBeLessThanOrEqual(shareQuota(share, n));
          expect(r.groups[0].gradeCounts.B).toBeLessThanOrEqual(shareQuota(0.5, n));
          for (const a of r.subjects) {
            expect(a.rank).toBe(1 + r.subjects.filter((b) => b.final > a.final).length);
            if (a.grade === 'A') expect(a.final).toBeGreaterThanOrEqual(50);
            if (a.grade === 'B') expect(a.final).toBeGreaterThanOrEqual(30);
            for (const b of r.subjects) if (b.final === a.final) expect(b.grade).toBe(a.grade);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
