/**
 * fast-check arbitraries for the fuzz suite, derived from GraphQL input types: mostly plausible
 * values (known ids and codes of the demo tenant), mixed with the hostile ones a client can send —
 * wrong types, nulls, huge strings, control characters, NUL, unpaired surrogates, deep JSON, huge
 * arrays, non-ids, bad enums.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

export interface Pools {
  ids: string[];
  codes: string[];
}

const hostileString = fc.oneof(
  fc.constant(''),
  fc.constant('a\u0000b'),
  fc.constant('x\ud800'),
  fc.constant('\udc00y'),
  fc.constant("'; DROP TABLE users; --"),
  fc.constant('$1 $2 %s %n {{7*7}}'),
  fc.constant('../../etc/passwd'),
  fc.constant('\u202e\u0007\u001b[31m'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.constant('😀考评'.repeat(2000)),
);

const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(2 ** 60),
  fc.string({ maxLength: 10 }),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

function deepJson(depth: number, wrap: 'object' | 'array'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = wrap === 'object' ? { a: v } : [v];
  return v;
}

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 60, max: 3000 })
      .chain((d) => fc.constantFrom(deepJson(d, 'object'), deepJson(d, 'array'))),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => i)) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        actual: fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constant(1.7e308),
          fc.constant(-1e300),
        ),
        target: fc.oneof(fc.double({ noNaN: true }), fc.constant(0)),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constant({ code: 'x', groups: [{ code: 'g', name: 'a\u0000', indicators: [] }] }) },
);

/** A value for a GraphQL input type; `depth` bounds input-object nesting. */
export function valueFor(type: GraphQLInputType, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const plausible = plausibleFor(type, pools, depth);
  return fc.oneof({ weight: 8, arbitrary: plausible }, { weight: 1, arbitrary: wrongKind });
}

function plausibleFor(type: GraphQLInputType, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plausibleFor(type.ofType, pools, depth);
  if (isListType(type)) {
    const item = valueFor(type.ofType, pools, depth);
    return fc.oneof(
      { weight: 12, arbitrary: fc.array(item, { maxLength: 4 }) },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 2001, max: 2100 }).chain((n) => fc.array(item, { minLength: n, maxLength: n })),
      }, // over the 2,000-row caps
      { weight: 2, arbitrary: item },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = type.getFields();
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, f] of Object.entries(fields)) shape[name] = valueFor(f.type, pools, depth + 1);
    const required = Object.values(fields)
      .filter((f) => isNonNullType(f.type))
      .map((f) => f.name);
    const withUnknown: Record<string, fc.Arbitrary<unknown>> = { ...shape, unknownField: fc.string() };
    return fc.oneof(
      { weight: 6, arbitrary: fc.record(shape, { requiredKeys: required }) },
      { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.record(withUnknown, { requiredKeys: required }) },
    );
  }
  const named = getNamedType(type);
  if (isEnumType(named)) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...named.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOPE', 'admin', '') },
    );
  }
  if (!isScalarType(named)) return fc.constant(null);
  switch (named.name) {
    case 'ID':
      return fc.oneof(
        { weight: 4, arbitrary: pools.ids.length ? fc.constantFrom(...pools.ids) : fc.uuid() },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: fc.oneof(hostileString, fc.constant('not-a-uuid'), fc.integer()) },
      );
    case 'String':
      return fc.oneof(
        { weight: 4, arbitrary: pools.codes.length ? fc.constantFrom(...pools.codes) : fc.string() },
        { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
        { weight: 3, arbitrary: hostileString },
      );
    case 'Int':
      return fc.oneof(
        fc.integer({ min: -5, max: 300 }),
        fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
    case 'Float':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, -0, 1.7e308, -1.7e308, 5e-324, 1e21),
      );
    case 'Boolean':
      return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 1, 0) });
    case 'DateTimeISO':
      return fc.oneof(
        fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('2024-13-45T99:99:99Z', 'yesterday', '0000-00-00', '9999-12-31T23:59:59.999Z', '1e999'),
      );
    default:
      return jsonValue;
  }
}
