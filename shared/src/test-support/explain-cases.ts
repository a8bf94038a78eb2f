/**
 * Explanation cases that reach every wording (each method, LOWER, RATIO ladders, clamps, missing
 * input, division by zero) and a generated tenant: the test compares their Chinese text with the
 * text recorded before explanations became data (explain-zh.fixture.json).
 */
import { createHash } from 'node:crypto';
import { generateTenant } from '../bench/generate';
import { evaluateValidated } from '../engine/evaluate';
import { previewIndicator, type PreviewOptions } from '../engine/preview';
import type { IndicatorNode, Input, Method } from '../scheme/types';

const ind = (method: Method): IndicatorNode => ({ code: 'X', name: 'X', weight: 1, method });

export const CASES: [Method, Partial<Input> | undefined, PreviewOptions][] = [
  [{ type: 'TARGET' }, { actual: 5350, target: 16000 }, { maxPoints: 8 }],
  [{ type: 'TARGET' }, { actual: 5200, target: 5000 }, { maxPoints: 8 }],
  [{ type: 'TARGET', cap: 1.2, floor: 0.3 }, { actual: 1, target: 50 }, { maxPoints: 7.5 }],
  [{ type: 'TARGET', direction: 'LOWER' }, { actual: 3, target: 5 }, {}],
  [{ type: 'TARGET', direction: 'LOWER' }, { actual: 3, target: 0 }, {}],
  [{ type: 'TARGET', direction: 'LOWER' }, { actual: 8, target: 5.5 }, { maxPoints: 3.333333 }],
  [{ type: 'TARGET' }, { actual: 1 }, { maxPoints: 8 }],
  [
    {
      type: 'LADDER',
      steps: [
        { min: 90, score: 1 },
        { min: 70, score: 0.8 },
      ],
    },
    { actual: 75.5 },
    {},
  ],
  [
    {
      type: 'LADDER',
      steps: [
        { min: 90, score: 1 },
        { min: 70, score: 0.8 },
      ],
    },
    { actual: 12 },
    {},
  ],
  [
    {
      type: 'LADDER',
      basis: 'RATIO',
      steps: [
        { max: 0.5, score: 1 },
        { max: 1, score: 0.6 },
      ],
    },
    { actual: 3, target: 4 },
    {},
  ],
  [{ type: 'LADDER', basis: 'RATIO', steps: [{ max: 0.5, score: 1 }] }, { actual: 3, target: 0 }, {}],
  [{ type: 'RANK', step: 0.1, floor: 0.5 }, { actual: 3 }, { peerActuals: [1, 5, 9, 9, 12, 14, 15] }],
  [{ type: 'RANK', step: 0.05, direction: 'LOWER' }, { actual: 3 }, { peerActuals: [1, 5, 9] }],
  [{ type: 'LINEAR', floor: 0.4 }, { actual: 7 }, { peerActuals: [1, 5, 9] }],
  [{ type: 'LINEAR', direction: 'LOWER' }, { actual: 7.25 }, { peerActuals: [1, 5, 9] }],
  [{ type: 'GRADE', levels: { A: 1, B: 0.85 } }, { grade: 'B' }, { maxPoints: 4 }],
  [{ type: 'SCORE', max: 10 }, { score: 8.5 }, {}],
  [
    { type: 'SURVEY', voterGroups: { L: 3, S: 1 }, options: { E: 1, P: 0.2 } },
    { ballots: { L: { E: 3, P: 1 }, S: { P: 2 } } },
    {},
  ],
  [{ type: 'FORMULA', expression: 'actual / target * 1.5', cap: 1.2 }, { actual: 9, target: 10 }, {}],
  [{ type: 'FORMULA', expression: 'actual - target' }, { actual: 1, target: 10 }, {}],
  [{ type: 'FORMULA', expression: 'actual / target' }, { actual: 1, target: 0 }, {}],
  [{ type: 'LINKED' }, undefined, { unitFinal: 93.17, maxPoints: 20 }],
  [{ type: 'LINKED', cap: 1.1 }, undefined, { unitFinal: 105 }],
];

/** Every case's text in the given language. */
export function caseTexts(lang: 'zh' | 'en'): string[] {
  return CASES.map(([m, input, opts]) => previewIndicator(ind(m), input, { ...opts, lang }).explain);
}

/** sha256 and count of every explanation of a generated tenant (Chinese scheme name). */
export function tenantDigest(subjects = 150): { sha256: string; count: number } {
  const { scheme, dataset } = generateTenant(subjects, 100, subjects * 5, 7);
  const h = createHash('sha256');
  let count = 0;
  for (const s of evaluateValidated(scheme, dataset).subjects) {
    for (const n of s.nodes)
      if ('explain' in n && n.explain !== undefined) {
        h.update(n.explain);
        h.update('\n');
        count++;
      }
  }
  return { sha256: h.digest('hex'), count };
}
