import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import { isPrivateAddress, postWebhook } from '../../server/src/webhook/webhook-sender';
import { bootServer, code, makeWorld, ok, publishRun, type Json, type TestServer, type World } from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));

const HOOK = `id url events description active`;
const CREATE = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { ${HOOK} } secret } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateWebhookInput!) { updateWebhook(id: $id, input: $i) { ${HOOK} } }`;
const DELETE = `mutation($id: ID!) { deleteWebhook(id: $id) { id } }`;
const DELIVERY = `id webhookId event status body deliveredAt nextAttemptAt attempts { attempt statusCode error durationMs }`;
const DELIVERIES = `query($w: ID!, $s: WebhookDeliveryStatus) { webhookDeliveries(webhookId: $w, status: $s, perPage: 200) { ${DELIVERY} } }`;
const REDELIVER = `mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { ${DELIVERY} } }`;
const IMPORT = `mutation($d: JSON!) { importScheme(definition: $d) { id } }`;
const PUBLISH_SCHEME = `mutation($id: ID!) { publishScheme(id: $id) { id status } }`;

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Json;
}

let ts: TestServer;
let w: World;
let receiver: http.Server;
let base: string;
const received: Received[] = [];
/** Statuses the /flaky path answers with, in turn (then 200). */
const flaky: number[] = [];

const gql = (q: string, v: Json = {}, token = w.t1.ADMIN) => ts.gql(q, v, token);
const sign = (secret: string, ts: string, body: string) =>
  'v1=' + createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) until `pred` holds over what the receiver got. */
async function waitFor<T>(fn: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
const got = (p: string, event: string, pred: (r: Received) => boolean = () => true) =>
  received.filter((r) => r.path === p && r.json.event === event && pred(r));

let hook: Json;
let secret: string;
let flakyHook: Json;
let schemeId: string;
let runId: string;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '', headers: req.headers, body, json: JSON.parse(body || 'null') ?? {} });
      if (req.url === '/flaky') res.statusCode = flaky.shift() ?? 200;
      else if (req.url === '/redirect') {
        res.statusCode = 302;
        res.setHeader('location', '/hook');
      } else if (req.url === '/hang')
        return; // never answers
      else res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  ts = await bootServer({ webhookAllowPrivate: true, webhookRetryBaseMs: 200 });
  w = await makeWorld(ts);
  ({ webhook: hook, secret } = ok(
    await gql(CREATE, {
      i: {
        url: `${base}/hook`,
        events: ['RESULT_RUN_PUBLISHED', 'SCHEME_PUBLISHED', 'SCHEME_CLOSED'],
        description: 'dashboard',
      },
    }),
  ).createWebhook);
  flakyHook = ok(await gql(CREATE, { i: { url: `${base}/flaky`, events: ['SCHEME_CLOSED'] } })).createWebhook.webhook;
});
afterAll(async () => {
  await ts?.stop();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
});

test('createWebhook answers the secret once; webhooks lists without it; only ADMIN manages them', async () => {
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  expect(hook).toMatchObject({
    url: `${base}/hook`,
    events: ['RESULT_RUN_PUBLISHED', 'SCHEME_PUBLISHED', 'SCHEME_CLOSED'],
    description: 'dashboard',
    active: true,
  });
  const list = ok(await gql(`{ webhooks { ${HOOK} } }`)).webhooks as Json[];
  expect(list.map((h) => h.id).sort()).toEqual([hook.id, flakyHook.id].sort());
  expect(code(await gql(`{ webhooks { id } }`, {}, w.t1.LEADER))).toBe('FORBIDDEN');
  expect(code(await gql(CREATE, { i: { url: `${base}/x`, events: ['SCHEME_PUBLISHED'] } }, w.t1.ASSESSOR))).toBe(
    'FORBIDDEN',
  );
  expect(code(await gql(CREATE, { i: { url: 'ftp://example.com/x', events: ['SCHEME_PUBLISHED'] } }))).toBe(
    'BAD_USER_INPUT',
  );
  expect(code(await gql(CREATE, { i: { url: 'https://example.com/x', events: [] } }))).toBe('BAD_USER_INPUT');
});

test('publishScheme and publishResults are delivered signed, with the expected payload', async () => {
  schemeId = ok(await gql(IMPORT, { d: SCHEME })).importScheme.id;
  ok(await gql(PUBLISH_SCHEME, { id: schemeId }));
  const [sp] = await waitFor(
    () => got('/hook', 'SCHEME_PUBLISHED').length > 0 && got('/hook', 'SCHEME_PUBLISHED'),
    'SCHEME_PUBLISHED',
  );
  const t = sp.headers['kaoping-webhook-timestamp'] as string;
  expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
  expect(sp.headers['kaoping-webhook-signature']).toBe(sign(secret, t, sp.body));
  expect(sp.headers['kaoping-webhook-signature']).not.toBe(sign('whsec_wrong', t, sp.body));
  expect(sp.headers['kaoping-webhook-id']).toBe(sp.json.id);
  expect(sp.headers['content-type']).toBe('application/json');
  expect(sp.json).toMatchObject({
    event: 'SCHEME_PUBLISHED',
    tenant: { id: w.t1.id, code: 't1' },
    data: { scheme: { id: schemeId, code: SCHEME.code, year: SCHEME.year, status: 'PUBLISHED' } },
  });
  expect(Object.keys(sp.json).sort()).toEqual(['data', 'event', 'id', 'occurredAt', 'tenant']);

  ok(
    await gql(`mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`, {
      s: schemeId,
      d: DATASET,
    }),
  );
  runId = await publishRun(ts, schemeId, w.t1.ADMIN);
  const [rp] = await waitFor(
    () => got('/hook', 'RESULT_RUN_PUBLISHED').length > 0 && got('/hook', 'RESULT_RUN_PUBLISHED'),
    'RESULT_RUN_PUBLISHED',
  );
  expect(rp.headers['kaoping-webhook-signature']).toBe(
    sign(secret, rp.headers['kaoping-webhook-timestamp'] as string, rp.body),
  );
  expect(rp.json).toMatchObject({
    event: 'RESULT_RUN_PUBLISHED',
    tenant: { code: 't1' },
    data: { run: { id: runId, status: 'PUBLISHED' }, scheme: { id: schemeId } },
  });
  // the flaky webhook subscribes to SCHEME_CLOSED only
  expect(received.filter((r) => r.path === '/flaky')).toHaveLength(0);
  const d = (ok(await gql(DELIVERIES, { w: hook.id })).webhookDeliveries as Json[]).find((x) => x.id === rp.json.id)!;
  expect(d).toMatchObject({
    event: 'RESULT_RUN_PUBLISHED',
    status: 'DELIVERED',
    body: rp.body,
    attempts: [{ attempt: 1, statusCode: 204, error: null }],
  });
});

test('a failing receiver is retried with the same id and then delivered; every attempt is logged', async () => {
  flaky.push(500, 503);
  ok(await gql(`mutation($id: ID!) { closeScheme(id: $id) { id status } }`, { id: schemeId }));
  const tries = await waitFor(
    () => got('/flaky', 'SCHEME_CLOSED').length >= 3 && got('/flaky', 'SCHEME_CLOSED'),
    'three tries',
  );
  expect(new Set(tries.map((r) => r.json.id)).size).toBe(1);
  expect(new Set(tries.map((r) => r.headers['kaoping-webhook-id'])).size).toBe(1);
  expect(new Set(tries.map((r) => r.body)).size).toBe(1);
  for (const r of tries)
    expect(r.headers['kaoping-webhook-signature']).toBe(
      sign(await flakySecret(), r.headers['kaoping-webhook-timestamp'] as string, r.body),
    );
  const [delivery] = await pollDelivery(flakyHook.id, (x) => x.status === 'DELIVERED');
  expect(delivery.id).toBe(tries[0].json.id);
  expect(delivery.attempts.map((a: Json) => [a.attempt, a.statusCode])).toEqual([
    [1, 500],
    [2, 503],
    [3, 200],
  ]);
  expect(delivery.attempts[0].error).toBe('HTTP 500');
  await sleep(700);
  expect(got('/flaky', 'SCHEME_CLOSED')).toHaveLength(3); // nothing after the 2xx
  expect(got('/hook', 'SCHEME_CLOSED')).toHaveLength(1);
});

let flakySecretValue: string | undefined;
async function flakySecret(): Promise<string> {
  flakySecretValue ??= (
    await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(`SELECT secret FROM webhooks WHERE id = $1`, [flakyHook.id]),
    )
  )[0].secret;
  return flakySecretValue!;
}

async function pollDelivery(webhookId: string, pred: (d: Json) => boolean): Promise<Json[]> {
  const end = Date.now() + 15_000;
  for (;;) {
    const list = (ok(await gql(DELIVERIES, { w: webhookId })).webhookDeliveries as Json[]).filter(pred);
    if (list.length) return list;
    if (Date.now() > end) throw new Error('timed out waiting for a delivery');
    await sleep(100);
  }
}

test('a publish that rolls back sends nothing and leaves no delivery', async () => {
  const other = ok(await gql(IMPORT, { d: { ...SCHEME, code: 'ROLLBACK', year: 2031 } })).importScheme.id;
  const before = received.length;
  // the second field fails (a DRAFT scheme cannot close), so the whole request rolls back
  const r = await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } closeScheme(id: $id) { id } }`, {
    id: other,
  });
  expect(code(r)).toBe('CONFLICT');
  expect(ok(await gql(`query($id: ID!) { Scheme(id: $id) { status } }`, { id: other })).Scheme.status).toBe('DRAFT');
  await sleep(1500);
  expect(received.slice(before).filter((x) => x.json.data?.scheme?.id === other)).toHaveLength(0);
  const all = ok(await gql(DELIVERIES, { w: hook.id })).webhookDeliveries as Json[];
  expect(all.filter((d) => JSON.parse(d.body).data.scheme.id === other)).toHaveLength(0);
  const jobs = await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
    em.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE body LIKE $1`, [`%${other}%`]),
  );
  expect(jobs[0].n).toBe(0);
  // the same publish, committed, is sent
  ok(await gql(PUBLISH_SCHEME, { id: other }));
  await waitFor(
    () => got('/hook', 'SCHEME_PUBLISHED', (x) => x.json.data.scheme.id === other).length === 1,
    'the committed publish',
  );
});

test('redeliverWebhook sends the same delivery again with the same id, logged as a new attempt', async () => {
  const [first] = got('/hook', 'SCHEME_PUBLISHED', (x) => x.json.data.scheme.id === schemeId);
  const id = first.json.id;
  const r = ok(await gql(REDELIVER, { d: id })).redeliverWebhook;
  expect(r).toMatchObject({ id, status: 'PENDING' });
  const again = await waitFor(
    () =>
      got('/hook', 'SCHEME_PUBLISHED', (x) => x.json.id === id).length === 2 &&
      got('/hook', 'SCHEME_PUBLISHED', (x) => x.json.id === id),
    'redelivery',
  );
  expect(again[1].body).toBe(first.body);
  expect(again[1].headers['kaoping-webhook-signature']).toBe(
    sign(secret, again[1].headers['kaoping-webhook-timestamp'] as string, again[1].body),
  );
  const [d] = await pollDelivery(hook.id, (x) => x.id === id && x.attempts.length === 2 && x.status === 'DELIVERED');
  expect(d.attempts.map((a: Json) => a.statusCode)).toEqual([204, 204]);
  // an unknown delivery
  expect(code(await gql(REDELIVER, { d: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
});

test('redirects are not followed and a silent receiver times out', async () => {
  const redirect = await postWebhook(`${base}/redirect`, {}, '{}', true);
  expect(redirect).toMatchObject({ statusCode: 302, error: 'redirect (302) not followed' });
  const n = received.filter((r) => r.path === '/hook' && r.body === '{}').length;
  expect(n).toBe(0);
  const hang = await postWebhook(`${base}/hang`, {}, '{}', true, 300);
  expect(hang).toMatchObject({ statusCode: null, error: 'timed out after 0.3 s' });
});

test('private and loopback addresses are refused with WEBHOOK_ALLOW_PRIVATE off', async () => {
  for (const ip of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])
    expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
  for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])
    expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  ts.server.config.webhookAllowPrivate = false;
  try {
    for (const url of [
      `${base}/hook`,
      'http://localhost:9/x',
      'http://[::1]:9/x',
      'http://10.0.0.1/x',
      'http://169.254.169.254/latest',
    ]) {
      const r = await gql(CREATE, { i: { url, events: ['SCHEME_PUBLISHED'] } });
      expect([url, code(r)]).toEqual([url, 'BAD_USER_INPUT']);
      expect(r.body.errors![0].message).toMatch(/private and loopback addresses are refused/);
    }
    expect(code(await gql(UPDATE, { id: hook.id, i: { url: 'http://127.0.0.2/x' } }))).toBe('BAD_USER_INPUT');
    // an existing webhook on a loopback address gets no request: the attempt is logged as refused
    const before = received.length;
    const sid = ok(await gql(IMPORT, { d: { ...SCHEME, code: 'PRIVATE', year: 2032 } })).importScheme.id;
    ok(await gql(PUBLISH_SCHEME, { id: sid }));
    const [d] = await pollDelivery(hook.id, (x) => JSON.parse(x.body).data.scheme.id === sid && x.attempts.length > 0);
    expect(d.attempts[0]).toMatchObject({
      statusCode: null,
      error: 'refused: private and loopback addresses are refused',
    });
    expect(received.slice(before).filter((x) => x.json.data?.scheme?.id === sid)).toHaveLength(0);
    const direct = await postWebhook(`${base}/hook`, {}, '{"direct":1}', false);
    expect(direct.error).toMatch(/^refused/);
    expect(received.some((x) => x.body === '{"direct":1}')).toBe(false);
  } finally {
    ts.server.config.webhookAllowPrivate = true;
  }
});

test("one tenant's webhooks and deliveries are invisible to another", async () => {
  const [d] = ok(await gql(DELIVERIES, { w: hook.id })).webhookDeliveries as Json[];
  expect(ok(await gql(`{ webhooks { id } }`, {}, w.t2.admin)).webhooks).toEqual([]);
  const missing = '00000000-0000-4000-8000-000000000001';
  for (const [q, v] of [
    [DELIVERIES, { w: hook.id }],
    [REDELIVER, { d: d.id }],
    [UPDATE, { id: hook.id, i: { active: false } }],
    [DELETE, { id: hook.id }],
  ] as const) {
    const theirs = await gql(q, v, w.t2.admin);
    const none = await gql(
      q,
      Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? missing : x])),
      w.t2.admin,
    );
    expect(code(theirs)).toBe('NOT_FOUND');
    expect(theirs.body.errors![0].message).toBe(none.body.errors![0].message);
  }
  const rows = await withTenantTransaction(ts.server.dataSource, w.t2.id, (em) =>
    em.query(
      `SELECT (SELECT count(*) FROM webhooks)::int AS h, (SELECT count(*) FROM webhook_deliveries)::int AS d, (SELECT count(*) FROM webhook_attempts)::int AS a`,
    ),
  );
  expect(rows[0]).toEqual({ h: 0, d: 0, a: 0 });
  // t1's webhook still works after t2's tries
  expect(ok(await gql(`{ webhooks { id active } }`)).webhooks).toContainEqual({ id: hook.id, active: true });
});

test('updateWebhook and deleteWebhook', async () => {
  const u = ok(
    await gql(UPDATE, { id: flakyHook.id, i: { events: ['SCHEME_PUBLISHED'], active: false, description: 'paused' } }),
  ).updateWebhook;
  expect(u).toMatchObject({ events: ['SCHEME_PUBLISHED'], active: false, description: 'paused', url: `${base}/flaky` });
  expect(ok(await gql(DELETE, { id: flakyHook.id })).deleteWebhook.id).toBe(flakyHook.id);
  expect(code(await gql(DELIVERIES, { w: flakyHook.id }))).toBe('NOT_FOUND');
});
