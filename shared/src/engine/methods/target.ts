import { isNum, problem, ptr, type Problem } from '../../scheme/problems';
import type { Input } from '../../scheme/types';
import { part, withClamp } from '../explain';
import { bare, checkCapFloor, checkDirection, clamp, MISSING, optNum } from './common';
import type { MethodDef } from './types';

interface C {
  lower: boolean;
  floor: number;
  cap: number;
}

/** TARGET: actual against target (基础分制); LOWER means lower is better. */
export const TARGET: MethodDef<C> = {
  type: 'TARGET',
  validateParams(p, path) {
    const out: Problem[] = [];
    checkDirection(p, path, out);
    optNum(p, 'floor', path, out, 0);
    optNum(p, 'cap', path, out, 0, Infinity, true);
    checkCapFloor(p, path, out);
    return out;
  },
  validateInput(input: Input, p, path) {
    if (p.direction !== 'LOWER' && isNum(input.target) && input.target <= 0) {
      return [problem(ptr(path, 'target'), 'TARGET_NOT_POSITIVE')];
    }
    return [];
  },
  compile: (p) => ({ lower: p.direction === 'LOWER', floor: (p.floor as number) ?? 0, cap: (p.cap as number) ?? 1 }),
  rate(input, c, { explain }) {
    const a = input?.actual;
    const t = input?.target;
    if (a === undefined || t === undefined) return MISSING;
    // which case applies decides both the ratio and its explanation
    const kase = !c.lower ? 0 : a <= t ? 1 : t === 0 ? 2 : 3;
    const r = kase === 0 ? a / t : kase === 1 ? 1 : kase === 2 ? 0 : t / a;
    const s = clamp(r, c.floor, c.cap);
    if (!explain) return bare(s);
    const head =
      kase === 0
        ? part('RATIO', { actual: a, target: t, ratio: r })
        : kase === 1
          ? part('LOWER_MET', { actual: a, target: t })
          : kase === 2
            ? part('LOWER_ZERO_TARGET', { actual: a })
            : part('LOWER_RATIO', { target: t, actual: a, ratio: r });
    return { rate: s, parts: withClamp([head], r, s) };
  },
};
