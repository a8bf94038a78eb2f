/**
 * Checks on untrusted values at the edge (GraphQL arguments, uploaded files, headers), before any
 * resolver or SQL sees them. PostgreSQL refuses NUL in text and lone surrogates in jsonb, deep JSON
 * overflows recursive code, non-finite numbers break fixed-point rounding, and a malformed id makes
 * a uuid cast fail: each is answered here as a client error naming where it was found.
 *
 * Paths are JSON-Pointer-like strings (`/input/rows/3/value`). Every walk is iterative, so a value
 * nested far deeper than the limit cannot overflow the stack while being checked.
 */
import { pointerToken } from '@kaoping/shared';
import { isId } from './ids';

export const HYGIENE_LIMITS = {
  /** deepest nesting of objects/arrays inside one JSON value */
  maxJsonDepth: 64,
  /** objects, arrays and leaves inside one JSON value (a large dataset import holds ~500,000) */
  maxJsonNodes: 2_000_000,
  /** characters in one plain string argument (a JSON value's strings count against the body limit) */
  maxStringLength: 100_000,
};

export interface HygieneProblem {
  path: string;
  message: string;
}

/** NUL, or a UTF-16 surrogate without its partner. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for (PostgreSQL refuses it)
const BAD_CHAR = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function stringProblem(
  s: string,
  path: string,
  maxLength = HYGIENE_LIMITS.maxStringLength,
): HygieneProblem | undefined {
  if (s.length > maxLength) return { path, message: `text longer than ${maxLength} characters` };
  const m = BAD_CHAR.exec(s);
  if (m)
    return {
      path,
      message:
        m[0] === '\u0000' ? 'text contains a NUL character' : 'text contains invalid Unicode (an unpaired surrogate)',
    };
  return undefined;
}

export function numberProblem(n: number, path: string): HygieneProblem | undefined {
  return Number.isFinite(n) ? undefined : { path, message: 'number is not finite' };
}

export function idProblem(id: unknown, path: string): HygieneProblem | undefined {
  return isId(id) ? undefined : { path, message: 'not a valid id' };
}

/**
 * A free-form JSON value: depth, size, every string (keys too) and every number. Returns the
 * first problem found. Strings inside JSON are bounded by the request body, not by maxStringLength.
 */
export function jsonProblem(value: unknown, path: string, limits = HYGIENE_LIMITS): HygieneProblem | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path, depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { v, path: p, depth } = stack.pop()!;
    if (++nodes > limits.maxJsonNodes)
      return { path, message: `JSON value has more than ${limits.maxJsonNodes} elements` };
    if (typeof v === 'string') {
      const s = stringProblem(v, p, Infinity);
      if (s) return s;
    } else if (typeof v === 'number') {
      const n = numberProblem(v, p);
      if (n) return n;
    } else if (typeof v === 'bigint') {
      return { path: p, message: 'number is out of range' };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= limits.maxJsonDepth)
        return { path: p, message: `JSON nested deeper than ${limits.maxJsonDepth} levels` };
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${p}/${i}`, depth: depth + 1 });
      } else {
        for (const k of Object.keys(v)) {
          const kp = `${p}/${pointerToken(k)}`;
          const s = stringProblem(k, kp, Infinity);
          if (s) return { path: kp, message: `key: ${s.message}` };
          stack.push({ v: (v as Record<string, unknown>)[k], path: kp, depth: depth + 1 });
        }
      }
    } else if (v !== null && v !== undefined && typeof v !== 'boolean') {
      return { path: p, message: 'not a JSON value' };
    }
  }
  return undefined;
}
