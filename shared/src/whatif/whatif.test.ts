import { evaluate } from '../engine/evaluate';
import type { Dataset, Scheme } from '../scheme/types';
import { exampleDataset, exampleScheme } from '../test-support/example';
import { matchDataset } from './match';
import { gradeSteps, movedSubjects, standingsOf, whatIfSubjects } from './moves';
import { nextGrades } from './next-grade';

/** The example with one subject's final raised by `points`: a ranged bonus rule of its own, the group's bonus cap lifted. */
function raised(scheme: Scheme, dataset: Dataset, subject: string, points: number) {
  const group = dataset.subjects.find((s) => s.code === subject)!.group;
  const s: Scheme = {
    ...scheme,
    groups: scheme.groups.map((g) => (g.code === group ? { ...g, bonusCap: null } : g)),
    rules: [
      ...scheme.rules,
      { code: 'RAISE', name: 'raise', kind: 'BONUS', groups: [group], minPoints: 0, maxPoints: 1000 },
    ],
  };
  const d: Dataset = { ...dataset, adjustments: [...(dataset.adjustments ?? []), { subject, rule: 'RAISE', points }] };
  return evaluate(s, d, { explain: false });
}

describe('matchDataset', () => {
  test('unknown groups, indicators and rules are left out and listed once; the rest evaluates as given', () => {
    const scheme = exampleScheme();
    const data = exampleDataset();
    // drop the DEPUTY group, the TAX indicator of townships, and the CRITICISM rule
    const s: Scheme = {
      ...scheme,
      groups: scheme.groups
        .filter((g) => g.code !== 'DEPUTY')
        .map((g) => (g.code === 'TOWNSHIP' ? { ...g, root: dropLeaf(g.root, 'TAX') } : g)),
      rules: scheme.rules
        .filter((r) => r.code !== 'CRITICISM')
        .map((r) => ({ ...r, groups: r.groups.filter((c) => c !== 'DEPUTY') })),
    };
    const m = matchDataset(s, data);
    expect(m.problems).toEqual([]);
    expect(m.unmatched.subjects).toEqual(data.subjects.filter((x) => x.group === 'DEPUTY').map((x) => x.code));
    expect(m.unmatched.indicators).toEqual(['TAX']);
    expect(m.unmatched.rules).toEqual(['CRITICISM']);
    expect(m.dataset.subjects).toHaveLength(30);
    expect(m.dataset.inputs.some((r) => r.indicator === 'TAX' && r.subject.startsWith('T0'))).toBe(false);
    expect(evaluate(s, m.dataset, { explain: false }).subjects).toHaveLength(30);
  });

  test('a narrowed ranged rule holds the given points to its range; an input the changed method refuses is a problem at its own row', () => {
    const scheme = exampleScheme();
    const data = exampleDataset();
    const s: Scheme = {
      ...scheme,
      rules: scheme.rules.map((r) => (r.code === 'NOTABLE_WORK' ? { ...r, maxPoints: 1 } : r)),
    };
    const m = matchDataset(s, data);
    expect(m.dataset.adjustments!.find((a) => a.rule === 'NOTABLE_WORK')!.points).toBe(1);
    expect(data.adjustments!.find((a) => a.rule === 'NOTABLE_WORK')!.points).toBe(1.5); // the given data unchanged
    const civility = data.inputs.findIndex((r) => r.indicator === 'CIVILITY');
    const levels = (g: Scheme['groups'][number]) => ({
      ...g,
      root: mapLeaf(g.root, 'CIVILITY', (n) => ({ ...n, method: { type: 'GRADE', levels: { NONE: 1 } } })),
    });
    const bad = matchDataset({ ...scheme, groups: scheme.groups.map(levels) }, data);
    expect(bad.problems.map((p) => p.path)).toContain(`/inputs/${civility}/grade`);
  });
});

describe('nextGrades', () => {
  const scheme = exampleScheme();
  const data = exampleDataset();
  const result = evaluate(scheme, data, { explain: false });
  const next = nextGrades(scheme, result);

  test('raising a final by exactly toNextGrade reaches the next grade, one hundredth less does not', () => {
    let checked = 0;
    result.subjects.forEach((s, i) => {
      const p = next[i].points;
      if (p === null) return;
      const target = scheme.grades[scheme.grades.findIndex((g) => g.code === s.grade) - 1].code;
      const up = raised(scheme, data, s.subject, p).subjects[i];
      expect(up.final).toBeCloseTo(s.final + p, 9);
      expect(gradeSteps(scheme.grades, s.grade, up.grade)).toBeGreaterThanOrEqual(1);
      expect(up.grade === target || gradeSteps(scheme.grades, target, up.grade) > 0).toBe(true);
      if (p > 0.01)
        expect(raised(scheme, data, s.subject, Math.round((p - 0.01) * 100) / 100).subjects[i].grade).toBe(s.grade);
      checked++;
    });
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  test('best grade, veto and quota say why there is no distance', () => {
    const by = (code: string) => next[result.subjects.findIndex((s) => s.subject === code)];
    expect(by('T01')).toEqual({ points: null, block: 'BEST_GRADE' }); // EXCELLENT
    expect(by('T04')).toEqual({ points: null, block: 'VETO' }); // MAJOR_ACCIDENT: FAIR at best
    expect(by('P01-D1')).toEqual({ points: null, block: 'VETO' });
    expect(by('T05')).toEqual({ points: null, block: 'QUOTA' }); // 6 townships: one EXCELLENT place, taken by T01
    expect(by('P01')).toEqual({ points: null, block: 'QUOTA' }); // groups of three: no EXCELLENT place at all
    expect(by('T02')).toEqual({ points: 1.28, block: null }); // 78.72 → 80
    expect(by('T05-P')).toEqual({ points: 0.32, block: null }); // 89.68 → 90
  });

  test('moved subjects: a larger EXCELLENT quota moves the three department heads first', () => {
    const more: Scheme = {
      ...scheme,
      grades: scheme.grades.map((g) => (g.code === 'EXCELLENT' ? { ...g, maxShare: 0.4 } : g)),
    };
    const after = evaluate(more, data, { explain: false });
    const list = whatIfSubjects(more, after, standingsOf(result));
    const moved = movedSubjects(more.grades, list);
    expect(moved.map((m) => m.subject).sort()).toEqual(['E02', 'P01', 'S03']);
    expect(moved.every((m) => m.before!.grade === 'GOOD' && m.grade === 'EXCELLENT')).toBe(true);
  });
});

type Node = Scheme['groups'][number]['root'];
function dropLeaf(n: Node, code: string): Node {
  return 'children' in n
    ? { ...n, children: n.children.filter((c) => c.code !== code).map((c) => dropLeaf(c, code)) }
    : n;
}
function mapLeaf(n: Node, code: string, f: (n: Node) => Node): Node {
  if ('children' in n) return { ...n, children: n.children.map((c) => mapLeaf(c, code, f)) };
  return n.code === code ? f(n) : n;
}
