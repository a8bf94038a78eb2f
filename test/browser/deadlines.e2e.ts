// Deadlines in a real browser: the ADMIN sets one on the scheme page (in the tenant's local time),
// sees it closed, opens the not-submitted list from there, and the entry grid names the deadline.
import type { Browser } from 'playwright-core';
import { ConsoleSession, bootServer, ensureAdminBuilt, launchBrowser, signIn, type RunningServer } from './support';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('deadlines');
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test('set on the scheme page, listed as closed; the not-submitted list and the entry grid show it', async () => {
  await ConsoleSession.walk(browser, 'deadlines', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, 'demo@example.com', 'demo', 'demo');
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();
    await page.getByRole('menuitem', { name: '考核方案' }).click();
    await page.getByRole('row').filter({ hasText: 'district-2023' }).getByText('district-2023').click();
    const panel = page.getByTestId('deadline-panel');
    await panel.getByText('尚未设置截止时间').waitFor();

    // ANNUAL, SELF (the defaults), a time already passed: closed at once
    await page.getByTestId('deadline-due').fill('2024-01-31T17:00');
    await page.getByTestId('deadline-set').click();
    const row = page.getByTestId('deadline-ANNUAL-SELF');
    await row.waitFor();
    expect(await row.innerText()).toContain('2024-01-31 17:00');
    expect(await row.innerText()).toContain('已截止');
    await s.shot('scheme-page');

    await panel.getByRole('link', { name: '未报送名单' }).click();
    await page.getByText('已于 2024-01-31 17:00（Asia/Shanghai）截止填报').waitFor();
    await page.getByText(/单位（\d+\/\d+ 未报齐）/).waitFor();
    await s.shot('not-submitted');

    await page.getByRole('menuitem', { name: '数据填报' }).click();
    await page.getByTestId('pick-source').click();
    await page.getByRole('option', { name: '单位自报', exact: true }).click();
    const notice = page.getByTestId('entry-deadline');
    await notice.waitFor();
    expect(await notice.getAttribute('data-closed')).toBe('true');
    expect(await notice.innerText()).toContain('“年度单位自报”已于 2024-01-31 17:00（Asia/Shanghai）截止填报');
    await s.shot('entry-grid');
  });
}, 60_000);
