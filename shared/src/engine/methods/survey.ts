import { isNum, isObj, ptr, type Problem } from '../../scheme/problems';
import { pct } from '../explain';
import { bare, checkNumMap, MISSING } from './common';
import type { MethodDef } from './types';

/** Voter groups as parallel arrays; option values as a plain object (faster than a Map; see compile). */
interface C { groups: string[]; weights: number[]; options: Record<string, number> }

/** SURVEY: ballots per voter group, averaged by option values, weighted by voter group. */
export const SURVEY: MethodDef<C> = {
  type: 'SURVEY',
  validateParams(p, path) {
    const out: Problem[] = [];
    checkNumMap(p, 'voterGroups', path, out, 0, Infinity, true);
    checkNumMap(p, 'options', path, out, 0, 1);
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
      if (!Object.prototype.hasOwnProperty.call(vg, g)) out.push({ path: gp, message: `unknown voter group "${g}"` });
      if (!isObj(counts)) { out.push({ path: gp, message: 'must be an object of option counts' }); continue; }
      for (const [o, n] of Object.entries(counts)) {
        const op = ptr(gp, o);
        if (!Object.prototype.hasOwnProperty.call(opts, o)) out.push({ path: op, message: `unknown option "${o}"` });
        else if (!isNum(n) || n < 0 || !Number.isInteger(n)) out.push({ path: op, message: 'count must be a whole number >= 0' });
      }
    }
    return out;
  },
  compile: (p) => ({
    groups: Object.keys(p.voterGroups as Record<string, number>),
    weights: Object.values(p.voterGroups as Record<string, number>),
    // own data properties, even "__proto__" (fromEntries defines them); ballots' option keys are validated
    // against these, so a lookup never reaches the prototype
    options: Object.fromEntries(Object.entries(p.options as Record<string, number>)),
  }),
  rate(input, c, { lang, explain }) {
    const b = input?.ballots;
    if (b === undefined) return MISSING(lang);
    let num = 0;
    let den = 0;
    let voters = 0;
    const { groups, weights, options } = c;
    for (let gi = 0; gi < groups.length; gi++) {
      const counts = b[groups[gi]];
      if (counts === undefined) continue;
      let sum = 0;
      let n = 0;
      for (const o in counts) {
        const k = counts[o];
        sum += k * (options[o] ?? 0);
        n += k;
      }
      if (n === 0) continue;
      const w = weights[gi];
      num += (w * sum) / n;
      den += w;
      voters += n;
    }
    if (den === 0) return MISSING(lang);
    const s = num / den;
    return explain ? { rate: s, text: `${lang.survey(voters)}${lang.rate} ${pct(s)}` } : bare(s);
  },
};
