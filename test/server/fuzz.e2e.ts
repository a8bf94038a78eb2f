/**
 * The project's own fuzzer. Operations are generated from the live schema (introspected from the
 * running server): every Query and Mutation field, round robin, each argument filled by fast-check
 * from its type with plausible and hostile values, as variables or inline, under several callers;
 * plus hostile HTTP requests (malformed bodies, wrong content types, forged headers, 1e999).
 * Every answer must be below 500 and carry no internal text.
 *
 * FUZZ_SEED=<n> runs another seed (the default is fixed so `npm test` is repeatable), FUZZ_OPS=<n>
 * another number of GraphQL operations. The seed is printed with the figures.
 */
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import request from 'supertest';
import { valueFor, type Pools } from '../support/fuzz-values';
import { bootServer, CREATE_API_KEY, login, ok, PLATFORM, type TestServer } from '../support/server';

jest.setTimeout(120_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const OPS = Number(process.env.FUZZ_OPS ?? 2000);
const CONCURRENCY = 6;

/** Stack frames, SQL, file paths, library and driver names: none may reach a client. */
const INTERNAL = [
  /\bat [\w$.<>]+ \(|\bat (?:async )?\/|:\d+:\d+\)/, // stack frames
  /\/(?:src|dist|node_modules|work|home|tmp)\/|\.ts:\d|\.js:\d/, // file paths
  /\b(?:SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|syntax error at or near|violates|relation "|column "|invalid input syntax|invalid byte sequence|unsupported Unicode escape|duplicate key/i, // SQL and PostgreSQL
  /\b(?:typeorm|QueryFailedError|pg-protocol|node-postgres|graphql-query-complexity|type-graphql|class-validator|body-parser|express|ECONNREFUSED|RangeError|TypeError|ReferenceError)\b|Maximum call stack/i,
  /INTERNAL_SERVER_ERROR|Internal server error/,
];

let ts: TestServer;
let schema: GraphQLSchema;
let pools: Pools;
let callers: Record<string, Record<string, string>>;

beforeAll(async () => {
  ts = await bootServer({ seedDemo: true, rateLimitBurst: 1_000_000, rateLimitPerSecond: 1000 });
  const admin = (await login(ts, 'demo@example.com', 'demo', 'demo')).token;
  const platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
  const key = ok(await ts.gql(CREATE_API_KEY, { name: 'fuzz', scopes: ['results:read', 'schemes:read'] }, admin))
    .createApiKey.key;
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  callers = {
    admin: bearer(admin),
    platform: bearer(platform),
    platformInTenant: { ...bearer(platform), 'x-tenant': 'demo' },
    apiKey: bearer(key),
    anonymous: {},
    garbage: {
      ...bearer('kp_deadbeefdeadbeef_' + 'A'.repeat(43)),
      'x-tenant': "demo' OR 1=1",
      'x-forwarded-for': '127.0.0.1, evil',
    },
  };
  schema = buildClientSchema(ok(await ts.gql(getIntrospectionQuery(), {}, admin)) as unknown as IntrospectionQuery);

  // plausible values: the demo tenant's own ids and codes (never its tenant or user ids: a fuzzer
  // disabling the demo admin would leave nothing further to test)
  const schemes = ok(await ts.gql(`{ allSchemes { id } }`, {}, admin)).allSchemes as { id: string }[];
  const ids = schemes.map((s) => s.id);
  const codes = new Set<string>(['demo']);
  for (const { id } of schemes) {
    const d = ok(
      await ts.gql(
        `query($s: ID!) { subjects(schemeId: $s) { id code group } resultRuns(schemeId: $s) { id } inputs(schemeId: $s) { id indicator } }`,
        { s: id },
        admin,
      ),
    );
    for (const s of d.subjects.slice(0, 10)) {
      ids.push(s.id);
      codes.add(s.code);
      codes.add(s.group);
    }
    for (const r of d.resultRuns) ids.push(r.id);
    for (const i of d.inputs.slice(0, 10)) {
      ids.push(i.id);
      codes.add(i.indicator);
    }
  }
  pools = { ids, codes: [...codes] };
});
afterAll(() => ts?.stop());

/** Leaf fields of a type, one level (a nested object: its __typename), so answers stay small. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const t = getNamedType(field.type);
  if (isLeafType(t)) return '';
  if (!isObjectType(t)) return '{ __typename }';
  const leaves = Object.values(t.getFields())
    .filter((f) => f.args.length === 0)
    .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`));
  return `{ ${leaves.join(' ')} }`;
}

/** A GraphQL literal for a leaf value (inline mode); undefined when it cannot be written inline. */
function literal(v: unknown, t: GraphQLInputType): string | undefined {
  const named = getNamedType(t);
  if (v === null) return 'null';
  if (isEnumType(named) && typeof v === 'string' && /^[_A-Za-z]\w*$/.test(v)) return v;
  if (isScalarType(named) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
    return typeof v === 'number' && !Number.isFinite(v) ? undefined : JSON.stringify(v);
  return undefined;
}

interface Op {
  field: string;
  body: string;
  headers: Record<string, string>;
  argTypes: string[];
}

function operationsFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  n: number,
  seed: number,
): Op[] {
  const args = field.args;
  const arb = fc.record({
    caller: fc.constantFrom(...Object.keys(callers), 'admin', 'admin', 'admin', 'platformInTenant'),
    inline: fc.boolean(),
    raw1e999: fc.integer({ min: 0, max: 30 }).map((x) => x === 0),
    values: fc.tuple(
      ...args.map((a) => fc.option(valueFor(a.type, pools), { freq: isNonNullType(a.type) ? 20 : 3, nil: undefined })),
    ),
  });
  return fc.sample(arb, { seed, numRuns: n }).map(({ caller, inline, raw1e999, values }) => {
    const defs: string[] = [];
    const passed: string[] = [];
    const variables: Record<string, unknown> = {};
    args.forEach((a, i) => {
      const v = values[i];
      if (v === undefined) return;
      const lit = inline ? literal(v, a.type) : undefined;
      if (lit !== undefined) passed.push(`${a.name}: ${lit}`);
      else {
        defs.push(`$${a.name}: ${String(a.type)}`);
        passed.push(`${a.name}: $${a.name}`);
        variables[a.name] = v;
      }
    });
    const query = `${kind} Fuzz${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${selection(field)} }`;
    let body = JSON.stringify({ query, variables });
    if (raw1e999) body = body.replace(/(?<=[:[,])-?\d+(\.\d+)?(?=[,}\]])/, '1e999');
    return {
      field: `${kind}.${field.name}`,
      body,
      headers: callers[caller],
      argTypes: args.filter((_, i) => values[i] !== undefined).map((a) => getNamedType(a.type).name),
    };
  });
}

/** Hostile HTTP requests around GraphQL. */
function httpCases(): { name: string; send: () => request.Test }[] {
  const post = () => request(ts.origin).post('/graphql');
  const admin = callers.admin;
  return [
    {
      name: 'truncated JSON',
      send: () => post().set('content-type', 'application/json').send('{"query":"{ me { id } '),
    },
    { name: 'JSON array of garbage', send: () => post().set('content-type', 'application/json').send('[1,2,3]') },
    { name: 'JSON string', send: () => post().set('content-type', 'application/json').send('"query"') },
    { name: 'empty body', send: () => post().set('content-type', 'application/json').send('') },
    { name: 'null body', send: () => post().set('content-type', 'application/json').send('null') },
    { name: 'text/plain', send: () => post().set('content-type', 'text/plain').send('{"query":"{ me { id } }"}') },
    {
      name: 'form',
      send: () => post().set('content-type', 'application/x-www-form-urlencoded').send('query=%7B+me+%7B+id+%7D+%7D'),
    },
    {
      name: 'multipart',
      send: () => post().set('content-type', 'multipart/form-data; boundary=x').send('--x\r\n\r\n--x--'),
    },
    { name: 'xml', send: () => post().set('content-type', 'application/xml').send('<q/>') },
    {
      name: 'charset latin1',
      send: () => post().set('content-type', 'application/json; charset=latin1').send('{"query":"{ me { id } }"}'),
    },
    {
      name: 'charset bogus',
      send: () => post().set('content-type', 'application/json; charset=utf-99').send('{"query":"{ me { id } }"}'),
    },
    {
      name: 'gzip lie',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set('content-encoding', 'gzip')
          .send('{"query":"{ me { id } }"}'),
    },
    {
      name: 'over 1 MB',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .send(JSON.stringify({ query: '{ me { id } }', variables: { x: 'y'.repeat(1_100_000) } })),
    },
    {
      name: 'batch',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(admin)
          .send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    },
    {
      name: 'GET mutation',
      send: () =>
        request(ts.origin).get('/graphql').set('apollo-require-preflight', '1').query({ query: 'mutation { logout }' }),
    },
    {
      name: 'GET bad variables',
      send: () =>
        request(ts.origin)
          .get('/graphql')
          .set('apollo-require-preflight', '1')
          .query({ query: '{ me { id } }', variables: '{bad' }),
    },
    {
      name: 'GET bad extensions',
      send: () =>
        request(ts.origin)
          .get('/graphql')
          .set('apollo-require-preflight', '1')
          .query({ query: '{ me { id } }', extensions: '[' }),
    },
    {
      name: 'PUT',
      send: () =>
        request(ts.origin).put('/graphql').set('content-type', 'application/json').send({ query: '{ me { id } }' }),
    },
    { name: 'DELETE', send: () => request(ts.origin).delete('/graphql') },
    {
      name: 'operationName object',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .send({ query: '{ me { id } }', operationName: { a: 1 } }),
    },
    {
      name: 'two operations, none named',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(admin)
          .send({ query: 'query A { me { id } } query B { me { id } }' }),
    },
    {
      name: 'persisted query',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }),
    },
    {
      name: 'subscription',
      send: () =>
        post().set('content-type', 'application/json').set(admin).send({ query: 'subscription { me { id } }' }),
    },
    {
      name: 'deep JSON variable',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(admin)
          .send(
            `{"query":"mutation($d: JSON!) { importScheme(definition: $d) { id } }","variables":{"d":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
          ),
    },
    {
      name: 'deep query',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(admin)
          .send({ query: `{ me { ${'tenant { '.repeat(40)}code${' }'.repeat(40)} } }` }),
    },
    {
      name: 'many fragments',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(admin)
          .send({
            query: `{ ...F0 } ${Array.from({ length: 200 }, (_, i) => `fragment F${i} on Query { ${i < 199 ? `...F${i + 1}` : 'me { id }'} }`).join(' ')}`,
          }),
    },
    {
      name: 'fragment cycle',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(admin)
          .send({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
    },
    {
      name: 'directives flood',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(admin)
          .send({ query: `{ me ${'@include(if: true) '.repeat(200)} { id } }` }),
    },
    {
      name: 'bearer with spaces',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set('authorization', 'Bearer a b c')
          .send({ query: '{ me { id } }' }),
    },
    {
      name: 'huge authorization',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set('authorization', 'Bearer ' + 'a'.repeat(8000))
          .send({ query: '{ me { id } }' }),
    },
    {
      name: 'x-tenant without auth',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set('x-tenant', 'demo')
          .send({ query: '{ currentTenant { code } }' }),
    },
    {
      name: 'x-tenant latin1',
      send: () =>
        post()
          .set('content-type', 'application/json')
          .set(callers.platform)
          .set('x-tenant', 'd\u00e9mo\u00ff')
          .send({ query: '{ currentTenant { code } }' }),
    },
    { name: 'healthz POST', send: () => request(ts.origin).post('/healthz') },
    { name: 'admin path traversal', send: () => request(ts.origin).get('/admin/..%2f..%2fpackage.json') },
    { name: 'unknown route', send: () => request(ts.origin).get('/graphql/../etc/passwd') },
  ];
}

test(`fuzz: ${OPS} generated operations over every Query and Mutation field, and hostile HTTP requests — no 5xx, no internal text`, async () => {
  const roots = [
    ['query', schema.getQueryType()!],
    ['mutation', schema.getMutationType()!],
  ] as const;
  const fields = roots.flatMap(([kind, type]) => Object.values(type.getFields()).map((f) => ({ kind, f })));
  const perField = Math.ceil(OPS / fields.length);
  const perFieldOps = fields.map(({ kind, f }, i) => operationsFor(kind, f, perField, SEED * 1009 + i));
  // round robin, so every field is hit early and late (before and after other mutations)
  const ops: Op[] = [];
  for (let r = 0; r < perField; r++) for (const list of perFieldOps) ops.push(list[r]);

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const sentPerField = new Map<string, number>();
  const msPerField = new Map<string, number>();
  const argTypesSent = new Set<string>();
  const check = (what: string, status: number, text: string) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    // in a GraphQL answer, look at its errors: its data may echo what the fuzzer itself stored
    let scanned = text;
    try {
      const parsed = JSON.parse(text) as { errors?: unknown };
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        scanned = JSON.stringify(parsed.errors ?? null);
    } catch {
      /* not JSON: scan it all */
    }
    const bad = INTERNAL.find((re) => re.test(scanned));
    if ((status >= 500 || bad) && failures.length < 25)
      failures.push(`${what} → ${status}${bad ? ` matches ${bad}` : ''}: ${text.slice(0, 300)}`);
  };

  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < ops.length) {
      const op = ops[next++];
      const t0 = Date.now();
      const r = await request(ts.origin)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set(op.headers)
        .send(op.body);
      sentPerField.set(op.field, (sentPerField.get(op.field) ?? 0) + 1);
      msPerField.set(op.field, (msPerField.get(op.field) ?? 0) + Date.now() - t0);
      for (const t of op.argTypes) argTypesSent.add(t);
      check(`${op.field} ${op.body.slice(0, 200)}`, r.status, r.text);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const http = httpCases();
  for (const c of http) {
    const r = await c.send();
    check(`HTTP ${c.name}`, r.status, r.text ?? '');
  }
  const seconds = (Date.now() - started) / 1000;
  const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  console.log(
    `fuzz seed ${SEED}: ${ops.length} GraphQL operations over ${fields.length} fields + ${http.length} HTTP requests in ${seconds.toFixed(1)} s; ` +
      `5xx: ${fiveXX}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; slowest fields (ms in all): ` +
      JSON.stringify([...msPerField].sort((a, b) => b[1] - a[1]).slice(0, 5)),
  );

  expect(failures).toEqual([]);
  expect(ops.length).toBeGreaterThanOrEqual(OPS);
  // every operation was sent, with every argument type the schema has
  for (const { kind, f } of fields)
    expect([`${kind}.${f.name}`, sentPerField.get(`${kind}.${f.name}`)]).toEqual([`${kind}.${f.name}`, perField]);
  const allArgTypes = new Set<string>();
  const collect = (t: GraphQLInputType) => {
    const named = getNamedType(t);
    if (allArgTypes.has(named.name)) return;
    allArgTypes.add(named.name);
    if (isInputObjectType(named)) for (const f of Object.values(named.getFields())) collect(f.type);
  };
  for (const { f } of fields) for (const a of f.args) collect(a.type);
  const topLevel = new Set(fields.flatMap(({ f }) => f.args.map((a) => getNamedType(a.type).name)));
  expect([...topLevel].filter((t) => !argTypesSent.has(t))).toEqual([]);
  expect(allArgTypes.size).toBeGreaterThan(10);
  // the answers were not all refusals: real work happened too
  expect(statuses.get(200)).toBeGreaterThan(ops.length / 4);
});

// keep the helpers honest: the internal-text patterns do catch what they are meant to
test('the internal-text patterns recognise stack frames, SQL, paths and library names', () => {
  for (const leak of [
    'at Object.<anonymous> (/work/server/src/app.ts:10:5)',
    'QueryFailedError: invalid input syntax for type uuid',
    'syntax error at or near "x"',
    '/node_modules/typeorm/x.js:1',
    'Internal server error',
  ])
    expect(INTERNAL.some((re) => re.test(leak))).toBe(true);
  for (const fine of [
    'Variable "$id" got invalid value 5',
    'Scheme not found',
    'Invalid argument: /User/id: not a valid id',
    'email must be an email',
    'the expression is invalid',
  ])
    expect(INTERNAL.some((re) => re.test(fine))).toBe(false);
});
