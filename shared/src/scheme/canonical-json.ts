/**
 * JSON with object keys sorted at every level (undefined members left out): equal data, equal
 * text (what run hashes are taken of). For JSON values — what JSON.parse gives and plain objects
 * of them.
 *
 * Written as JSON.stringify with a replacer that hands it each object with its keys in order
 * (a sorted copy only when they are not): the native serialiser does the rest, about twice as
 * fast as building the text here. An object with an array-index key ("7") cannot be re-ordered
 * that way (such keys always enumerate first, by number), so a value holding one is written by
 * the plain recursive form, which gives the same text for everything else.
 */
export function canonicalJson(v: unknown): string {
  try {
    return JSON.stringify(v, inKeyOrder) ?? 'null';
  } catch (e) {
    if (e !== INDEX_KEY) throw e;
    return canonicalSlow(v);
  }
}

const INDEX_KEY = new Error('an array-index key');
const isIndex = (k: string) => k.charCodeAt(0) <= 57 && /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;

function inKeyOrder(_key: string, val: unknown): unknown {
  if (val === null || typeof val !== 'object' || Array.isArray(val)) return val;
  const o = val as Record<string, unknown>;
  const keys = Object.keys(o);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    if (isIndex(keys[i])) throw INDEX_KEY;
    if (i > 0 && keys[i - 1] > keys[i]) sorted = false;
  }
  if (sorted) return o;
  keys.sort();
  const copy: Record<string, unknown> = {};
  for (const k of keys) copy[k] = o[k];
  return copy;
}

function canonicalSlow(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalSlow(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalSlow(o[k])}`).join(',')}}`;
}
