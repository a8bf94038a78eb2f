// The webhooks page (Webhook 推送) in a real browser against a real server with the demo tenant: an
// ADMIN creates a webhook (the signing secret shown once), a scheme is published, the local receiver
// gets a POST signed with that secret, the delivery shows as 已送达 with its response code, it is
// redelivered with the same id, and the webhook is edited, deactivated and deleted.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import {
  ConsoleSession,
  bootServer,
  ensureAdminBuilt,
  expectAccessible,
  gqlAt,
  launchBrowser,
  signIn,
  type Json,
  type RunningServer,
} from './support';

const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };

let server: RunningServer;
let browser: Browser;
let receiver: http.Server;
let receiverUrl: string;
let token: string;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

const gql = (query: string, variables: Json = {}): Promise<Json> => gqlAt(server.url, query, variables, token);

/** Polls (bounded) until `check` holds. */
const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> => {
  for (const end = Date.now() + ms; !(await check());) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

beforeAll(async () => {
  ensureAdminBuilt();
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
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kaoping`;
  server = await bootServer('webhooks', undefined, { webhookAllowPrivate: true });
  browser = await launchBrowser();
  token = (
    await gqlAt(
      server.url,
      'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
      { e: DEMO.email, p: DEMO.password, t: DEMO.tenant },
    )
  ).login.token;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
}, 60_000);

const deliveryStatus = (page: Page) => page.getByTestId('delivery-row').first().getAttribute('data-status');

test('create a webhook (secret once), a delivery after publishing, redeliver, edit, deactivate, delete', async () => {
  await ConsoleSession.walk(browser, 'webhooks', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByRole('menuitem', { name: 'Webhook' }).click();
    await page.waitForURL(/#\/webhooks$/);
    await page.getByText('还没有 Webhook。').waitFor();

    // 1. Create: the URL checked in the page, the events chosen, the secret shown once.
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('webhook-url').fill('ftp://example.org');
    expect(await page.getByTestId('webhook-save').isDisabled()).toBe(true);
    await page.getByTestId('webhook-url').fill(receiverUrl);
    await page.getByTestId('webhook-event-SCHEME_PUBLISHED').check();
    await page.getByTestId('webhook-description').fill('市数据大屏');
    await s.shot('create');
    await expectAccessible(page, 'webhook dialog');
    await page.getByTestId('webhook-save').click();
    const secret = await page.getByTestId('webhook-secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await s.shot('secret-once');
    await page.getByRole('dialog').getByRole('button', { name: '我已保存，关闭' }).click();
    await page.getByTestId('webhook-row').filter({ hasText: receiverUrl }).waitFor();
    await page.getByTestId('webhook-secret').waitFor({ state: 'detached' }); // gone for good once closed
    const [hook] = (await gql('{ webhooks { id url events active description } }')).webhooks;
    await expectAccessible(page, 'webhooks page');
    expect(hook).toMatchObject({
      url: receiverUrl,
      events: ['RESULT_RUN_PUBLISHED', 'SCHEME_PUBLISHED'],
      active: true,
      description: '市数据大屏',
    });

    // 2. A scheme is published (as another window would): the receiver gets a POST signed with that secret.
    const schemeId = (await gql('{ schemes { id code } }')).schemes.find((x: Json) => x.code === 'district-2023').id;
    const draft = (
      await gql('mutation($id: ID!) { cloneScheme(id: $id, year: 2031, code: "webhook-2031") { id } }', {
        id: schemeId,
      })
    ).cloneScheme;
    await gql('mutation($id: ID!) { publishScheme(id: $id) { id status } }', { id: draft.id });
    await until('the webhook POST', () => received.length === 1);
    const [first] = received;
    const ts = String(first.headers['kaoping-webhook-timestamp']);
    expect(first.headers['kaoping-webhook-signature']).toBe(
      `v1=${crypto.createHmac('sha256', secret).update(`${ts}.${first.body}`).digest('hex')}`,
    );
    expect(JSON.parse(first.body)).toMatchObject({
      event: 'SCHEME_PUBLISHED',
      id: first.headers['kaoping-webhook-id'],
      data: { scheme: { id: draft.id } },
    });

    // 3. Its deliveries: 已送达 with the receiver's 204 after one attempt.
    await page.getByTestId('webhook-deliveries').click();
    await page.waitForURL(/#\/webhooks\/[^/]+$/);
    await until('the delivery to show as delivered', async () => {
      if ((await deliveryStatus(page)) === 'DELIVERED') return true;
      await page.getByTestId('deliveries-refresh').click();
      return false;
    });
    const row = page.getByTestId('delivery-row').first();
    expect(await row.getByTestId('delivery-status').innerText()).toBe('已送达');
    expect(await row.getByTestId('delivery-code').innerText()).toBe('204');
    expect(await row.getByTestId('delivery-attempts').innerText()).toBe('1');
    expect(await row.innerText()).toContain('考核方案发布');
    await s.shot('delivered');
    await expectAccessible(page, 'deliveries page');

    // 4. 重新投递: the same delivery id again, a second attempt logged.
    await row.getByTestId('delivery-redeliver').click();
    await until('the redelivery', () => received.length === 2);
    expect(received[1].headers['kaoping-webhook-id']).toBe(first.headers['kaoping-webhook-id']);
    expect(received[1].body).toBe(first.body);
    await until('the second attempt to show', async () => {
      await page.getByTestId('deliveries-refresh').click();
      return (
        (await deliveryStatus(page)) === 'DELIVERED' &&
        (await page.getByTestId('delivery-attempts').first().innerText()) === '2'
      );
    });
    await s.shot('redelivered');

    // 5. Edit its events, deactivate it, delete it.
    await page.getByRole('link', { name: '返回 Webhook 列表' }).click();
    await page.getByTestId('webhook-edit').click();
    await page.getByTestId('webhook-event-RESULT_RUN_PUBLISHED').uncheck();
    await page.getByTestId('webhook-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // (a controlled switch: it flips once the server has answered)
    await page.getByTestId('webhook-active').click();
    await until('the switch to show it inactive', async () => !(await page.getByTestId('webhook-active').isChecked()));
    const [changed] = (await gql('{ webhooks { events active } }')).webhooks;
    expect(changed).toEqual({ events: ['SCHEME_PUBLISHED'], active: false });
    await page.getByTestId('webhook-delete').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('还没有 Webhook。').waitFor();
    expect((await gql('{ webhooks { id } }')).webhooks).toEqual([]);
    await s.shot('deleted');
  });
}, 120_000);
