/** maxPoints top-down (the tree is scored against it): 100 at the root, shared by weight among the children that are in. */

/**
 * Fills `mp` (indexed by node) for the nodes that are in; `out[offset + i]` is 1 when node i is out.
 * Nodes that are out keep whatever `mp` held.
 */
export function spreadMaxPoints(
  children: readonly (readonly number[])[],
  leafOf: Int32Array,
  weight: Float64Array,
  out: Uint8Array,
  offset: number,
  mp: Float64Array,
): void {
  mp[0] = 100;
  for (let i = 0; i < mp.length; i++) {
    if (out[offset + i] || leafOf[i] >= 0) continue;
    const ch = children[i];
    let sum = 0;
    for (let k = 0; k < ch.length; k++) if (!out[offset + ch[k]]) sum += weight[ch[k]];
    const m = mp[i];
    for (let k = 0; k < ch.length; k++) {
      const c = ch[k];
      if (!out[offset + c]) mp[c] = (m * weight[c]) / sum;
    }
  }
}
