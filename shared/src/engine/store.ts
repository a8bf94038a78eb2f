/**
 * One group's scores in columns: what evaluate computes for every subject of the group, kept in
 * typed arrays instead of ~100 node objects per subject. Subject k's node i is at k × nodes + i,
 * its leaf slot s at k × leaves + s. Result nodes (and their explanations) are built from it only
 * when a subject's `nodes` is read (see nodes.ts, subject-result.ts).
 */
import type { Input } from '../scheme/types';
import type { CompiledGroup } from './compile';
import type { Lang } from './explain';
import type { ExplainAs } from './nodes';
import type { Peers } from './methods/types';

export interface GroupStore {
  readonly g: CompiledGroup;
  readonly precision: number;
  readonly lang: Lang;
  /** Whether the nodes carry an explanation, and as what. */
  readonly explain: boolean;
  readonly explainAs: ExplainAs;
  /** Subjects in the group. */
  readonly size: number;
  /** The dataset's input rows (read again to explain: treat the dataset as immutable while the result lives). */
  readonly inputs: readonly Input[];
  /** Index in `inputs` of the subject's row for the leaf, -1 when none (per subject and leaf). */
  readonly row: Int32Array;
  /** 1 when the subject's row for the leaf is notApplicable. */
  readonly na: Uint8Array;
  /** 1 when some row of the subject is notApplicable (else no node is out: `out` stays all 0). */
  readonly hasNa: Uint8Array;
  /**
   * For leaves whose method uses peers: each subject's `actual` (NaN: no row, no actual, or not
   * applicable), per subject and peer column (g.peerColumn), gathered while the rows are placed.
   */
  readonly actuals: Float64Array;
  /** Points formatted so far, by points (integer count of 10^-precision), for explanations. */
  readonly pointsText: (string | undefined)[];
  /** Peers per leaf (null when the method does not use them or nobody has an actual). */
  peers: (Peers | null)[];
  /** 1 when the node is out (per subject and node). */
  readonly out: Uint8Array;
  /** Points, as integer counts of 10^-precision (per subject and node). */
  readonly pts: Float64Array;
  /** The method's rate s, unrounded (per subject and leaf). */
  readonly rate: Float64Array;
  /** 1 when some node of the subject is out (its maxPoints differ from the group's full ones). */
  readonly anyOut: Uint8Array;
  /** The unit's final score for a MEMBER subject (LINKED), NaN when none. */
  readonly unitFinal: Float64Array;
}

export function createStore(
  g: CompiledGroup,
  size: number,
  inputs: readonly Input[],
  precision: number,
  lang: Lang,
  explain: boolean,
  explainAs: ExplainAs = 'text',
): GroupStore {
  const n = g.codes.length;
  const l = g.leaves.length;
  // every column in one zeroed buffer (one allocation for the GC to track instead of ten): doubles, then int32, then bytes
  const f64 = size * n + size * l + size * g.peerColumns + size;
  const buf = new ArrayBuffer(f64 * 8 + size * l * 4 + size * n + size * l + 2 * size);
  let at = 0;
  const take = <T>(make: (b: ArrayBuffer, at: number, len: number) => T, len: number, bytes: number): T => {
    const view = make(buf, at, len);
    at += len * bytes;
    return view;
  };
  const F = (b: ArrayBuffer, o: number, len: number) => new Float64Array(b, o, len);
  const B = (b: ArrayBuffer, o: number, len: number) => new Uint8Array(b, o, len);
  const pts = take(F, size * n, 8);
  const rate = take(F, size * l, 8);
  const actuals = take(F, size * g.peerColumns, 8).fill(NaN);
  const unitFinal = take(F, size, 8).fill(NaN);
  const row = take((b, o, len) => new Int32Array(b, o, len), size * l, 4).fill(-1);
  return {
    g,
    precision,
    lang,
    explain,
    explainAs,
    size,
    inputs,
    row,
    actuals,
    pts,
    rate,
    unitFinal,
    na: take(B, size * l, 1),
    hasNa: take(B, size, 1),
    out: take(B, size * n, 1),
    anyOut: take(B, size, 1),
    peers: [],
    // 0..100 points; with more than 2 decimals the table would be large: those are formatted each time
    pointsText: new Array<string | undefined>(precision <= 2 ? 100 * 10 ** precision + 1 : 0),
  };
}
