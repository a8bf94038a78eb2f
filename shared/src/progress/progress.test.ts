import { validateScheme } from '../scheme/validate-scheme';
import { exampleScheme } from '../test-support/example';
import { flatScheme, ind, subj } from '../test-support/factories';
import { levelOf, measure, PERIOD_SHARE, progressOf, progressThresholds, type ProgressValue } from './progress';

const T = { behind: 10, farBehind: 25 };
const scheme = flatScheme([
  ind('TAX', { type: 'TARGET' }),
  ind('ACCIDENTS', { type: 'TARGET', direction: 'LOWER' }),
  ind('RANKED', { type: 'RANK', step: 0.1 }),
  ind('EVAL', { type: 'SCORE', max: 10 }),
]);
const subjects = [subj('T01', 'G'), subj('T02', 'G')];
const v = (subject: string, indicator: string, fields: Partial<ProgressValue>): ProgressValue => ({
  subject,
  indicator,
  ...fields,
});

describe('progress levels', () => {
  it('shares of the year per period: Q1 25%, H1/Q2 50%, Q3 75%, Q4/H2 100%', () => {
    expect(PERIOD_SHARE).toMatchObject({ Q1: 25, Q2: 50, H1: 50, Q3: 75, Q4: 100, H2: 100 });
  });

  it('HIGHER: behind schedule by at least 10 points is BEHIND, by at least 25 FAR_BEHIND', () => {
    expect(measure('HIGHER', 45, 100, 50, T)).toEqual({ completion: 45, gap: 5, level: 'ON_TRACK', note: null });
    expect(measure('HIGHER', 40, 100, 50, T)).toEqual({ completion: 40, gap: 10, level: 'BEHIND', note: null });
    expect(measure('HIGHER', 25.01, 100, 50, T)).toEqual({
      completion: 25.01,
      gap: 24.99,
      level: 'BEHIND',
      note: null,
    });
    expect(measure('HIGHER', 25, 100, 50, T)).toEqual({ completion: 25, gap: 25, level: 'FAR_BEHIND', note: null });
    // ahead of schedule: a negative gap
    expect(measure('HIGHER', 3000, 4000, 50, T)).toEqual({ completion: 75, gap: -25, level: 'ON_TRACK', note: null });
    // 2 places, half up, no floating-point noise: 39.99% at 50% is 10.01 behind
    expect(measure('HIGHER', 3999, 10000, 50, T).gap).toBe(10.01);
  });

  it('LOWER: a ceiling used faster than the year goes is behind; a ceiling of 0 holds only while unused', () => {
    expect(measure('LOWER', 6, 10, 50, T)).toEqual({ completion: 60, gap: 10, level: 'BEHIND', note: null });
    expect(measure('LOWER', 2, 10, 50, T)).toEqual({ completion: 20, gap: -30, level: 'ON_TRACK', note: null });
    expect(measure('LOWER', 9, 10, 25, T)).toMatchObject({ gap: 65, level: 'FAR_BEHIND' });
    expect(measure('LOWER', 0, 0, 25, T)).toEqual({ completion: null, gap: null, level: 'ON_TRACK', note: null });
    expect(measure('LOWER', 1, 0, 25, T)).toEqual({ completion: null, gap: null, level: 'FAR_BEHIND', note: null });
  });

  it('a higher-is-better target of 0 or less gives no level, as a code', () => {
    expect(measure('HIGHER', 5, 0, 50, T)).toEqual({
      completion: null,
      gap: null,
      level: null,
      note: 'TARGET_NOT_POSITIVE',
    });
  });

  it('thresholds come from the scheme, defaults 10 and 25', () => {
    expect(progressThresholds(scheme)).toEqual({ behind: 10, farBehind: 25 });
    expect(progressThresholds({ progress: { behind: 5 } })).toEqual({ behind: 5, farBehind: 25 });
    expect(levelOf(6, progressThresholds({ progress: { behind: 5, farBehind: 8 } }))).toBe('BEHIND');
    expect(levelOf(8, progressThresholds({ progress: { behind: 5, farBehind: 8 } }))).toBe('FAR_BEHIND');
  });

  it('every subject × indicator that reads an actual, with a code where there is no level', () => {
    const items = progressOf(
      { ...scheme, progress: { behind: 5, farBehind: 20 } },
      subjects,
      [
        v('T01', 'TAX', { actual: 420, target: 1000 }), // 42% at 50%: 8 behind → BEHIND with 5/20
        v('T01', 'ACCIDENTS', { actual: 1, annualTarget: 4 }), // the annual input's target
        v('T01', 'RANKED', { actual: 7 }), // no target anywhere
        v('T01', 'EVAL', { score: 8 } as never), // not measurable: SCORE reads no actual
        v('T02', 'TAX', { notApplicable: true }),
      ],
      PERIOD_SHARE.Q2,
    );
    expect(items.map((i) => [i.subject, i.indicator, i.level, i.note])).toEqual([
      ['T01', 'TAX', 'BEHIND', null],
      ['T01', 'ACCIDENTS', 'ON_TRACK', null],
      ['T01', 'RANKED', null, 'NO_TARGET'],
      ['T02', 'TAX', null, 'NOT_APPLICABLE'],
      ['T02', 'ACCIDENTS', null, 'NO_VALUE'],
      ['T02', 'RANKED', null, 'NO_VALUE'],
    ]);
    expect(items[0]).toEqual({
      subject: 'T01',
      indicator: 'TAX',
      direction: 'HIGHER',
      actual: 420,
      target: 1000,
      expected: 50,
      completion: 42,
      gap: 8,
      level: 'BEHIND',
      note: null,
    });
    expect(items[1]).toMatchObject({ direction: 'LOWER', target: 4, completion: 25, gap: -25 });
  });

  it("the period's own target wins over the annual one", () => {
    const [item] = progressOf(
      scheme,
      [subj('T01', 'G')],
      [v('T01', 'TAX', { actual: 30, target: 40, annualTarget: 100 })],
      75,
    );
    expect(item).toMatchObject({ target: 40, completion: 75, gap: 0, level: 'ON_TRACK' });
  });

  it('the scheme key progress is validated with coded problems', () => {
    const s = exampleScheme() as unknown as Record<string, unknown>;
    expect(validateScheme({ ...s, progress: { behind: 15, farBehind: 30 } })).toEqual([]);
    const codes = (p: unknown) => validateScheme({ ...s, progress: p }).map((x) => [x.path, x.code]);
    expect(codes([])).toEqual([['/progress', 'NOT_AN_OBJECT']]);
    expect(codes({ behind: -1 })).toEqual([['/progress/behind', 'NUMBER_NOT_IN_RANGE']]);
    expect(codes({ farBehind: 'x' })).toEqual([['/progress/farBehind', 'NUMBER_NOT_IN_RANGE']]);
    expect(codes({ behind: 20, farBehind: 10 })).toEqual([['/progress/farBehind', 'PROGRESS_THRESHOLD_ORDER']]);
    expect(codes({ behnd: 5 })).toEqual([['/progress/behnd', 'UNKNOWN_KEY']]);
  });
});
