import { walkTree } from '@kaoping/shared';
// Pure helpers for showing results (no React, no requests; unit-tested in labels.test.ts): names
// from the scheme definition by code, signed adjustment points, numbers as the pages print them.
/** Labels from the scheme definition: group and grade names by code. */
export interface SchemeLabels {
  groups: { code: string; name: string }[];
  grades: Map<string, string>;
  /** Bonus/deduction/veto rules: name by code. */
  rules: Map<string, string>;
  /** Rules' kinds (BONUS, DEDUCTION, VETO) by code. */
  ruleKinds: Map<string, string>;
  /** Node depth in its group's tree, by `${group}:${code}` (for indenting a breakdown). */
  depth: Map<string, number>;
}

interface DefNode {
  code: string;
  children?: DefNode[];
}

export const labelsOf = (definition: Record<string, unknown>): SchemeLabels => {
  const defGroups = (definition.groups as { code: string; name?: string; root?: DefNode }[]) ?? [];
  const groups = defGroups.map(g => ({ code: g.code, name: g.name || g.code }));
  const grades = new Map(
    ((definition.grades as { code: string; name?: string }[]) ?? []).map(g => [g.code, g.name || g.code]),
  );
  const rules = new Map(
    ((definition.rules as { code: string; name?: string }[]) ?? []).map(r => [r.code, r.name || r.code]),
  );
  const ruleKinds = new Map(((definition.rules as { code: string; kind: string }[]) ?? []).map(r => [r.code, r.kind]));
  const depth = new Map<string, number>();
  defGroups.forEach(g => g.root && walkTree(g.root, (n, _path, d) => depth.set(`${g.code}:${n.code}`, d)));
  return { groups, grades, rules, ruleKinds, depth };
};

/** A grade's name, its code when the scheme has no name for it, '—' for none. */
export const gradeName = (labels: SchemeLabels | undefined, code: string | null | undefined): string =>
  code ? (labels?.grades.get(code) ?? code) : '—';

/** A group's name, its code when the scheme has no name for it. */
export const groupName = (labels: SchemeLabels | undefined, code: string): string =>
  labels?.groups.find(g => g.code === code)?.name ?? code;

export const ruleName = (labels: SchemeLabels | undefined, code: string): string => labels?.rules.get(code) ?? code;

/** A result's adjustment points (stored unsigned) with the sign of its rule: a deduction is negative. */
export const adjustmentPoints = (labels: SchemeLabels | undefined, a: { rule: string; points: number }): number =>
  labels?.ruleKinds.get(a.rule) === 'DEDUCTION' ? -Math.abs(a.points) : a.points;

export const fmt = (n: number | null | undefined, digits = 2): string =>
  n === null || n === undefined || Number.isNaN(n) ? '—' : String(Number(n.toFixed(digits)));

export const signed = (n: number | null | undefined, digits = 2): string =>
  n === null || n === undefined ? '—' : n > 0 ? `+${fmt(n, digits)}` : fmt(n, digits);
