import { isStr, problem, ptr, type Problem } from '../../scheme/problems';
import { part, withClamp } from '../explain';
import { bare, clamp, DIV_ZERO, MISSING, noInputProblems, optNum } from './common';
import { compileExpression, DIVISION_BY_ZERO, type CompiledExpr, type InputVar, type Vars } from './formula-expr';
import type { MethodDef } from './types';

/** `needs` flags per input variable: fixed property names read faster than input[name] in a loop. */
interface C extends CompiledExpr {
  cap: number;
  vars: Vars;
  actual: boolean;
  target: boolean;
  previous: boolean;
  score: boolean;
}

/** FORMULA: a whitelisted expression over the input and the peers, clamped to [0, cap]. */
export const FORMULA: MethodDef<C> = {
  type: 'FORMULA',
  usesPeers: (c) => c.usesPeers,
  validateParams(p, path) {
    const out: Problem[] = [];
    optNum(p, 'cap', path, out, 0);
    const ep = ptr(path, 'expression');
    if (!isStr(p.expression) || p.expression.trim() === '') {
      out.push(problem(ep, 'FORMULA_EMPTY'));
      return out;
    }
    const c = compileExpression(p.expression);
    if ('errors' in c) for (const e of c.errors) out.push(problem(ep, e.code, e.params));
    return out;
  },
  validateInput: noInputProblems,
  compile(p) {
    const c = compileExpression(p.expression as string);
    if ('errors' in c) throw new Error(`FORMULA not validated: ${c.errors[0].code}`);
    const vars: Vars = { actual: 0, target: 0, previous: 0, score: 0, peerMax: 0, peerMin: 0, peerAvg: 0 };
    const needs = (n: InputVar) => c.inputVars.includes(n);
    return {
      ...c,
      cap: (p.cap as number) ?? 1,
      vars,
      actual: needs('actual'),
      target: needs('target'),
      previous: needs('previous'),
      score: needs('score'),
    };
  },
  rate(input, c, { peers, explain }) {
    if (input === undefined) return MISSING; // no input row at all is always a missing input
    const v = c.vars;
    if (c.actual) {
      const x = input.actual;
      if (x === undefined) return MISSING;
      v.actual = x;
    }
    if (c.target) {
      const x = input.target;
      if (x === undefined) return MISSING;
      v.target = x;
    }
    if (c.previous) {
      const x = input.previous;
      if (x === undefined) return MISSING;
      v.previous = x;
    }
    if (c.score) {
      const x = input.score;
      if (x === undefined) return MISSING;
      v.score = x;
    }
    if (c.usesPeers) {
      if (!peers) return MISSING;
      v.peerMax = peers.max;
      v.peerMin = peers.min;
      v.peerAvg = peers.avg;
    }
    let r: number;
    try {
      r = c.fn(v);
    } catch (e) {
      if (e === DIVISION_BY_ZERO) return DIV_ZERO;
      throw e;
    }
    const s = clamp(r, 0, c.cap);
    return explain ? { rate: s, parts: withClamp([part('FORMULA', { value: r })], r, s) } : bare(s);
  },
};
