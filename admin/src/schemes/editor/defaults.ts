// Pure defaults for the scheme editor (no React, so tests load it directly):
// a valid parameter set per scoring method (so a switched method validates at once), the input fields each method
// reads (the engine package's list, shared with the workbook), and new nodes, rules and grades
// that pass validation as they are created.
import { methodInputFields } from '@kaoping/shared';
import { codesOf, freshCode, type TreeNode } from '../tree';

export const METHOD_TYPES = [
  'TARGET',
  'LADDER',
  'RANK',
  'LINEAR',
  'GRADE',
  'SCORE',
  'SURVEY',
  'FORMULA',
  'LINKED',
] as const;
export type MethodType = (typeof METHOD_TYPES)[number];
export type MethodValue = { type: string } & Record<string, unknown>;

/** The method a new indicator gets: valid in UNIT and MEMBER groups alike. */
export const DEFAULT_METHOD: MethodType = 'SCORE';

/** LINKED reads the member's unit's final score: allowed in MEMBER groups only. */
export const memberOnly = (type: string): boolean => type === 'LINKED';

/** A fresh, valid parameter set for `type` (switching the method type starts from this). */
export function defaultMethod(type: MethodType): MethodValue {
  switch (type) {
    case 'TARGET':
      return { type };
    case 'LADDER':
      return {
        type,
        basis: 'VALUE',
        steps: [
          { min: 90, score: 1 },
          { min: 60, score: 0.6 },
        ],
      };
    case 'RANK':
      return { type, step: 0.1 };
    case 'LINEAR':
      return { type };
    case 'GRADE':
      return { type, levels: { A: 1, B: 0.85, C: 0.7, D: 0.5 } };
    case 'SCORE':
      return { type, max: 100 };
    case 'SURVEY':
      return { type, voterGroups: { LEADERS: 1 }, options: { EXCELLENT: 1, GOOD: 0.85, FAIR: 0.7, POOR: 0.4 } };
    case 'FORMULA':
      return { type, expression: 'actual / target' };
    case 'LINKED':
      return { type };
  }
}

/** The names a FORMULA may use (the engine's grammar), listed next to the expression. */
export const FORMULA_INPUT_VARS = ['actual', 'target', 'previous', 'score'] as const;
export const FORMULA_PEER_VARS = ['peerMax', 'peerMin', 'peerAvg'] as const;
export const FORMULA_FUNCTIONS = [
  'min(a, b, …)',
  'max(a, b, …)',
  'abs(x)',
  'round(x[, places])',
  'if(cond, a, b)',
] as const;
export const FORMULA_OPERATORS = ['+ - * /', '< <= > >= == !=', 'and or not', '( )'] as const;

/** Input fields a method reads from a subject's input row (what data entry, its grid and the workbook must provide). */
export const methodInputs = (method: Parameters<typeof methodInputFields>[0] | undefined): string[] =>
  method ? methodInputFields(method) : [];

export function newIndicator(root: TreeNode | undefined, name: string): TreeNode {
  return { code: freshCode(codesOf(root), 'IND'), name, weight: 1, method: defaultMethod(DEFAULT_METHOD) };
}

/** A new category comes with one indicator: a category must have at least one child. */
export function newCategory(root: TreeNode | undefined, name: string, indicatorName: string): TreeNode {
  const taken = codesOf(root);
  const code = freshCode(taken, 'CAT');
  taken.add(code);
  return {
    code,
    name,
    weight: 1,
    children: [
      { code: freshCode(taken, 'IND'), name: indicatorName, weight: 1, method: defaultMethod(DEFAULT_METHOD) },
    ],
  };
}

export interface RuleValue extends Record<string, unknown> {
  code: string;
  name: string;
  kind: 'BONUS' | 'DEDUCTION' | 'VETO';
  groups: string[];
}
export interface GradeValue extends Record<string, unknown> {
  code: string;
  name: string;
  minScore?: number;
  maxShare?: number;
}

type DefLike = { groups?: unknown; rules?: unknown; grades?: unknown };
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const groupCodes = (def: DefLike) =>
  list<{ code?: unknown }>(def.groups)
    .map(g => g?.code)
    .filter((c): c is string => typeof c === 'string');
const gradeCodes = (def: DefLike) =>
  list<{ code?: unknown }>(def.grades)
    .map(g => g?.code)
    .filter((c): c is string => typeof c === 'string');

/** A new BONUS rule of 1 point per event, for every group. */
export function newRule(def: DefLike, name: string): RuleValue {
  const taken = list<{ code?: string }>(def.rules).map(r => String(r?.code));
  return { code: freshCode(taken, 'RULE'), name, kind: 'BONUS', groups: groupCodes(def), points: 1 };
}

/**
 * The rule with another kind: BONUS/DEDUCTION keep their points fields (or get 1 point); VETO
 * drops them and names a grade (the second worst: a veto usually caps below the top grades).
 */
export function ruleWithKind(rule: RuleValue, kind: RuleValue['kind'], def: DefLike): RuleValue {
  const { points, minPoints, maxPoints, maxPerSubject, maxGrade, ...rest } = rule;
  if (kind === 'VETO') {
    const grades = gradeCodes(def);
    return {
      ...rest,
      kind,
      maxGrade: typeof maxGrade === 'string' ? maxGrade : (grades[Math.max(0, grades.length - 2)] ?? ''),
    };
  }
  const pts = rule.kind === 'VETO' ? { points: 1 } : { points, minPoints, maxPoints, maxPerSubject };
  return Object.fromEntries(Object.entries({ ...rest, kind, ...pts }).filter(([, v]) => v !== undefined)) as RuleValue;
}

/**
 * A new grade and where it goes: just before the last (catch-all) grade, with the lowest
 * minScore so far (minScore must not increase down the list).
 */
export function newGrade(def: DefLike, name: string): { grade: GradeValue; index: number } {
  const grades = list<GradeValue>(def.grades);
  const mins = grades.map(g => g?.minScore).filter((m): m is number => typeof m === 'number' && Number.isFinite(m));
  const minScore = mins.length ? Math.min(...mins) : 60;
  return {
    grade: { code: freshCode(gradeCodes(def), 'GRADE'), name, minScore },
    index: Math.max(0, grades.length - 1),
  };
}
