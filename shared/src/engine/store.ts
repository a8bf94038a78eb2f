/**
 * One group's scores in columns: what evaluate computes for every subject of the group, kept in
 * typed arrays instead of ~100 node objects per subject. Subject k's node i is at k × nodes + i,
 * its leaf slot s at k × leaves + s. Result nodes (and their explanations) are built from it only
 * when a subject's `nodes` is read (see nodes.ts, subject-result.ts).
 */
import type { Input } from '../scheme/types';
import type { CompiledGroup } from './compile';
import type { Lang } from './explain';
import type { Peers } from './methods/types';

export interface GroupStore {
  readonly g: CompiledGroup;
  readonly precision: number;
  readonly lang: Lang;
  /** Whether the nodes carry an explanation. */
  readonly explain: boolean;
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
  /** Peers per leaf (null when the method does not use them or nobody has an actual). */
  peers: (Peers | null)[];
  /** 1 when the node is out (per subject and node). */
  readonly out: Uint8Array;
  /** Points, as integer counts of 10^-precision (per subject and node). */
  readonly pts: Float64Array;
  /** The method's rate s, unrounded (per subject and leaf). */
  readonly rate: Float64Array;
  /** 1 when some node of the subject is out: its maxPoints are in `maxPoints`, else the group's full ones apply. */
  readonly anyOut: Uint8Array;
  /** maxPoints, unrounded (per subject and node; only for subjects with anyOut, and nodes that are in). */
  readonly maxPoints: Float64Array;
  /** The unit's final score for a MEMBER subject (LINKED), NaN when none. */
  readonly unitFinal: Float64Array;
}

export function createStore(
  g: CompiledGroup, size: number, inputs: readonly Input[], precision: number, lang: Lang, explain: boolean,
): GroupStore {
  const n = g.codes.length;
  const l = g.leaves.length;
  return {
    g, precision, lang, explain, size,
    inputs,
    row: new Int32Array(size * l).fill(-1),
    na: new Uint8Array(size * l),
    hasNa: new Uint8Array(size),
    actuals: new Float64Array(size * g.peerColumns).fill(NaN),
    peers: [],
    out: new Uint8Array(size * n),
    pts: new Float64Array(size * n),
    rate: new Float64Array(size * l),
    anyOut: new Uint8Array(size),
    maxPoints: new Float64Array(size * n),
    unitFinal: new Float64Array(size).fill(NaN),
  };
}
