import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../../server/src/db/embedded';
import { migrations } from '../../server/src/db/migrations';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  login,
  makeWorld,
  ok,
  publishRun,
  tempDataDir,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLE: Json = JSON.parse(
  readFileSync(path.join(__dirname, '../../shared/examples/district-2023.scheme.json'), 'utf8'),
);
const MISSING = '7b0c7c3e-0000-4000-8000-000000000000';

const FIELDS = 'id code name year status version createdAt publishedAt closedAt';
const IMPORT = `mutation($d: JSON!) { importScheme(definition: $d) { ${FIELDS} } }`;
const EXPORT = `query($id: ID!) { exportScheme(id: $id) }`;
const SCHEME = `query($id: ID!) { scheme(id: $id) { ${FIELDS} } }`;
const SCHEMES = `query($year: Int) { schemes(year: $year) { id code year status } }`;
const PUBLISH = `mutation($id: ID!) { publishScheme(id: $id) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeScheme(id: $id) { ${FIELDS} } }`;
const CLONE = `mutation($id: ID!, $year: Int!, $code: String!, $name: String) { cloneScheme(id: $id, year: $year, code: $code, name: $name) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $d: JSON!) { updateSchemeDefinition(id: $id, version: $v, definition: $d) { ${FIELDS} } }`;
const HISTORY = `query($id: ID!) { schemeHistory(id: $id) { id at actorKind actorId entity entityId action before after } }`;

let ts: TestServer;
let w: World;
let schemeId: string; // district-2023 of t1: imported, edited, published, closed

const copy = (o: Json): Json => JSON.parse(JSON.stringify(o));
/** The same data with every object's keys in reverse order (arrays keep theirs). */
const reversedKeys = (v: Json): Json =>
  Array.isArray(v)
    ? v.map(reversedKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversedKeys(x)]),
        )
      : v;
const withCode = (c: string, extra: Json = {}): Json => ({ ...copy(EXAMPLE), code: c, ...extra });

async function rowCounts(tenantId: string) {
  return withTenantTransaction(ts.server.dataSource, tenantId, async (em) => {
    const [s] = await em.query(`SELECT count(*)::int AS n FROM schemes`);
    const [a] = await em.query(`SELECT count(*)::int AS n FROM audit_log`);
    return { schemes: s.n as number, audit: a.n as number };
  });
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
});
afterAll(() => ts?.stop());

describe('lifecycle of one scheme', () => {
  test('import the example → DRAFT, version 1; export gives the import back', async () => {
    const s = ok(await ts.gql(IMPORT, { d: EXAMPLE }, w.t1.ADMIN)).importScheme;
    expect(s).toMatchObject({
      code: 'district-2023',
      name: EXAMPLE.name,
      year: 2023,
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      closedAt: null,
    });
    schemeId = s.id;
    const exported = ok(await ts.gql(EXPORT, { id: s.id }, w.t1.ADMIN)).exportScheme;
    expect(exported).toEqual(EXAMPLE);
    // byte for byte, key order included ("code" before "children", tables in the order typed) …
    expect(JSON.stringify(exported)).toBe(JSON.stringify(EXAMPLE));
    // … which the jsonb copy alone would not give (it reorders keys), so the check above can fail
    const [row] = await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(`SELECT definition::text AS j FROM schemes WHERE id = $1`, [s.id]),
    );
    expect(JSON.stringify(JSON.parse(row.j))).not.toBe(JSON.stringify(EXAMPLE));
    expect(JSON.parse(row.j)).toEqual(EXAMPLE);
    expect(ok(await ts.gql(SCHEME, { id: s.id }, w.t1.VIEWER)).scheme).toEqual(s);
  });

  test('invalid definition → BAD_USER_INPUT with JSON Pointer problems; nothing saved, no audit entry', async () => {
    const before = await rowCounts(w.t1.id);
    const bad = withCode('bad one', { formatVersion: 2 });
    bad.groups[0].root.children[0].weight = -1;
    const r = await ts.gql(IMPORT, { d: bad }, w.t1.ADMIN);
    expect(code(r)).toBe('BAD_USER_INPUT');
    const problems = r.body.errors![0].extensions!.problems as { path: string; message: string }[];
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/formatVersion', '/code', '/groups/0/root/children/0/weight']));
    for (const p of problems) {
      expect(p.path).toMatch(/^(\/[^/]*)*$/);
      expect(typeof p.message).toBe('string');
    }
    expect(code(await ts.gql(IMPORT, { d: [1, 2] }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
    expect(code(await ts.gql(IMPORT, { d: 'text' }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
    expect(await rowCounts(w.t1.id)).toEqual(before);
  });

  test('duplicate code in the tenant → CONFLICT (no row, no audit); another tenant may use the same code', async () => {
    const before = await rowCounts(w.t1.id);
    const r = await ts.gql(IMPORT, { d: EXAMPLE }, w.t1.ADMIN);
    expect(code(r)).toBe('CONFLICT');
    expect(r.body.errors![0].message).toMatch(/district-2023/);
    expect(await rowCounts(w.t1.id)).toEqual(before);
    const other = ok(await ts.gql(IMPORT, { d: EXAMPLE }, w.t2.admin)).importScheme;
    expect(other).toMatchObject({ code: 'district-2023', status: 'DRAFT' });
    expect(other.id).not.toBe(schemeId);
  });

  test('optimistic locking: a stale version → CONFLICT, the current one → version + 1', async () => {
    const edited = copy(EXAMPLE);
    edited.name = '2023年度实绩考核实施方案（修订）';
    edited.precision = 3;
    const stale = await ts.gql(UPDATE, { id: schemeId, v: 7, d: edited }, w.t1.ADMIN);
    expect(code(stale)).toBe('CONFLICT');
    const fresh = ok(await ts.gql(UPDATE, { id: schemeId, v: 1, d: edited }, w.t1.ADMIN)).updateSchemeDefinition;
    expect(fresh).toMatchObject({ id: schemeId, version: 2, name: edited.name, status: 'DRAFT' });
    expect(ok(await ts.gql(EXPORT, { id: schemeId }, w.t1.ADMIN)).exportScheme).toEqual(edited);
    // the same (now stale) version again
    expect(code(await ts.gql(UPDATE, { id: schemeId, v: 1, d: EXAMPLE }, w.t1.ADMIN))).toBe('CONFLICT');
    // an invalid edit is refused whole
    expect(code(await ts.gql(UPDATE, { id: schemeId, v: 2, d: { ...edited, grades: [] } }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
    // renaming the code onto an existing one
    ok(await ts.gql(IMPORT, { d: withCode('taken') }, w.t1.ADMIN));
    expect(code(await ts.gql(UPDATE, { id: schemeId, v: 2, d: { ...edited, code: 'taken' } }, w.t1.ADMIN))).toBe(
      'CONFLICT',
    );
    expect(ok(await ts.gql(SCHEME, { id: schemeId }, w.t1.ADMIN)).scheme).toMatchObject({
      version: 2,
      code: 'district-2023',
    });
  });

  test('publish; then edits are FORBIDDEN and a second publish is CONFLICT', async () => {
    const p = ok(await ts.gql(PUBLISH, { id: schemeId }, w.t1.ADMIN)).publishScheme;
    expect(p).toMatchObject({ status: 'PUBLISHED', version: 3, closedAt: null });
    expect(p.publishedAt).toBeTruthy();
    expect(code(await ts.gql(UPDATE, { id: schemeId, v: 3, d: EXAMPLE }, w.t1.ADMIN))).toBe('FORBIDDEN');
    expect(code(await ts.gql(PUBLISH, { id: schemeId }, w.t1.ADMIN))).toBe('CONFLICT');
  });

  test("the database itself refuses changing a published scheme, even as the server's app role", async () => {
    const [me] = await ts.server.dataSource.query(`SELECT current_user AS role`);
    expect(me.role).toBe('kaoping_app');
    const tx = (sql: string) => withTenantTransaction(ts.server.dataSource, w.t1.id, (em) => em.query(sql, [schemeId]));
    await expect(
      tx(`UPDATE schemes SET definition = definition || '{"precision": 4}'::jsonb WHERE id = $1`),
    ).rejects.toThrow(/cannot change/);
    await expect(tx(`UPDATE schemes SET name = 'x' WHERE id = $1`)).rejects.toThrow(/cannot change/);
    await expect(tx(`UPDATE schemes SET code = 'x', year = 1999 WHERE id = $1`)).rejects.toThrow(/cannot change/);
    await expect(tx(`UPDATE schemes SET status = 'DRAFT' WHERE id = $1`)).rejects.toThrow(/cannot change/);
    await expect(tx(`DELETE FROM schemes WHERE id = $1`)).rejects.toThrow(/cannot be deleted/);
    // the exact text is frozen too: the same jsonb in another key order is still a change
    await expect(tx(`UPDATE schemes SET definition_text = definition::text WHERE id = $1`)).rejects.toThrow(
      /cannot change/,
    );
    await expect(
      tx(`UPDATE schemes SET status = 'CLOSED', closed_at = now(), definition_text = definition::text WHERE id = $1`),
    ).rejects.toThrow(/cannot change/);
    // the audit log is append-only too
    await expect(tx(`UPDATE audit_log SET action = 'x' WHERE entity_id = $1`)).rejects.toThrow(/append-only/);
    await expect(tx(`DELETE FROM audit_log WHERE entity_id = $1`)).rejects.toThrow(/append-only/);
    const exported = ok(await ts.gql(EXPORT, { id: schemeId }, w.t1.ADMIN)).exportScheme;
    expect(exported.precision).toBe(3);
    expect(Object.keys(exported)).toEqual(Object.keys(EXAMPLE));
  });

  test('close: PUBLISHED → CLOSED once a run is published; closing again or closing a DRAFT is CONFLICT; the closed scheme is frozen', async () => {
    expect(code(await ts.gql(CLOSE, { id: schemeId }, w.t1.ADMIN))).toBe('CONFLICT'); // no published result yet
    await publishRun(ts, schemeId, w.t1.ADMIN);
    const c = ok(await ts.gql(CLOSE, { id: schemeId }, w.t1.ADMIN)).closeScheme;
    expect(c).toMatchObject({ status: 'CLOSED', version: 4 });
    expect(c.closedAt).toBeTruthy();
    expect(code(await ts.gql(CLOSE, { id: schemeId }, w.t1.ADMIN))).toBe('CONFLICT');
    expect(code(await ts.gql(PUBLISH, { id: schemeId }, w.t1.ADMIN))).toBe('CONFLICT');
    expect(code(await ts.gql(UPDATE, { id: schemeId, v: 4, d: EXAMPLE }, w.t1.ADMIN))).toBe('FORBIDDEN');
    const taken = ok(await ts.gql(`{ allSchemes(filter: { q: "taken" }) { id status } }`, {}, w.t1.ADMIN))
      .allSchemes[0];
    expect(code(await ts.gql(CLOSE, { id: taken.id }, w.t1.ADMIN))).toBe('CONFLICT');
    await expect(
      withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
        em.query(`UPDATE schemes SET status = 'PUBLISHED' WHERE id = $1`, [schemeId]),
      ),
    ).rejects.toThrow(/cannot change/);
  });

  test("clone to 2024 → a new DRAFT with the definition's code and year changed", async () => {
    const c = ok(await ts.gql(CLONE, { id: schemeId, year: 2024, code: 'district-2024' }, w.t1.ADMIN)).cloneScheme;
    expect(c).toMatchObject({ code: 'district-2024', year: 2024, status: 'DRAFT', version: 1 });
    expect(c.id).not.toBe(schemeId);
    const def = ok(await ts.gql(EXPORT, { id: c.id }, w.t1.ADMIN)).exportScheme;
    const source = ok(await ts.gql(EXPORT, { id: schemeId }, w.t1.ADMIN)).exportScheme;
    expect(def).toEqual({ ...source, code: 'district-2024', year: 2024 });
    expect(JSON.stringify(def)).toBe(JSON.stringify({ ...source, code: 'district-2024', year: 2024 }));
    expect(Object.keys(def)).toEqual(Object.keys(EXAMPLE));
    expect(code(await ts.gql(CLONE, { id: schemeId, year: 2025, code: 'district-2024' }, w.t1.ADMIN))).toBe('CONFLICT');
    expect(code(await ts.gql(CLONE, { id: schemeId, year: 2025, code: 'bad code!' }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
    // the SURVEY display names travel with the definition
    const survey = (d: Json) =>
      d.groups[0].root.children.flatMap((c: Json) => c.children ?? [c]).find((n: Json) => n.method?.type === 'SURVEY')
        .method;
    expect(survey(def).voterGroupNames).toMatchObject({ LEADERS: '领导班子成员' });
    expect(survey(def).optionNames).toMatchObject({ EXCELLENT: '优秀' });
  });

  test('list by year; ra-data-graphql-simple list, filter, sort and count', async () => {
    const y2023 = ok(await ts.gql(SCHEMES, { year: 2023 }, w.t1.VIEWER)).schemes;
    expect(y2023.map((s: Json) => s.code).sort()).toEqual(['district-2023', 'taken']);
    expect(ok(await ts.gql(SCHEMES, { year: 2024 }, w.t1.VIEWER)).schemes.map((s: Json) => s.code)).toEqual([
      'district-2024',
    ]);
    expect(ok(await ts.gql(SCHEMES, {}, w.t1.VIEWER)).schemes).toHaveLength(3);
    const d = ok(
      await ts.gql(
        `{ allSchemes(sortField: "code", sortOrder: "DESC", perPage: 2) { code } _allSchemesMeta { count }
        drafts: allSchemes(filter: { status: DRAFT }) { code } _draftsMeta: _allSchemesMeta(filter: { status: DRAFT }) { count }
        q: allSchemes(filter: { q: "2024", year: 2024 }) { code } }`,
        {},
        w.t1.ADMIN,
      ),
    );
    expect(d.allSchemes.map((s: Json) => s.code)).toEqual(['taken', 'district-2024']);
    expect(d._allSchemesMeta.count).toBe(3);
    expect(d.drafts.map((s: Json) => s.code).sort()).toEqual(['district-2024', 'taken']);
    expect(d._draftsMeta.count).toBe(2);
    expect(d.q.map((s: Json) => s.code)).toEqual(['district-2024']);
    expect(
      ok(await ts.gql(`query($id: ID!) { Scheme(id: $id) { code } }`, { id: schemeId }, w.t1.LEADER)).Scheme.code,
    ).toBe('district-2023');
    expect(code(await ts.gql(`{ allSchemes(sortField: "definition") { id } }`, {}, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
  });

  test('history lists every change, oldest first, with before and after', async () => {
    const h = ok(await ts.gql(HISTORY, { id: schemeId }, w.t1.ADMIN)).schemeHistory;
    expect(h.map((e: Json) => e.action)).toEqual(['IMPORT', 'UPDATE_DEFINITION', 'PUBLISH', 'CLOSE']);
    expect(
      h.every(
        (e: Json) =>
          e.entity === 'scheme' &&
          e.entityId === schemeId &&
          e.actorKind === 'user' &&
          e.actorId === w.t1.userIds.ADMIN,
      ),
    ).toBe(true);
    expect(h[0].before).toBeNull();
    expect(h[0].after).toMatchObject({ status: 'DRAFT', version: 1, definition: EXAMPLE });
    expect(h[1].before).toMatchObject({ version: 1, name: EXAMPLE.name, definition: { precision: 2 } });
    expect(h[1].after).toMatchObject({
      version: 2,
      name: '2023年度实绩考核实施方案（修订）',
      definition: { precision: 3 },
    });
    expect(h[2].before.status).toBe('DRAFT');
    expect(h[2].after.status).toBe('PUBLISHED');
    expect(h[3].after).toMatchObject({ status: 'CLOSED', version: 4 });
    const cloneId = ok(await ts.gql(SCHEMES, { year: 2024 }, w.t1.ADMIN)).schemes[0].id;
    const ch = ok(await ts.gql(HISTORY, { id: cloneId }, w.t1.ADMIN)).schemeHistory;
    expect(ch.map((e: Json) => e.action)).toEqual(['CLONE']);
    expect(ch[0].after.clonedFrom).toBe(schemeId);
  });
});

describe('access', () => {
  test('only ADMIN (or the platform administrator through X-Tenant) writes; every tenant role reads', async () => {
    for (const role of ['ASSESSOR', 'MONITOR', 'UNIT', 'LEADER', 'VIEWER'] as const) {
      const t = w.t1[role];
      expect([role, code(await ts.gql(IMPORT, { d: withCode(`by-${role}`) }, t))]).toEqual([role, 'FORBIDDEN']);
      expect([role, code(await ts.gql(PUBLISH, { id: schemeId }, t))]).toEqual([role, 'FORBIDDEN']);
      expect([role, code(await ts.gql(CLOSE, { id: schemeId }, t))]).toEqual([role, 'FORBIDDEN']);
      expect([role, code(await ts.gql(CLONE, { id: schemeId, year: 2030, code: `c-${role}` }, t))]).toEqual([
        role,
        'FORBIDDEN',
      ]);
      expect([role, code(await ts.gql(UPDATE, { id: schemeId, v: 1, d: EXAMPLE }, t))]).toEqual([role, 'FORBIDDEN']);
      expect([role, code(await ts.gql(HISTORY, { id: schemeId }, t))]).toEqual([role, 'FORBIDDEN']);
      const d = ok(
        await ts.gql(
          `query($id: ID!) { schemes { id } scheme(id: $id) { id } exportScheme(id: $id) allSchemes { id } }`,
          { id: schemeId },
          t,
        ),
      );
      expect(d.schemes).toHaveLength(3);
      expect(d.scheme.id).toBe(schemeId);
      expect(d.exportScheme.code).toBe('district-2023');
    }
    expect(code(await ts.gql(SCHEMES, {}))).toBe('UNAUTHENTICATED');
    const viaPlatform = await ts.gql(IMPORT, { d: withCode('by-platform') }, w.platform, { 'x-tenant': 't1' });
    expect(ok(viaPlatform).importScheme.status).toBe('DRAFT');
    const h = ok(await ts.gql(HISTORY, { id: viaPlatform.body.data!.importScheme.id }, w.t1.ADMIN)).schemeHistory;
    expect(h[0].actorKind).toBe('platform');
    expect(code(await ts.gql(SCHEMES, {}, w.platform))).toBe('FORBIDDEN');
  });

  test('an API key with schemes:read reads published and closed schemes only; without the scope FORBIDDEN', async () => {
    const withScope = ok(await ts.gql(CREATE_API_KEY, { name: 'reader', scopes: ['schemes:read'] }, w.t1.ADMIN))
      .createApiKey.key;
    const without = ok(await ts.gql(CREATE_API_KEY, { name: 'results', scopes: ['results:read'] }, w.t1.ADMIN))
      .createApiKey.key;
    const pub = ok(await ts.gql(IMPORT, { d: withCode('published-one', { year: 2022 }) }, w.t1.ADMIN)).importScheme;
    ok(await ts.gql(PUBLISH, { id: pub.id }, w.t1.ADMIN));
    const draft = ok(await ts.gql(SCHEMES, { year: 2024 }, w.t1.ADMIN)).schemes[0];

    const listed = ok(await ts.gql(SCHEMES, {}, withScope)).schemes;
    expect(listed.map((s: Json) => s.code).sort()).toEqual(['district-2023', 'published-one']);
    expect(ok(await ts.gql(`{ _allSchemesMeta { count } }`, {}, withScope))._allSchemesMeta.count).toBe(2);
    expect(ok(await ts.gql(EXPORT, { id: pub.id }, withScope)).exportScheme.code).toBe('published-one');
    expect(ok(await ts.gql(SCHEME, { id: schemeId }, withScope)).scheme.status).toBe('CLOSED');
    expect(code(await ts.gql(SCHEME, { id: draft.id }, withScope))).toBe('NOT_FOUND');
    expect(code(await ts.gql(EXPORT, { id: draft.id }, withScope))).toBe('NOT_FOUND');

    expect(code(await ts.gql(SCHEMES, {}, without))).toBe('FORBIDDEN');
    expect(code(await ts.gql(EXPORT, { id: pub.id }, without))).toBe('FORBIDDEN');
    expect(code(await ts.gql(IMPORT, { d: withCode('by-key') }, withScope))).toBe('FORBIDDEN');
    expect(code(await ts.gql(HISTORY, { id: pub.id }, withScope))).toBe('FORBIDDEN');
  });

  test("another tenant's id answers exactly like a missing id (NOT_FOUND), and changes nothing", async () => {
    const t2Id = ok(await ts.gql(SCHEMES, {}, w.t2.admin)).schemes[0].id;
    const cases: [string, string, Json][] = [
      ['scheme', SCHEME, {}],
      ['Scheme', `query($id: ID!) { Scheme(id: $id) { id } }`, {}],
      ['exportScheme', EXPORT, {}],
      ['publishScheme', PUBLISH, {}],
      ['closeScheme', CLOSE, {}],
      ['cloneScheme', CLONE, { year: 2030, code: 'stolen' }],
      ['updateSchemeDefinition', UPDATE, { v: 1, d: withCode('hijacked') }],
      ['schemeHistory', HISTORY, {}],
    ];
    for (const [name, query, extra] of cases) {
      const foreign = await ts.gql(query, { id: t2Id, ...extra }, w.t1.ADMIN);
      const missing = await ts.gql(query, { id: MISSING, ...extra }, w.t1.ADMIN);
      const garbage = await ts.gql(query, { id: 'not-a-uuid', ...extra }, w.t1.ADMIN);
      expect([name, code(foreign)]).toEqual([name, 'NOT_FOUND']);
      expect(foreign.body).toEqual(missing.body);
      expect([name, garbage.status, code(garbage)]).toEqual([name, 400, 'BAD_USER_INPUT']); // a malformed id is refused at the edge
    }
    const t2 = ok(await ts.gql(SCHEME, { id: t2Id }, w.t2.admin)).scheme;
    expect(t2).toMatchObject({ code: 'district-2023', status: 'DRAFT', version: 1 });
    expect(ok(await ts.gql(HISTORY, { id: t2Id }, w.t2.admin)).schemeHistory.map((e: Json) => e.action)).toEqual([
      'IMPORT',
    ]);
    expect(ok(await ts.gql(SCHEMES, {}, w.t2.admin)).schemes).toHaveLength(1);
  });
});

describe('concurrency', () => {
  test('two concurrent edits of the same version: exactly one wins, the other is CONFLICT', async () => {
    const s = ok(await ts.gql(IMPORT, { d: withCode('race', { year: 2021 }) }, w.t1.ADMIN)).importScheme;
    const edits = await Promise.all(
      ['A', 'B', 'C'].map((n) =>
        ts.gql(UPDATE, { id: s.id, v: 1, d: withCode('race', { year: 2021, name: `edit ${n}` }) }, w.t1.ADMIN),
      ),
    );
    expect(edits.map(code).sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const after = ok(await ts.gql(SCHEME, { id: s.id }, w.t1.ADMIN)).scheme;
    expect(after.version).toBe(2);
    const h = ok(await ts.gql(HISTORY, { id: s.id }, w.t1.ADMIN)).schemeHistory;
    expect(h.map((e: Json) => e.action)).toEqual(['IMPORT', 'UPDATE_DEFINITION']);
    expect(h[1].after.name).toBe(after.name);
  });

  test('clone with a new name: the name replaced in place; an empty name is refused', async () => {
    const c = ok(
      await ts.gql(
        CLONE,
        { id: schemeId, year: 2026, code: 'district-2026', name: '2026年度全区综合考核方案' },
        w.t1.ADMIN,
      ),
    ).cloneScheme;
    expect(c).toMatchObject({ code: 'district-2026', year: 2026, name: '2026年度全区综合考核方案' });
    const def = ok(await ts.gql(EXPORT, { id: c.id }, w.t1.ADMIN)).exportScheme;
    expect(Object.keys(def)).toEqual(Object.keys(EXAMPLE));
    expect(def.name).toBe('2026年度全区综合考核方案');
    expect(code(await ts.gql(CLONE, { id: schemeId, year: 2027, code: 'district-2027', name: '' }, w.t1.ADMIN))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('key order (the definition as given, next to the jsonb copy)', () => {
  test('an edit in an unusual key order (reversed at every level) comes back in that order', async () => {
    const s = ok(await ts.gql(IMPORT, { d: withCode('key-order', { year: 2020 }) }, w.t1.ADMIN)).importScheme;
    const edited = reversedKeys({ ...withCode('key-order', { year: 2020 }), name: '键序' });
    expect(Object.keys(edited)[0]).toBe('rules');
    ok(await ts.gql(UPDATE, { id: s.id, v: 1, d: edited }, w.t1.ADMIN));
    const exported = ok(await ts.gql(EXPORT, { id: s.id }, w.t1.ADMIN)).exportScheme;
    expect(JSON.stringify(exported)).toBe(JSON.stringify(edited));
    expect(JSON.stringify(exported)).not.toBe(JSON.stringify(withCode('key-order', { year: 2020, name: '键序' })));
  });

  test('the database keeps the text and the jsonb equal (CHECK), even for the app role', async () => {
    const s = ok(await ts.gql(IMPORT, { d: withCode('check-pair', { year: 2020 }) }, w.t1.ADMIN)).importScheme;
    const tx = (sql: string) => withTenantTransaction(ts.server.dataSource, w.t1.id, (em) => em.query(sql, [s.id]));
    await expect(tx(`UPDATE schemes SET definition_text = '{"code":"other"}' WHERE id = $1`)).rejects.toThrow(
      /schemes_definition_text_check/,
    );
    await expect(
      tx(`UPDATE schemes SET definition = definition || '{"precision": 4}'::jsonb WHERE id = $1`),
    ).rejects.toThrow(/schemes_definition_text_check/);
    await expect(
      tx(`INSERT INTO schemes (tenant_id, code, name, year, definition, definition_text)
          SELECT tenant_id, 'forged', name, year, definition, '{}' FROM schemes WHERE id = $1`),
    ).rejects.toThrow(/schemes_definition_text_check/);
    // the same data in another key order is the same jsonb: allowed (a DRAFT may be rewritten)
    await tx(`UPDATE schemes SET definition_text = definition::text WHERE id = $1`);
    expect(ok(await ts.gql(EXPORT, { id: s.id }, w.t1.ADMIN)).exportScheme).toEqual(
      withCode('check-pair', { year: 2020 }),
    );
  });
});

test('the definition_text migration backfills existing schemes (published ones too) and can be undone', async () => {
  const pgDir = tempDataDir('kp-defmig-');
  const pg = await startEmbeddedPostgres(pgDir);
  try {
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE defmig`);
    await admin.end();
    const ownerUrl = pg.url.replace(/\/postgres$/, '/defmig');
    const demo = await bootServer({
      databaseUrl: ownerUrl,
      appDatabaseUrl: `postgres://kp_defmig_app:defmig-pw@127.0.0.1:${pg.port}/defmig`,
      seedDemo: true,
    });
    await demo.stop();
    const owner = new DataSource({
      type: 'postgres',
      url: ownerUrl,
      migrations,
      migrationsTransactionMode: 'each',
      entities: [],
    });
    await owner.initialize();
    try {
      const column = `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'schemes' AND column_name = 'definition_text'`;
      // later migrations are undone first (their down() runs on the demo data too), then this one
      for (let last = ''; last !== 'SchemeDefinitionText1732430000000';) {
        [{ name: last }] = await owner.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
        await owner.undoLastMigration({ transaction: 'each' });
      }
      expect((await owner.query(column))[0].n).toBe(0);
      // a row written before the column existed, as an older server would have
      expect(await owner.query(`SELECT status FROM schemes`)).toEqual([{ status: 'PUBLISHED' }]);
      await owner.runMigrations({ transaction: 'each' });
      expect((await owner.query(column))[0].n).toBe(1);
      const [row] = await owner.query(
        `SELECT definition_text, definition_text = definition::text AS same FROM schemes`,
      );
      expect(row.same).toBe(true);
      expect(JSON.parse(row.definition_text)).toEqual(EXAMPLE);
      // RLS still forced and the (published) row still frozen, text included
      expect(await owner.query(`SELECT relforcerowsecurity AS forced FROM pg_class WHERE relname = 'schemes'`)).toEqual(
        [{ forced: true }],
      );
      await expect(owner.query(`UPDATE schemes SET definition_text = definition_text || ' '`)).rejects.toThrow(
        /cannot change/,
      );
    } finally {
      await owner.destroy();
    }
  } finally {
    await pg.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
});

test('the demo tenant gets the example scheme, PUBLISHED (SEED_DEMO)', async () => {
  const demo = await bootServer({ seedDemo: true });
  try {
    const token = (await login(demo, 'demo@example.com', 'demo', 'demo')).token;
    const list = ok(await demo.gql(SCHEMES, {}, token)).schemes;
    expect(list).toEqual([{ id: expect.any(String), code: 'district-2023', year: 2023, status: 'PUBLISHED' }]);
    expect(JSON.stringify(ok(await demo.gql(EXPORT, { id: list[0].id }, token)).exportScheme)).toBe(
      JSON.stringify(EXAMPLE),
    );
    expect(code(await demo.gql(UPDATE, { id: list[0].id, v: 2, d: EXAMPLE }, token))).toBe('FORBIDDEN');
    expect(ok(await demo.gql(HISTORY, { id: list[0].id }, token)).schemeHistory.map((e: Json) => e.action)).toEqual([
      'IMPORT',
      'PUBLISH',
    ]);
  } finally {
    await demo.stop();
  }
});
