/**
 * Scores one subject on its group's tree (out nodes, max points, points) into the group's store:
 * out flags, rates, points, category sums. No result objects and no text: nodes.ts builds those
 * when they are read.
 */
import type { Warning } from '../scheme/types';
import { spreadMaxPoints } from './max-points';
import type { RateContext } from './methods/types';
import { roundScaled } from './rounding';
import type { GroupStore } from './store';

/** Per-group scratch, reused for every subject of the group. */
export class TreeScorer {
  private readonly mp: Float64Array;
  private readonly ctx: RateContext;

  constructor(private readonly s: GroupStore) {
    this.mp = new Float64Array(s.g.codes.length);
    // unitFinal holds undefined, small integers and other numbers: storing each kind once here puts its
    // field on V8's most general representation at once, instead of optimized code deoptimizing again and again
    this.ctx = { peers: null, unitFinal: 0, explain: false };
    this.ctx.unitFinal = undefined;
  }

  /** Scores subject k of the store; pushes its warnings; returns its base (integer count of 10^-precision). */
  score(k: number, warnings: Warning[]): number {
    const { s, ctx } = this;
    const { g, out, pts, rate, na, row, inputs, precision } = s;
    const { children, leafOf, leaves, weight } = g;
    const n = g.codes.length;
    const o0 = k * n;
    const l0 = k * leaves.length;
    // 1. which nodes are out (children before parents: reverse preorder); none without a notApplicable row
    let anyOut = 0;
    for (let i = s.hasNa[k] ? n - 1 : -1; i >= 0; i--) {
      const slot = leafOf[i];
      if (slot >= 0) {
        const o = na[l0 + slot];
        out[o0 + i] = o;
        anyOut |= o;
        continue;
      }
      let allOut = 1;
      const ch = children[i];
      for (let c = 0; c < ch.length; c++)
        if (!out[o0 + ch[c]]) {
          allOut = 0;
          break;
        }
      out[o0 + i] = allOut;
    }
    // 2. maxPoints (precomputed when nothing is out), rates and leaf points
    let mp = g.fullMaxPoints;
    if (anyOut) {
      mp = this.mp;
      spreadMaxPoints(children, leafOf, weight, out, o0, mp); // nodes.ts spreads them again from `out` when it builds the nodes
      s.anyOut[k] = 1;
    }
    if (g.kind === 'MEMBER') {
      const uf = s.unitFinal[k];
      ctx.unitFinal = uf === uf ? uf : undefined;
    }
    for (let slot = 0; slot < leaves.length; slot++) {
      const leaf = leaves[slot];
      const i = leaf.node;
      if (out[o0 + i]) continue;
      ctx.peers = s.peers[slot];
      const r = row[l0 + slot];
      const o = leaf.rate(r < 0 ? undefined : inputs[r], leaf.compiled, ctx);
      if (o.warning) warnings.push({ code: o.warning, indicator: leaf.code });
      rate[l0 + slot] = o.rate;
      pts[o0 + i] = roundScaled(mp[i] * o.rate, precision);
    }
    // 3. category points: exact sums of rounded children (scaled integers), bottom-up
    for (let i = n - 1; i >= 0; i--) {
      if (leafOf[i] >= 0 || out[o0 + i]) continue;
      const ch = children[i];
      let sum = 0;
      for (let c = 0; c < ch.length; c++) if (!out[o0 + ch[c]]) sum += pts[o0 + ch[c]];
      pts[o0 + i] = sum;
    }
    return out[o0] ? 0 : pts[o0];
  }
}
