import type { Problem } from '../../scheme/problems';
import { part, withClamp } from '../explain';
import { bare, clamp, MISSING, noInputProblems, optNum } from './common';
import type { MethodDef } from './types';

interface C {
  cap: number;
}

/** LINKED (MEMBER groups): the member's unit's rounded final score / 100. */
export const LINKED: MethodDef<C> = {
  type: 'LINKED',
  memberOnly: true,
  validateParams(p, path) {
    const out: Problem[] = [];
    optNum(p, 'cap', path, out, 0);
    return out;
  },
  validateInput: noInputProblems,
  compile: (p) => ({ cap: (p.cap as number) ?? 1 }),
  rate(_input, c, { unitFinal, explain }) {
    if (unitFinal === undefined) return MISSING;
    const r = unitFinal / 100;
    const s = clamp(r, 0, c.cap);
    return explain ? { rate: s, parts: withClamp([part('LINKED', { final: unitFinal, ratio: r })], r, s) } : bare(s);
  },
};
