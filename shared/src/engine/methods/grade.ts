import { isStr, problem, ptr, type Problem } from '../../scheme/problems';
import { part } from '../explain';
import { bare, checkNumMap, MISSING } from './common';
import type { MethodDef } from './types';

type C = Map<string, number>;

/** GRADE: a letter grade mapped to a rate by `levels`. */
export const GRADE: MethodDef<C> = {
  type: 'GRADE',
  validateParams(p, path) {
    const out: Problem[] = [];
    checkNumMap(p, 'levels', path, out, 0, 1);
    return out;
  },
  validateInput(input, p, path) {
    const levels = p.levels as Record<string, number>;
    if (isStr(input.grade) && !Object.prototype.hasOwnProperty.call(levels, input.grade)) {
      return [problem(ptr(path, 'grade'), 'GRADE_UNKNOWN', { code: input.grade })];
    }
    return [];
  },
  compile: (p) => new Map(Object.entries(p.levels as Record<string, number>)),
  rate(input, c, { explain }) {
    const g = input?.grade;
    if (g === undefined) return MISSING;
    const s = c.get(g) ?? 0;
    return explain ? { rate: s, parts: [part('GRADE_LEVEL', { grade: g, rate: s })] } : bare(s);
  },
};
