/**
 * A run's stored subject data (result_subjects.data): the JSON of
 * `{ nodes, adjustments, warnings, vetoes, receipt }`. A subject's nodes and its receipt's
 * indicator list (with each value's source) are most of it, and depend only on the scheme, the
 * subject's group and rows, its group's peers, its unit's final and the review threshold: kept
 * with the subject's inputs (kept-inputs.ts) under that basis, an unchanged subject's are written
 * again as they were instead of being built and serialised again. Rank, grade, adjustments and
 * warnings, which move with other subjects, are made every time.
 */
import { createHash } from 'node:crypto';
import { nodesBasis, nodesOnce, subjectReceipt, type NodesBasis, type SubjectResult } from '@kaoping/shared';
import type { SubjectInputs } from '../input/kept-inputs';
import { withSources } from './receipt';

const NODES_KEY = Buffer.from('{"nodes":');

/** The data of a run's subjects, for one computation. */
export class SubjectData {
  /** The peers' digest by the peers array of a group (one per group and evaluation). */
  private readonly peersDigest = new Map<NodesBasis['peers'], string>();

  /**
   * @param scheme the scheme's canonical hash (the compiled scheme the nodes come from)
   * @param threshold the scheme's review threshold (the sources' decisions)
   * @param entered the subjects' kept inputs, by code
   */
  constructor(
    private readonly scheme: string,
    private readonly threshold: number,
    private readonly entered: Map<string, SubjectInputs>,
  ) {}

  /**
   * The UTF-8 JSON of `s`'s data: the same text as JSON.stringify of the object. Bytes, so that
   * the kept parts are not held in the JS heap nor encoded again (the driver sends a Buffer as is).
   */
  json(s: SubjectResult): Buffer {
    const mine = this.entered.get(s.subject);
    const basis = mine && this.basisOf(s);
    const kept = basis !== undefined && mine?.stored?.basis === basis ? mine.stored : undefined;
    const nodes = kept?.nodes ?? Buffer.from(JSON.stringify(nodesOnce(s)));
    const { subject: _s, group: _g, indicators, lines, ...head } = subjectReceipt(s, { indicators: !kept });
    let listed = kept?.indicators;
    if (listed === undefined) {
      if (mine) withSources(mine, this.threshold, indicators);
      listed = Buffer.from(JSON.stringify(indicators));
      if (basis !== undefined) mine!.stored = { basis, nodes, indicators: listed };
    }
    // `receipt` is the last key of the data, its stand-in `0` replaced by the receipt; the
    // receipt's keys in their order: head (rank … vetoes, never empty), indicators, lines
    const rest = JSON.stringify({ adjustments: s.adjustments, warnings: s.warnings, vetoes: s.vetoes, receipt: 0 });
    return Buffer.concat([
      NODES_KEY,
      nodes,
      Buffer.from(`,${rest.slice(1, -2)}${JSON.stringify(head).slice(0, -1)},"indicators":`),
      listed,
      Buffer.from(`,"lines":${JSON.stringify(lines)}}}`),
    ]);
  }

  /** What `s`'s nodes and indicator list depend on besides its rows; undefined when unknown (nothing kept). */
  private basisOf(s: SubjectResult): string | undefined {
    const b = nodesBasis(s);
    if (!b) return undefined;
    let peers = this.peersDigest.get(b.peers);
    if (peers === undefined) this.peersDigest.set(b.peers, (peers = digestOf(b.peers)));
    const unitFinal = Object.is(b.unitFinal, -0) ? '-0' : String(b.unitFinal);
    return `${this.scheme}|${s.group}|${this.threshold}|${unitFinal}|${peers}`;
  }
}

/** sha256 of a group's peers per leaf, their numbers as stored (every bit). */
function digestOf(peers: NodesBasis['peers']): string {
  const h = createHash('sha256');
  for (const p of peers) {
    if (!p) {
      h.update('-');
      continue;
    }
    const n = p.desc.length;
    const f = new Float64Array(n + 3);
    f.set(p.desc);
    f[n] = p.min;
    f[n + 1] = p.max;
    f[n + 2] = p.avg;
    h.update(`${n}:`);
    h.update(new Uint8Array(f.buffer));
  }
  return h.digest('base64');
}
