import { isNum, problem, ptr, type Problem } from '../../scheme/problems';
import type { RateOutcome } from './types';
import { part } from '../explain';

/** Checks an optional numeric param: present → finite number within [lo, hi] (hi optional). */
export function optNum(
  params: Record<string, unknown>,
  key: string,
  path: string,
  out: Problem[],
  lo: number,
  hi = Infinity,
  loOpen = false,
): void {
  if (params[key] === undefined) return;
  reqNum(params, key, path, out, lo, hi, loOpen);
}

export function reqNum(
  params: Record<string, unknown>,
  key: string,
  path: string,
  out: Problem[],
  lo: number,
  hi = Infinity,
  loOpen = false,
): void {
  const v = params[key];
  const p = ptr(path, key);
  if (v === undefined) out.push(problem(p, 'REQUIRED', { key }));
  else if (!isNum(v)) out.push(problem(p, 'NOT_A_NUMBER', { key }));
  else if (loOpen ? v <= lo : v < lo)
    out.push(problem(p, 'NUMBER_TOO_SMALL', { key, op: loOpen ? '>' : '>=', bound: lo }));
  else if (v > hi) out.push(problem(p, 'NUMBER_TOO_LARGE', { key, bound: hi }));
}

export function checkDirection(params: Record<string, unknown>, path: string, out: Problem[]): void {
  const d = params.direction;
  if (d !== undefined && d !== 'HIGHER' && d !== 'LOWER') {
    out.push(problem(ptr(path, 'direction'), 'DIRECTION'));
  }
}

/** cap >= floor when both are numbers. */
export function checkCapFloor(params: Record<string, unknown>, path: string, out: Problem[], floorDefault = 0): void {
  const cap = params.cap;
  const floor = params.floor ?? floorDefault;
  if (isNum(cap) && isNum(floor) && cap < floor) out.push(problem(ptr(path, 'cap'), 'CAP_BELOW_FLOOR'));
}

/** Checks a map of code → number in [lo, hi]; non-empty. */
export function checkNumMap(
  params: Record<string, unknown>,
  key: string,
  path: string,
  out: Problem[],
  lo: number,
  hi: number,
  loOpen = false,
): void {
  const m = params[key];
  const p = ptr(path, key);
  if (typeof m !== 'object' || m === null || Array.isArray(m)) {
    out.push(problem(p, 'NOT_AN_OBJECT', { what: key }));
    return;
  }
  const entries = Object.entries(m);
  if (entries.length === 0) out.push(problem(p, 'MAP_EMPTY', { key }));
  for (const [k, v] of entries) {
    if (!isNum(v) || (loOpen ? v <= lo : v < lo) || v > hi) {
      out.push(
        problem(
          ptr(p, k),
          'NUMBER_NOT_IN_RANGE',
          hi === Infinity
            ? { key, min: lo, minOpen: loOpen ? 1 : 0 }
            : { key, min: lo, max: hi, minOpen: loOpen ? 1 : 0 },
        ),
      );
    }
  }
}

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** Reused by bare(): the engine reads an outcome before the next rate call. */
const BARE: RateOutcome = { rate: 0, warning: undefined, parts: undefined };

/**
 * The outcome when no explanation is wanted (ctx.explain false): one shared object, overwritten
 * by the next call, so that 100,000 rates allocate nothing.
 */
export function bare(rate: number): RateOutcome {
  BARE.rate = rate;
  return BARE;
}

/** The outcomes of a missing input and of a division by zero (shared: nobody changes an outcome). */
export const MISSING: RateOutcome = Object.freeze({
  rate: 0,
  warning: 'MISSING_INPUT',
  parts: Object.freeze([part('MISSING_INPUT')]) as never,
});
export const DIV_ZERO: RateOutcome = Object.freeze({
  rate: 0,
  warning: 'DIVISION_BY_ZERO',
  parts: Object.freeze([part('DIVISION_BY_ZERO')]) as never,
});
export const noInputProblems = (): Problem[] => [];
