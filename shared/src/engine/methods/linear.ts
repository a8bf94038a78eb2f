import type { Problem } from '../../scheme/problems';
import { part } from '../explain';
import { bare, checkDirection, MISSING, noInputProblems, optNum } from './common';
import type { MethodDef } from './types';

interface C {
  lower: boolean;
  floor: number;
}

/** LINEAR: position between the peers' min and max, lifted onto [floor, 1]. */
export const LINEAR: MethodDef<C> = {
  type: 'LINEAR',
  usesPeers: () => true,
  validateParams(p, path) {
    const out: Problem[] = [];
    checkDirection(p, path, out);
    optNum(p, 'floor', path, out, 0, 1);
    return out;
  },
  validateInput: noInputProblems,
  compile: (p) => ({ lower: p.direction === 'LOWER', floor: (p.floor as number) ?? 0 }),
  rate(input, c, { peers, explain }) {
    const v = input?.actual;
    if (v === undefined || !peers) return MISSING;
    const { min, max } = peers;
    const pos = max === min ? 1 : c.lower ? (max - v) / (max - min) : (v - min) / (max - min);
    const s = c.floor + (1 - c.floor) * pos;
    if (!explain) return bare(s);
    return {
      rate: s,
      parts: [
        part('ACTUAL', { actual: v, lower: c.lower }),
        part('PEER_RANGE', { min, max }),
        part('RATE', { rate: s }),
      ],
    };
  },
};
