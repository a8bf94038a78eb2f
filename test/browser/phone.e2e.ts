// What a UNIT user does, on a phone 390 px wide: the workbench, data entry, a claim with its
// evidence, and its own results. The page never scrolls sideways; wide grids scroll inside their
// own box with the subject column kept in view; the app bar's controls stay on screen.
import type { Browser, Locator, Page } from 'playwright-core';
import {
  ConsoleSession,
  bootServer,
  ensureAdminBuilt,
  expectText,
  gqlAt,
  launchBrowser,
  signIn,
  type Json,
  type RunningServer,
} from './support';

const UNIT = { email: 'unit-phone@demo.test', password: 'unit-pass-1', name: '东城镇填报员' };
const WIDTH = 390;

let server: RunningServer;
let browser: Browser;
let token: string;
let schemeId: string;

const gql = (query: string, variables: Json = {}) => gqlAt(server.url, query, variables, token);

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('phone');
  browser = await launchBrowser();
  token = (
    await gqlAt(server.url, 'mutation { login(email: "demo@example.com", password: "demo", tenant: "demo") { token } }')
  ).login.token;
  schemeId = (await gql('{ schemes { id code } }')).schemes.find((s: Json) => s.code === 'district-2023').id;
  await gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { ...UNIT, role: 'UNIT', unit: 'T01' },
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** The page is no wider than the screen: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate<Json>(
    '({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, screen: window.innerWidth })',
  );
  expect({ where, ...widths }).toEqual({ where, page: WIDTH, body: WIDTH, screen: WIDTH });
}

/** The element lies within the screen's width. */
async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect({ what, left: box!.x >= 0, right: box!.x + box!.width <= WIDTH }).toEqual({ what, left: true, right: true });
}

test('a UNIT user on a phone: workbench, data entry, a claim with evidence, its own results — no sideways page scroll', async () => {
  await ConsoleSession.walk(
    browser,
    'phone',
    async (s, page) => {
      await page.goto(`${server.url}/admin/`);
      await page.locator('input[name=email]').waitFor();
      await expectNoSidewaysScroll(page, 'login');
      await signIn(page, UNIT.email, UNIT.password, 'demo');

      // Workbench: the year's figures stacked; the app bar's user and language buttons on screen.
      await page.getByTestId('completeness').waitFor();
      await expectNoSidewaysScroll(page, 'workbench');
      await expectOnScreen(page.getByRole('button', { name: '个人设置' }), 'user menu');
      await expectOnScreen(page.getByRole('button', { name: '中文' }), 'language menu');
      await expectOnScreen(page.getByRole('button', { name: '打开菜单' }), 'menu button');
      await s.shot('workbench');

      // Data entry through the menu (a drawer on a phone): the grid scrolls in its own box, the
      // subject column stays in view, and a value is entered and saved.
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '数据填报' }).click();
      const grid = page.getByTestId('entry-grid');
      await grid.waitFor();
      await page.getByTestId('cell-T01-TAX-actual').waitFor();
      await expectNoSidewaysScroll(page, 'data entry');
      const scroll = await grid.evaluate((el: { scrollLeft: number; scrollWidth: number; clientWidth: number }) => {
        el.scrollLeft = 600;
        return { inner: el.scrollWidth, outer: el.clientWidth, left: el.scrollLeft };
      });
      expect(scroll.inner).toBeGreaterThan(scroll.outer);
      expect(scroll.left).toBeGreaterThan(0);
      const gridBox = (await grid.boundingBox())!;
      const subjectBox = (await page.getByTestId('entry-row-T01').locator('td').first().boundingBox())!;
      expect(Math.abs(subjectBox.x - gridBox.x)).toBeLessThan(2); // sticky: still at the box's left edge
      await s.shot('data-entry-scrolled');
      await page.getByTestId('cell-T01-FAI-actual').fill('12');
      await page.getByTestId('cell-T01-FAI-target').fill('10');
      await page.getByTestId('entry-save').click();
      await page.getByText('已保存 1 条数据').waitFor();
      const stored = (
        await gql('query($s: ID!) { inputs(schemeId: $s, source: SELF, subject: "T01", indicator: "FAI") { value } }', {
          s: schemeId,
        })
      ).inputs;
      expect(stored[0].value).toEqual({ actual: 12, target: 10 });
      await expectNoSidewaysScroll(page, 'data entry saved');

      // A claim with its evidence, in a dialog that fits the screen.
      await page.goto(`${server.url}/admin/#/adjustments`);
      await expectNoSidewaysScroll(page, 'adjustments');
      await page.getByTestId('adjustment-claim').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectOnScreen(dialog.getByTestId('claim-submit'), 'claim submit');
      await page.getByTestId('claim-subject').selectOption('T01');
      await page.getByTestId('claim-rule').selectOption('AWARD_PROVINCE');
      const note = '省政府通报表彰（苏政发〔2023〕12号）';
      await page.getByTestId('claim-note').fill(note);
      await expectNoSidewaysScroll(page, 'claim dialog');
      await s.shot('claim');
      await page.getByTestId('claim-submit').click();
      await page.getByRole('row').filter({ hasText: note }).first().waitFor();
      await expectNoSidewaysScroll(page, 'adjustments');
      const claims = (
        await gql('query($s: ID!) { allAdjustments(filter: { schemeId: $s, status: CLAIMED }) { subject note } }', {
          s: schemeId,
        })
      ).allAdjustments;
      expect(claims).toContainEqual({ subject: 'T01', note });

      // Its own results: the ranking row, the charts, the breakdown.
      await page.goto(`${server.url}/admin/#/results`);
      await page.getByTestId('run-status').first().click();
      await page.getByTestId('ranking-TOWNSHIP').waitFor();
      await page.getByTestId('group-charts').waitFor();
      // the charts show the whole group, the unit's own result marked
      await expectText(page.getByTestId('charts-own'), '全组分布，深色为本单位：东城镇');
      await expectNoSidewaysScroll(page, 'results');
      await s.shot('results');
      await page.getByTestId('row-T01').click();
      await page.getByTestId('breakdown').waitFor();
      await expectNoSidewaysScroll(page, 'breakdown');
      await s.shot('breakdown');
    },
    'phone',
  );
}, 180_000);
