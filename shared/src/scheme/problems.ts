import { PROBLEM_TEXTS, type Params, type ProblemCode } from '../i18n/problem-texts';

/**
 * A validation problem: a JSON Pointer path, a stable code with its params, and the English
 * message made from them (readers translate by code: problemText).
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: Params;
  message: string;
}

/** A problem at `path`; its message is the code's English text. */
export function problem(path: string, code: ProblemCode, params: Params = {}): Problem {
  return { path, code, params, message: PROBLEM_TEXTS[code].en(params) };
}

/** A problem's text in a language (an unknown code: its message as given). */
export function problemText(p: Pick<Problem, 'code' | 'params' | 'message'>, lang: 'zh' | 'en' = 'zh'): string {
  const t = (PROBLEM_TEXTS as Record<string, { zh(p: Params): string; en(p: Params): string }>)[p.code];
  return t ? t[lang](p.params ?? {}) : p.message;
}

/** Thrown by evaluate() when the scheme or the dataset is invalid; carries every problem. */
export class ValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], what = 'input') {
    super(`invalid ${what}: ${problems.length} problem(s); first: ${problems[0]?.path}: ${problems[0]?.message}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function esc(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a pointer and a token: ptr('/inputs', 3) === '/inputs/3'. */
export function ptr(base: string, token: string | number): string {
  return `${base}/${esc(token)}`;
}

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const CODE_RE = /^[A-Za-z0-9_-]{1,64}$/;
