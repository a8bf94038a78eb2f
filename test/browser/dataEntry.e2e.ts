// Data entry (数据填报, 差异核定, 测评票数) in a real browser against a real server (in-process, own
// embedded PostgreSQL, demo tenant seeded). The grid's pure helpers: admin/src/dataEntry/model.test.ts.
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

describe('data entry in the browser', () => {
  let server: RunningServer;
  let base: string;
  let browser: Browser;
  let token: string;
  let schemeId: string;

  const gql = (query: string, variables: Record<string, unknown> = {}) => gqlAt(base, query, variables, token);
  const stored = async (source: string, subject: string, indicator: string) =>
    (
      await gql(
        'query($s: ID!, $src: InputSource, $sub: String, $i: String) { inputs(schemeId: $s, source: $src, subject: $sub, indicator: $i) { value } }',
        { s: schemeId, src: source, sub: subject, i: indicator },
      )
    ).inputs[0]?.value;

  beforeAll(async () => {
    ensureAdminBuilt();
    server = await bootServer('entry');
    base = server.url;
    token = (await gql('mutation { login(email: "demo@example.com", password: "demo", tenant: "demo") { token } }'))
      .login.token;
    schemeId = (await gql('{ schemes { id code } }')).schemes.find(
      (s: { code: string }) => s.code === 'district-2023',
    ).id;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  const cell = (page: Page, subject: string, indicator: string, field: string) =>
    page.getByTestId(`cell-${subject}-${indicator}-${field}`);
  const pick = async (page: Page, testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const waitFor = async (what: () => Promise<boolean>, label: string) => {
    const until = Date.now() + 15_000;
    while (!(await what())) {
      if (Date.now() > until) throw new Error(`timed out: ${label}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** Puts text on the clipboard and pastes it into the focused cell with Ctrl+V, as from Excel. */
  const paste = async (page: Page, target: ReturnType<Page['locator']>, text: string) => {
    // (a string function body: the test project has no DOM types)
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
    await target.click();
    await page.keyboard.press('Control+V');
  };

  test('an ADMIN enters, checks, pastes and saves values; settles a discrepancy; enters ballots', async () => {
    await ConsoleSession.walk(browser, 'dataEntry', async (s, page) => {
      await page.goto(`${base}/admin/`);
      await signIn(page, 'demo@example.com', 'demo', 'demo');
      await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();

      // 1. 数据填报: the published demo scheme, group 镇; the REVIEW values of the demo dataset are shown.
      await page.getByRole('menuitem', { name: '数据填报' }).click();
      await page.waitForURL(/#\/data-entry$/);
      await page.getByTestId('entry-grid').waitFor();
      await page.getByTestId('col-TAX').getByText('万元').waitFor();
      await pick(page, 'pick-source', '考核组核定');
      await waitFor(
        async () => (await cell(page, 'T01', 'TAX', 'actual').inputValue()) === '7367',
        'T01 TAX REVIEW shown',
      );
      expect(await cell(page, 'T01', 'CIVILITY', 'grade').inputValue()).toBe('A');
      await s.shot('grid-review');

      // 2. Source 单位自报 (empty): an invalid value is flagged as typed, with its reason; save is disabled.
      await pick(page, 'pick-source', '单位自报');
      await waitFor(async () => (await cell(page, 'T01', 'TAX', 'actual').inputValue()) === '', 'SELF is empty');
      await cell(page, 'T01', 'TAX', 'actual').fill('abc');
      await cell(page, 'T01', 'TAX', 'target').fill('5000');
      expect(await cell(page, 'T01', 'TAX', 'actual').getAttribute('aria-invalid')).toBe('true');
      await page.getByTestId('entry-problems').getByText('不是有效的数字').waitFor();
      await cell(page, 'T01', 'NEW_COUNTRYSIDE', 'score').fill('150');
      await page.getByTestId('entry-problems').getByText('应在 0 到 100 之间').waitFor();
      expect(await page.getByTestId('entry-save').isDisabled()).toBe(true);
      await page.getByTestId('entry-status').getByText('2 个单元格有误').waitFor();
      // with unsaved changes the choices are locked (switching would drop them)
      expect(await page.getByTestId('pick-source').getAttribute('aria-disabled')).toBe('true');
      await page.getByTestId('entry-locked').waitFor();
      await s.shot('grid-invalid');

      // 3. Valid values: the flags go, save sends them (setInputs) and says how many.
      await cell(page, 'T01', 'TAX', 'actual').fill('5100');
      await cell(page, 'T01', 'NEW_COUNTRYSIDE', 'score').fill('86.5');
      expect(await cell(page, 'T01', 'TAX', 'actual').getAttribute('aria-invalid')).toBeNull();
      await page.getByTestId('entry-save').click();
      await page.getByText('已保存 2 条数据').waitFor();
      await s.shot('grid-saved');
      expect(await stored('SELF', 'T01', 'TAX')).toEqual({ actual: 5100, target: 5000 });
      expect(await stored('SELF', 'T01', 'NEW_COUNTRYSIDE')).toEqual({ score: 86.5 });

      // 4. Paste a 2×2 block from Excel at T02's TAX actual: T02 and T03 (actual, target); a bad
      //    pasted cell is flagged, fixed, then saved.
      await paste(page, cell(page, 'T02', 'TAX', 'actual'), '6000\t6500\r\n7000\tabc\r\n');
      await waitFor(async () => (await cell(page, 'T03', 'TAX', 'actual').inputValue()) === '7000', 'paste filled T03');
      expect(await cell(page, 'T02', 'TAX', 'target').inputValue()).toBe('6500');
      expect(await cell(page, 'T03', 'TAX', 'target').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('entry-save').isDisabled()).toBe(true);
      await s.shot('grid-pasted-bad');
      await paste(page, cell(page, 'T02', 'TAX', 'actual'), '6000\t6500\r\n7000\t7100\r\n');
      await waitFor(async () => (await cell(page, 'T03', 'TAX', 'target').inputValue()) === '7100', 'paste fixed T03');
      await page.getByTestId('entry-save').click();
      await page.getByText('已保存 2 条数据').waitFor();
      expect(await stored('SELF', 'T02', 'TAX')).toEqual({ actual: 6000, target: 6500 });
      expect(await stored('SELF', 'T03', 'TAX')).toEqual({ actual: 7000, target: 7100 });

      // 5. After a reload the grid shows what was stored.
      await page.reload();
      await page.getByTestId('entry-grid').waitFor();
      await pick(page, 'pick-source', '单位自报');
      await waitFor(
        async () => (await cell(page, 'T03', 'TAX', 'target').inputValue()) === '7100',
        'stored values after reload',
      );
      expect(await cell(page, 'T01', 'TAX', 'actual').inputValue()).toBe('5100');
      await s.shot('grid-reloaded');

      // 5a. Two windows: T05's TAX is typed here while someone else saves it → refused (CONFLICT,
      //     nothing written), the cell marked; saving again knowingly overwrites.
      await cell(page, 'T05', 'TAX', 'actual').fill('800');
      await cell(page, 'T05', 'TAX', 'target').fill('900');
      await gql(
        'mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T05", indicator: "TAX", source: SELF, value: $v) { id } }',
        { s: schemeId, v: { actual: 1, target: 2 } },
      );
      await page.getByTestId('entry-save').click();
      await page.getByText('未保存：1 个单元格在您填写期间已被他人修改（青石镇 · 税收收入）').waitFor();
      expect(await cell(page, 'T05', 'TAX', 'actual').getAttribute('aria-invalid')).toBe('true');
      expect(await stored('SELF', 'T05', 'TAX')).toEqual({ actual: 1, target: 2 });
      await s.shot('grid-conflict');
      await page.getByTestId('entry-save').click();
      await page.getByText('已保存 1 条数据').waitFor();
      expect(await stored('SELF', 'T05', 'TAX')).toEqual({ actual: 800, target: 900 });

      // 5b. Two windows: a subject removed elsewhere while its cells are being entered → the save is
      //     refused as a whole with a readable message naming the row, and the cell is marked.
      const created = (
        await gql(
          'mutation($s: ID!) { createSubject(schemeId: $s, code: "T99", name: "新设镇", group: "TOWNSHIP") { id version } }',
          { s: schemeId },
        )
      ).createSubject;
      await page.reload();
      await cell(page, 'T99', 'TAX', 'actual').waitFor();
      await cell(page, 'T99', 'TAX', 'actual').fill('100');
      await cell(page, 'T99', 'TAX', 'target').fill('200');
      await cell(page, 'T04', 'TAX', 'actual').fill('300');
      await cell(page, 'T04', 'TAX', 'target').fill('400');
      await gql('mutation($id: ID!, $v: Int) { deleteSubject(id: $id, version: $v) { id } }', {
        id: created.id,
        v: created.version,
      });
      await page.getByTestId('entry-save').click();
      await page
        .getByText('保存失败，1 处有误：新设镇 · 税收收入：考核对象 T99 不存在（可能已被删除），请刷新页面')
        .waitFor();
      await waitFor(
        async () => (await cell(page, 'T99', 'TAX', 'actual').getAttribute('aria-invalid')) === 'true',
        'server problem marked',
      );
      await s.shot('grid-server-refused');
      expect(await stored('SELF', 'T04', 'TAX')).toBeUndefined(); // all or nothing
      await page.getByTestId('entry-discard').click();

      // 6. 差异核定: MONITOR reports T01's TAX far from the self-report; the team settles it with a REVIEW value.
      await gql(
        'mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: MONITOR, value: $v) { id } }',
        { s: schemeId, v: { actual: 4000, target: 5000 } },
      );
      await page.getByRole('menuitem', { name: '差异核定' }).click();
      await page.waitForURL(/#\/discrepancies$/);
      const row = page.getByTestId('disc-T01-TAX');
      await row.getByText('待核定').waitFor();
      expect(await row.innerText()).toContain('东城镇');
      expect(await row.innerText()).toContain('实际 5100 / 目标 5000');
      expect(await row.innerText()).toContain('实际 4000 / 目标 5000');
      await s.shot('discrepancy-open');
      await page.getByTestId('settle-T01-TAX-actual').fill('4500');
      await page.getByTestId('settle-T01-TAX').click();
      await page.getByText('已核定 T01 · ').waitFor();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('show-resolved').click();
      await row.getByText('已核定').waitFor();
      expect(await row.innerText()).toContain('实际 4500 / 目标 5000');
      await s.shot('discrepancy-resolved');
      expect(await stored('REVIEW', 'T01', 'TAX')).toEqual({ actual: 4500, target: 5000 });

      // 7. 测评票数: PUBLIC_EVAL ballots of T01; a negative count is refused as typed, a whole number saved.
      await page.getByRole('menuitem', { name: '测评票数' }).click();
      await page.waitForURL(/#\/ballots$/);
      await page.getByTestId('ballot-grid').waitFor();
      await waitFor(
        async () => (await page.getByTestId('ballot-T01-LEADERS-EXCELLENT').inputValue()) === '7',
        'stored ballots shown',
      );
      expect(await page.getByTestId('ballot-total-T01').innerText()).toBe('48');
      // the scheme's display names instead of codes, and a voter group's weight as a weight
      const leaders = page.getByTestId('ballot-group-LEADERS');
      expect(await leaders.locator('span').innerText()).toBe('权重 30%');
      expect((await leaders.innerText()).replace('权重 30%', '').trim()).toBe('领导班子成员');
      const head = await page.getByTestId('ballot-grid').locator('thead').innerText();
      for (const name of ['单位负责人', '群众代表', '考核组', '优秀', '良好', '一般', '较差'])
        expect(head).toContain(name);
      expect(head).not.toMatch(/LEADERS|EXCELLENT|×/);
      expect(await page.getByTestId('ballot-T01-LEADERS-GOOD').getAttribute('aria-label')).toBe(
        '东城镇，领导班子成员，良好',
      );
      await page.getByTestId('ballot-T01-LEADERS-GOOD').fill('-1');
      expect(await page.getByTestId('ballot-T01-LEADERS-GOOD').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('ballot-save').isDisabled()).toBe(true);
      await page.getByTestId('ballot-T01-LEADERS-GOOD').fill('2');
      expect(await page.getByTestId('ballot-total-T01').innerText()).toBe('50');
      await page.getByTestId('ballot-save').click();
      await page.getByText('已保存 1 个对象的票数').waitFor();
      await s.shot('ballots-saved');
      const ballots = (await stored('REVIEW', 'T01', 'PUBLIC_EVAL')).ballots;
      expect(ballots.LEADERS).toEqual({ EXCELLENT: 7, GOOD: 2, FAIR: 4, POOR: 1 });
      expect(ballots.TEAM).toEqual({ EXCELLENT: 6, GOOD: 6 });
      // a tally block pasted at T02's LEADERS/EXCELLENT fills T02 and T03 (EXCELLENT, GOOD)
      await paste(page, page.getByTestId('ballot-T02-LEADERS-EXCELLENT'), '3\t1\r\n2\t0\r\n');
      await waitFor(
        async () => (await page.getByTestId('ballot-T03-LEADERS-GOOD').inputValue()) === '0',
        'ballots pasted',
      );
      await page.getByTestId('ballot-save').click();
      await page.getByText('已保存 2 个对象的票数').waitFor();
      expect((await stored('REVIEW', 'T02', 'PUBLIC_EVAL')).ballots.LEADERS).toMatchObject({ EXCELLENT: 3, GOOD: 1 });
      expect((await stored('REVIEW', 'T03', 'PUBLIC_EVAL')).ballots.LEADERS).toMatchObject({ EXCELLENT: 2, GOOD: 0 });

      // 8. A UNIT user (东城镇 T01): its own row only, SELF writable, the other sources read only.
      await gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { email: 'unit@demo.test', password: 'unit-pass-1', name: '东城镇填报员', role: 'UNIT', unit: 'T01' },
      });
      await page.getByRole('button', { name: '个人设置' }).click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await signIn(page, 'unit@demo.test', 'unit-pass-1', 'demo');
      await page.getByRole('menuitem', { name: '数据填报' }).click();
      await page.getByTestId('entry-grid').waitFor();
      await waitFor(
        async () => (await cell(page, 'T01', 'TAX', 'actual').inputValue()) === '5100',
        'the unit sees its SELF value',
      );
      expect(await page.getByTestId('entry-row-T02').count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: '测评票数' }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: '差异核定' }).count()).toBe(0);
      await cell(page, 'T01', 'FAI', 'actual').fill('11');
      await cell(page, 'T01', 'FAI', 'target').fill('10');
      await page.getByTestId('entry-save').click();
      await page.getByText('已保存 1 条数据').waitFor();
      expect(await stored('SELF', 'T01', 'FAI')).toEqual({ actual: 11, target: 10 });
      await pick(page, 'pick-source', '考核组核定');
      await page.getByTestId('entry-readonly').waitFor();
      expect(await cell(page, 'T01', 'TAX', 'actual').getAttribute('readonly')).not.toBeNull();
      expect(await page.getByTestId('entry-save').count()).toBe(0);
      await s.shot('grid-unit');

      // 9. In English the page follows (it starts again on the role's own source): menu, pickers, the
      //    read-only notice and the field labels.
      await page
        .getByRole('button', { name: '语言' })
        .or(page.getByRole('button', { name: '中文' }))
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: 'Data entry' }).waitFor();
      await pick(page, 'pick-source', 'Review (assessment team)');
      await page
        .getByTestId('entry-readonly')
        .getByText('Your role cannot enter "Review (assessment team)" values: read only')
        .waitFor();
      await page.getByTestId('entry-grid').getByText('Actual', { exact: true }).first().waitFor();
      expect(await cell(page, 'T01', 'TAX', 'actual').getAttribute('aria-label')).toContain('Actual');
      await s.shot('grid-unit-en');
    });
  }, 180_000);
});
