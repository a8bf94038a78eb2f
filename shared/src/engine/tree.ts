/** Scores one subject on its group's tree (scheme-format.md §3 steps 1–3). */
import type { Input, ResultNode, Warning } from '../scheme/types';
import type { CompiledGroup } from './compile';
import type { Lang } from './explain';
import type { Peers, RateContext } from './methods/types';
import { formatScaled, POW10, roundScaled } from './rounding';

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
  /** maxPoints when nothing is out (the common case): unrounded, rounded, and as explain text. */
  private readonly fullMp: Float64Array;
  private readonly fullMpRounded: Float64Array;
  private readonly fullMpText: string[];
  private readonly mpRounded: Float64Array;
  private readonly mpText: string[];
  /** Keeps the flattening read (see score) observable. */
  flatSink = 0;

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
    this.fullMp = new Float64Array(n);
    this.out.fill(0);
    this.spreadMaxPoints(this.fullMp);
    this.fullMpRounded = this.fullMp.map((m) => roundScaled(m, precision) / POW10[precision]);
    this.fullMpText = Array.from(this.fullMpRounded, (m) => String(m));
    this.mpRounded = new Float64Array(n);
    this.mpText = new Array<string>(n).fill('');
  }

  /** maxPoints top-down over the nodes that are in. */
  private spreadMaxPoints(mp: Float64Array): void {
    const { out } = this;
    const { children, leafOf, weight } = this.g;
    mp[0] = 100;
    for (let i = 0; i < mp.length; i++) {
      if (out[i] || leafOf[i] >= 0) continue;
      const ch = children[i];
      let sum = 0;
      for (let k = 0; k < ch.length; k++) if (!out[ch[k]]) sum += weight[ch[k]];
      const m = mp[i];
      for (let k = 0; k < ch.length; k++) { const c = ch[k]; if (!out[c]) mp[c] = (m * weight[c]) / sum; }
    }
  }

  /** `inputs[slot]` is the subject's input row for leaf `slot`; `na[slot]` is 1 when it is not applicable. */
  score(inputs: readonly (Input | undefined)[], na: Uint8Array, unitFinal: number | undefined): TreeOutcome {
    const { g, out, pts, rate, text, ctx, precision, lang } = this;
    const { children, leafOf, leaves, codes } = g;
    const n = codes.length;
    const unit = POW10[precision];
    const warnings: Warning[] = [];
    // 1. which nodes are out (children before parents: reverse preorder)
    let anyOut = false;
    for (let i = n - 1; i >= 0; i--) {
      const slot = leafOf[i];
      if (slot >= 0) {
        const o = na[slot];
        out[i] = o;
        if (o) anyOut = true;
        continue;
      }
      let allOut = 1;
      const ch = children[i];
      for (let k = 0; k < ch.length; k++) if (!out[ch[k]]) { allOut = 0; break; }
      out[i] = allOut;
    }
    // 2. maxPoints top-down (precomputed when nothing is out), rates and leaf points
    let mp = this.fullMp;
    let mpRounded = this.fullMpRounded;
    let mpText = this.fullMpText;
    if (anyOut) {
      mp = this.mp;
      mpRounded = this.mpRounded;
      mpText = this.mpText;
      this.spreadMaxPoints(mp);
      for (let i = 0; i < n; i++) {
        if (out[i]) continue;
        mpRounded[i] = roundScaled(mp[i], precision) / unit;
        mpText[i] = '';
      }
    }
    ctx.unitFinal = unitFinal;
    let flat = 0;
    for (let i = 0; i < n; i++) {
      if (out[i]) continue;
      const slot = leafOf[i];
      if (slot < 0) continue;
      const leaf = leaves[slot];
      ctx.peers = this.peers[slot];
      const o = leaf.def.rate(inputs[slot], leaf.compiled, ctx);
      if (o.warning) warnings.push({ code: o.warning, indicator: leaf.code });
      const s = o.rate;
      rate[i] = s;
      const p = roundScaled(mp[i] * s, precision);
      pts[i] = p;
      if (this.explain) {
        const t = o.text + lang.tail(formatScaled(p, precision), mpText[i] || String(mpRounded[i]));
        // Reading a character flattens the concatenation tree into one string, so the ~15 pieces
        // it was built from die young instead of being kept (and copied by the GC) with the result.
        flat ^= t.charCodeAt(0);
        text[i] = t;
      }
    }
    this.flatSink = flat;
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
      const maxPoints = mpRounded[i];
      const points = pts[i] / unit;
      if (leafOf[i] < 0) nodes[i] = { code: codes[i], maxPoints, points };
      else if (this.explain) nodes[i] = { code: codes[i], maxPoints, points, rate: roundScaled(rate[i], 4) / 1e4, explain: text[i] };
      else nodes[i] = { code: codes[i], maxPoints, points, rate: roundScaled(rate[i], 4) / 1e4 };
    }
    return { base: out[0] ? 0 : pts[0], nodes, warnings };
  }
}
