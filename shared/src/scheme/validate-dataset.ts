/** Dataset validation (scheme-format.md §2): every problem, each at the offending entry's JSON Pointer. */
import { compileScheme } from '../engine/compile';
import { isNum, isObj, isStr, ptr, type Problem } from './problems';
import type { Scheme } from './types';
import { validateScheme } from './validate-scheme';

const NUM_FIELDS = ['actual', 'target', 'previous', 'score'] as const;

/** Problems with `dataset` against `scheme`. If the scheme itself is invalid, says so and stops. */
export function validateDataset(scheme: Scheme, dataset: unknown): Problem[] {
  const sp = validateScheme(scheme);
  if (sp.length) return [{ path: '', message: `the scheme is invalid (${sp.length} problem(s)); validate it first` }];
  return validateDatasetFor(scheme, dataset);
}

/** As validateDataset, for a scheme already known to be valid. */
export function validateDatasetFor(scheme: Scheme, dataset: unknown): Problem[] {
  const out: Problem[] = [];
  if (!isObj(dataset)) return [{ path: '', message: 'dataset must be a JSON object' }];
  const cs = compileScheme(scheme);
  if (dataset.formatVersion !== 1) out.push({ path: '/formatVersion', message: 'formatVersion must be 1' });

  // subjects
  const groupOf = new Map<string, string>();
  const members: [number, Record<string, unknown>][] = [];
  if (!Array.isArray(dataset.subjects)) out.push({ path: '/subjects', message: 'subjects must be an array' });
  else dataset.subjects.forEach((s: unknown, i) => {
    const p = `/subjects/${i}`;
    if (!isObj(s)) { out.push({ path: p, message: 'subject must be an object' }); return; }
    const code = s.code;
    if (!isStr(code) || code === '') { out.push({ path: `${p}/code`, message: 'code must be a non-empty string' }); return; }
    if (groupOf.has(code)) out.push({ path: `${p}/code`, message: `duplicate subject "${code}"` });
    if (!isStr(s.name)) out.push({ path: `${p}/name`, message: 'name must be a string' });
    const g = isStr(s.group) ? cs.groupByCode.get(s.group) : undefined;
    if (!g) { out.push({ path: `${p}/group`, message: `unknown group "${String(s.group)}"` }); return; }
    if (!groupOf.has(code)) groupOf.set(code, g.code);
    if (g.kind === 'MEMBER') members.push([i, s]);
  });
  for (const [i, s] of members) {
    const u = s.unit;
    const ug = isStr(u) ? groupOf.get(u) : undefined;
    if (u === undefined) out.push({ path: `/subjects/${i}/unit`, message: 'a member must name its unit' });
    else if (!ug || cs.groupByCode.get(ug)!.kind !== 'UNIT') {
      out.push({ path: `/subjects/${i}/unit`, message: `unknown unit "${String(u)}" (must be a subject of a UNIT group)` });
    }
  }

  // inputs
  const allIndicators = new Set(cs.groups.flatMap((g) => [...g.leafByCode.keys()]));
  const seen = new Map<string, Uint8Array>();
  if (!Array.isArray(dataset.inputs)) out.push({ path: '/inputs', message: 'inputs must be an array' });
  else dataset.inputs.forEach((r: unknown, i) => {
    const p = `/inputs/${i}`;
    if (!isObj(r)) { out.push({ path: p, message: 'input must be an object' }); return; }
    const gcode = isStr(r.subject) ? groupOf.get(r.subject) : undefined;
    if (!gcode) { out.push({ path: `${p}/subject`, message: `unknown subject "${String(r.subject)}"` }); return; }
    const g = cs.groupByCode.get(gcode)!;
    const ind = r.indicator;
    const slot = isStr(ind) ? g.leafByCode.get(ind) : undefined;
    if (slot === undefined) {
      out.push({
        path: `${p}/indicator`,
        message: isStr(ind) && allIndicators.has(ind) ? `indicator "${ind}" is not in group ${g.code}'s tree` : `unknown indicator "${String(ind)}"`,
      });
      return;
    }
    let marks = seen.get(r.subject as string);
    if (!marks) seen.set(r.subject as string, (marks = new Uint8Array(g.leaves.length)));
    if (marks[slot]) out.push({ path: p, message: `second input for subject "${r.subject}" and indicator "${ind}"` });
    marks[slot] = 1;
    let kindsOk = true;
    const bad = (f: string, what: string) => { kindsOk = false; out.push({ path: ptr(p, f), message: `${f} must be ${what}` }); };
    for (const f of NUM_FIELDS) if (r[f] !== undefined && !isNum(r[f])) bad(f, 'a number');
    if (r.grade !== undefined && !isStr(r.grade)) bad('grade', 'a string');
    if (r.ballots !== undefined && !isObj(r.ballots)) bad('ballots', 'an object');
    if (r.notApplicable !== undefined && typeof r.notApplicable !== 'boolean') bad('notApplicable', 'true or false');
    if (!kindsOk) return;
    const leaf = g.leaves[slot];
    const ps = leaf.def.validateInput(r as never, leaf.indicator.method as never, p);
    for (let k = 0; k < ps.length; k++) out.push(ps[k]);
  });

  // adjustments
  if (dataset.adjustments !== undefined && !Array.isArray(dataset.adjustments)) {
    out.push({ path: '/adjustments', message: 'adjustments must be an array' });
  } else (dataset.adjustments as unknown[] | undefined)?.forEach((a: unknown, i) => {
    const p = `/adjustments/${i}`;
    if (!isObj(a)) { out.push({ path: p, message: 'adjustment must be an object' }); return; }
    const gcode = isStr(a.subject) ? groupOf.get(a.subject) : undefined;
    if (!gcode) out.push({ path: `${p}/subject`, message: `unknown subject "${String(a.subject)}"` });
    const ri = isStr(a.rule) ? cs.ruleByCode.get(a.rule) : undefined;
    if (ri === undefined) { out.push({ path: `${p}/rule`, message: `unknown rule "${String(a.rule)}"` }); return; }
    const rule = cs.rules[ri];
    if (gcode && !cs.groupByCode.get(gcode)!.rules.has(ri)) {
      out.push({ path: `${p}/rule`, message: `rule ${rule.code} does not apply to group ${gcode}` });
    }
    if (a.count !== undefined && !(Number.isInteger(a.count) && (a.count as number) >= 1)) {
      out.push({ path: `${p}/count`, message: 'count must be a whole number >= 1' });
    }
    if (a.note !== undefined && !isStr(a.note)) out.push({ path: `${p}/note`, message: 'note must be a string' });
    const ranged = rule.minPoints !== undefined;
    if (!ranged && a.points !== undefined) {
      out.push({ path: `${p}/points`, message: `rule ${rule.code} has ${rule.kind === 'VETO' ? 'no' : 'fixed'} points; give none` });
    } else if (ranged && a.points === undefined) {
      out.push({ path: `${p}/points`, message: `rule ${rule.code} needs points in [${rule.minPoints}, ${rule.maxPoints}]` });
    } else if (ranged && !(isNum(a.points) && a.points >= rule.minPoints! && a.points <= rule.maxPoints!)) {
      out.push({ path: `${p}/points`, message: `points must be a number in [${rule.minPoints}, ${rule.maxPoints}]` });
    }
  });
  return out;
}
