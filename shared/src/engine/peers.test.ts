import fc from 'fast-check';
import { peersOf, peersOfColumn } from './peers';

describe('peers', () => {
  it('desc is every actual sorted high to low; min, max, avg agree (any sizes, ties, negatives)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          maxLength: 300,
        }),
        (values) => {
          const p = peersOfColumn(Float64Array.from(values), 0, 1, values.length);
          if (values.length === 0) {
            expect(p).toBeNull();
            return;
          }
          const want = [...values].sort((a, b) => b - a);
          expect(p!.desc.length).toBe(want.length);
          p!.desc.forEach((v, i) => expect(v === want[i]).toBe(true)); // -0 and 0 are the same rank
          expect([p!.max === want[0], p!.min === want[want.length - 1]]).toEqual([true, true]);
          expect(p!.avg).toBe(values.reduce((s, v) => s + v, 0) / values.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a column of a subject × columns table skips NaN (no row, no actual, not applicable); rows skip undefined', () => {
    const table = Float64Array.from([1, 10, NaN, 20, 3, NaN]); // 3 subjects × 2 columns
    expect([...peersOfColumn(table, 0, 2, 3)!.desc]).toEqual([3, 1]);
    expect(peersOfColumn(table, 1, 2, 3)).toMatchObject({ min: 10, max: 20, avg: 15 });
    expect(
      peersOf([undefined, { subject: 'a', indicator: 'i', actual: 2 }, { subject: 'b', indicator: 'i' }])!.desc,
    ).toEqual([2]);
  });
});
