/**
 * Builds one subject's result nodes from its group's store, in preorder, as plain objects (the
 * same shape and key order evaluate always produced). Each indicator's explanation comes from
 * the method itself (`rate` with `explain: true` on the same input row, peers and unit final): its
 * parts, formatted in the scheme's language and followed by the engine's tail ("，得 2.68 分（满分
 * 8 分）"), or kept as data (`explainAs: 'parts'`: the parts packed, the tail left to the reader).
 */
import { EXPLAIN_TEXTS, formatParts, packParts } from '../i18n/explain-texts';
import type { ResultNode } from '../scheme/types';
import { spreadMaxPoints } from './max-points';
import type { RateContext } from './methods/types';
import { formatScaled, POW10, roundScaled } from './rounding';
import type { GroupStore } from './store';

/** 'text': each indicator node's `explain` string; 'parts': its `parts` (packed explanation parts). */
export type ExplainAs = 'text' | 'parts';

export function buildNodes(s: GroupStore, k: number): ResultNode[] {
  const { g, out, pts, rate, row, inputs, precision, lang, explain } = s;
  const tail = EXPLAIN_TEXTS.POINTS[lang];
  const { codes, leafOf, leaves } = g;
  const n = codes.length;
  const o0 = k * n;
  const l0 = k * leaves.length;
  const unit = POW10[precision];
  // maxPoints when a node is out: spread again from the out flags (cheaper than keeping them for every subject)
  let mps: Float64Array | null = null;
  if (s.anyOut[k] === 1) {
    mps = new Float64Array(n);
    spreadMaxPoints(g.children, leafOf, g.weight, out, o0, mps);
  }
  const uf = s.unitFinal[k];
  const ctx: RateContext = { peers: null, unitFinal: uf === uf ? uf : undefined, explain: true };
  const nodes = new Array<ResultNode>(n);
  let flat = 0;
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    if (out[o0 + i]) {
      nodes[i] = { code, out: true };
      continue;
    }
    const mp = mps !== null ? roundScaled(mps[i], precision) / unit : g.fullMaxPointsRounded[i];
    const p = pts[o0 + i];
    const slot = leafOf[i];
    if (slot < 0) {
      nodes[i] = { code, maxPoints: mp, points: p / unit };
      continue;
    }
    const s4 = rate[l0 + slot];
    const r = roundScaled(s4, 4) / 1e4;
    if (!explain) {
      nodes[i] = { code, maxPoints: mp, points: p / unit, rate: r };
      continue;
    }
    const leaf = leaves[slot];
    ctx.peers = s.peers[slot];
    const ri = row[l0 + slot];
    const o = leaf.def.rate(ri < 0 ? undefined : inputs[ri], leaf.compiled, ctx);
    // The same method on the same row must give the same rate; anything else means the dataset was changed after evaluate.
    if (!Object.is(o.rate, s4))
      throw new Error(`the dataset changed after evaluate (indicator ${leaf.code}); evaluate again`);
    if (s.explainAs === 'parts') {
      nodes[i] = { code, maxPoints: mp, points: p / unit, rate: r, parts: packParts(o.parts!) };
      continue;
    }
    const mpText = mps !== null ? String(mp) : g.fullMaxPointsText[i];
    const text = formatParts(o.parts!, lang) + tail({ points: pointsText(s, p), maxPoints: mpText });
    // Reading a character flattens the concatenation into one string, so its ~15 pieces die young
    // instead of being kept (and copied by the GC) with the nodes.
    flat ^= text.charCodeAt(0);
    nodes[i] = { code, maxPoints: mp, points: p / unit, rate: r, explain: text };
  }
  _sink = flat;
  return nodes;
}

/** Keeps the flattening read observable (written, never read: that is its purpose). */
let _sink = 0;

/**
 * Points as text, e.g. 268 → "2.68". Points are whole counts of 10^-precision between 0 and
 * 100 × 10^precision and repeat a lot across subjects: each is formatted once per group.
 */
function pointsText(s: GroupStore, p: number): string {
  const cache = s.pointsText;
  if (p >= 0 && p < cache.length && p === Math.floor(p)) return (cache[p] ??= formatScaled(p, s.precision));
  return formatScaled(p, s.precision);
}
