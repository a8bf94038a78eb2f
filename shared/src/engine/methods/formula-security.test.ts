import { validateScheme } from '../../scheme/validate-scheme';
import { flatScheme, ind } from '../../test-support/factories';
import { compileExpression } from './formula-expr';

const problemsFor = (expression: string) => validateScheme(flatScheme([ind('F', { type: 'FORMULA', expression })]));

describe('FORMULA validation and security', () => {
  it.each([
    ['constructor', 'unknown name'],
    ['actual.constructor', 'property access'],
    ['a.b', 'property access'],
    ['actual["x"]', 'property access'],
    ['this', '"this"'],
    ['"x"', 'only numbers'],
    ['true', 'only numbers'],
    ['[1, 2]', 'ArrayExpression'],
    ['actual; target', 'Compound'],
    ['foo(1)', 'unknown function "foo"'],
    ['constructor(1)', 'unknown function'],
    ['actual.min(1)', 'only min, max, abs, round and if'],
    ['Math.max(1, 2)', 'only min, max, abs, round and if'],
    ['process', 'unknown name "process"'],
    ['actual % 2', 'operator "%"'],
    ['actual && 1', 'operator "&&"'],
    ['!actual', 'operator "!"'],
    ['actual ? 1 : 0', 'ConditionalExpression'],
    ['if(1, 2)', 'if takes 3'],
    ['abs()', 'abs takes 1'],
    ['(actual', 'does not parse'],
    ['', 'non-empty'],
  ])('%p is rejected at validation', (expression, fragment) => {
    const problems = problemsFor(expression);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].path).toBe('/groups/0/root/children/0/method/expression');
    expect(problems.map((p) => p.message).join(' | ')).toContain(fragment);
  });

  it('accepts the grammar', () => {
    expect(
      problemsFor(
        'if(actual >= 0 and not (target < 1 or score > 2), round(actual / target, 2), min(peerMax, peerMin, peerAvg))',
      ),
    ).toEqual([]);
  });

  it('compiles once and reports the variables it reads', () => {
    const c = compileExpression('actual / target + peerAvg');
    expect('fn' in c && c.inputVars).toEqual(['actual', 'target']);
    expect('fn' in c && c.usesPeers).toBe(true);
  });
});
