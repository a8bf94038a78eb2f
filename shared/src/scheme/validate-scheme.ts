/** Scheme validation (scheme-format.md §5): every problem, each with its JSON Pointer path. */
import { methodOf } from '../engine/methods/registry';
import { CODE_RE, isNum, isObj, isStr, ptr, type Problem } from './problems';

type Obj = Record<string, unknown>;

function code(o: Obj, path: string, out: Problem[]): string | undefined {
  const c = o.code;
  if (!isStr(c) || !CODE_RE.test(c)) {
    out.push({ path: ptr(path, 'code'), message: 'code must match [A-Za-z0-9_-]{1,64}' });
    return undefined;
  }
  return c;
}

function name(o: Obj, path: string, out: Problem[]): void {
  if (!isStr(o.name) || o.name.trim() === '') out.push({ path: ptr(path, 'name'), message: 'name must be a non-empty string' });
}

function unique(c: string | undefined, seen: Set<string>, path: string, what: string, out: Problem[]): void {
  if (c === undefined) return;
  if (seen.has(c)) out.push({ path: ptr(path, 'code'), message: `duplicate ${what} code "${c}"` });
  seen.add(c);
}

export function validateScheme(scheme: unknown): Problem[] {
  const out: Problem[] = [];
  if (!isObj(scheme)) return [{ path: '', message: 'scheme must be a JSON object' }];
  if (scheme.formatVersion !== 1) out.push({ path: '/formatVersion', message: 'formatVersion must be 1' });
  code(scheme, '', out);
  name(scheme, '', out);
  if (!Number.isInteger(scheme.year)) out.push({ path: '/year', message: 'year must be a whole number' });
  const prec = scheme.precision;
  if (prec !== undefined && !(Number.isInteger(prec) && (prec as number) >= 0 && (prec as number) <= 4)) {
    out.push({ path: '/precision', message: 'precision must be a whole number from 0 to 4' });
  }
  const rt = scheme.reviewThreshold;
  if (rt !== undefined && !(isNum(rt) && rt >= 0)) out.push({ path: '/reviewThreshold', message: 'reviewThreshold must be a number >= 0' });
  const gradeCodes = validateGrades(scheme.grades, out);
  const groupKinds = validateGroups(scheme.groups, out);
  validateRules(scheme.rules, groupKinds, gradeCodes, out);
  return out;
}

function validateGrades(grades: unknown, out: Problem[]): Set<string> {
  const seen = new Set<string>();
  if (!Array.isArray(grades) || grades.length === 0) {
    out.push({ path: '/grades', message: 'grades must be a non-empty array' });
    return seen;
  }
  let lastMin: number | undefined;
  grades.forEach((g: unknown, i) => {
    const p = `/grades/${i}`;
    if (!isObj(g)) { out.push({ path: p, message: 'grade must be an object' }); return; }
    unique(code(g, p, out), seen, p, 'grade', out);
    name(g, p, out);
    if (g.minScore !== undefined) {
      if (!isNum(g.minScore)) out.push({ path: `${p}/minScore`, message: 'minScore must be a number' });
      else {
        if (lastMin !== undefined && g.minScore > lastMin) {
          out.push({ path: `${p}/minScore`, message: 'minScore must not increase down the list' });
        }
        lastMin = g.minScore;
      }
    }
    if (g.maxShare !== undefined && !(isNum(g.maxShare) && g.maxShare > 0 && g.maxShare <= 1)) {
      out.push({ path: `${p}/maxShare`, message: 'maxShare must be a number in (0, 1]' });
    }
    if (i === grades.length - 1 && (g.minScore !== undefined || g.maxShare !== undefined)) {
      out.push({ path: p, message: 'the last grade must have neither minScore nor maxShare' });
    }
  });
  return seen;
}

function validateGroups(groups: unknown, out: Problem[]): Map<string, string> {
  const kinds = new Map<string, string>();
  if (!Array.isArray(groups) || groups.length === 0) {
    out.push({ path: '/groups', message: 'groups must be a non-empty array' });
    return kinds;
  }
  groups.forEach((g: unknown, i) => {
    const p = `/groups/${i}`;
    if (!isObj(g)) { out.push({ path: p, message: 'group must be an object' }); return; }
    const c = code(g, p, out);
    if (c !== undefined && kinds.has(c)) out.push({ path: `${p}/code`, message: `duplicate group code "${c}"` });
    name(g, p, out);
    if (g.kind !== 'UNIT' && g.kind !== 'MEMBER') out.push({ path: `${p}/kind`, message: 'kind must be "UNIT" or "MEMBER"' });
    if (c !== undefined && !kinds.has(c)) kinds.set(c, String(g.kind));
    for (const cap of ['bonusCap', 'deductionCap']) {
      const v = g[cap];
      if (v !== undefined && v !== null && !(isNum(v) && v >= 0)) out.push({ path: `${p}/${cap}`, message: `${cap} must be null or a number >= 0` });
    }
    if (!isObj(g.root)) { out.push({ path: `${p}/root`, message: 'root must be a node object' }); return; }
    if (!Array.isArray(g.root.children)) {
      out.push({ path: `${p}/root/children`, message: 'the root must be a category with at least one child' });
    }
    validateNode(g.root, `${p}/root`, true, g.kind === 'MEMBER', new Set(), out);
  });
  return kinds;
}

function validateNode(n: Obj, p: string, isRoot: boolean, member: boolean, seen: Set<string>, out: Problem[]): void {
  unique(code(n, p, out), seen, p, 'node', out);
  name(n, p, out);
  if (!isRoot && !(isNum(n.weight) && n.weight > 0)) out.push({ path: `${p}/weight`, message: 'weight must be a number > 0' });
  const hasChildren = n.children !== undefined;
  if (hasChildren && n.method !== undefined) out.push({ path: p, message: 'a node has children or a method, not both' });
  if (hasChildren) {
    if (!Array.isArray(n.children) || n.children.length === 0) {
      out.push({ path: `${p}/children`, message: 'a category must have at least one child' });
      return;
    }
    n.children.forEach((c: unknown, i) => {
      const cp = `${p}/children/${i}`;
      if (!isObj(c)) out.push({ path: cp, message: 'node must be an object' });
      else validateNode(c, cp, false, member, seen, out);
    });
    return;
  }
  if (n.unit !== undefined && !isStr(n.unit)) out.push({ path: `${p}/unit`, message: 'unit must be a string' });
  const mp = `${p}/method`;
  if (!isObj(n.method)) { out.push({ path: mp, message: 'an indicator needs a method object (or give children)' }); return; }
  const def = methodOf(n.method.type);
  if (!def) { out.push({ path: `${mp}/type`, message: `unknown method type "${String(n.method.type)}"` }); return; }
  if (def.memberOnly && !member) out.push({ path: `${mp}/type`, message: `${def.type} is allowed only in MEMBER groups` });
  out.push(...def.validateParams(n.method, mp));
}

function validateRules(rules: unknown, groups: Map<string, string>, grades: Set<string>, out: Problem[]): void {
  if (rules === undefined) return;
  if (!Array.isArray(rules)) { out.push({ path: '/rules', message: 'rules must be an array' }); return; }
  const seen = new Set<string>();
  rules.forEach((r: unknown, i) => {
    const p = `/rules/${i}`;
    if (!isObj(r)) { out.push({ path: p, message: 'rule must be an object' }); return; }
    unique(code(r, p, out), seen, p, 'rule', out);
    name(r, p, out);
    if (r.kind !== 'BONUS' && r.kind !== 'DEDUCTION' && r.kind !== 'VETO') {
      out.push({ path: `${p}/kind`, message: 'kind must be "BONUS", "DEDUCTION" or "VETO"' });
    }
    if (!Array.isArray(r.groups) || r.groups.length === 0) out.push({ path: `${p}/groups`, message: 'groups must be a non-empty array of group codes' });
    else r.groups.forEach((g: unknown, j) => {
      if (!isStr(g) || !groups.has(g)) out.push({ path: `${p}/groups/${j}`, message: `unknown group "${String(g)}"` });
    });
    const num = (k: string, lo: number, open: boolean) => {
      const v = r[k];
      if (v !== undefined && !(isNum(v) && (open ? v > lo : v >= lo))) out.push({ path: `${p}/${k}`, message: `${k} must be a number ${open ? '>' : '>='} ${lo}` });
    };
    if (r.kind === 'VETO') {
      for (const k of ['points', 'minPoints', 'maxPoints', 'maxPerSubject']) {
        if (r[k] !== undefined) out.push({ path: `${p}/${k}`, message: `a VETO rule has no ${k}` });
      }
      if (!isStr(r.maxGrade) || !grades.has(r.maxGrade)) out.push({ path: `${p}/maxGrade`, message: `maxGrade must name a grade` });
      return;
    }
    if (r.maxGrade !== undefined) out.push({ path: `${p}/maxGrade`, message: 'only a VETO rule has maxGrade' });
    num('points', 0, true);
    num('minPoints', 0, false);
    num('maxPoints', 0, true);
    num('maxPerSubject', 0, true);
    const ranged = r.minPoints !== undefined || r.maxPoints !== undefined;
    if (ranged && r.points !== undefined) out.push({ path: `${p}/points`, message: 'give points or minPoints/maxPoints, not both' });
    else if (ranged && (r.minPoints === undefined || r.maxPoints === undefined)) {
      out.push({ path: `${p}/${r.minPoints === undefined ? 'minPoints' : 'maxPoints'}`, message: 'a ranged rule needs both minPoints and maxPoints' });
    } else if (!ranged && r.points === undefined) out.push({ path: `${p}/points`, message: 'points (or minPoints and maxPoints) required' });
    if (isNum(r.minPoints) && isNum(r.maxPoints) && r.minPoints > r.maxPoints) {
      out.push({ path: `${p}/maxPoints`, message: 'maxPoints must be >= minPoints' });
    }
  });
}
