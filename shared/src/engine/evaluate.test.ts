import { evaluate, ValidationError } from '../index';
import type { SubjectResult } from '../scheme/types';
import { cat, dataset, flatScheme, group, ind, rule, scheme, subj } from '../test-support/factories';
import { shareQuota } from './grading';

const S = { type: 'SCORE' } as const;
const node = (r: SubjectResult, code: string) => r.nodes.find((n) => n.code === code);

describe('evaluate: tree, weights, not applicable, missing input', () => {
  const sc = scheme([
    group('G', [cat('A', [ind('A1', S, 1), ind('A2', S, 1), ind('A3', S, 2)], 3), cat('B', [ind('B1', S)], 1)]),
  ]);

  it('maxPoints = 100 × Π weight / sum of siblings still in; points = round(maxPoints × s)', () => {
    const r = evaluate(
      sc,
      dataset(
        [subj('X', 'G')],
        [
          { subject: 'X', indicator: 'A1', score: 50 },
          { subject: 'X', indicator: 'A2', score: 100 },
          { subject: 'X', indicator: 'A3', score: 33.3 },
          { subject: 'X', indicator: 'B1', score: 100 },
        ],
      ),
    ).subjects[0];
    expect(node(r, 'A1')).toMatchObject({ maxPoints: 18.75, points: 9.38, rate: 0.5 });
    expect(node(r, 'A3')).toMatchObject({ maxPoints: 37.5, points: 12.49 });
    expect(node(r, 'A')).toEqual({ code: 'A', maxPoints: 75, points: 40.62 }); // 9.38 + 18.75 + 12.49
    expect(r.base).toBe(65.62);
  });

  it('notApplicable takes the indicator out; its siblings share its weight; an all-out category is out', () => {
    const r = evaluate(
      sc,
      dataset(
        [subj('X', 'G')],
        [
          { subject: 'X', indicator: 'A1', score: 100 },
          { subject: 'X', indicator: 'A2', notApplicable: true },
          { subject: 'X', indicator: 'A3', score: 100 },
          { subject: 'X', indicator: 'B1', notApplicable: true },
        ],
      ),
    ).subjects[0];
    expect(node(r, 'A2')).toEqual({ code: 'A2', out: true });
    expect(node(r, 'B')).toEqual({ code: 'B', out: true });
    expect(node(r, 'B1')).toEqual({ code: 'B1', out: true });
    expect(node(r, 'A')).toEqual({ code: 'A', maxPoints: 100, points: 100 });
    expect(node(r, 'A1')).toMatchObject({ maxPoints: 33.33, points: 33.33 });
    expect(node(r, 'A3')).toMatchObject({ maxPoints: 66.67, points: 66.67 });
    expect(r.base).toBe(100);
  });

  it('a missing input scores 0 with a MISSING_INPUT warning, in tree order', () => {
    const r = evaluate(sc, dataset([subj('X', 'G')], [{ subject: 'X', indicator: 'A2', score: 10 }])).subjects[0];
    expect(node(r, 'A1')).toMatchObject({ points: 0, rate: 0 });
    expect(r.warnings).toEqual(['A1', 'A3', 'B1'].map((indicator) => ({ code: 'MISSING_INPUT', indicator })));
  });

  it('a FORMULA division by zero is a DIVISION_BY_ZERO warning', () => {
    const sf = flatScheme([ind('F', { type: 'FORMULA', expression: 'actual / target' })]);
    const r = evaluate(sf, dataset([subj('X', 'G')], [{ subject: 'X', indicator: 'F', actual: 1, target: 0 }]));
    expect(r.subjects[0].warnings).toEqual([{ code: 'DIVISION_BY_ZERO', indicator: 'F' }]);
  });

  it('throws a ValidationError carrying every problem', () => {
    const bad = dataset(
      [subj('X', 'G')],
      [
        { subject: 'X', indicator: 'A1', score: 500 },
        { subject: 'Y', indicator: 'A1', score: 1 },
      ],
    );
    try {
      evaluate(sc, bad);
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).problems.map((p) => p.path)).toEqual(['/inputs/0/score', '/inputs/1/subject']);
    }
  });
});

describe('evaluate: adjustments and caps', () => {
  const sc = flatScheme([ind('I', S)], {
    rules: [
      rule('B1', 'BONUS', ['G'], { points: 1, maxPerSubject: 2 }),
      rule('B2', 'BONUS', ['G'], { minPoints: 0.5, maxPoints: 2 }),
      rule('D1', 'DEDUCTION', ['G'], { points: 0.3 }),
    ],
  });
  sc.groups[0].bonusCap = 3;
  sc.groups[0].deductionCap = 0.5;
  const run = (adj: Parameters<typeof dataset>[2]) =>
    evaluate(sc, dataset([subj('X', 'G')], [{ subject: 'X', indicator: 'I', score: 80 }], adj)).subjects[0];

  it('maxPerSubject caps a rule; the group caps bonus and deduction; subtotals are listed before group caps', () => {
    const r = run([
      { subject: 'X', rule: 'B1', count: 5 },
      { subject: 'X', rule: 'B2', points: 1.5 },
      { subject: 'X', rule: 'D1', count: 2 },
      { subject: 'X', rule: 'B2', points: 0.75 },
    ]);
    expect(r.adjustments).toEqual([
      { rule: 'B1', points: 2 },
      { rule: 'B2', points: 2.25 },
      { rule: 'D1', points: 0.6 },
    ]);
    expect([r.bonus, r.deduction, r.final]).toEqual([3, 0.5, 82.5]);
  });

  it('ranged points × count, exact decimal sums (0.1 + 0.2)', () => {
    const r = run([
      { subject: 'X', rule: 'B2', points: 0.6, count: 1 },
      { subject: 'X', rule: 'D1', count: 1 },
    ]);
    expect([r.bonus, r.deduction, r.final]).toEqual([0.6, 0.3, 80.3]);
  });

  it('final is never below 0', () => {
    const s0 = flatScheme([ind('I', S)], { rules: [rule('D', 'DEDUCTION', ['G'], { points: 5 })] });
    const r = evaluate(
      s0,
      dataset([subj('X', 'G')], [{ subject: 'X', indicator: 'I', score: 1 }], [{ subject: 'X', rule: 'D' }]),
    );
    expect(r.subjects[0].final).toBe(0);
  });
});

describe('evaluate: ranks, grades, quotas, vetoes', () => {
  const gradeRun = (
    scores: number[],
    extra: Parameters<typeof flatScheme>[1] = {},
    adj: Parameters<typeof dataset>[2] = [],
  ) => {
    const sc = flatScheme([ind('I', S)], extra);
    const subjects = scores.map((_, i) => subj(`S${i}`, 'G'));
    return evaluate(
      sc,
      dataset(
        subjects,
        scores.map((score, i) => ({ subject: `S${i}`, indicator: 'I', score })),
        adj,
      ),
    );
  };

  it('competition ranks on final', () => {
    expect(gradeRun([80, 90, 90, 70]).subjects.map((s) => s.rank)).toEqual([3, 1, 1, 4]);
  });

  it('maxShare quota is floor(maxShare × n), exactly', () => {
    expect(shareQuota(0.7, 90)).toBe(63);
    expect(shareQuota(0.3, 3)).toBe(0);
    expect(shareQuota(0.3, 10)).toBe(3);
    expect(shareQuota(1, 7)).toBe(7);
    expect(shareQuota(1e-7, 10000000)).toBe(1);
  });

  it('quota: highest first; others try the next grade', () => {
    const r = gradeRun([95, 99, 91, 92, 50, 60, 70, 80, 85, 89]); // n = 10 → 3 A places
    expect(r.subjects.map((s) => s.grade)).toEqual(['A', 'A', 'B', 'A', 'D', 'C', 'C', 'B', 'B', 'B']);
    expect(r.groups[0]).toEqual({ group: 'G', count: 10, gradeCounts: { A: 3, B: 4, C: 2, D: 1 } });
  });

  it('ties at the cut-off: none of the tied take it', () => {
    const r = gradeRun([99, 95, 95, 95, 50, 50, 50, 50, 50, 50]); // 3 places, 99 fits, the three 95s do not
    expect(r.subjects.slice(0, 4).map((s) => s.grade)).toEqual(['A', 'B', 'B', 'B']);
  });

  it('a veto caps the grade at maxGrade', () => {
    const rules = [rule('V', 'VETO', ['G'], { maxGrade: 'C' })];
    const r = gradeRun([99, 50, 50, 50], { rules }, [
      { subject: 'S0', rule: 'V' },
      { subject: 'S0', rule: 'V' },
    ]);
    expect(r.subjects[0]).toMatchObject({ grade: 'C', vetoes: ['V'], final: 99 });
  });

  it("MEMBER groups come after UNIT groups; LINKED reads the unit's rounded final", () => {
    const sc = scheme([
      group('M', [ind('L', { type: 'LINKED' }, 1), ind('O', S, 1)], { kind: 'MEMBER' }),
      group('U', [ind('I', S)]),
    ]);
    const r = evaluate(
      sc,
      dataset(
        [subj('P', 'M', 'U1'), subj('U1', 'U')],
        [
          { subject: 'U1', indicator: 'I', score: 77.777 },
          { subject: 'P', indicator: 'O', score: 100 },
        ],
      ),
    );
    expect(r.subjects[1].final).toBe(77.78);
    expect(node(r.subjects[0], 'L')).toMatchObject({ rate: 0.7778, points: 38.89 });
    expect(r.groups.map((g) => g.group)).toEqual(['M', 'U']);
  });

  it('explains in English for a non-Chinese scheme name', () => {
    const r = gradeRun([72]);
    expect((node(r.subjects[0], 'I') as { explain: string }).explain).toBe('score 72 / 100 = 72%: 72 of 100 points');
  });
});
