import { isNum, problem, ptr, type Problem } from '../../scheme/problems';
import { part, type ExplainPart } from '../explain';
import { bare, DIV_ZERO, MISSING, noInputProblems } from './common';
import type { MethodDef } from './types';

interface C {
  ratio: boolean;
  byMin: boolean;
  bounds: number[];
  scores: number[];
}

/** LADDER: the first step the value reaches gives the rate; no step: 0. */
export const LADDER: MethodDef<C> = {
  type: 'LADDER',
  validateParams(p, path) {
    const out: Problem[] = [];
    if (p.basis !== undefined && p.basis !== 'VALUE' && p.basis !== 'RATIO') {
      out.push(problem(ptr(path, 'basis'), 'LADDER_BASIS'));
    }
    const steps = p.steps;
    const sp = ptr(path, 'steps');
    if (!Array.isArray(steps) || steps.length === 0) {
      out.push(problem(sp, 'ARRAY_EMPTY', { key: 'steps' }));
      return out;
    }
    const byMin = steps[0] !== null && typeof steps[0] === 'object' && 'min' in steps[0];
    const key = byMin ? 'min' : 'max';
    let prev: number | undefined;
    steps.forEach((st: unknown, i: number) => {
      const ip = ptr(sp, i);
      if (st === null || typeof st !== 'object' || Array.isArray(st)) {
        out.push(problem(ip, 'NOT_AN_OBJECT', { what: 'step' }));
        return;
      }
      const s = st as Record<string, unknown>;
      if ('min' in s && 'max' in s) {
        out.push(problem(ip, 'STEP_MIN_AND_MAX'));
        return;
      }
      const b = s[key];
      if (!isNum(b)) {
        out.push(problem(ptr(ip, key), 'STEP_BOUND_MISSING', { key }));
        return;
      }
      if (prev !== undefined && (byMin ? b >= prev : b <= prev)) {
        out.push(problem(ptr(ip, key), 'STEPS_ORDER', { key }));
      }
      prev = b;
      if (!isNum(s.score) || s.score < 0)
        out.push(problem(ptr(ip, 'score'), 'NUMBER_TOO_SMALL', { key: 'score', op: '>=', bound: 0 }));
    });
    return out;
  },
  validateInput: noInputProblems,
  compile(p) {
    const steps = p.steps as { min?: number; max?: number; score: number }[];
    const byMin = steps[0].min !== undefined;
    return {
      ratio: p.basis === 'RATIO',
      byMin,
      bounds: steps.map((s) => (byMin ? s.min! : s.max!)),
      scores: steps.map((s) => s.score),
    };
  },
  rate(input, c, { explain }) {
    const a = input?.actual;
    if (a === undefined) return MISSING;
    let v = a;
    let t = 0;
    if (c.ratio) {
      const target = input!.target;
      if (target === undefined) return MISSING;
      if (target === 0) return DIV_ZERO;
      t = target;
      v = a / t;
    }
    const { bounds, byMin } = c;
    let i = 0;
    while (i < bounds.length && !(byMin ? v >= bounds[i] : v <= bounds[i])) i++;
    const s = i < bounds.length ? c.scores[i] : 0;
    if (!explain) return bare(s);
    const parts: ExplainPart[] = [
      c.ratio ? part('RATIO', { actual: a, target: t, ratio: v }) : part('ACTUAL', { actual: a, lower: false }),
    ];
    parts.push(
      i < bounds.length
        ? part('LADDER_STEP', { atLeast: byMin, bound: bounds[i], ratio: c.ratio, rate: s })
        : part('LADDER_NO_STEP'),
    );
    return { rate: s, parts };
  },
};
