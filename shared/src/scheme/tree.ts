import type { IndicatorNode, SchemeNode } from './types';

/** The least a tree walk needs of a node: a code, maybe a name, children when it is a category. */
export interface TreeNodeLike {
  code: string;
  name?: string;
  children?: unknown;
}

/**
 * Visits every node of a scheme tree depth first, a category before its children, with the names
 * (or codes) of the categories between the root and the node, and its depth (the root's is 0).
 * Anything that is not an array of children makes a leaf, so half-edited definitions in the
 * console walk too.
 */
export function walkTree<N extends TreeNodeLike>(
  root: N,
  visit: (node: N, path: string[], depth: number) => void,
): void {
  const walk = (n: N, path: string[], depth: number) => {
    visit(n, path, depth);
    if (Array.isArray(n.children))
      for (const c of n.children as N[]) walk(c, depth === 0 ? path : [...path, n.name || n.code], depth + 1);
  };
  walk(root, [], 0);
}

/** The leaves (indicators) of a scheme tree, depth first. */
export function indicatorsOf(root: SchemeNode): IndicatorNode[] {
  const out: IndicatorNode[] = [];
  walkTree<TreeNodeLike>(root, (n) => {
    if (!Array.isArray(n.children)) out.push(n as unknown as IndicatorNode);
  });
  return out;
}

/** One indicator of a tree by code (categories are not indicators). */
export function findIndicator(root: SchemeNode, code: string): IndicatorNode | undefined {
  return indicatorsOf(root).find((n) => n.code === code);
}
