// The 部门 page in a real browser against the demo tenant: the ADMIN lists the departments, creates,
// renames and deletes one, is told why a department with users cannot be deleted, sees the MONITOR
// user's department on the user form and the per-department card on the workbench; the MONITOR
// user's entry grid shows only the indicators its department may write.
import type { Browser, Page } from 'playwright-core';
import {
  ConsoleSession,
  bootServer,
  ensureAdminBuilt,
  expectText,
  gqlAt,
  launchBrowser,
  signIn,
  waitForValue,
  type RunningServer,
} from './support';

const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };
const MONITOR = { email: 'monitor@example.com', password: 'demo' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('departments');
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const row = (page: Page, text: string) => page.locator('tr', { hasText: text });

test('部门: list, create, rename, delete; a department with users stays; the user form and the workbench card', async () => {
  await ConsoleSession.walk(browser, 'departments', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByTestId('department-completeness').waitFor();
    await expectText(page.getByTestId('department-TAX_BUREAU'), '税务局');
    await s.shot('workbench-card');

    await page.getByRole('menuitem', { name: '部门' }).click();
    await row(page, '统计局').waitFor();
    await expectText(row(page, 'TAX_BUREAU'), '税务局');
    await s.shot('list');

    // create
    await page.goto(`${server.url}/admin/#/departments/create`);
    await page.locator('input[name=code]').fill('EDU');
    await page.locator('input[name=name]').fill('教育局');
    await page.getByRole('button', { name: '保存' }).click();
    await row(page, '教育局').waitFor();

    // rename
    await row(page, '教育局').click();
    await waitForValue(page.locator('input[name=name]'), '教育局');
    await page.locator('input[name=name]').fill('区教育局');
    await page.getByRole('button', { name: '保存' }).click();
    await row(page, '区教育局').waitFor();
    await s.shot('renamed');

    // a department with a user is not deleted, and the page says why
    await row(page, '统计局').click();
    await waitForValue(page.locator('input[name=name]'), '统计局');
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText(/still has 1 user/).waitFor();
    await s.shot('delete-refused');

    // one without users is
    await page.goto(`${server.url}/admin/#/departments`);
    await row(page, '区教育局').click();
    await waitForValue(page.locator('input[name=name]'), '区教育局');
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await row(page, '统计局').waitFor();
    await row(page, '区教育局').waitFor({ state: 'detached' });

    // the MONITOR user's department on the user form
    await page.goto(`${server.url}/admin/#/users`);
    await row(page, MONITOR.email).click();
    await expectText(page.locator('form'), '统计局（STATS）');
    await s.shot('user-form');
  });
}, 180_000);

test('a MONITOR user of 税务局 sees only the indicators it may write in the entry grid', async () => {
  const admin = (
    await gqlAt(
      server.url,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p, tenant: "demo") { token } }',
      { e: DEMO.email, p: DEMO.password },
    )
  ).login.token;
  const tax = (await gqlAt(server.url, '{ departments { id code } }', {}, admin)).departments.find(
    (d: { code: string }) => d.code === 'TAX_BUREAU',
  );
  const user = {
    email: 'tax@demo.test',
    password: 'tax-pass-1',
    name: '税务局填报员',
    role: 'MONITOR',
    departmentId: tax.id,
  };
  await gqlAt(server.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: user }, admin);
  await ConsoleSession.walk(browser, 'departments-monitor', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, user.email, user.password, 'demo');
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();
    await page.getByRole('menuitem', { name: '数据填报' }).click();
    const grid = page.getByTestId('entry-grid');
    await grid.getByText('税收收入').first().waitFor();
    await expectText(grid, '通村水泥路建设'); // no owners: every MONITOR user
    expect(await grid.getByText('固定资产投资增长率').count()).toBe(0); // 发改委 and 统计局's
    await s.shot('grid');
  });
}, 180_000);
