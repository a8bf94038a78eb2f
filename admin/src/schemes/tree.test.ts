// The console's pure scheme-editor helpers (tree.ts, editor/defaults.ts, editor/problemText.ts): max points per node, checked by hand and against the example's expected
// results, JSON-Pointer updates, add/remove/move, problem placement, a valid default per method
// (checked by the engine's validator), and the translation of the validator's wordings.
import { describe, expect, test } from '@jest/globals';
import { PROBLEM_CODES, problem, validateScheme } from '@kaoping/shared';

const CJK = /[\u3400-\u9fff]/;
import {
  codesOf,
  formatPoints,
  freshCode,
  getAt,
  insertAt,
  maxPointsOf,
  moveAt,
  nodePointers,
  problemNode,
  removeAt,
  setAt,
  type TreeNode,
} from './tree';
import {
  defaultMethod,
  METHOD_TYPES,
  methodInputs,
  newCategory,
  newGrade,
  newIndicator,
  newRule,
  ruleWithKind,
  type RuleValue,
} from './editor/defaults';
import { consoleProblemText } from './editor/problemText';
import exampleScheme from '../../../shared/examples/district-2023.scheme.json';
import exampleExpected from '../../../shared/examples/district-2023.expected.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the example as loose JSON, reshaped freely by the tests
type Loose = any;
const example = (): Loose => structuredClone(exampleScheme);

const leaf = (code: string, weight: unknown): TreeNode => ({ code, weight, method: { type: 'SCORE' } });

describe('scheme tree helpers (admin console)', () => {
  test('max points: 100 × Π weight / sibling sum', () => {
    const root: TreeNode = {
      code: 'R',
      weight: 1,
      children: [{ code: 'A', weight: 3, children: [leaf('A1', 1), leaf('A2', 3)] }, leaf('B', 1)],
    };
    const m = maxPointsOf(root);
    expect(m.get('')).toBe(100);
    expect(m.get('/children/0')).toBe(75);
    expect(m.get('/children/0/children/0')).toBeCloseTo(18.75, 10);
    expect(m.get('/children/0/children/1')).toBeCloseTo(56.25, 10);
    expect(m.get('/children/1')).toBe(25);
  });

  test('a weight that is not a number makes its siblings (and their subtrees) unknown', () => {
    const root: TreeNode = {
      code: 'R',
      weight: 1,
      children: [{ code: 'A', weight: 'x', children: [leaf('A1', 1)] }, leaf('B', 1)],
    };
    const m = maxPointsOf(root);
    expect(Number.isNaN(m.get('/children/1'))).toBe(true);
    expect(Number.isNaN(m.get('/children/0/children/0'))).toBe(true);
    expect(formatPoints(m.get('/children/1'))).toBe('—');
    expect(formatPoints(12.444444, 2)).toBe('12.44');
    expect(formatPoints(8, 2)).toBe('8');
  });

  test("max points equal the engine's on the example scheme (every node of every group)", () => {
    const scheme: Loose = structuredClone(exampleScheme);
    const expected: Loose = exampleExpected;
    let compared = 0;
    for (const group of scheme.groups) {
      const byCode = new Map<string, number>();
      const walk = (n: TreeNode, p: string, m: Map<string, number>) => {
        byCode.set(n.code, m.get(p)!);
        (n.children ?? []).forEach((c, i) => walk(c, `${p}/children/${i}`, m));
      };
      walk(group.root, '', maxPointsOf(group.root));
      const subject = expected.subjects.find((s: { group: string }) => s.group === group.code);
      for (const node of subject.nodes) {
        if (node.out) continue;
        expect(formatPoints(byCode.get(node.code), scheme.precision)).toBe(String(node.maxPoints));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  test('setAt copies along the path only; problemNode picks the deepest node', () => {
    const doc = { groups: [{ root: { children: [{ weight: 1 }, { weight: 2 }] } }], other: { a: 1 } };
    const next = setAt(doc, '/groups/0/root/children/1/weight', 5);
    expect(getAt(next, '/groups/0/root/children/1/weight')).toBe(5);
    expect(doc.groups[0].root.children[1].weight).toBe(2);
    expect(next.other).toBe(doc.other);
    expect(next.groups[0].root.children[0]).toBe(doc.groups[0].root.children[0]);
    const without = setAt({ method: { type: 'TARGET', cap: 1.2 } }, '/method/cap', undefined);
    expect(without.method).toEqual({ type: 'TARGET' });
    const nodes = ['/groups/0/root', '/groups/0/root/children/1', '/groups/0/root/children/10'];
    expect(problemNode('/groups/0/root/children/1/weight', nodes)).toBe('/groups/0/root/children/1');
    expect(problemNode('/groups/0/root/children/10/method/cap', nodes)).toBe('/groups/0/root/children/10');
    expect(problemNode('/code', nodes)).toBe('');
  });
});

describe('scheme editor operations (admin console)', () => {
  test('insertAt / removeAt / moveAt change one array and keep the rest shared', () => {
    const doc = {
      groups: [{ root: { code: 'R', children: [{ code: 'A' }, { code: 'B' }, { code: 'C' }] } }],
      other: { x: 1 },
    };
    const kids = (d: unknown) => (getAt(d, '/groups/0/root/children') as { code: string }[]).map(c => c.code);
    const added = insertAt(doc, '/groups/0/root/children', { code: 'D' });
    expect(kids(added)).toEqual(['A', 'B', 'C', 'D']);
    expect(kids(insertAt(doc, '/groups/0/root/children', { code: 'Z' }, 1))).toEqual(['A', 'Z', 'B', 'C']);
    expect(kids(doc)).toEqual(['A', 'B', 'C']);
    expect(added.other).toBe(doc.other);
    expect(kids(removeAt(doc, '/groups/0/root/children/1'))).toEqual(['A', 'C']);
    const down = moveAt(doc, '/groups/0/root/children/0', 1);
    expect(kids(down.doc)).toEqual(['B', 'A', 'C']);
    expect(down.pointer).toBe('/groups/0/root/children/1');
    const up = moveAt(doc, '/groups/0/root/children/2', -1);
    expect(kids(up.doc)).toEqual(['A', 'C', 'B']);
    // At the ends nothing moves: the same document comes back.
    expect(moveAt(doc, '/groups/0/root/children/0', -1).doc).toBe(doc);
    expect(moveAt(doc, '/groups/0/root/children/2', 1).doc).toBe(doc);
    // Into a missing array: it is created.
    expect(getAt(insertAt({ rules: undefined }, '/rules', { code: 'X' }), '/rules')).toEqual([{ code: 'X' }]);
  });

  test('nodePointers lists every node preorder; fresh codes avoid every code of the tree', () => {
    const s = example();
    const pointers = nodePointers(s);
    expect(pointers[0]).toBe('/groups/0/root');
    expect(pointers[1]).toBe('/groups/0/root/children/0');
    expect(pointers).toContain('/groups/5/root/children/1/children/1');
    for (const p of pointers) expect(typeof (getAt(s, p) as TreeNode).code).toBe('string');
    const codes = codesOf(s.groups[0].root);
    expect(codes.has('TAX')).toBe(true);
    expect(freshCode(['IND_1', 'IND_2'], 'IND')).toBe('IND_3');
    expect(freshCode([], 'CAT')).toBe('CAT_1');
  });

  test('every method has a valid default, in a MEMBER group; LINKED is refused in a UNIT group', () => {
    expect(METHOD_TYPES).toHaveLength(9);
    for (const type of METHOD_TYPES) {
      const s = example();
      const member = s.groups.findIndex((g: { kind: string }) => g.kind === 'MEMBER');
      s.groups[member].root.children[1].method = defaultMethod(type);
      expect({ type, problems: validateScheme(s) }).toEqual({ type, problems: [] });
      const unit = example();
      unit.groups[0].root.children[0].children[0].children[0].method = defaultMethod(type);
      const problems = validateScheme(unit);
      if (type === 'LINKED')
        expect(problems.map(p => p.path)).toEqual(['/groups/0/root/children/0/children/0/children/0/method/type']);
      else expect(problems).toEqual([]);
    }
    expect(methodInputs(defaultMethod('TARGET'))).toEqual(['actual', 'target']);
    expect(methodInputs({ type: 'LADDER', basis: 'RATIO' })).toEqual(['actual', 'target']);
    expect(methodInputs({ type: 'FORMULA', expression: 'if(previous > 0, actual / previous, 0)' })).toEqual([
      'actual',
      'previous',
    ]);
    expect(methodInputs(defaultMethod('LINKED'))).toEqual([]);
  });

  test('new indicators, categories, rules and grades keep the example valid and their codes unique', () => {
    let s = example();
    const root = s.groups[0].root;
    const ind = newIndicator(root, '新指标');
    s = insertAt(s, '/groups/0/root/children/0/children/1/children', ind);
    const cat = newCategory(s.groups[0].root, '新类别', '新指标');
    s = insertAt(s, '/groups/0/root/children', cat);
    expect(ind.code).toBe('IND_1');
    expect(cat.code).toBe('CAT_1');
    expect(cat.children![0].code).toBe('IND_2'); // IND_1 is already in the tree
    s = insertAt(s, '/rules', newRule(s, '新规则'));
    const { grade, index } = newGrade(s, '新等次');
    expect(index).toBe(s.grades.length - 1);
    expect(grade.minScore).toBe(60); // the lowest so far: minScore never increases down the list
    s = insertAt(s, '/grades', grade, index);
    expect(validateScheme(s)).toEqual([]);
    expect(s.grades.map((g: { code: string }) => g.code)).toEqual(['EXCELLENT', 'GOOD', 'FAIR', 'GRADE_1', 'POOR']);
    // Adding the same again: fresh codes, still valid.
    s = insertAt(s, '/groups/0/root/children', newCategory(s.groups[0].root, 'x', 'y'));
    s = insertAt(s, '/rules', newRule(s, 'r'));
    expect(validateScheme(s)).toEqual([]);
    // Removing a category's only child leaves the category empty: the validator says so there.
    const emptied = removeAt(s, '/groups/0/root/children/2/children/0');
    expect(validateScheme(emptied).map(p => p.path)).toEqual(['/groups/0/root/children/2/children']);
  });

  test('a rule changes kind with valid fields (points ↔ maxGrade)', () => {
    const s = example();
    const bonus = s.rules.find((r: RuleValue) => r.code === 'AWARD_CITY') as RuleValue;
    const veto = ruleWithKind(bonus, 'VETO', s);
    expect(veto).toEqual({
      code: 'AWARD_CITY',
      name: bonus.name,
      kind: 'VETO',
      groups: bonus.groups,
      maxGrade: 'FAIR',
    });
    const back = ruleWithKind(veto, 'DEDUCTION', s);
    expect(back).toEqual({ code: 'AWARD_CITY', name: bonus.name, kind: 'DEDUCTION', groups: bonus.groups, points: 1 });
    const ranged = s.rules.find((r: RuleValue) => r.code === 'NOTABLE_WORK') as RuleValue;
    expect(ruleWithKind(ranged, 'DEDUCTION', s)).toMatchObject({ kind: 'DEDUCTION', minPoints: 0.5, maxPoints: 2 });
    for (const r of [veto, back]) {
      const t = { ...s, rules: s.rules.map((x: RuleValue) => (x.code === r.code ? r : x)) };
      expect(validateScheme(t)).toEqual([]);
    }
  });

  test("the validator's wordings translate, with arguments, into both languages", () => {
    const s = example();
    const tax = s.groups[0].root.children[0].children[0].children[0];
    tax.weight = -1;
    tax.method = { type: 'FORMULA', expression: 'actual +* 2 + foo + bar(1)' };
    s.groups[0].root.children[0].children[1].children[0].code = 'TAX';
    s.grades[3].minScore = 10;
    s.rules[0].points = 0;
    s.groups[1].root.children[0].children[0].children[1].method = { type: 'RANK' }; // DUTIES without its step
    const names = structuredClone(s);
    names.groups[0].root.children[0].children[0].children[0].method.expression = 'actual + foo + bar(1) + a.b';
    const problems = [...validateScheme(s), ...validateScheme(names)];
    // every problem of the real validator has a code, and the console shows it in Chinese (and English)
    const codes = new Set(problems.map(p => p.code));
    for (const c of [
      'WEIGHT_NOT_POSITIVE',
      'DUPLICATE_CODE',
      'FORMULA_PARSE',
      'FORMULA_UNKNOWN_NAME',
      'FORMULA_UNKNOWN_FUNCTION',
      'FORMULA_MEMBER',
      'LAST_GRADE_LIMITED',
      'NUMBER_TOO_SMALL',
      'REQUIRED',
    ]) {
      expect({ c, found: codes.has(c as never) }).toEqual({ c, found: true });
    }
    for (const p of problems) {
      expect({ code: p.code, zh: CJK.test(consoleProblemText(p, 'zh')) }).toEqual({ code: p.code, zh: true });
      expect(consoleProblemText(p, 'en')).toBe(p.message);
    }
    expect(
      consoleProblemText(
        problems.find(p => p.code === 'REQUIRED')!,
        'zh',
      ),
    ).toBe('请填写名次间隔扣减');
    expect(consoleProblemText({ message: 'something new' }, 'zh')).toBe('something new');
  });

  test('the Chinese scheme editor has a Chinese text for every validator code', () => {
    const params = {
      key: 'cap',
      what: 'grade',
      code: 'X',
      type: 'LINKED',
      min: 0,
      max: 1,
      name: 'abs',
      rule: 'R',
      group: 'G',
      subject: 'S',
      indicator: 'I',
      count: 2,
      op: '>',
      bound: 0,
      detail: 'd',
      raw: '"x"',
      stored: 2,
      seen: 1,
    };
    for (const code of PROBLEM_CODES) {
      const p = problem('/x', code, params);
      const zh = consoleProblemText(p, 'zh');
      expect({ code, chinese: CJK.test(zh), differs: zh !== p.message }).toEqual({
        code,
        chinese: true,
        differs: true,
      });
      expect(consoleProblemText(p, 'en')).not.toMatch(CJK);
    }
  });
});
