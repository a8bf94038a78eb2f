import { cat, ind } from '../test-support/factories';
import { findIndicator, indicatorsOf, walkTree } from './tree';
import type { IndicatorNode, SchemeNode } from './types';

const leaf = (code: string): IndicatorNode => ind(code, { type: 'SCORE' });
const root: SchemeNode = cat('root', [cat('A', [leaf('a1'), cat('A2', [leaf('a21')])]), leaf('b')]);

test('walkTree: depth first, a category before its children, with the category path below the root and the depth', () => {
  const seen: [string, string[], number][] = [];
  walkTree(root, (n, path, depth) => seen.push([n.code, path, depth]));
  expect(seen).toEqual([
    ['root', [], 0],
    ['A', [], 1],
    ['a1', ['A'], 2],
    ['A2', ['A'], 2],
    ['a21', ['A', 'A2'], 3],
    ['b', [], 1],
  ]);
});

test('indicatorsOf and findIndicator: leaves only', () => {
  expect(indicatorsOf(root).map((n) => n.code)).toEqual(['a1', 'a21', 'b']);
  expect(findIndicator(root, 'a21')?.code).toBe('a21');
  expect(findIndicator(root, 'A2')).toBeUndefined();
});
