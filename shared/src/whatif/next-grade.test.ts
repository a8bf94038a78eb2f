import fc from 'fast-check';
import { assignGrades } from '../engine/grading';
import type { Grade, Result, Scheme } from '../scheme/types';
import { nextGrades } from './next-grade';

/**
 * nextGrades against a brute-force search on random groups: bands, quotas and vetoes at random,
 * whole-point finals (precision 0). Raising one final step by step with everybody else's fixed,
 * the first step that reaches a better grade must be the distance given; a veto or the best
 * grade must never be passed.
 */
const arbGroup = fc.record({
  bands: fc.array(
    fc.record({
      min: fc.option(fc.integer({ min: 40, max: 95 }), { nil: undefined }),
      share: fc.option(fc.constantFrom(0.1, 0.2, 0.3, 0.5), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  finals: fc.array(fc.integer({ min: 30, max: 100 }), { minLength: 1, maxLength: 12 }),
  vetoes: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
});

test('the distance to the next grade is the smallest raise that reaches it (brute force)', () => {
  let distances = 0;
  let quotas = 0;
  fc.assert(
    fc.property(arbGroup, ({ bands, finals, vetoes }) => {
      // bands best first, minScore not increasing down the list; a last grade takes the rest
      let floor = 100;
      const grades: Grade[] = bands.map((b, i) => {
        const g: Grade = { code: `G${i}`, name: `G${i}` };
        if (b.min !== undefined) g.minScore = floor = Math.min(floor, b.min);
        if (b.share !== undefined) g.maxShare = b.share;
        return g;
      });
      grades.push({ code: 'LAST', name: 'last' });
      const rules = grades
        .slice(1)
        .map((g) => ({ code: `V_${g.code}`, name: 'veto', kind: 'VETO' as const, groups: ['G'], maxGrade: g.code }));
      const scheme = {
        formatVersion: 1,
        code: 's',
        name: 's',
        year: 2024,
        precision: 0,
        grades,
        rules,
        groups: [],
      } as unknown as Scheme;
      const vetoCap = finals.map((_, i) => Math.min(vetoes[i], grades.length - 1));
      const assigned = assignGrades(grades, finals, vetoCap);
      const result: Result = {
        scheme: 's',
        groups: [],
        subjects: finals.map((f, i) => ({
          subject: `S${i}`,
          group: 'G',
          base: f,
          bonus: 0,
          deduction: 0,
          final: f,
          rank: 1,
          grade: grades[assigned[i]].code,
          vetoes: vetoCap[i] > 0 ? [`V_${grades[vetoCap[i]].code}`] : [],
          nodes: [],
          adjustments: [],
          warnings: [],
        })),
      };
      const next = nextGrades(scheme, result);
      finals.forEach((f, i) => {
        const reach = (t: number) => {
          const trial = finals.slice();
          trial[i] = f + t;
          return assignGrades(grades, trial, vetoCap)[i];
        };
        const n = next[i];
        if (assigned[i] === 0) expect(n).toEqual({ points: null, block: 'BEST_GRADE' });
        else if (n.block === 'VETO') expect(reach(200)).toBe(assigned[i]);
        if (n.block === 'QUOTA') {
          // only where a quota takes part: the next grade has one (or no band at all), or a better one has
          quotas++;
          expect(
            grades.slice(0, assigned[i]).some((g) => g.maxShare !== undefined) ||
              grades[assigned[i] - 1].minScore === undefined,
          ).toBe(true);
        }
        if (n.points !== null) {
          distances++;
          let first = -1;
          for (let t = 1; t <= 100 && first < 0; t++) if (reach(t) < assigned[i]) first = t;
          expect(n.points).toBe(first);
        }
      });
    }),
    // a fixed seed: the coverage counts below are then exact, not a matter of luck
    { numRuns: 300, seed: 20261130 },
  );
  expect(distances).toBeGreaterThan(150); // enough cases of each kind were checked
  expect(quotas).toBeGreaterThan(50);
});
