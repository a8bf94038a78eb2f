// The console's pure scheme-tree helpers (admin/src/schemes/tree.ts): max points per node, checked
// by hand and against the example's expected results, JSON-Pointer updates, problem placement.
import fs from 'node:fs';
import path from 'node:path';
import { formatPoints, getAt, maxPointsOf, problemNode, setAt, type TreeNode } from '../../admin/src/schemes/tree';
import { REPO } from './support';

const leaf = (code: string, weight: unknown): TreeNode => ({ code, weight, method: { type: 'SCORE' } });

describe('scheme tree helpers (admin console)', () => {
  test('max points: 100 × Π weight / sibling sum', () => {
    const root: TreeNode = { code: 'R', weight: 1, children: [{ code: 'A', weight: 3, children: [leaf('A1', 1), leaf('A2', 3)] }, leaf('B', 1)] };
    const m = maxPointsOf(root);
    expect(m.get('')).toBe(100);
    expect(m.get('/children/0')).toBe(75);
    expect(m.get('/children/0/children/0')).toBeCloseTo(18.75, 10);
    expect(m.get('/children/0/children/1')).toBeCloseTo(56.25, 10);
    expect(m.get('/children/1')).toBe(25);
  });

  test('a weight that is not a number makes its siblings (and their subtrees) unknown', () => {
    const root: TreeNode = { code: 'R', weight: 1, children: [{ code: 'A', weight: 'x', children: [leaf('A1', 1)] }, leaf('B', 1)] };
    const m = maxPointsOf(root);
    expect(Number.isNaN(m.get('/children/1'))).toBe(true);
    expect(Number.isNaN(m.get('/children/0/children/0'))).toBe(true);
    expect(formatPoints(m.get('/children/1'))).toBe('—');
    expect(formatPoints(12.444444, 2)).toBe('12.44');
    expect(formatPoints(8, 2)).toBe('8');
  });

  test('max points equal the engine\'s on the example scheme (every node of every group)', () => {
    const scheme = JSON.parse(fs.readFileSync(path.join(REPO, 'shared/examples/district-2023.scheme.json'), 'utf8'));
    const expected = JSON.parse(fs.readFileSync(path.join(REPO, 'shared/examples/district-2023.expected.json'), 'utf8'));
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
