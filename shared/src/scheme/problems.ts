/** Validation problems: a JSON Pointer path and a short plain-English message. */
export interface Problem { path: string; message: string }

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
