import { isNum, problem, ptr, type Problem } from '../../scheme/problems';
import { part } from '../explain';
import { bare, MISSING, optNum } from './common';
import type { MethodDef } from './types';

interface C {
  max: number;
}

/** SCORE: a score out of `max` (default 100). */
export const SCORE: MethodDef<C> = {
  type: 'SCORE',
  validateParams(p, path) {
    const out: Problem[] = [];
    optNum(p, 'max', path, out, 0, Infinity, true);
    return out;
  },
  validateInput(input, p, path) {
    const max = (p.max as number) ?? 100;
    if (isNum(input.score) && (input.score < 0 || input.score > max)) {
      return [problem(ptr(path, 'score'), 'SCORE_OUT_OF_RANGE', { max })];
    }
    return [];
  },
  compile: (p) => ({ max: (p.max as number) ?? 100 }),
  rate(input, c, { explain }) {
    const v = input?.score;
    if (v === undefined) return MISSING;
    const s = v / c.max;
    return explain ? { rate: s, parts: [part('SCORE', { score: v, max: c.max, rate: s })] } : bare(s);
  },
};
