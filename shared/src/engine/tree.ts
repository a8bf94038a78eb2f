/** Scores one subject on its group's tree (scheme-format.md §3 steps 1–3). */
import type { Input, ResultNode, Warning } from '../scheme/types';
import type { CompiledGroup } from './compile';
import type { Lang } from './explain';
import type { Peers, RateContext } from './methods/types';
import { POW10, roundScaled } from './rounding';

export interface TreeOutcome {
  /** Base score as an integer count of 10^-precision. */
  base: number;
  nodes: ResultNode[];
  warnings: Warning[];
}

/** Per-group scratch buffers, reused for every subject of the group. */
export class TreeScorer {
  private readonly out: Uint8Array;
  private readonly mp: Float64Array;
  private readonly pts: Float64Array;
  private readonly rate: Float64Array;
  private readonly text: string[];
  private readonly ctx: RateContext;

  constructor(
    private readonly g: CompiledGroup,
    private readonly peers: (Peers | null)[],
    private readonly precision: number,
    private readonly lang: Lang,
    private readonly explain: boolean,
  ) {
    const n = g.codes.length;
    this.out = new Uint8Array(n);
    this.mp = new Float64Array(n);
    this.pts = new Float64Array(n);
    this.rate = new Float64Array(n);
    this.text = new Array<string>(n).fill('');
    this.ctx = { peers: null, unitFinal: undefined, lang, explain };
  }

  /** `inputs[slot]` is the subject's input row for leaf `slot`. */
  score(inputs: readonly (Input | undefined)[], unitFinal: number | undefined): TreeOutcome {
    const { g, out, mp, pts, rate, text, ctx, precision, lang } = this;
    const { children, leafOf, weight, leaves, codes } = g;
    const n = codes.length;
    const unit = POW10[precision];
    const warnings: Warning[] = [];
    // 1. which nodes are out (children before parents: reverse preorder)
    for (let i = n - 1; i >= 0; i--) {
      const slot = leafOf[i];
      if (slot >= 0) { out[i] = inputs[slot]?.notApplicable === true ? 1 : 0; continue; }
      let allOut = 1;
      const ch = children[i];
      for (let k = 0; k < ch.length; k++) if (!out[ch[k]]) { allOut = 0; break; }
      out[i] = allOut;
    }
    // 2. maxPoints top-down, rates and leaf points
    mp[0] = 100;
    ctx.unitFinal = unitFinal;
    for (let i = 0; i < n; i++) {
      if (out[i]) continue;
      const slot = leafOf[i];
      if (slot < 0) {
        const ch = children[i];
        let sum = 0;
        for (let k = 0; k < ch.length; k++) if (!out[ch[k]]) sum += weight[ch[k]];
        const m = mp[i];
        for (let k = 0; k < ch.length; k++) { const c = ch[k]; if (!out[c]) mp[c] = (m * weight[c]) / sum; }
        continue;
      }
      const leaf = leaves[slot];
      ctx.peers = this.peers[slot];
      const o = leaf.def.rate(inputs[slot], leaf.compiled, ctx);
      if (o.warning) warnings.push({ code: o.warning, indicator: leaf.code });
      const s = o.rate;
      rate[i] = s;
      const p = roundScaled(mp[i] * s, precision);
      pts[i] = p;
      if (this.explain) text[i] = o.text + lang.tail(String(p / unit), String(roundScaled(mp[i], precision) / unit));
    }
    // 3. category points: exact sums of rounded children (scaled integers), bottom-up
    for (let i = n - 1; i >= 0; i--) {
      if (out[i] || leafOf[i] >= 0) continue;
      const ch = children[i];
      let sum = 0;
      for (let k = 0; k < ch.length; k++) if (!out[ch[k]]) sum += pts[ch[k]];
      pts[i] = sum;
    }
    // 4. result nodes, preorder
    const nodes = new Array<ResultNode>(n);
    for (let i = 0; i < n; i++) {
      if (out[i]) { nodes[i] = { code: codes[i], out: true }; continue; }
      const maxPoints = roundScaled(mp[i], precision) / unit;
      const points = pts[i] / unit;
      if (leafOf[i] < 0) nodes[i] = { code: codes[i], maxPoints, points };
      else if (this.explain) nodes[i] = { code: codes[i], maxPoints, points, rate: roundScaled(rate[i], 4) / 1e4, explain: text[i] };
      else nodes[i] = { code: codes[i], maxPoints, points, rate: roundScaled(rate[i], 4) / 1e4 };
    }
    return { base: out[0] ? 0 : pts[0], nodes, warnings };
  }
}
