/** Scheme validation: every problem (not just the first, so one round fixes them all), each with its JSON Pointer path. */
import { methodOf } from '../engine/methods/registry';
import { unknownSchemeKeys } from './known-keys';
import { CODE_RE, isNum, isObj, isStr, problem, ptr, type Problem } from './problems';

type Obj = Record<string, unknown>;

function code(o: Obj, path: string, out: Problem[]): string | undefined {
  const c = o.code;
  if (!isStr(c) || !CODE_RE.test(c)) {
    out.push(problem(ptr(path, 'code'), 'CODE_FORMAT'));
    return undefined;
  }
  return c;
}

function name(o: Obj, path: string, out: Problem[]): void {
  if (!isStr(o.name) || o.name.trim() === '') out.push(problem(ptr(path, 'name'), 'NAME_REQUIRED'));
}

function unique(c: string | undefined, seen: Set<string>, path: string, what: string, out: Problem[]): void {
  if (c === undefined) return;
  if (seen.has(c)) out.push(problem(ptr(path, 'code'), 'DUPLICATE_CODE', { what, code: c }));
  seen.add(c);
}

export function validateScheme(scheme: unknown): Problem[] {
  const out: Problem[] = [];
  if (!isObj(scheme)) return [problem('', 'NOT_AN_OBJECT', { what: 'scheme' })];
  out.push(...unknownSchemeKeys(scheme));
  if (scheme.formatVersion !== 1) out.push(problem('/formatVersion', 'FORMAT_VERSION'));
  code(scheme, '', out);
  name(scheme, '', out);
  if (!Number.isInteger(scheme.year)) out.push(problem('/year', 'YEAR_NOT_INTEGER'));
  const prec = scheme.precision;
  if (prec !== undefined && !(Number.isInteger(prec) && (prec as number) >= 0 && (prec as number) <= 4)) {
    out.push(problem('/precision', 'PRECISION_RANGE'));
  }
  const rt = scheme.reviewThreshold;
  if (rt !== undefined && !(isNum(rt) && rt >= 0))
    out.push(problem('/reviewThreshold', 'NUMBER_TOO_SMALL', { key: 'reviewThreshold', op: '>=', bound: 0 }));
  validateProgress(scheme.progress, out);
  const gradeCodes = validateGrades(scheme.grades, out);
  const groupKinds = validateGroups(scheme.groups, out);
  validateRules(scheme.rules, groupKinds, gradeCodes, out);
  return out;
}

/** `progress: { behind, farBehind }`: points behind schedule in [0, 100], behind <= farBehind (defaults 10 and 25). */
function validateProgress(progress: unknown, out: Problem[]): void {
  if (progress === undefined) return;
  if (!isObj(progress)) {
    out.push(problem('/progress', 'NOT_AN_OBJECT', { what: 'progress' }));
    return;
  }
  const ok = (k: string) => {
    const v = progress[k];
    if (v === undefined) return true;
    if (isNum(v) && v >= 0 && v <= 100) return true;
    out.push(problem(`/progress/${k}`, 'NUMBER_NOT_IN_RANGE', { key: k, min: 0, max: 100 }));
    return false;
  };
  if (ok('behind') && ok('farBehind')) {
    const behind = (progress.behind as number | undefined) ?? 10;
    const far = (progress.farBehind as number | undefined) ?? 25;
    if (behind > far)
      out.push(
        problem(`/progress/${progress.farBehind === undefined ? 'behind' : 'farBehind'}`, 'PROGRESS_THRESHOLD_ORDER', {
          behind,
          farBehind: far,
        }),
      );
  }
}

function validateGrades(grades: unknown, out: Problem[]): Set<string> {
  const seen = new Set<string>();
  if (!Array.isArray(grades) || grades.length === 0) {
    out.push(problem('/grades', 'ARRAY_EMPTY', { key: 'grades' }));
    return seen;
  }
  let lastMin: number | undefined;
  grades.forEach((g: unknown, i) => {
    const p = `/grades/${i}`;
    if (!isObj(g)) {
      out.push(problem(p, 'NOT_AN_OBJECT', { what: 'grade' }));
      return;
    }
    unique(code(g, p, out), seen, p, 'grade', out);
    name(g, p, out);
    if (g.minScore !== undefined) {
      if (!isNum(g.minScore)) out.push(problem(`${p}/minScore`, 'NOT_A_NUMBER', { key: 'minScore' }));
      else {
        if (lastMin !== undefined && g.minScore > lastMin) {
          out.push(problem(`${p}/minScore`, 'MIN_SCORE_ORDER'));
        }
        lastMin = g.minScore;
      }
    }
    if (g.maxShare !== undefined && !(isNum(g.maxShare) && g.maxShare > 0 && g.maxShare <= 1)) {
      out.push(problem(`${p}/maxShare`, 'MAX_SHARE_RANGE'));
    }
    if (i === grades.length - 1 && (g.minScore !== undefined || g.maxShare !== undefined)) {
      out.push(problem(p, 'LAST_GRADE_LIMITED'));
    }
  });
  return seen;
}

function validateGroups(groups: unknown, out: Problem[]): Map<string, string> {
  const kinds = new Map<string, string>();
  if (!Array.isArray(groups) || groups.length === 0) {
    out.push(problem('/groups', 'ARRAY_EMPTY', { key: 'groups' }));
    return kinds;
  }
  groups.forEach((g: unknown, i) => {
    const p = `/groups/${i}`;
    if (!isObj(g)) {
      out.push(problem(p, 'NOT_AN_OBJECT', { what: 'group' }));
      return;
    }
    const c = code(g, p, out);
    if (c !== undefined && kinds.has(c)) out.push(problem(`${p}/code`, 'DUPLICATE_CODE', { what: 'group', code: c }));
    name(g, p, out);
    if (g.kind !== 'UNIT' && g.kind !== 'MEMBER') out.push(problem(`${p}/kind`, 'GROUP_KIND'));
    if (c !== undefined && !kinds.has(c)) kinds.set(c, String(g.kind));
    for (const cap of ['bonusCap', 'deductionCap']) {
      const v = g[cap];
      if (v !== undefined && v !== null && !(isNum(v) && v >= 0))
        out.push(problem(`${p}/${cap}`, 'CAP_INVALID', { key: cap }));
    }
    if (!isObj(g.root)) {
      out.push(problem(`${p}/root`, 'ROOT_NOT_CATEGORY'));
      return;
    }
    if (!Array.isArray(g.root.children)) {
      out.push(problem(`${p}/root/children`, 'ROOT_NOT_CATEGORY'));
    }
    validateNode(g.root, `${p}/root`, true, g.kind === 'MEMBER', new Set(), out);
  });
  return kinds;
}

function validateNode(n: Obj, p: string, isRoot: boolean, member: boolean, seen: Set<string>, out: Problem[]): void {
  unique(code(n, p, out), seen, p, 'node', out);
  name(n, p, out);
  if (!isRoot && !(isNum(n.weight) && n.weight > 0)) out.push(problem(`${p}/weight`, 'WEIGHT_NOT_POSITIVE'));
  const hasChildren = n.children !== undefined;
  if (n.owners !== undefined) validateOwners(n.owners, `${p}/owners`, hasChildren, out);
  if (hasChildren && n.method !== undefined) out.push(problem(p, 'CHILDREN_AND_METHOD'));
  if (hasChildren) {
    if (!Array.isArray(n.children) || n.children.length === 0) {
      out.push(problem(`${p}/children`, 'CATEGORY_EMPTY'));
      return;
    }
    n.children.forEach((c: unknown, i) => {
      const cp = `${p}/children/${i}`;
      if (!isObj(c)) out.push(problem(cp, 'NOT_AN_OBJECT', { what: 'node' }));
      else validateNode(c, cp, false, member, seen, out);
    });
    return;
  }
  if (n.unit !== undefined && !isStr(n.unit)) out.push(problem(`${p}/unit`, 'NOT_A_STRING', { key: 'unit' }));
  const mp = `${p}/method`;
  if (!isObj(n.method)) {
    out.push(problem(mp, 'METHOD_REQUIRED'));
    return;
  }
  const def = methodOf(n.method.type);
  if (!def) {
    out.push(problem(`${mp}/type`, 'METHOD_UNKNOWN', { type: String(n.method.type) }));
    return;
  }
  if (def.memberOnly && !member) out.push(problem(`${mp}/type`, 'METHOD_MEMBER_ONLY', { type: def.type }));
  out.push(...def.validateParams(n.method, mp));
}

/** An indicator's owners: a non-empty list of distinct department codes (a category has none). */
function validateOwners(owners: unknown, p: string, category: boolean, out: Problem[]): void {
  if (category) {
    out.push(problem(p, 'OWNERS_NOT_INDICATOR'));
    return;
  }
  if (!Array.isArray(owners)) {
    out.push(problem(p, 'NOT_AN_ARRAY', { key: 'owners' }));
    return;
  }
  if (owners.length === 0) {
    out.push(problem(p, 'ARRAY_EMPTY', { key: 'owners' }));
    return;
  }
  const seen = new Set<string>();
  owners.forEach((o: unknown, i) => {
    if (!isStr(o) || !CODE_RE.test(o)) out.push(problem(`${p}/${i}`, 'CODE_FORMAT'));
    else if (seen.has(o)) out.push(problem(`${p}/${i}`, 'DUPLICATE_CODE', { what: 'owner', code: o }));
    else seen.add(o);
  });
}

function validateRules(rules: unknown, groups: Map<string, string>, grades: Set<string>, out: Problem[]): void {
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    out.push(problem('/rules', 'NOT_AN_ARRAY', { key: 'rules' }));
    return;
  }
  const seen = new Set<string>();
  rules.forEach((r: unknown, i) => {
    const p = `/rules/${i}`;
    if (!isObj(r)) {
      out.push(problem(p, 'NOT_AN_OBJECT', { what: 'rule' }));
      return;
    }
    unique(code(r, p, out), seen, p, 'rule', out);
    name(r, p, out);
    if (r.kind !== 'BONUS' && r.kind !== 'DEDUCTION' && r.kind !== 'VETO') {
      out.push(problem(`${p}/kind`, 'RULE_KIND'));
    }
    if (!Array.isArray(r.groups) || r.groups.length === 0) out.push(problem(`${p}/groups`, 'RULE_GROUPS_REQUIRED'));
    else
      r.groups.forEach((g: unknown, j) => {
        if (!isStr(g) || !groups.has(g)) out.push(problem(`${p}/groups/${j}`, 'GROUP_UNKNOWN', { code: String(g) }));
      });
    const num = (k: string, lo: number, open: boolean) => {
      const v = r[k];
      if (v !== undefined && !(isNum(v) && (open ? v > lo : v >= lo)))
        out.push(problem(`${p}/${k}`, 'NUMBER_TOO_SMALL', { key: k, op: open ? '>' : '>=', bound: lo }));
    };
    if (r.kind === 'VETO') {
      for (const k of ['points', 'minPoints', 'maxPoints', 'maxPerSubject']) {
        if (r[k] !== undefined) out.push(problem(`${p}/${k}`, 'VETO_HAS_POINTS', { key: k }));
      }
      if (!isStr(r.maxGrade) || !grades.has(r.maxGrade)) out.push(problem(`${p}/maxGrade`, 'VETO_MAX_GRADE'));
      return;
    }
    if (r.maxGrade !== undefined) out.push(problem(`${p}/maxGrade`, 'MAX_GRADE_NOT_VETO'));
    num('points', 0, true);
    num('minPoints', 0, false);
    num('maxPoints', 0, true);
    num('maxPerSubject', 0, true);
    const ranged = r.minPoints !== undefined || r.maxPoints !== undefined;
    if (ranged && r.points !== undefined) out.push(problem(`${p}/points`, 'POINTS_AND_RANGE'));
    else if (ranged && (r.minPoints === undefined || r.maxPoints === undefined)) {
      out.push(problem(`${p}/${r.minPoints === undefined ? 'minPoints' : 'maxPoints'}`, 'RANGE_INCOMPLETE'));
    } else if (!ranged && r.points === undefined) out.push(problem(`${p}/points`, 'POINTS_REQUIRED'));
    if (isNum(r.minPoints) && isNum(r.maxPoints) && r.minPoints > r.maxPoints) {
      out.push(problem(`${p}/maxPoints`, 'RANGE_ORDER'));
    }
  });
}
