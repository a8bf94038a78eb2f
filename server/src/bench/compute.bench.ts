/**
 * `computeResults` alone (`npm run bench:compute`): boots a real server (embedded PostgreSQL in a
 * temporary DATA_DIR) with the engine bench's 1,000 subjects (or BENCH_SUBJECTS) × 100 indicators
 * and 5 verified adjustments a subject, then times over HTTP: the first compute, 5 computes with one input changed before
 * each, 5 unchanged recomputes; then each phase of one compute in-process (same functions, same
 * transaction kind) and the bytes stored per subject. DIGEST_VARIANTS=1 also times digest formulas
 * and prints one stored subject's parts' sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateValidated } from '@kaoping/shared';
import { generateTenant } from '@kaoping/shared/dist/bench/generate';
import { startServer } from '../app';
import { withTenantTransaction } from '../context/tenant-transaction';
import { writeDataset } from '../input/dataset-writer';
import { canonicalInputs, loadComputeInputs } from '../input/effective-dataset';
import { forgetKeptInputs } from '../input/kept-inputs';
import { storedReceipt } from '../result/receipt';
import { reviewThreshold } from '../input/discrepancy';
import { canonicalHash, datasetHash } from '../result/result-hash';
import { computeRunWith } from '../result/result-compute';

const PLATFORM = { email: 'bench@kaoping.test', password: 'bench-platform-1' };
/** BENCH_SUBJECTS=5000 checks that time grows linearly (the data is written directly, not over HTTP). */
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1000);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: false,
    adminEmail: PLATFORM.email,
    adminPassword: PLATFORM.password,
    logLevel: 'warn',
  });
  try {
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL answer in a benchmark, read as its fields are used
      const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data!;
    };
    const login = async (email: string, password: string, tenant?: string) =>
      (
        await gql(
          `mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }`,
          { e: email, p: password, t: tenant },
        )
      ).login.token as string;
    const platform = await login(PLATFORM.email, PLATFORM.password);
    const tenant = (
      await gql(
        `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
        { i: { code: 'bench', name: 'Bench', adminEmail: 'admin@bench.test', adminPassword: 'bench-admin-1' } },
        platform,
      )
    ).createTenant.id as string;
    const token = await login('admin@bench.test', 'bench-admin-1', 'bench');
    const { scheme, dataset } = generateTenant(SUBJECTS, 100, 5 * SUBJECTS);
    console.log(`${SUBJECTS} subjects × 100 indicators, ${dataset.inputs.length} inputs, ${5 * SUBJECTS} adjustments`);
    const schemeId = (await gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: scheme }, token))
      .importScheme.id as string;
    await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: schemeId }, token);
    await withTenantTransaction(server.dataSource, tenant, (em) =>
      writeDataset(em, tenant, schemeId, scheme, dataset, 'REVIEW', 'VERIFIED', null),
    );

    const compute = async () => {
      const t = performance.now();
      await gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, token);
      return performance.now() - t;
    };
    console.log(`computeResults, first: ${ms(await compute())}`);
    // the server runs in this process: its RSS peak while computing, sampled every 10 ms
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      await gql(
        `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "U0", indicator: "I0", source: REVIEW, value: $v) { id } }`,
        { s: schemeId, v: { actual: 100 + k, target: 200 } },
        token,
      );
      times.push(await compute());
    }
    console.log(
      `computeResults, one input changed before each, 5 runs: median ${ms(median(times))} [${times.map((x) => x.toFixed(0)).join(', ')}] (target ≤ 500 ms)`,
    );
    clearInterval(sampler);
    console.log(`  RSS peak of the process while computing: ${(peak / 2 ** 20).toFixed(0)} MB`);
    const same: number[] = [];
    for (let k = 0; k < 5; k++) same.push(await compute());
    console.log(
      `computeResults, nothing changed, 5 runs: median ${ms(median(same))} [${same.map((x) => x.toFixed(0)).join(', ')}] (target ≤ 50 ms)`,
    );

    if (process.env.DIGEST_VARIANTS)
      await withTenantTransaction(server.dataSource, tenant, async (em) => {
        const variants: Record<string, string> = {
          current: `sum(hashtextextended(ctid::text || ':' || xmin::text, 0))`,
          count: `count(*)`,
          xmin: `sum(xmin::text::bigint)`,
          uuidxmin: `sum(uuid_hash_extended(id, xmin::text::bigint))`,
          uuidage: `sum(uuid_hash_extended(id, age(xmin)))`,
        };
        for (const [name, expr] of Object.entries(variants)) {
          const ts: number[] = [];
          for (let k = 0; k < 5; k++) {
            const t = performance.now();
            await em.query(`SELECT ${expr} FROM inputs x WHERE x.tenant_id = $1 AND x.scheme_id = $2`, [
              tenant,
              schemeId,
            ]);
            ts.push(performance.now() - t);
          }
          console.log(`  digest ${name}: ${ms(median(ts))}`);
        }
        const ts: number[] = [];
        for (let k = 0; k < 5; k++) {
          const t = performance.now();
          await em.query(`SELECT definition FROM schemes WHERE id = $1`, [schemeId]);
          ts.push(performance.now() - t);
        }
        console.log(`  scheme definition: ${ms(median(ts))}`);
      });
    const trivial: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      await gql(`query($s: ID!) { scheme(id: $s) { id } }`, { s: schemeId }, token);
      trivial.push(performance.now() - t);
    }
    const inner: number[] = [];
    const [{ version }] = await withTenantTransaction(server.dataSource, tenant, (em) =>
      em.query(`SELECT version FROM schemes WHERE id = $1`, [schemeId]),
    );
    const def = { id: schemeId, version: version as number, definition: scheme as unknown as Record<string, unknown> };
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      await withTenantTransaction(server.dataSource, tenant, (em) => computeRunWith(em, tenant, def, null));
      inner.push(performance.now() - t);
    }
    console.log(
      `  unchanged: a trivial query over HTTP ${ms(median(trivial))}; computeRunWith in its own transaction ${ms(median(inner))}`,
    );
    // the phases of one compute, in-process, on the same data
    await withTenantTransaction(server.dataSource, tenant, async (em) => {
      const def = scheme;
      let t = performance.now();
      const lap = (label: string) => {
        const n = performance.now();
        console.log(`  ${label}: ${ms(n - t)}`);
        t = n;
      };
      forgetKeptInputs();
      await loadComputeInputs(em, tenant, schemeId);
      lap('loading inputs, cold (nothing kept in this process)');
      const read = await loadComputeInputs(em, tenant, schemeId);
      const { dataset: ds, entered } = read;
      lap('loading inputs, warm (every subject as kept)');
      datasetHash(ds, canonicalInputs(read));
      lap('sha256 of the canonical dataset (inputs kept as canonical text)');
      canonicalHash(ds);
      lap('sha256 of the canonical dataset (written out whole)');
      const result = evaluateValidated(def, ds, { explain: true, explainAs: 'parts' });
      lap('engine');
      const threshold = reviewThreshold(def);
      const receipts = result.subjects.map((s) => storedReceipt(entered, threshold, s));
      lap('receipts');
      const data = result.subjects.map((s, i) =>
        JSON.stringify({
          nodes: s.nodes,
          adjustments: s.adjustments,
          warnings: s.warnings,
          vetoes: s.vetoes,
          receipt: receipts[i],
        }),
      );
      lap('JSON.stringify of the subjects (as compute did before)');
      const [{ bytes }] = await em.query(
        `SELECT avg(octet_length(data::text))::int AS bytes FROM result_subjects WHERE tenant_id = $1`,
        [tenant],
      );
      if (process.env.DIGEST_VARIANTS) {
        const [row] = await em.query(`SELECT data::text AS d FROM result_subjects WHERE tenant_id = $1 LIMIT 1`, [
          tenant,
        ]);
        const d = JSON.parse(row.d);
        console.log(
          Object.fromEntries(Object.entries(d).map(([k, v]) => [k, JSON.stringify(v).length])),
          Object.fromEntries(Object.entries(d.receipt).map(([k, v]) => [k, JSON.stringify(v).length])),
        );
        console.log(JSON.stringify(d.nodes).slice(0, 1500));
        console.log(JSON.stringify(d.receipt).slice(0, 1500));
      }
      console.log(
        `  stored data per subject (now): ${bytes} bytes; before-format: ${Math.round(data.reduce((n, d) => n + d.length, 0) / data.length)} bytes`,
      );
    });
    console.log(
      `load average (1, 5, 15 min): ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')} on ${os.cpus().length} CPUs`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
