// The inbox in a real browser: a LEADER told that a run awaits review and then approval (the
// notification jobs run on the server's job runner) sees the unread count on the app bar, opens
// the inbox, marks one read (the badge follows), then all.
import type { Browser, Page } from 'playwright-core';
import {
  ConsoleSession,
  bootServer,
  ensureAdminBuilt,
  gqlAt,
  launchBrowser,
  signIn,
  type RunningServer,
} from './support';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('inbox');
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const LOGIN = `mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }`;
const badgeCount = (page: Page) => page.getByTestId('inbox-badge').getAttribute('data-count');

async function waitUntil(fn: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('the badge counts unread notifications; the inbox words them and marks one, then all, read', async () => {
  const admin = (await gqlAt(server.url, LOGIN, { e: 'demo@example.com', p: 'demo', t: 'demo' })).login.token;
  await gqlAt(
    server.url,
    `mutation { createUser(input: { email: "leader@demo.test", password: "leader-pass-1", name: "王领导", role: LEADER }) { id } }`,
    {},
    admin,
  );
  const leader = (await gqlAt(server.url, LOGIN, { e: 'leader@demo.test', p: 'leader-pass-1', t: 'demo' })).login.token;
  const scheme = (await gqlAt(server.url, `{ schemes { id code } }`, {}, admin)).schemes.find(
    (s: { code: string }) => s.code === 'district-2023',
  ).id;
  // a changed figure, so the compute makes a new run
  await gqlAt(
    server.url,
    `mutation($s: ID!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: { actual: 7400, target: 8000 }) { id } }`,
    { s: scheme },
    admin,
  );
  const run = (
    await gqlAt(server.url, `mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: scheme }, admin)
  ).computeResults.id;
  await gqlAt(server.url, `mutation($r: ID!) { reviewResults(runId: $r) { id } }`, { r: run }, admin);
  await waitUntil(
    async () => (await gqlAt(server.url, `{ unreadNotificationCount }`, {}, leader)).unreadNotificationCount === 2,
    'two notifications',
  );

  await ConsoleSession.walk(browser, 'inbox', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, 'leader@demo.test', 'leader-pass-1', 'demo');
    await page.getByTestId('inbox-button').waitFor();
    await waitUntil(async () => (await badgeCount(page)) === '2', 'the badge at 2');
    await page.getByRole('link', { name: '消息（2 条未读）' }).waitFor();
    await s.shot('badge');

    await page.getByTestId('inbox-button').click();
    const items = page.getByTestId('inbox-item');
    await items.nth(1).waitFor();
    expect(await items.count()).toBe(2);
    // newest first, in Chinese, from the kind and its params
    expect(await items.nth(0).innerText()).toContain('的考评结果已审核，等待审定');
    expect(await items.nth(1).innerText()).toContain('已计算出新的考评结果，等待审核');
    await s.shot('inbox');

    await items.nth(1).getByTestId('inbox-mark-read').click();
    await waitUntil(async () => (await badgeCount(page)) === '1', 'the badge at 1');
    await waitUntil(async () => (await items.nth(1).getAttribute('data-read')) === 'true', 'the older one read');
    expect(await items.nth(0).getAttribute('data-read')).toBe('false');

    await page.getByTestId('inbox-mark-all').click();
    await waitUntil(async () => (await badgeCount(page)) === '0', 'the badge at 0');
    await waitUntil(async () => (await items.nth(0).getAttribute('data-read')) === 'true', 'all read');
    expect(await page.getByTestId('inbox-mark-read').count()).toBe(0);
    await s.shot('all-read');
  });
  expect((await gqlAt(server.url, `{ unreadNotificationCount }`, {}, leader)).unreadNotificationCount).toBe(0);
}, 60_000);
