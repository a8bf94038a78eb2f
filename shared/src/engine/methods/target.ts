import { isNum, problem, ptr, type Problem } from '../../scheme/problems';
import type { Input } from '../../scheme/types';
import { clampNote, pct } from '../explain';
import { fmt } from '../rounding';
import { bare, checkCapFloor, checkDirection, clamp, MISSING, optNum } from './common';
import type { MethodDef } from './types';

interface C { lower: boolean; floor: number; cap: number }

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
  rate(input, c, { lang, explain }) {
    const a = input?.actual;
    const t = input?.target;
    if (a === undefined || t === undefined) return MISSING(lang);
    let r: number;
    let text: string;
    if (!explain) {
      r = !c.lower ? a / t : a <= t ? 1 : t === 0 ? 0 : t / a;
      return bare(clamp(r, c.floor, c.cap));
    }
    if (!c.lower) {
      r = a / t;
      text = `${lang.actual} ${fmt(a)} / ${lang.target} ${fmt(t)} = ${pct(r)}`;
    } else if (a <= t) {
      r = 1;
      text = `${lang.actual} ${fmt(a)} ≤ ${lang.target} ${fmt(t)}${lang.lower}`;
    } else if (t === 0) {
      r = 0;
      text = `${lang.actual} ${fmt(a)} > ${lang.target} 0${lang.lower}`;
    } else {
      r = t / a;
      text = `${lang.target} ${fmt(t)} / ${lang.actual} ${fmt(a)} = ${pct(r)}${lang.lower}`;
    }
    const s = clamp(r, c.floor, c.cap);
    return { rate: s, text: text + clampNote(lang, r, s) };
  },
};
