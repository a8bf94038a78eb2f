/**
 * The structural layer of validation: which keys may appear where in a scheme or a dataset,
 * as zod strict objects. A key not listed is an UNKNOWN_KEY problem, with a "did you mean" when
 * it is a near miss of a listed one ("cpa" → "cap"). Values are not checked here: the domain
 * rules (validate-scheme.ts, validate-dataset.ts, each method) check them with their own codes.
 */
import { z } from 'zod';
import { problem, ptr, type Problem } from './problems';

const ANY = z.any();

/** A strict object with these keys; its unknown-keys issue carries the known keys (for suggestions). */
function keys(...names: string[]): z.ZodType {
  return withKeys(Object.fromEntries(names.map((n) => [n, ANY])), names);
}

function withKeys(shape: Record<string, z.ZodType>, names: string[]): z.ZodType {
  const known = names.join(',');
  return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? known : undefined) });
}

const step = keys('min', 'max', 'score');
const DIRECTED = ['type', 'direction', 'floor'];
const METHOD_KEYS: Record<string, z.ZodType> = {
  TARGET: keys(...DIRECTED, 'cap'),
  LADDER: withKeys({ type: ANY, basis: ANY, steps: z.array(step) }, ['type', 'basis', 'steps']),
  RANK: keys(...DIRECTED, 'step'),
  LINEAR: keys(...DIRECTED),
  GRADE: keys('type', 'levels'),
  SCORE: keys('type', 'max'),
  // voterGroupNames / optionNames: display names of the codes (their own rules live with SURVEY)
  SURVEY: keys('type', 'voterGroups', 'options', 'voterGroupNames', 'optionNames'),
  FORMULA: keys('type', 'expression', 'cap'),
  LINKED: keys('type', 'cap'),
};
/** A method of a known type gets its type's keys; anything else is left to the domain rules. */
const method = z.any().superRefine((m, ctx) => {
  const schema =
    m !== null && typeof m === 'object' && typeof m.type === 'string' && Object.hasOwn(METHOD_KEYS, m.type)
      ? METHOD_KEYS[m.type]
      : undefined;
  if (!schema) return;
  const r = schema.safeParse(m);
  if (!r.success) for (const iss of r.error.issues) ctx.addIssue({ ...iss, path: iss.path });
});

const NODE_KEYS = ['code', 'name', 'weight', 'children', 'method', 'unit', 'owners'];
// `owners`: the department codes that report an indicator (checked in validate-scheme.ts).
const node: z.ZodType = withKeys(
  {
    code: ANY,
    name: ANY,
    weight: ANY,
    unit: ANY,
    owners: ANY,
    method,
    get children() {
      return z.array(node);
    },
  },
  NODE_KEYS,
);
const group = withKeys({ code: ANY, name: ANY, kind: ANY, bonusCap: ANY, deductionCap: ANY, root: node }, [
  'code',
  'name',
  'kind',
  'bonusCap',
  'deductionCap',
  'root',
]);
const list = (item: z.ZodType) => z.array(item);

const SCHEME = withKeys(
  {
    formatVersion: ANY,
    code: ANY,
    name: ANY,
    year: ANY,
    precision: ANY,
    reviewThreshold: ANY,
    progress: keys('behind', 'farBehind'),
    grades: list(keys('code', 'name', 'minScore', 'maxShare')),
    groups: list(group),
    rules: list(
      keys('code', 'name', 'kind', 'groups', 'points', 'minPoints', 'maxPoints', 'maxPerSubject', 'maxGrade'),
    ),
  },
  ['formatVersion', 'code', 'name', 'year', 'precision', 'reviewThreshold', 'progress', 'grades', 'groups', 'rules'],
);

const DATASET = withKeys(
  {
    formatVersion: ANY,
    subjects: list(keys('code', 'name', 'group', 'unit')),
    inputs: ANY, // rows: checked by inputRowKeys, a plain loop (a dataset has ~100,000 of them)
    adjustments: list(keys('subject', 'rule', 'count', 'points', 'note')),
  },
  ['formatVersion', 'subjects', 'inputs', 'adjustments'],
);

const INPUT_KEYS = [
  'subject',
  'indicator',
  'actual',
  'target',
  'previous',
  'score',
  'grade',
  'ballots',
  'notApplicable',
];
const INPUT_KEY_SET = new Set(INPUT_KEYS);

/** UNKNOWN_KEY problems of one input row at `path` (pushed onto `out`). */
export function inputRowKeys(row: Record<string, unknown>, path: string, out: Problem[]): void {
  for (const key in row) {
    if (INPUT_KEY_SET.has(key) || !Object.hasOwn(row, key)) continue;
    const suggestion = suggestKey(key, INPUT_KEYS);
    out.push(problem(ptr(path, key), 'UNKNOWN_KEY', suggestion ? { key, suggestion } : { key }));
  }
}

/** Optimal string alignment distance (a swap of two neighbours counts 1: "cpa" → "cap"). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known key closest to `key` when it is a near miss (case-insensitive equal, or a few edits for its length). */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  const allowed = key.length <= 3 ? 1 : key.length <= 6 ? 2 : 3;
  return bestD <= allowed ? best : undefined;
}

function unknownKeys(schema: z.ZodType, value: unknown): Problem[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  const out: Problem[] = [];
  for (const iss of r.error.issues) {
    if (iss.code !== 'unrecognized_keys') continue;
    const base = iss.path.reduce<string>((p, t) => ptr(p, String(t)), '');
    const known = iss.message.split(',');
    for (const key of iss.keys) {
      const suggestion = suggestKey(key, known);
      out.push(problem(ptr(base, key), 'UNKNOWN_KEY', suggestion ? { key, suggestion } : { key }));
    }
  }
  return out;
}

/** UNKNOWN_KEY problems of a scheme. */
export const unknownSchemeKeys = (scheme: unknown): Problem[] => unknownKeys(SCHEME, scheme);
/** UNKNOWN_KEY problems of a dataset. */
export const unknownDatasetKeys = (dataset: unknown): Problem[] => unknownKeys(DATASET, dataset);
