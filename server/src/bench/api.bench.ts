/**
 * `npm run bench:api`: the server in a child process (its own embedded PostgreSQL), the
 * 1,000 × 100 tenant built through the API (one importDataset call), computed and published; then
 * autocannon at 50 connections on `results` for the 200-subject MEMBER group over an API key
 * (summary fields, then with `nodes`), beside a minimal node:http + pg handler serving the same
 * rows in the same RLS transaction (the floor, a process of its own). Then computeResults: median of 5 with one input
 * changed between runs, and an unchanged recompute. The server's RSS is sampled throughout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { generateTenant } from '@kaoping/shared/dist/bench/generate';
import { startServer } from '../app';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- autocannon ships no types (nor an ES module)
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<any>;

/** A GraphQL answer in a benchmark, read as its fields are used. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Answer = Record<string, any>;

const PLATFORM = { email: 'bench@kaoping.test', password: 'bench-platform-1' };
const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const SUMMARY = `query($s: ID!) { results(schemeId: $s, group: "MEMBER") { subject { code name } final rank grade } }`;
const NODES = `query($s: ID!) { results(schemeId: $s, group: "MEMBER") { subject { code name } final rank grade nodes { code name points maxPoints } } }`;

/** The child: the server. */
async function serve(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kp-bench-api-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: false,
    adminEmail: PLATFORM.email,
    adminPassword: PLATFORM.password,
    logLevel: 'warn',
    jwtSecret: randomBytes(32).toString('hex'),
    // the load measures reads, not the limits (still checked and charged on every request)
    rateLimitBurst: 1_000_000,
    rateLimitPerSecond: 1_000_000,
    costBudget: 1_000_000_000,
  });
  const opts = server.dataSource.options as { url: string; extra?: { max?: number } };
  process.send!({ url: server.url, db: opts.url, max: opts.extra?.max ?? 10 });
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'stop') void stop();
  });
}

/** The floor, a process of its own (so the server's RSS is the server's alone), on the server's database and pool size. */
async function serveFloor(db: string, max: number): Promise<void> {
  const pool = new Pool({ connectionString: db, max });
  const floor = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const nodes = u.searchParams.get('nodes') === '1';
    void (async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [u.searchParams.get('tenant')]);
        const { rows } = await c.query(
          `SELECT rs.subject_code AS code, rs.subject_name AS name, rs.final::float8 AS final, rs.rank, rs.grade${nodes ? `, rs.data::json->'nodes' AS nodes` : ''}
             FROM result_subjects rs WHERE rs.tenant_id = $1 AND rs.run_id = (SELECT id FROM result_runs WHERE tenant_id = $1 AND scheme_id = $2 AND status = 'PUBLISHED' ORDER BY seq DESC LIMIT 1)
              AND rs.group_code = 'MEMBER' ORDER BY rs.position`,
          [u.searchParams.get('tenant'), u.searchParams.get('scheme')],
        );
        await c.query('COMMIT');
        const results = rows.map((r) => ({
          subject: { code: r.code, name: r.name },
          final: r.final,
          rank: r.rank,
          grade: r.grade,
          ...(nodes
            ? {
                nodes: (r.nodes as Answer[]).map((n) => ({
                  code: n.code,
                  name: n.code,
                  points: n.points ?? null,
                  maxPoints: n.maxPoints ?? null,
                })),
              }
            : {}),
        }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { results } }));
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        res.writeHead(500).end(String(e));
      } finally {
        c.release();
      }
    })();
  });
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', r));
  process.send!(`http://127.0.0.1:${(floor.address() as { port: number }).port}`);
  process.on('message', (m) => {
    if (m === 'stop') void pool.end().then(() => process.exit(0));
  });
}

/** Resident set of a process (kB → MB), read from /proc. */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  // the server as deployed: NODE_ENV=production (graphql-js' development-mode type checks alone cost ~10% of a read)
  const child: ChildProcess = fork(__filename, ['serve'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const { url, db, max } = await new Promise<{ url: string; db: string; max: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; db: string; max: number }));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const floorChild: ChildProcess = fork(__filename, ['floor', db, String(max)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const floor = await new Promise<string>((resolve, reject) => {
    floorChild.once('message', (m) => resolve(m as string));
    floorChild.once('exit', (code) => reject(new Error(`floor exited (${code})`)));
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 200);
  try {
    const gql = async (query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> => {
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: Answer; errors?: { extensions?: { code?: string } }[] };
        // the load's queued requests may still hold the pool: retry what the server asks to be retried
        if (body.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE' && attempt < 30) {
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
        return body.data!;
      }
    };
    const LOGIN = `mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }`;
    const platform = (await gql(LOGIN, { e: PLATFORM.email, p: PLATFORM.password })).login.token;
    const tenantId = (
      await gql(
        `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
        { i: { code: 'bench', name: 'Bench', adminEmail: 'admin@bench.test', adminPassword: 'bench-admin-1' } },
        platform,
      )
    ).createTenant.id as string;
    const token = (await gql(LOGIN, { e: 'admin@bench.test', p: 'bench-admin-1', t: 'bench' })).login.token;
    const { scheme, dataset } = generateTenant(1000, 100, 5000);
    const schemeId = (await gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: scheme }, token))
      .importScheme.id as string;
    await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: schemeId }, token);
    const t0 = performance.now();
    await gql(
      `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { inputs } }`,
      { s: schemeId, d: dataset },
      token,
    );
    console.log(
      `importDataset, one call (${dataset.subjects.length} subjects, ${dataset.inputs.length} inputs, ${dataset.adjustments!.length} adjustments): ${ms(performance.now() - t0)}`,
    );

    const compute = async () => {
      const t = performance.now();
      const id = (await gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, token))
        .computeResults.id as string;
      return { id, ms: performance.now() - t };
    };
    const first = await compute();
    console.log(`computeResults, first: ${ms(first.ms)}`);
    for (const step of [
      'reviewResults(runId: $r)',
      'approveResults(runId: $r)',
      'publishResults(runId: $r, acknowledgeMissing: true)',
    ]) {
      await gql(`mutation($r: ID!) { ${step} { id } }`, { r: first.id }, token);
    }
    const key = (await gql(`mutation { createApiKey(name: "bench", scopes: ["results:read"]) { key } }`, {}, token))
      .createApiKey.key as string;

    const load = async (label: string, opts: Record<string, unknown>) => {
      await gql(SUMMARY, { s: schemeId }, key); // the previous load drained
      await new Promise((r) => setTimeout(r, 2000));
      const before = peak;
      peak = rssMb(child.pid!);
      const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
      const bad = r.non2xx + r.errors;
      console.log(
        `${label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${(r.throughput.average / 1e6).toFixed(1)} MB/s${bad ? `, ${bad} failed` : ''}; server RSS peak ${peak.toFixed(0)} MB`,
      );
      peak = Math.max(before, peak);
      return r.requests.average as number;
    };
    console.log(`server RSS peak while importing and computing: ${peak.toFixed(0)} MB`);
    const check = await gql(SUMMARY, { s: schemeId }, key);
    peak = rssMb(child.pid!);
    console.log(
      `load: ${CONNECTIONS} connections, ${DURATION} s each; the group holds ${check.results.length} subjects`,
    );
    const post = (query: string) => ({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables: { s: schemeId } }),
    });
    const floorUrl = (nodes: boolean) => `${floor}/?tenant=${tenantId}&scheme=${schemeId}&nodes=${nodes ? 1 : 0}`;
    const apiSummary = await load('results (subject, final, rank, grade) over an API key', post(SUMMARY));
    const rawSummary = await load('floor: node:http + pg, the same rows', { url: floorUrl(false) });
    const apiNodes = await load('results with nodes { code name points maxPoints }', post(NODES));
    const rawNodes = await load('floor with nodes', { url: floorUrl(true) });
    console.log(
      `ratio to the floor: summary ${(apiSummary / rawSummary).toFixed(2)}× (target ≥ 0.5), with nodes ${(apiNodes / rawNodes).toFixed(2)}× (target ≥ 0.25)`,
    );
    console.log(`server RSS peak under the read load: ${peak.toFixed(0)} MB (target ≤ 300 MB)`);
    peak = rssMb(child.pid!);
    // the last load's answers still in flight (the floor with nodes: up to ~3 s each) keep the
    // database busy after autocannon stops: let them drain, as before each load
    await fetch(floorUrl(false));
    await new Promise((r) => setTimeout(r, 4000));

    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      await gql(
        `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "U0", indicator: "I0", source: REVIEW, value: $v) { id } }`,
        { s: schemeId, v: { actual: 100 + k, target: 200 } },
        token,
      );
      times.push((await compute()).ms);
    }
    console.log(
      `computeResults, one input changed before each, 5 runs: median ${ms(median(times))} [${times.map((x) => x.toFixed(0)).join(', ')}] (target ≤ 500 ms)`,
    );
    const same: number[] = [];
    for (let k = 0; k < 3; k++) same.push((await compute()).ms);
    console.log(`computeResults, nothing changed: median ${ms(median(same))} (target ≤ 50 ms)`);
    console.log(`server RSS peak while computing: ${peak.toFixed(0)} MB`);
    console.log(
      `load average (1, 5, 15 min): ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')} on ${os.cpus().length} CPUs`,
    );
  } finally {
    clearInterval(sampler);
    floorChild.send('stop');
    await new Promise((r) => floorChild.once('exit', r));
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  }
}

if (process.argv[2] === 'floor') {
  serveFloor(process.argv[3], Number(process.argv[4])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else if (process.argv[2] === 'serve') {
  serve().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
