import { isNum, isObj, problem, ptr, type Problem } from '../../scheme/problems';
import { part } from '../explain';
import { bare, checkNumMap, MISSING } from './common';
import type { MethodDef } from './types';

/**
 * Voter groups and options as parallel arrays of codes and numbers, plus per-group scratch sums
 * (rate is synchronous: each call fills and reads them before returning).
 */
interface C {
  groups: string[];
  weights: number[];
  optionCodes: string[];
  optionValues: number[];
  sum: Float64Array;
  n: Float64Array;
}

/** Index of `key` in `codes`, -1 if absent (a few codes: comparing beats a keyed lookup on ballots' many shapes). */
function indexOf(codes: readonly string[], key: string): number {
  for (let i = 0; i < codes.length; i++) if (codes[i] === key) return i;
  return -1;
}

/** Optional display names: an object whose keys are codes of `codesKey`, whose values are non-empty strings. */
function checkNames(p: Record<string, unknown>, key: string, codesKey: string, path: string, out: Problem[]): void {
  const names = p[key];
  if (names === undefined) return;
  const np = ptr(path, key);
  if (!isObj(names)) {
    out.push(problem(np, 'NOT_AN_OBJECT', { what: key }));
    return;
  }
  const codes = isObj(p[codesKey]) ? p[codesKey] : {};
  for (const [code, name] of Object.entries(names)) {
    if (!Object.prototype.hasOwnProperty.call(codes, code))
      out.push(problem(ptr(np, code), codesKey === 'options' ? 'OPTION_UNKNOWN' : 'VOTER_GROUP_UNKNOWN', { code }));
    else if (typeof name !== 'string' || name.trim() === '')
      out.push(problem(ptr(np, code), 'STRING_EMPTY', { key: 'name' }));
  }
}

/** SURVEY: ballots per voter group, averaged by option values, weighted by voter group. */
export const SURVEY: MethodDef<C> = {
  type: 'SURVEY',
  validateParams(p, path) {
    const out: Problem[] = [];
    checkNumMap(p, 'voterGroups', path, out, 0, Infinity, true);
    checkNumMap(p, 'options', path, out, 0, 1);
    checkNames(p, 'voterGroupNames', 'voterGroups', path, out);
    checkNames(p, 'optionNames', 'options', path, out);
    return out;
  },
  validateInput(input, p, path) {
    const out: Problem[] = [];
    if (!isObj(input.ballots)) return out;
    const vg = p.voterGroups as Record<string, number>;
    const opts = p.options as Record<string, number>;
    const bp = ptr(path, 'ballots');
    for (const [g, counts] of Object.entries(input.ballots)) {
      const gp = ptr(bp, g);
      if (!Object.prototype.hasOwnProperty.call(vg, g)) out.push(problem(gp, 'VOTER_GROUP_UNKNOWN', { code: g }));
      if (!isObj(counts)) {
        out.push(problem(gp, 'NOT_AN_OBJECT', { what: 'ballots' }));
        continue;
      }
      for (const [o, n] of Object.entries(counts)) {
        const op = ptr(gp, o);
        if (!Object.prototype.hasOwnProperty.call(opts, o)) out.push(problem(op, 'OPTION_UNKNOWN', { code: o }));
        else if (!isNum(n) || n < 0 || !Number.isInteger(n)) out.push(problem(op, 'BALLOT_COUNT_INVALID'));
      }
    }
    return out;
  },
  compile: (p) => {
    const groups = Object.keys(p.voterGroups as Record<string, number>);
    return {
      groups,
      weights: Object.values(p.voterGroups as Record<string, number>),
      optionCodes: Object.keys(p.options as Record<string, number>),
      optionValues: Object.values(p.options as Record<string, number>),
      sum: new Float64Array(groups.length),
      n: new Float64Array(groups.length).fill(-1),
    };
  },
  rate(input, c, { explain }) {
    const b = input?.ballots;
    if (b === undefined) return MISSING;
    const { groups, weights, optionCodes, optionValues, sum: sums, n: ns } = c;
    // Each voter group's sum and count, walking the ballots' own keys (for-in reads them by the
    // object's own layout; looking codes up by name on objects of many shapes costs far more).
    // Counts are summed in the ballots' key order, as before; groups are combined in scheme order below.
    for (const g in b) {
      const gi = indexOf(groups, g);
      if (gi < 0) continue; // validated: every ballot group is a voter group
      const counts = b[g];
      let sum = 0;
      let n = 0;
      for (const o in counts) {
        const k = counts[o];
        const oi = indexOf(optionCodes, o);
        sum += k * (oi < 0 ? 0 : optionValues[oi]);
        n += k;
      }
      sums[gi] = sum;
      ns[gi] = n;
    }
    let num = 0;
    let den = 0;
    let voters = 0;
    for (let gi = 0; gi < groups.length; gi++) {
      const n = ns[gi];
      ns[gi] = -1; // -1: no ballots from this group (reset for the next call)
      if (n <= 0) continue;
      const w = weights[gi];
      num += (w * sums[gi]) / n;
      den += w;
      voters += n;
    }
    if (den === 0) return MISSING;
    const s = num / den;
    return explain ? { rate: s, parts: [part('SURVEY', { ballots: voters, rate: s })] } : bare(s);
  },
};
