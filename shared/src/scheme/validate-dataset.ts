/** Dataset validation: every problem (not just the first), each at the offending entry's JSON Pointer. */
import { compileScheme } from '../engine/compile';
import { inputRowKeys, unknownDatasetKeys } from './known-keys';
import { isNum, isObj, isStr, problem, ptr, type Problem } from './problems';
import type { Scheme } from './types';
import { validateScheme } from './validate-scheme';

const NUM_FIELDS = ['actual', 'target', 'previous', 'score'] as const;

/** Problems with `dataset` against `scheme`. If the scheme itself is invalid, says so and stops. */
export function validateDataset(scheme: Scheme, dataset: unknown): Problem[] {
  const sp = validateScheme(scheme);
  if (sp.length) return [problem('', 'SCHEME_INVALID', { count: sp.length })];
  return validateDatasetFor(scheme, dataset);
}

/** As validateDataset, for a scheme already known to be valid. */
export function validateDatasetFor(scheme: Scheme, dataset: unknown): Problem[] {
  const out: Problem[] = [];
  if (!isObj(dataset)) return [problem('', 'NOT_AN_OBJECT', { what: 'dataset' })];
  const cs = compileScheme(scheme);
  out.push(...unknownDatasetKeys(dataset));
  if (dataset.formatVersion !== 1) out.push(problem('/formatVersion', 'FORMAT_VERSION'));

  // subjects
  const groupOf = new Map<string, string>();
  const members: [number, Record<string, unknown>][] = [];
  if (!Array.isArray(dataset.subjects)) out.push(problem('/subjects', 'NOT_AN_ARRAY', { key: 'subjects' }));
  else
    dataset.subjects.forEach((s: unknown, i) => {
      const p = `/subjects/${i}`;
      if (!isObj(s)) {
        out.push(problem(p, 'NOT_AN_OBJECT', { what: 'subject' }));
        return;
      }
      const code = s.code;
      if (!isStr(code) || code === '') {
        out.push(problem(`${p}/code`, 'STRING_EMPTY', { key: 'code' }));
        return;
      }
      if (groupOf.has(code)) out.push(problem(`${p}/code`, 'SUBJECT_DUPLICATE', { code }));
      if (!isStr(s.name)) out.push(problem(`${p}/name`, 'NOT_A_STRING', { key: 'name' }));
      const g = isStr(s.group) ? cs.groupByCode.get(s.group) : undefined;
      if (!g) {
        out.push(problem(`${p}/group`, 'GROUP_UNKNOWN', { code: String(s.group) }));
        return;
      }
      if (!groupOf.has(code)) groupOf.set(code, g.code);
      if (g.kind === 'MEMBER') members.push([i, s]);
    });
  for (const [i, s] of members) {
    const u = s.unit;
    const ug = isStr(u) ? groupOf.get(u) : undefined;
    if (u === undefined) out.push(problem(`/subjects/${i}/unit`, 'MEMBER_UNIT_MISSING'));
    else if (!ug || cs.groupByCode.get(ug)!.kind !== 'UNIT') {
      out.push(problem(`/subjects/${i}/unit`, 'MEMBER_UNIT_UNKNOWN', { code: String(u) }));
    }
  }

  // inputs
  const allIndicators = new Set(cs.groups.flatMap((g) => [...g.leafByCode.keys()]));
  const seen = new Map<string, Uint8Array>();
  if (!Array.isArray(dataset.inputs)) out.push(problem('/inputs', 'NOT_AN_ARRAY', { key: 'inputs' }));
  else
    dataset.inputs.forEach((r: unknown, i) => {
      const p = `/inputs/${i}`;
      if (!isObj(r)) {
        out.push(problem(p, 'NOT_AN_OBJECT', { what: 'input' }));
        return;
      }
      inputRowKeys(r, p, out);
      const gcode = isStr(r.subject) ? groupOf.get(r.subject) : undefined;
      if (!gcode) {
        out.push(problem(`${p}/subject`, 'SUBJECT_UNKNOWN', { code: String(r.subject) }));
        return;
      }
      const g = cs.groupByCode.get(gcode)!;
      const ind = r.indicator;
      const slot = isStr(ind) ? g.leafByCode.get(ind) : undefined;
      if (slot === undefined) {
        out.push(
          isStr(ind) && allIndicators.has(ind)
            ? problem(`${p}/indicator`, 'INDICATOR_NOT_IN_GROUP', { code: ind, group: g.code })
            : problem(`${p}/indicator`, 'INDICATOR_UNKNOWN', { code: String(ind) }),
        );
        return;
      }
      let marks = seen.get(r.subject as string);
      if (!marks) seen.set(r.subject as string, (marks = new Uint8Array(g.leaves.length)));
      if (marks[slot])
        out.push(problem(p, 'INPUT_DUPLICATE', { subject: r.subject as string, indicator: ind as string }));
      marks[slot] = 1;
      let kindsOk = true;
      const bad = (f: string, code: 'NOT_A_NUMBER' | 'NOT_A_STRING' | 'NOT_AN_OBJECT' | 'NOT_A_BOOLEAN') => {
        kindsOk = false;
        out.push(problem(ptr(p, f), code, code === 'NOT_AN_OBJECT' ? { what: f } : { key: f }));
      };
      for (const f of NUM_FIELDS) if (r[f] !== undefined && !isNum(r[f])) bad(f, 'NOT_A_NUMBER');
      if (r.grade !== undefined && !isStr(r.grade)) bad('grade', 'NOT_A_STRING');
      if (r.ballots !== undefined && !isObj(r.ballots)) bad('ballots', 'NOT_AN_OBJECT');
      if (r.notApplicable !== undefined && typeof r.notApplicable !== 'boolean') bad('notApplicable', 'NOT_A_BOOLEAN');
      if (!kindsOk) return;
      const leaf = g.leaves[slot];
      const ps = leaf.def.validateInput(r as never, leaf.indicator.method as never, p);
      for (let k = 0; k < ps.length; k++) out.push(ps[k]);
    });

  // adjustments
  if (dataset.adjustments !== undefined && !Array.isArray(dataset.adjustments)) {
    out.push(problem('/adjustments', 'NOT_AN_ARRAY', { key: 'adjustments' }));
  } else
    (dataset.adjustments as unknown[] | undefined)?.forEach((a: unknown, i) => {
      const p = `/adjustments/${i}`;
      if (!isObj(a)) {
        out.push(problem(p, 'NOT_AN_OBJECT', { what: 'adjustment' }));
        return;
      }
      const gcode = isStr(a.subject) ? groupOf.get(a.subject) : undefined;
      if (!gcode) out.push(problem(`${p}/subject`, 'SUBJECT_UNKNOWN', { code: String(a.subject) }));
      const ri = isStr(a.rule) ? cs.ruleByCode.get(a.rule) : undefined;
      if (ri === undefined) {
        out.push(problem(`${p}/rule`, 'RULE_UNKNOWN', { code: String(a.rule) }));
        return;
      }
      const rule = cs.rules[ri];
      if (gcode && !cs.groupByCode.get(gcode)!.rules.has(ri)) {
        out.push(problem(`${p}/rule`, 'RULE_NOT_FOR_GROUP', { rule: rule.code, group: gcode }));
      }
      if (a.count !== undefined && !(Number.isInteger(a.count) && (a.count as number) >= 1)) {
        out.push(problem(`${p}/count`, 'COUNT_INVALID'));
      }
      if (a.note !== undefined && !isStr(a.note)) out.push(problem(`${p}/note`, 'NOT_A_STRING', { key: 'note' }));
      const ranged = rule.minPoints !== undefined;
      if (!ranged && a.points !== undefined) {
        out.push(problem(`${p}/points`, 'POINTS_NOT_ALLOWED', { rule: rule.code, kind: rule.kind }));
      } else if (ranged && a.points === undefined) {
        out.push(
          problem(`${p}/points`, 'POINTS_MISSING', { rule: rule.code, min: rule.minPoints!, max: rule.maxPoints! }),
        );
      } else if (ranged && !(isNum(a.points) && a.points >= rule.minPoints! && a.points <= rule.maxPoints!)) {
        out.push(problem(`${p}/points`, 'POINTS_OUT_OF_RANGE', { min: rule.minPoints!, max: rule.maxPoints! }));
      }
    });
  return out;
}
