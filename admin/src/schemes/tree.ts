// Pure helpers over a scheme definition's tree (no React, no I/O): max points per node,
// JSON-Pointer addressing and immutable updates. Kept free of @kaoping/shared so the list page
// and its tests stay light.

export interface TreeNode {
  code: string;
  name?: string;
  weight: unknown;
  children?: TreeNode[];
  method?: { type: string } & Record<string, unknown>;
  unit?: string;
  /** Department codes that report the indicator. */
  owners?: string[];
}

const num = (w: unknown): number => (typeof w === 'number' && Number.isFinite(w) ? w : NaN);

/**
 * Max points of every node of a group's tree, by JSON Pointer relative to the root (`''` for the
 * root, `/children/0`, `/children/0/children/2`, …): 100 × Π weight / (sum of the weights of the
 * node and its siblings), the root counting as its own only sibling (100). A node whose weight,
 * or a sibling's, is not a number ≥ 0, or whose siblings sum to 0, gets NaN (and so its subtree).
 */
export function maxPointsOf(root: TreeNode, total = 100): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (node: TreeNode, path: string, points: number) => {
    out.set(path, points);
    const children = node.children ?? [];
    const weights = children.map(c => num(c.weight));
    const bad = weights.some(w => Number.isNaN(w) || w < 0);
    const sum = weights.reduce((a, b) => a + b, 0);
    children.forEach((child, i) => {
      const share = bad || !(sum > 0) ? NaN : weights[i] / sum;
      walk(child, `${path}/children/${i}`, points * share);
    });
  };
  walk(root, '', total);
  return out;
}

/** Display a max-points number with at most `precision` decimals (— when not computable). */
export const formatPoints = (x: number | undefined, precision = 2): string =>
  x === undefined || !Number.isFinite(x) ? '—' : String(Number(x.toFixed(precision)));

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
export const pointerParts = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.split('/').slice(1).map(unescape);

export function getAt(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const part of pointerParts(pointer)) {
    if (cur == null) return undefined;
    cur = (cur as Record<string, unknown>)[part]; // an array answers its index given as a string too
  }
  return cur;
}

/** A copy of `doc` with the value at `pointer` replaced (`undefined` deletes an object key). */
export function setAt<T>(doc: T, pointer: string, value: unknown): T {
  const parts = pointerParts(pointer);
  if (parts.length === 0) return value as T;
  const rec = (cur: unknown, i: number): unknown => {
    const last = i === parts.length - 1;
    if (Array.isArray(cur)) {
      const copy: unknown[] = [...cur];
      const index = Number(parts[i]);
      copy[index] = last ? value : rec(copy[index], i + 1);
      return copy;
    }
    const copy: Record<string, unknown> = { ...((cur ?? {}) as Record<string, unknown>) };
    const key = parts[i];
    if (last && value === undefined) delete copy[key];
    else copy[key] = last ? value : rec(copy[key], i + 1);
    return copy;
  };
  return rec(doc, 0) as T;
}

/**
 * Which node a problem is about: the longest node pointer (`/groups/0/root/children/1`) that is a
 * prefix of the problem's path; '' when none (scheme-level problems).
 */
export function problemNode(problemPath: string, nodePointers: Iterable<string>): string {
  let best = '';
  for (const p of nodePointers) {
    if ((problemPath === p || problemPath.startsWith(`${p}/`)) && p.length > best.length) best = p;
  }
  return best;
}

/** Every node's JSON Pointer in a definition (`/groups/0/root`, `/groups/0/root/children/1`, …), preorder. */
export function nodePointers(def: { groups?: unknown }): string[] {
  const out: string[] = [];
  const walk = (n: TreeNode, p: string) => {
    out.push(p);
    (Array.isArray(n.children) ? n.children : []).forEach((c, i) => walk(c, `${p}/children/${i}`));
  };
  const groups = Array.isArray(def.groups) ? (def.groups as { root?: TreeNode }[]) : [];
  groups.forEach((g, i) => g?.root && typeof g.root === 'object' && walk(g.root, `/groups/${i}/root`));
  return out;
}

/** An array item's pointer split into the array's pointer and the index (`/a/b/3` → `/a/b`, 3). */
export function splitItem(itemPointer: string): { array: string; index: number } {
  const cut = itemPointer.lastIndexOf('/');
  return { array: itemPointer.slice(0, cut), index: Number(itemPointer.slice(cut + 1)) };
}

const arrayAt = (doc: unknown, pointer: string): unknown[] => {
  const a = getAt(doc, pointer);
  return Array.isArray(a) ? a : [];
};

/** A copy of `doc` with `value` inserted into the array at `arrayPointer` (at the end by default; created when absent). */
export function insertAt<T>(doc: T, arrayPointer: string, value: unknown, index?: number): T {
  const items = [...arrayAt(doc, arrayPointer)];
  items.splice(index === undefined ? items.length : Math.max(0, Math.min(index, items.length)), 0, value);
  return setAt(doc, arrayPointer, items);
}

/** A copy of `doc` without the array item at `itemPointer`. */
export function removeAt<T>(doc: T, itemPointer: string): T {
  const { array, index } = splitItem(itemPointer);
  return setAt(
    doc,
    array,
    arrayAt(doc, array).filter((_, i) => i !== index),
  );
}

/**
 * Moves the array item at `itemPointer` by `delta` places among its siblings; returns the new
 * document and the item's new pointer (unchanged, same document, when it cannot move that way).
 */
export function moveAt<T>(doc: T, itemPointer: string, delta: number): { doc: T; pointer: string } {
  const { array, index } = splitItem(itemPointer);
  const items = [...arrayAt(doc, array)];
  const to = index + delta;
  if (!(index >= 0 && index < items.length) || to < 0 || to >= items.length || delta === 0)
    return { doc, pointer: itemPointer };
  const [item] = items.splice(index, 1);
  items.splice(to, 0, item);
  return { doc: setAt(doc, array, items), pointer: `${array}/${to}` };
}

/** Every code used in a tree (for picking a fresh one). */
export function codesOf(root: TreeNode | undefined): Set<string> {
  const out = new Set<string>();
  const walk = (n: TreeNode) => {
    if (!n || typeof n !== 'object') return;
    if (typeof n.code === 'string') out.add(n.code);
    (Array.isArray(n.children) ? n.children : []).forEach(walk);
  };
  if (root) walk(root);
  return out;
}

/** `PREFIX_1`, `PREFIX_2`, … : the first one not in `taken`. */
export function freshCode(taken: Iterable<string>, prefix: string): string {
  const set = new Set(taken);
  for (let i = 1; ; i += 1) if (!set.has(`${prefix}_${i}`)) return `${prefix}_${i}`;
}
