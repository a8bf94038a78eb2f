import type { Problem } from '../../scheme/problems';
import { part, withClamp } from '../explain';
import { bare, checkDirection, MISSING, noInputProblems, optNum, reqNum } from './common';
import type { MethodDef, Peers } from './types';

interface C {
  lower: boolean;
  step: number;
  floor: number;
}

/** Competition rank (1, 2, 2, 4) of `a` among the peers; peers.desc is sorted descending. */
export function competitionRank(peers: Peers, a: number, lower: boolean): number {
  const d = peers.desc;
  // count of peers strictly better than a (binary search on the descending array)
  let lo = 0;
  let hi = d.length;
  if (!lower) {
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (d[m] > a) lo = m + 1;
      else hi = m;
    }
    return lo + 1;
  }
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (d[m] >= a) lo = m + 1;
    else hi = m;
  }
  return d.length - lo + 1;
}

/** RANK: s = max(floor, 1 - (k - 1) * step). */
export const RANK: MethodDef<C> = {
  type: 'RANK',
  usesPeers: () => true,
  validateParams(p, path) {
    const out: Problem[] = [];
    checkDirection(p, path, out);
    reqNum(p, 'step', path, out, 0, 1, true);
    optNum(p, 'floor', path, out, 0, 1);
    return out;
  },
  validateInput: noInputProblems,
  compile: (p) => ({ lower: p.direction === 'LOWER', step: p.step as number, floor: (p.floor as number) ?? 0 }),
  rate(input, c, { peers, explain }) {
    const a = input?.actual;
    if (a === undefined || !peers) return MISSING;
    const k = competitionRank(peers, a, c.lower);
    const raw = 1 - (k - 1) * c.step;
    const s = raw < c.floor ? c.floor : raw;
    if (!explain) return bare(s);
    const parts = [
      part('ACTUAL', { actual: a, lower: c.lower }),
      part('RANK_POSITION', { rank: k, peers: peers.desc.length }),
      part('RATE', { rate: raw }),
    ];
    return { rate: s, parts: withClamp(parts, raw, s) };
  },
};
