/**
 * Boots the Kaoping server once per test file, in-process, on its own embedded PostgreSQL in a
 * fresh temporary DATA_DIR (no DATABASE_URL: the same path `npm start` takes). initdb of the
 * bundled PostgreSQL takes about a second here, so every file gets an isolated cluster and test
 * files run in parallel without sharing state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startServer, type Config, type RunningServer } from '../../server/src/app';
import { DEMO_DEPARTMENTS } from '../../server/src/demo/departments';

// Booting a server with its own PostgreSQL takes a few seconds; the project-level testTimeout in
// jest.config.js is not applied by Jest (it is a global option), so set it for every file here.
jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL answer in a test, read as its fields are asserted
export type Json = Record<string, any>;

export interface GqlResult {
  status: number;
  body: { data?: Json | null; errors?: { message: string; extensions?: Json; path?: unknown[] }[] };
  headers: Record<string, string>;
}

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  origin: string;
  gql(query: string, variables?: Json, token?: string, headers?: Record<string, string>): Promise<GqlResult>;
  http(): request.Agent;
  stop(): Promise<void>;
}

export const PLATFORM = { email: 'platform@kaoping.test', password: 'platform-pass-1' };

export function tempDataDir(prefix = 'kp-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function bootServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminEmail: PLATFORM.email,
    adminPassword: PLATFORM.password,
    seedDemo: false,
    logLevel: process.env.KP_TEST_LOG ?? 'silent',
    ...overrides,
  });
  const origin = new URL(server.url).origin;
  const gql = async (
    query: string,
    variables?: Json,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResult> => {
    let req = request(origin).post('/graphql').set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = await req.send({ query, variables });
    return { status: res.status, body: res.body, headers: res.headers };
  };
  let stopped = false;
  return {
    server,
    dataDir,
    origin,
    gql,
    http: () => request.agent(origin),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The SQL statements the server runs while `fn` runs (every query goes through the DataSource's logger), to show a count that does not grow with the data. */
export async function countQueries(ts: TestServer, fn: () => Promise<unknown>): Promise<string[]> {
  const logger = ts.server.dataSource.logger;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its logger
  const original = logger.logQuery;
  const seen: string[] = [];
  logger.logQuery = function (this: unknown, query: string, ...rest: unknown[]) {
    seen.push(query);
    return (original as (...a: unknown[]) => unknown).call(this, query, ...rest);
  } as typeof logger.logQuery;
  try {
    await fn();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

/** The error code of the first error, or 'OK'. */
export function code(r: GqlResult): string {
  return (r.body.errors?.[0]?.extensions?.code as string) ?? 'OK';
}

/** Asserts no errors and returns data. */
export function ok(r: GqlResult): Json {
  if (r.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.body.errors)}`);
  expect(r.status).toBe(200);
  return r.body.data!;
}

export const LOGIN = `mutation Login($email: String!, $password: String!, $tenant: String) {
  login(email: $email, password: $password, tenant: $tenant) { token user { id email role tenant { code } } }
}`;
export const CREATE_TENANT = `mutation CreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { id code name createdAt } }`;
export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email name role unit tenant { code } } }`;
export const CREATE_DEPARTMENT = `mutation CreateDepartment($input: CreateDepartmentInput!) { createDepartment(input: $input) { id code name version } }`;
export const CREATE_API_KEY = `mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresAt: DateTimeISO) {
  createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) { key apiKey { id name scopes createdAt } }
}`;

export const TENANT_ROLES = ['ADMIN', 'ASSESSOR', 'MONITOR', 'UNIT', 'LEADER', 'VIEWER'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export interface World {
  platform: string;
  /** tenant t1: a token per role */
  t1: Record<TenantRole, string> & {
    id: string;
    userIds: Record<TenantRole, string>;
    departments: Record<string, string>;
  };
  /** tenant t2: its admin */
  t2: { id: string; admin: string; adminId: string };
}

export async function login(
  ts: TestServer,
  email: string,
  password: string,
  tenant?: string,
): Promise<{ token: string; id: string }> {
  const d = ok(await ts.gql(LOGIN, { email, password, tenant }));
  return { token: d.login.token, id: d.login.user.id };
}

/** The demo tenant's departments (those the example scheme names as owners, and more), in the admin's tenant: id by code. */
export async function createDepartments(ts: TestServer, admin: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const d of DEMO_DEPARTMENTS)
    ids[d.code] = ok(await ts.gql(CREATE_DEPARTMENT, { input: d }, admin)).createDepartment.id;
  return ids;
}

/** Two tenants (t1 with one user per role, t2 with its admin) and their tokens. */
export async function makeWorld(ts: TestServer): Promise<World> {
  const platform = (await login(ts, PLATFORM.email, PLATFORM.password)).token;
  const t1 = ok(
    await ts.gql(
      CREATE_TENANT,
      { input: { code: 't1', name: 'Tenant One', adminEmail: 'admin@t1.test', adminPassword: 'admin-pass-1' } },
      platform,
    ),
  ).createTenant;
  const t2 = ok(
    await ts.gql(
      CREATE_TENANT,
      { input: { code: 't2', name: 'Tenant Two', adminEmail: 'admin@t2.test', adminPassword: 'admin-pass-2' } },
      platform,
    ),
  ).createTenant;
  const a1 = await login(ts, 'admin@t1.test', 'admin-pass-1', 't1');
  const a2 = await login(ts, 'admin@t2.test', 'admin-pass-2', 't2');
  const tokens = { ADMIN: a1.token } as Record<TenantRole, string>;
  const userIds = { ADMIN: a1.id } as Record<TenantRole, string>;
  // both tenants get the departments the example scheme names as owners; t1's MONITOR reports for 统计局
  const departments = await createDepartments(ts, a1.token);
  await createDepartments(ts, a2.token);
  for (const role of TENANT_ROLES.filter((r) => r !== 'ADMIN')) {
    const email = `${role.toLowerCase()}@t1.test`;
    // the UNIT user gets its unit once a scheme holds it (assignUnit): a unit must exist first
    const departmentId = role === 'MONITOR' ? departments.STATS : undefined;
    ok(
      await ts.gql(
        CREATE_USER,
        { input: { email, password: `${role}-pass`, name: role, role, departmentId } },
        a1.token,
      ),
    );
    const l = await login(ts, email, `${role}-pass`, 't1');
    tokens[role] = l.token;
    userIds[role] = l.id;
  }
  return {
    platform,
    t1: { ...tokens, id: t1.id, userIds, departments },
    t2: { id: t2.id, admin: a2.token, adminId: a2.id },
  };
}

/** Gives t1's UNIT user its unit (a unit subject that must exist in one of t1's schemes). */
export async function assignUnit(ts: TestServer, w: World, unit = 'U01'): Promise<void> {
  ok(
    await ts.gql(
      `mutation($id: ID!, $u: String) { updateUser(id: $id, unit: $u) { id unit } }`,
      { id: w.t1.userIds.UNIT, u: unit },
      w.t1.ADMIN,
    ),
  );
}

/** Computes a PUBLISHED scheme's run and takes it to PUBLISHED (acknowledging missing inputs), as `admin`: closing a scheme needs one. */
export async function publishRun(ts: TestServer, schemeId: string, admin: string): Promise<string> {
  const run = ok(await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, admin))
    .computeResults.id as string;
  for (const step of ['reviewResults', 'approveResults'])
    ok(await ts.gql(`mutation($r: ID!) { ${step}(runId: $r) { id } }`, { r: run }, admin));
  ok(
    await ts.gql(`mutation($r: ID!) { publishResults(runId: $r, acknowledgeMissing: true) { id } }`, { r: run }, admin),
  );
  return run;
}

/** Imports `scheme`, publishes it and imports `dataset` into it (as `source`, default REVIEW), as `admin`; answers the scheme id. */
export async function setUpScheme(
  ts: TestServer,
  admin: string,
  scheme: Json,
  dataset: Json,
  source?: 'SELF' | 'MONITOR' | 'REVIEW',
): Promise<string> {
  const id = ok(await ts.gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: scheme }, admin))
    .importScheme.id as string;
  ok(await ts.gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id }, admin));
  ok(
    await ts.gql(
      `mutation($s: ID!, $d: JSON!, $src: InputSource! = REVIEW) { importDataset(schemeId: $s, dataset: $d, source: $src) { subjects } }`,
      { s: id, d: dataset, ...(source && { src: source }) },
      admin,
    ),
  );
  return id;
}
