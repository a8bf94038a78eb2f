import fc from 'fast-check';
import { fmt, formatScaled, roundHalfUp, roundScaled } from './rounding';
import { exactRoundHalfUp } from './rounding-exact';

describe('roundHalfUp', () => {
  it.each([
    [2.675, 2, 2.68],
    [0.1 + 0.2, 2, 0.3],
    [1.005, 2, 1.01],
    [8 * 0.334375, 2, 2.68],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.125, 2, -0.13],
    [1.2345, 3, 1.235],
    [0.00005, 4, 0.0001],
    [123456.785, 2, 123456.79],
    [0, 2, 0],
    [-0.001, 2, 0],
    [1.4999999999, 0, 1],
    [1.49999999996, 0, 2],
    [99.995, 2, 100],
    [1e15 + 0.5, 0, 1e15 + 1],
  ])('%p to %p places is %p', (x, p, want) => {
    expect(roundHalfUp(x, p)).toBe(want);
  });

  it('never yields -0', () => {
    expect(Object.is(roundHalfUp(-0.001, 2), 0)).toBe(true);
  });

  it('roundScaled gives integer units', () => {
    expect(roundScaled(2.675, 2)).toBe(268);
    expect(roundScaled(-1.005, 2)).toBe(-101);
  });

  it('roundScaled takes huge values (toFixed answers 1e21 and up in exponent form)', () => {
    expect(roundScaled(1e21, 2)).toBe(1e23);
    expect(roundScaled(-3e300, 0)).toBe(-3e300);
    expect(roundHalfUp(1.5e25, 4)).toBe(1.5e25);
    expect(roundScaled(Infinity, 2)).toBeNaN();
  });

  it('fmt removes floating-point noise', () => {
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(33.4375, 2)).toBe('33.44');
  });

  it('formatScaled prints integer units as short decimals', () => {
    expect([
      formatScaled(268, 2),
      formatScaled(260, 2),
      formatScaled(800, 2),
      formatScaled(5, 2),
      formatScaled(-5, 2),
      formatScaled(0, 2),
    ]).toEqual(['2.68', '2.6', '8', '0.05', '-0.05', '0']);
  });

  it('fmt agrees with String(roundHalfUp(x, places))', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, p) => {
        expect(fmt(x, p)).toBe(String(roundHalfUp(x, p)));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const x = n / 10 ** d;
        expect(fmt(x)).toBe(String(x));
      }),
      { numRuns: 20000 },
    );
  });

  it('the exact reference agrees on the spec examples', () => {
    expect(exactRoundHalfUp(2.675, 2)).toBe('2.68');
    expect(exactRoundHalfUp(0.1 + 0.2, 2)).toBe('0.3');
    expect(exactRoundHalfUp(-1.005, 2)).toBe('-1.01');
  });

  it('matches the exact BigInt reference on random doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, p) => {
        expect(String(roundHalfUp(x, p))).toBe(exactRoundHalfUp(x, p));
      }),
      { numRuns: 20000 },
    );
  });

  it('matches the reference next to ties at 0-4 places (the fast path hands those to the exact one)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -3000, max: 3000 }),
        (k, p, e) => {
          const x = (k + 0.5 + e * 1e-8) / 10 ** p; // within ±3e-5 of a tie in units of 10^-p: inside and outside the 1e-5 band
          expect(String(roundHalfUp(x, p))).toBe(exactRoundHalfUp(x, p));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('matches the reference on products that land on ties (maxPoints × rate)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 100 }),
        (a, t, w) => {
          const x = ((100 * w) / 101) * (a / t) + 0.005;
          for (const p of [0, 2, 4]) expect(String(roundHalfUp(x, p))).toBe(exactRoundHalfUp(x, p));
          const tie = Math.round(a) / 1000 + 0.0005;
          expect(String(roundHalfUp(tie, 3))).toBe(exactRoundHalfUp(tie, 3));
        },
      ),
      { numRuns: 20000 },
    );
  });
});
