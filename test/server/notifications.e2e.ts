// Notifications: deadline reminders, the next role of a run or claim, published results — as
// graphile-worker jobs queued in the event's transaction, written to the inbox once per
// (kind, subject, recipient) and emailed through SMTP (a local smtp-server here). Two server
// processes share one database: a reminder runs once; a job queued before a restart runs after it.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/src/db/embedded';
import { DEMO_DEPARTMENTS } from '../../server/src/demo/departments';
import { startServerProcess, type ServerProcess } from '../support/processes';
import { CREATE_DEPARTMENT, CREATE_TENANT, LOGIN, PLATFORM, tempDataDir, type Json } from '../support/server';

jest.setTimeout(150_000);

const SCHEME: Json = JSON.parse(
  readFileSync(path.join(__dirname, '../../shared/examples/district-2023.scheme.json'), 'utf8'),
);

interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let pg: EmbeddedPostgres;
let env: Record<string, string>;
let servers: ServerProcess[] = [];
const logs: string[] = [];
let origin: string;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let scheme: string;

/** RFC 2047 words (nodemailer's B or Q encoding) → text: the words' bytes joined, then decoded. */
function decodeWords(s: string): string {
  const parts: Buffer[] = [];
  s.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) => {
    parts.push(
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    return '';
  });
  return parts.length ? Buffer.concat(parts).toString('utf8') : s;
}

function parseMail(raw: string, from: string, to: string[]): Mail {
  const cut = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, cut).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(cut).trim();
  const subject = decodeWords(/^Subject: (.*)$/im.exec(head)?.[1] ?? '');
  const text = /^Content-Transfer-Encoding: base64/im.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
  return { from, to, subject, text };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor<T>(
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function gql(query: string, variables: Json = {}, token?: string, at = origin): Promise<Json> {
  let r = request(at).post('/graphql').set('content-type', 'application/json');
  if (token) r = r.set('authorization', `Bearer ${token}`);
  const res = await r.send({ query, variables });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data;
}

async function start(): Promise<ServerProcess> {
  const s = await startServerProcess(env);
  s.child.stdout!.on('data', (c: Buffer) => logs.push(...c.toString().split('\n').filter(Boolean)));
  return s;
}

/** Local wall time in Asia/Shanghai (the tenant default), to the second. */
const shanghai = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .format(d)
    .replace(' ', 'T');
const inbox = (who: string, unreadOnly = false) =>
  gql(
    `query($u: Boolean) { notifications(unreadOnly: $u, limit: 50) { id kind params readAt } unreadNotificationCount }`,
    { u: unreadOnly },
    tokens[who],
  );
const mailsTo = (email: string, word: string) => mails.filter((m) => m.to.includes(email) && m.subject.includes(word));
const logCount = (msg: string) => logs.filter((l) => l.includes(`"msg":"${msg}"`)).length;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            from,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  pg = await startEmbeddedPostgres(tempDataDir('kp-nt-pg-'));
  env = {
    DATABASE_URL: pg.url,
    DATA_DIR: tempDataDir('kp-nt-'),
    ADMIN_EMAIL: PLATFORM.email,
    ADMIN_PASSWORD: PLATFORM.password,
    SEED_DEMO: 'false',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_FROM: '考评系统 <kaoping@nt.test>',
  };
  servers = [await start()]; // the first runs the migrations alone
  servers.push(await start());
  origin = servers[0].origin;

  const platform = (await gql(LOGIN, { email: PLATFORM.email, password: PLATFORM.password })).login.token;
  await gql(
    CREATE_TENANT,
    { input: { code: 'nt', name: '通知区', adminEmail: 'admin@nt.test', adminPassword: 'admin-pass-1' } },
    platform,
  );
  tokens.ADMIN = (await gql(LOGIN, { email: 'admin@nt.test', password: 'admin-pass-1', tenant: 'nt' })).login.token;
  for (const d of DEMO_DEPARTMENTS) await gql(CREATE_DEPARTMENT, { input: d }, tokens.ADMIN); // the example's owners
  scheme = (
    await gql(
      `mutation($d: JSON!) { importScheme(definition: $d) { id } }`,
      { d: { ...SCHEME, code: 'nt-2023' } },
      tokens.ADMIN,
    )
  ).importScheme.id;
  await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: scheme }, tokens.ADMIN);
  const subjects = [
    { code: 'T01', name: '第一镇', group: 'TOWNSHIP' },
    { code: 'T02', name: '第二镇', group: 'TOWNSHIP' },
  ];
  await gql(
    `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`,
    { s: scheme, d: { formatVersion: 1, subjects, inputs: [] } },
    tokens.ADMIN,
  );
  const people = [
    ['u1', 'UNIT', 'T01'],
    ['u2', 'UNIT', 'T02'],
    ['leader', 'LEADER', null],
    ['assessor', 'ASSESSOR', null],
  ] as const;
  for (const [who, role, unit] of people) {
    ids[who] = (
      await gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { email: `${who}@nt.test`, password: `${who}-pass-1`, name: who, role, unit } },
        tokens.ADMIN,
      )
    ).createUser.id;
    tokens[who] = (await gql(LOGIN, { email: `${who}@nt.test`, password: `${who}-pass-1`, tenant: 'nt' })).login.token;
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await pg?.stop();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

test('a deadline reminder runs once with two servers: one inbox row and one Chinese email per unit user, never a second', async () => {
  expect(servers[0].origin).not.toBe(servers[1].origin);
  const due = shanghai(new Date(Date.now() + 2 * 86_400_000)); // inside the default 3 reminder days: due now
  const set = `mutation($i: DeadlineInput!) { setDeadline(input: $i) { id dueLocal } }`;
  const d = (
    await gql(
      set,
      { i: { schemeId: scheme, period: 'ANNUAL', source: 'SELF', dueLocal: due } },
      tokens.ADMIN,
      servers[1].origin,
    )
  ).setDeadline;

  await waitFor(
    () => mailsTo('u1@nt.test', '截止').length && mailsTo('u2@nt.test', '截止').length,
    'both reminder emails',
  );
  const mail = mailsTo('u1@nt.test', '截止')[0];
  expect(mail.from).toBe('kaoping@nt.test');
  expect(mail.subject).toContain('全年单位自报将于');
  expect(mail.text).toContain(`第一镇：`);
  expect(mail.text).toContain(`${d.dueLocal}（Asia/Shanghai）截止，尚有`);

  const mine = await inbox('u1');
  expect(mine.unreadNotificationCount).toBe(1);
  expect(mine.notifications[0]).toMatchObject({
    kind: 'DEADLINE_REMINDER',
    readAt: null,
    params: {
      unit: 'T01',
      unitName: '第一镇',
      period: 'ANNUAL',
      source: 'SELF',
      dueLocal: d.dueLocal,
      deadlineId: d.id,
    },
  });
  expect(mine.notifications[0].params.missing).toBeGreaterThan(0);
  expect(logCount('deadline reminders')).toBe(1); // one run, on one of the two servers

  // the same deadline set again queues the job again: it runs, and reminds nobody twice
  await gql(
    set,
    { i: { schemeId: scheme, period: 'ANNUAL', source: 'SELF', dueLocal: due } },
    tokens.ADMIN,
    servers[0].origin,
  );
  await waitFor(() => logCount('deadline reminders') === 2, 'the second run');
  await sleep(1000);
  expect(
    mails
      .filter((m) => m.subject.includes('截止'))
      .map((m) => m.to)
      .sort(),
  ).toEqual([['u1@nt.test'], ['u2@nt.test']]);
  expect((await inbox('u1')).unreadNotificationCount).toBe(1);
  expect((await inbox('leader')).notifications).toEqual([]);
});

test('the next role is told when a run or a claim awaits it; units when results are published; a rolled-back change tells nobody', async () => {
  // a request whose second mutation fails rolls back the compute: no run, no job, no notification
  const bad = await request(origin)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${tokens.ADMIN}`)
    .send({
      query: `mutation($s: ID!) { a: computeResults(schemeId: $s) { id } b: reviewResults(runId: "00000000-0000-0000-0000-000000000000") { id } }`,
      variables: { s: scheme },
    });
  expect(bad.body.errors?.length).toBeGreaterThan(0);

  const run = (await gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: scheme }, tokens.ADMIN))
    .computeResults.id;
  const review = await waitFor(
    async () => (await inbox('leader')).notifications.find((n: Json) => n.kind === 'RUN_AWAITS_REVIEW'),
    'the review notice',
  );
  expect(review.params).toMatchObject({ runId: run, schemeId: scheme, schemeName: SCHEME.name });
  await gql(`mutation($r: ID!) { reviewResults(runId: $r) { id } }`, { r: run }, tokens.ADMIN);
  await waitFor(
    async () => (await inbox('leader')).notifications.find((n: Json) => n.kind === 'RUN_AWAITS_APPROVAL'),
    'the approval notice',
  );
  await waitFor(() => mailsTo('leader@nt.test', '待审定').length, 'the approval email');
  // one review notice: the rolled-back compute queued nothing
  expect((await inbox('leader')).notifications.filter((n: Json) => n.kind === 'RUN_AWAITS_REVIEW')).toHaveLength(1);
  expect(mailsTo('leader@nt.test', '待审核')).toHaveLength(1);

  await gql(`mutation($r: ID!) { approveResults(runId: $r) { id } }`, { r: run }, tokens.leader);
  await gql(
    `mutation($r: ID!) { publishResults(runId: $r, acknowledgeMissing: true) { id } }`,
    { r: run },
    tokens.ADMIN,
  );
  for (const u of ['u1', 'u2']) {
    const p = await waitFor(
      async () => (await inbox(u)).notifications.find((n: Json) => n.kind === 'RESULTS_PUBLISHED'),
      `${u}'s published notice`,
    );
    expect(p.params.runId).toBe(run);
  }
  await waitFor(() => mailsTo('u2@nt.test', '已发布').length, 'the published email');
  // approved by the LEADER: the ADMIN is told it awaits publishing
  expect((await inbox('ADMIN')).notifications.map((n: Json) => n.kind)).toContain('RUN_AWAITS_PUBLISH');

  const claim = (
    await gql(
      `mutation($s: ID!) { claimAdjustment(schemeId: $s, subject: "T01", rule: "AWARD_CITY", note: "省级表彰") { id } }`,
      { s: scheme },
      tokens.u1,
    )
  ).claimAdjustment.id;
  const c = await waitFor(
    async () => (await inbox('assessor')).notifications.find((n: Json) => n.kind === 'CLAIM_AWAITS_VERIFICATION'),
    'the claim notice',
  );
  expect(c.params).toMatchObject({ adjustmentId: claim, subject: 'T01', subjectName: '第一镇', rule: 'AWARD_CITY' });
  expect((await inbox('u2')).notifications.map((n: Json) => n.kind).sort()).toEqual([
    'DEADLINE_REMINDER',
    'RESULTS_PUBLISHED',
  ]);
});

test("inbox: unread count, unread only, mark some or all read (only one's own)", async () => {
  const before = await inbox('u1');
  expect(before.unreadNotificationCount).toBe(2);
  const [newest, older] = before.notifications;
  const mark = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`;
  expect((await gql(mark, { ids: [newest.id] }, tokens.u2)).markNotificationsRead).toBe(0); // not u2's
  expect((await gql(mark, { ids: [newest.id] }, tokens.u1)).markNotificationsRead).toBe(1);
  const after = await inbox('u1', true);
  expect(after.unreadNotificationCount).toBe(1);
  expect(after.notifications.map((n: Json) => n.id)).toEqual([older.id]);
  expect((await gql(mark, { all: true }, tokens.u1)).markNotificationsRead).toBe(1);
  expect((await inbox('u1')).unreadNotificationCount).toBe(0);
  expect((await inbox('u2')).unreadNotificationCount).toBe(2);
});

test('a reminder queued before both servers stop is sent after one starts again', async () => {
  const due = shanghai(new Date(Date.now() + 3 * 86_400_000 + 8_000)); // reminder due in ~8 s
  await gql(
    `mutation($i: DeadlineInput!) { setDeadline(input: $i) { id } }`,
    { i: { schemeId: scheme, period: 'Q1', source: 'SELF', dueLocal: due } },
    tokens.ADMIN,
  );
  await Promise.all(servers.map((s) => s.stop()));
  const sentBefore = mails.length;
  servers = [await start()];
  origin = servers[0].origin;
  await waitFor(
    () => mails.slice(sentBefore).filter((m) => m.subject.includes('第一季度')).length === 2,
    'the Q1 reminders after the restart',
  );
  expect(
    (await inbox('u1')).notifications
      .filter((n: Json) => n.kind === 'DEADLINE_REMINDER')
      .map((n: Json) => n.params.period)
      .sort(),
  ).toEqual(['ANNUAL', 'Q1']);
});
