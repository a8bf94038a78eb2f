// The run pages' pure helpers: names by code from the scheme definition, signed adjustment points,
// numbers as printed.
import { describe, expect, test } from '@jest/globals';
import exampleScheme from '../../../shared/examples/district-2023.scheme.json';
import { adjustmentPoints, fmt, gradeName, groupName, labelsOf, ruleName, signed } from './labels';

describe('result labels', () => {
  const labels = labelsOf(exampleScheme);

  test('groups, grades and rules are named from the definition; an unknown code stays a code', () => {
    expect(labels.groups.map(g => g.code)).toEqual(exampleScheme.groups.map(g => g.code));
    const group = exampleScheme.groups[0];
    expect(groupName(labels, group.code)).toBe(group.name);
    expect(groupName(labels, 'NOPE')).toBe('NOPE');
    expect(groupName(undefined, group.code)).toBe(group.code);
    const grade = exampleScheme.grades[0];
    expect(gradeName(labels, grade.code)).toBe(grade.name);
    expect(gradeName(labels, null)).toBe('—');
    expect(gradeName(labels, 'Z9')).toBe('Z9');
    const rule = exampleScheme.rules[0];
    expect(ruleName(labels, rule.code)).toBe(rule.name);
    expect(ruleName(undefined, rule.code)).toBe(rule.code);
  });

  test('a name left out falls back to the code; node depth follows the tree', () => {
    const l = labelsOf({
      groups: [{ code: 'G', root: { code: 'R', children: [{ code: 'A', children: [{ code: 'B' }] }] } }],
      grades: [{ code: 'A' }],
      rules: [{ code: 'X', kind: 'DEDUCTION' }],
    });
    expect(l.groups).toEqual([{ code: 'G', name: 'G' }]);
    expect(l.grades.get('A')).toBe('A');
    expect(l.rules.get('X')).toBe('X');
    expect([l.depth.get('G:R'), l.depth.get('G:A'), l.depth.get('G:B')]).toEqual([0, 1, 2]);
    expect(labelsOf({})).toMatchObject({ groups: [], grades: new Map(), rules: new Map() });
  });

  test('a deduction counts negative, whatever sign it was stored with; other kinds keep theirs', () => {
    const l = labelsOf({
      rules: [
        { code: 'D', kind: 'DEDUCTION' },
        { code: 'B', kind: 'BONUS' },
      ],
    });
    expect(adjustmentPoints(l, { rule: 'D', points: 2 })).toBe(-2);
    expect(adjustmentPoints(l, { rule: 'D', points: -2 })).toBe(-2);
    expect(adjustmentPoints(l, { rule: 'B', points: 1.5 })).toBe(1.5);
    expect(adjustmentPoints(undefined, { rule: 'D', points: 2 })).toBe(2);
  });

  test('numbers: at most two decimals without trailing zeros, a dash for none, a plus on gains', () => {
    expect(fmt(12.345)).toBe('12.35');
    expect(fmt(12.3)).toBe('12.3');
    expect(fmt(7)).toBe('7');
    expect(fmt(1.23456, 3)).toBe('1.235');
    expect([fmt(null), fmt(undefined), fmt(Number.NaN)]).toEqual(['—', '—', '—']);
    expect(signed(1.5)).toBe('+1.5');
    expect(signed(-2)).toBe('-2');
    expect(signed(0)).toBe('0');
    expect(signed(3, 0)).toBe('+3');
    expect(signed(null)).toBe('—');
  });
});
