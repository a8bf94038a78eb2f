import { previewIndicator } from '../preview';
import { ind } from '../../test-support/factories';
import type { Input, Method } from '../../scheme/types';
import { METHODS } from './registry';
import { competitionRank } from './rank';

const rate = (method: Method, input: Partial<Input> | undefined, opts = {}) =>
  previewIndicator(ind('X', method), input, opts);

describe('method table', () => {
  it('registers the nine methods, each under its own type', () => {
    expect(Object.keys(METHODS).sort()).toEqual([
      'FORMULA',
      'GRADE',
      'LADDER',
      'LINEAR',
      'LINKED',
      'RANK',
      'SCORE',
      'SURVEY',
      'TARGET',
    ]);
    for (const [k, m] of Object.entries(METHODS)) expect(m.type).toBe(k);
  });
});

describe('TARGET', () => {
  const T: Method = { type: 'TARGET' };
  it('HIGHER: actual / target, capped at 1', () => {
    expect(rate(T, { actual: 5350, target: 16000 }).rate).toBe(0.3344);
    expect(rate(T, { actual: 5200, target: 5000 }).rate).toBe(1);
  });
  it('cap > 1 lets over-achievement count; floor lifts', () => {
    expect(rate({ type: 'TARGET', cap: 1.2 }, { actual: 130, target: 100 }).rate).toBe(1.2);
    expect(rate({ type: 'TARGET', cap: 1.2 }, { actual: 110, target: 100 }).rate).toBe(1.1);
    expect(rate({ type: 'TARGET', floor: 0.5 }, { actual: 10, target: 100 }).rate).toBe(0.5);
  });
  it('LOWER: 1 when met, 0 when target is 0, else target / actual', () => {
    const L: Method = { type: 'TARGET', direction: 'LOWER' };
    expect(rate(L, { actual: 2, target: 2 }).rate).toBe(1);
    expect(rate(L, { actual: 3, target: 0 }).rate).toBe(0);
    expect(rate(L, { actual: 4, target: 2 }).rate).toBe(0.5);
  });
  it('explains with the cap', () => {
    expect(rate(T, { actual: 5200, target: 5000 }, { lang: 'zh', maxPoints: 8 }).explain).toBe(
      '实际 5200 / 目标 5000 = 104%，封顶 100%，得 8 分（满分 8 分）',
    );
    expect(rate(T, { actual: 5350, target: 16000 }, { lang: 'en', maxPoints: 8 }).explain).toBe(
      'actual 5350 / target 16000 = 33.44%: 2.68 of 8 points',
    );
  });
  it('a missing field is a missing input', () => {
    expect(rate(T, { actual: 1 })).toMatchObject({ rate: 0, warnings: [{ code: 'MISSING_INPUT', indicator: 'X' }] });
    expect(rate(T, undefined).warnings[0].code).toBe('MISSING_INPUT');
  });
});

describe('LADDER', () => {
  const byMax: Method = {
    type: 'LADDER',
    steps: [
      { max: 0, score: 1 },
      { max: 2, score: 0.8 },
      { max: 5, score: 0.5 },
    ],
  };
  const byMin: Method = {
    type: 'LADDER',
    basis: 'RATIO',
    steps: [
      { min: 1, score: 1 },
      { min: 0.8, score: 0.6 },
    ],
  };
  it('steps with max: first step with value <= max', () => {
    expect([0, 1, 2, 3, 5, 6].map((a) => rate(byMax, { actual: a }).rate)).toEqual([1, 0.8, 0.8, 0.5, 0.5, 0]);
  });
  it('steps with min on the ratio actual/target', () => {
    expect([120, 100, 90, 80, 79].map((a) => rate(byMin, { actual: a, target: 100 }).rate)).toEqual([
      1, 1, 0.6, 0.6, 0,
    ]);
  });
  it('RATIO with target 0 is a division by zero; without target a missing input', () => {
    expect(rate(byMin, { actual: 1, target: 0 }).warnings[0].code).toBe('DIVISION_BY_ZERO');
    expect(rate(byMin, { actual: 1 }).warnings[0].code).toBe('MISSING_INPUT');
  });
});

describe('RANK', () => {
  const R: Method = { type: 'RANK', step: 0.1, floor: 0.7 };
  it('competition rank among peers (1, 2, 2, 4)', () => {
    const peers = { desc: [97, 90, 90, 80], min: 80, max: 97, avg: 89.25 };
    expect([97, 90, 80].map((a) => competitionRank(peers, a, false))).toEqual([1, 2, 4]);
    expect([80, 90, 97].map((a) => competitionRank(peers, a, true))).toEqual([1, 2, 4]);
  });
  it('s = max(floor, 1 - (k - 1) step); the subject itself is a peer', () => {
    expect(rate(R, { actual: 90 }, { peerActuals: [97, 90] }).rate).toBe(0.9);
    expect(rate(R, { actual: 97 }, { peerActuals: [97, 90] }).rate).toBe(1);
    expect(rate(R, { actual: 1 }, { peerActuals: [9, 8, 7, 6, 5] }).rate).toBe(0.7);
    expect(rate({ type: 'RANK', step: 0.25, direction: 'LOWER' }, { actual: 1 }, { peerActuals: [2, 3] }).rate).toBe(1);
  });
});

describe('LINEAR', () => {
  it('HIGHER and LOWER between the peers, lifted by floor', () => {
    expect(rate({ type: 'LINEAR' }, { actual: 75 }, { peerActuals: [50, 100] }).rate).toBe(0.5);
    expect(rate({ type: 'LINEAR', direction: 'LOWER' }, { actual: 60 }, { peerActuals: [50, 100] }).rate).toBe(0.8);
    expect(rate({ type: 'LINEAR', floor: 0.6 }, { actual: 50 }, { peerActuals: [50, 100] }).rate).toBe(0.6);
  });
  it('1 when max == min', () => {
    expect(rate({ type: 'LINEAR' }, { actual: 5 }, { peerActuals: [5] }).rate).toBe(1);
  });
});

describe('GRADE, SCORE', () => {
  it('GRADE maps levels', () => {
    expect(rate({ type: 'GRADE', levels: { A: 1, B: 0.85 } }, { grade: 'B' }).rate).toBe(0.85);
  });
  it('SCORE divides by max (default 100)', () => {
    expect(rate({ type: 'SCORE' }, { score: 72 }).rate).toBe(0.72);
    expect(rate({ type: 'SCORE', max: 10 }, { score: 7.5 }).rate).toBe(0.75);
    expect(rate({ type: 'SCORE' }, { actual: 72 }).warnings[0].code).toBe('MISSING_INPUT');
  });
});

describe('SURVEY', () => {
  const S: Method = { type: 'SURVEY', voterGroups: { A: 60, B: 40, C: 10 }, options: { Y: 1, M: 0.5, N: 0 } };
  it('weights the voter groups that have ballots', () => {
    // A: (3·1 + 1·0)/4 = 0.75; B: 0.5; C has no ballots → out of the weighting
    expect(rate(S, { ballots: { A: { Y: 3, N: 1 }, B: { M: 2 }, C: { Y: 0 } } }).rate).toBe(
      (60 * 0.75 + 40 * 0.5) / 100,
    );
  });
  it('no ballots at all is a missing input', () => {
    expect(rate(S, { ballots: {} }).warnings[0].code).toBe('MISSING_INPUT');
    expect(rate(S, { ballots: { A: { Y: 0 } } }).warnings[0].code).toBe('MISSING_INPUT');
  });
});

describe('FORMULA', () => {
  const F = (expression: string, cap?: number): Method => ({ type: 'FORMULA', expression, ...(cap ? { cap } : {}) });
  it('evaluates arithmetic, comparisons and functions', () => {
    expect(rate(F('if(actual >= 0, 1, max(0, 1 + actual / 5))'), { actual: -2.28 }).rate).toBe(0.544);
    expect(rate(F('(actual - previous) / previous * 10'), { actual: 105, previous: 100 }).rate).toBe(0.5);
    expect(rate(F('min(actual, 0.3, 2) + abs(-0.1) + round(0.125, 2)'), { actual: 1 }).rate).toBe(0.53);
    expect(rate(F('(actual > 1 and target < 5) + not actual'), { actual: 2, target: 3 }).rate).toBe(1);
    expect(rate(F('actual == 1 or actual != 1'), { actual: 2 }).rate).toBe(1);
  });
  it('uses the peers and clamps to [0, cap]', () => {
    expect(rate(F('actual / peerMax'), { actual: 5 }, { peerActuals: [10] }).rate).toBe(0.5);
    expect(rate(F('(actual - peerMin) / (peerAvg - peerMin)', 2), { actual: 10 }, { peerActuals: [0, 5] }).rate).toBe(
      2,
    );
    expect(rate(F('0 - 1'), {}).rate).toBe(0);
  });
  it('if() evaluates only the taken branch', () => {
    expect(rate(F('if(target == 0, 0, actual / target)'), { actual: 1, target: 0 }).warnings).toEqual([]);
    expect(rate(F('if(target, 0.2, 0.7) + if(0, 1, if(1, 0.05, 2))'), { target: 3 }).rate).toBe(0.25);
  });
  it('and/or evaluate their right side only when needed, and give 1 or 0', () => {
    expect(rate(F('target != 0 and actual / target > 1'), { actual: 1, target: 0 })).toMatchObject({
      rate: 0,
      warnings: [],
    });
    expect(rate(F('target == 0 or actual / target > 1'), { actual: 1, target: 0 })).toMatchObject({
      rate: 1,
      warnings: [],
    });
    expect(rate(F('(actual and 5) * 0.5 + (0 or target) * 0.25'), { actual: 3, target: -2 }).rate).toBe(0.75);
  });
  it('division by zero: s = 0 and a DIVISION_BY_ZERO warning', () => {
    expect(rate(F('actual / target'), { actual: 1, target: 0 })).toMatchObject({
      rate: 0,
      warnings: [{ code: 'DIVISION_BY_ZERO' }],
    });
  });
  it('a named input variable that is absent makes a missing input; so does no row at all', () => {
    expect(rate(F('actual / target'), { actual: 1 }).warnings[0].code).toBe('MISSING_INPUT');
    expect(rate(F('0.5'), undefined).warnings[0].code).toBe('MISSING_INPUT');
    expect(rate(F('0.5'), {}).rate).toBe(0.5);
  });
});

describe('LINKED', () => {
  it('unitFinal / 100, clamped to cap', () => {
    expect(rate({ type: 'LINKED' }, undefined, { unitFinal: 93.1 }).rate).toBe(0.931);
    expect(rate({ type: 'LINKED' }, undefined, { unitFinal: 105 }).rate).toBe(1);
    expect(rate({ type: 'LINKED', cap: 1.1 }, undefined, { unitFinal: 105 }).rate).toBe(1.05);
  });
});
