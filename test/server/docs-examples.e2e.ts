import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bootServer, CREATE_API_KEY, makeWorld, ok, publishRun, type Json, type TestServer } from '../support/server';

/** Runs every fenced block of docs/api.md tagged `example` against a live server, as a developer would. */
const DOC = readFileSync(path.join(__dirname, '../../docs/api.md'), 'utf8');
const EXAMPLES = [...DOC.matchAll(/```(sh|js|python) example expect="([^"]*)"\n([\s\S]*?)```/g)].map((m, i) => ({
  n: i + 1,
  lang: m[1],
  expect: m[2],
  code: m[3],
}));
const SHARED = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(SHARED, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(SHARED, 'district-2023.dataset.json'), 'utf8'));

let ts: TestServer;
let receiver: http.Server;
let dir: string;
const env: Record<string, string> = {};
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kp-docs-'));
  // ES module examples (graphql-request) resolve their imports from the file's folder, as in a developer's project.
  symlinkSync(path.join(__dirname, '../../node_modules'), path.join(dir, 'node_modules'), 'dir');
  receiver = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  ts = await bootServer({ webhookAllowPrivate: true });
  const w = await makeWorld(ts);
  const gql = (q: string, v: Json = {}) => ts.gql(q, v, w.t1.ADMIN);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kaoping`;
  const { secret } = ok(
    await gql(
      `mutation($u: String!) { createWebhook(input: { url: $u, events: [RESULT_RUN_PUBLISHED] }) { secret } }`,
      { u: url },
    ),
  ).createWebhook;
  const schemeId = ok(await gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: SCHEME }))
    .importScheme.id;
  ok(await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: schemeId }));
  ok(
    await gql(`mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`, {
      s: schemeId,
      d: DATASET,
    }),
  );
  const runId = await publishRun(ts, schemeId, w.t1.ADMIN);
  const key = ok(await gql(CREATE_API_KEY, { name: 'docs', scopes: ['results:read', 'schemes:read'] })).createApiKey
    .key;
  for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  const [delivery] = received;
  Object.assign(env, {
    KAOPING_URL: ts.origin,
    KAOPING_KEY: key,
    SCHEME_ID: schemeId,
    RUN_ID: runId,
    WEBHOOK_SECRET: secret,
    WEBHOOK_BODY: delivery.body,
    WEBHOOK_TIMESTAMP: String(delivery.headers['kaoping-webhook-timestamp']),
    WEBHOOK_SIGNATURE: String(delivery.headers['kaoping-webhook-signature']),
  });
});
afterAll(async () => {
  await ts?.stop();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(lang: string, code: string, n: number): Promise<{ code: number; stdout: string; stderr: string }> {
  // A Node example that imports is an ES module (top-level await); one that requires, CommonJS.
  const esm = lang === 'js' && /^import /m.test(code);
  const file = path.join(dir, `example-${n}.${esm ? 'mjs' : lang === 'js' ? 'cjs' : lang === 'python' ? 'py' : 'sh'}`);
  writeFileSync(
    file,
    esm
      ? code
      : lang === 'js'
        ? `(async () => {\n${code}\n})().catch((e) => { console.error(e); process.exit(1); });\n`
        : lang === 'sh'
          ? `set -euo pipefail\n${code}`
          : code,
  );
  const cmd = lang === 'js' ? 'node' : lang === 'python' ? 'python3' : 'bash';
  return new Promise((resolve) => {
    execFile(cmd, [file], { cwd: dir, env: { ...process.env, ...env }, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('the docs hold examples in curl, graphql-request and Python for results, rankings, a receipt and run history, plus the export and signature checks in Node and Python', () => {
  const reads = EXAMPLES.filter((e) => /^import .*'graphql-request'/m.test(e.code));
  expect(reads).toHaveLength(4);
  const read = (code: string) => ['receipt', 'resultRuns', 'rankings', 'results'].find((f) => code.includes(`${f}(`));
  expect(reads.map((e) => read(e.code))).toEqual(['results', 'rankings', 'receipt', 'resultRuns']);
  expect(EXAMPLES.map((e) => e.lang).sort()).toEqual([
    ...Array(5).fill('js'),
    ...Array(5).fill('python'),
    ...Array(5).fill('sh'),
  ]);
});

test.each(EXAMPLES.map((e) => [`#${e.n} (${e.lang}, expects "${e.expect}")`, e] as const))(
  'example %s runs against a live server',
  async (_name, e) => {
    const r = await run(e.lang, e.code, e.n);
    expect({ exit: r.code, stderr: r.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(r.stdout).toContain(e.expect);
    if (/ClientError/.test(e.code)) expect(r.stdout).toContain('unknown scheme: NOT_FOUND');
    expect(r.stdout).not.toMatch(/"errors"/);
  },
);
