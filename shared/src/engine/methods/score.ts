import { isNum, problem, ptr, type Problem } from '../../scheme/problems';
import { pct } from '../explain';
import { fmt } from '../rounding';
import { bare, MISSING, optNum } from './common';
import type { MethodDef } from './types';

interface C { max: number; maxText: string }

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
  compile: (p) => ({ max: (p.max as number) ?? 100, maxText: fmt((p.max as number) ?? 100) }),
  rate(input, c, { lang, explain }) {
    const v = input?.score;
    if (v === undefined) return MISSING(lang);
    const s = v / c.max;
    return explain ? { rate: s, text: `${lang.score(fmt(v), c.maxText)} = ${pct(s)}` } : bare(s);
  },
};
