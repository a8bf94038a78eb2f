// The progress page (督查进度) in a real browser: Q2 values entered through the API show as levels
// (words and colour), the level filter narrows the table, and the supervision report downloads.
import type { Browser } from 'playwright-core';
import {
  ConsoleSession,
  bootServer,
  ensureAdminBuilt,
  expectAccessible,
  gqlAt,
  launchBrowser,
  signIn,
  type RunningServer,
} from './support';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('progress');
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test('the progress page shows levels from quarterly values, filters them and downloads the report', async () => {
  const { login } = await gqlAt(
    server.url,
    'mutation { login(email: "demo@example.com", password: "demo", tenant: "demo") { token } }',
  );
  const { schemes } = await gqlAt(server.url, '{ schemes { id code status } }', {}, login.token);
  const scheme = schemes.find((s: { status: string }) => s.status === 'PUBLISHED');
  // Q2 (50% of the year) against the ANNUAL targets 8000 / 5000 / 8000: 25%, 44%, 37.5%
  const rows = [
    ['T01', 2000],
    ['T02', 2200],
    ['T03', 3000],
  ].map(([subject, actual]) => ({ subject, indicator: 'TAX', value: { actual } }));
  await gqlAt(
    server.url,
    'mutation($s: ID!, $rows: [InputRowInput!]!) { setInputs(schemeId: $s, source: MONITOR, period: Q2, rows: $rows) { id } }',
    { s: scheme.id, rows },
    login.token,
  );

  await ConsoleSession.walk(browser, 'progress', async (s, page) => {
    await page.goto(`${server.url}/admin/#/login`);
    await signIn(page, 'demo@example.com', 'demo', 'demo');
    await page.getByRole('menuitem', { name: '督查进度' }).click();
    await page.waitForURL(/#\/progress$/);
    await page.getByTestId('pick-period').click();
    await page.getByRole('option', { name: '第二季度' }).click();

    const level = (subject: string) => page.getByTestId(`progress-${subject}-TAX`).getByTestId('progress-level');
    await level('T01').waitFor();
    expect([await level('T01').innerText(), await level('T01').getAttribute('data-level')]).toEqual([
      '严重滞后',
      'FAR_BEHIND',
    ]);
    expect(await level('T02').innerText()).toBe('正常');
    expect(await level('T03').innerText()).toBe('滞后');
    expect(await level('T03').getAttribute('aria-label')).toBe('预警等级：滞后');
    const t01 = await page.getByTestId('progress-T01-TAX').innerText();
    for (const text of ['东城镇', '税收收入', '税务局', '2,000', '8,000', '25%', '50%', '25 个百分点'])
      expect(t01).toContain(text);
    expect(await page.getByTestId('progress-schedule').innerText()).toContain('时序进度 50%');
    // what was not reported is counted, and listed only when asked for
    expect(await page.getByTestId('progress-T01-FARMER_INCOME').count()).toBe(0);
    await page.getByTestId('show-missing').click();
    expect(await page.getByTestId('progress-T01-FARMER_INCOME').getByTestId('progress-note').innerText()).toBe(
      '未报送',
    );
    await s.shot('levels');
    await expectAccessible(page, 'progress table', '[data-testid=progress-table]');

    await page.getByTestId('pick-level').click();
    await page.getByRole('option', { name: '严重滞后' }).click();
    await page.getByTestId('progress-T02-TAX').waitFor({ state: 'detached' });
    await level('T01').waitFor(); // the filtered answer is in (the table empties while it loads)
    expect(await page.locator('[data-testid=progress-level]').allInnerTexts()).toEqual(['严重滞后']);
    await s.shot('far-behind');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-supervision').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${scheme.code}-supervision-Q2.xlsx`);
  });

  // the demo's MONITOR user (统计局) starts on its own department's indicators
  await ConsoleSession.walk(browser, 'progress-monitor', async (s, page) => {
    await page.goto(`${server.url}/admin/#/login`);
    await signIn(page, 'monitor@example.com', 'demo', 'demo');
    await page.getByRole('menuitem', { name: '督查进度' }).click();
    await page.getByTestId('pick-period').click();
    await page.getByRole('option', { name: '第二季度' }).click();
    await page.getByTestId('progress-T01-TAX').waitFor();
    expect(await page.getByTestId('pick-department').innerText()).toBe('统计局');
    await s.shot('monitor');
  });
}, 120_000);
