// The results lifecycle in a real browser (Debian chromium through playwright-core) against a real
// server with the demo tenant: a run sent back with a reason (退回), a recompute published with
// the missing-data acknowledgement, the demo's run shown as superseded, the audit log page
// (操作日志) with a record's before and after, the settings page, and the year closed.
import type { Browser, Page } from 'playwright-core';
import { ConsoleSession, expectText, gqlAt, signIn, type Json, type RunningServer } from './support';
import { DEMO, bootDemoConsole, stopDemoConsole } from './demo';

const REASON = 'T01 税收数据待核实，请更正后重新计算';

let server: RunningServer;
let browser: Browser;
let token: string;
let schemeId: string;

const gql = (query: string, variables: Json = {}): Promise<Json> => gqlAt(server.url, query, variables, token);
const menu = (page: Page, name: string) => page.getByRole('menuitem', { name });
const confirmDialog = async (page: Page) => {
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
};

beforeAll(async () => {
  ({ server, browser, token, schemeId } = await bootDemoConsole('lifecycle'));
}, 240_000);

afterAll(() => stopDemoConsole({ server, browser }), 60_000);

test('send back with a reason, publish with the missing-data acknowledgement, the superseded run, the audit log and the settings', async () => {
  await ConsoleSession.walk(browser, 'lifecycle', async (s, page) => {
    const demoRun = (await gql('query($s: ID!) { resultRuns(schemeId: $s) { id status } }', { s: schemeId }))
      .resultRuns[0];
    expect(demoRun.status).toBe('PUBLISHED');
    // A corrected figure, computed into a new DRAFT run (GraphQL, as another window would).
    await gql(
      'mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { id } }',
      { s: schemeId, v: { actual: 7000, target: 8000 } },
    );
    const draft = (
      await gql('mutation($s: ID!) { computeResults(schemeId: $s) { id status missingInputs } }', { s: schemeId })
    ).computeResults;
    expect(draft).toMatchObject({ status: 'DRAFT', missingInputs: 1 });

    await page.goto(`${server.url}/admin/`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();

    // 1. The draft shows its missing input (T03, 通村水泥路建设) and who computed it.
    await page.goto(`${server.url}/admin/#/results/${encodeURIComponent(draft.id)}/show`);
    await expectText(page.getByTestId('run-status'), '草稿');
    await page.getByTestId('missing-notice').getByText('T03').waitFor();
    await expectText(page.getByTestId('missing-notice'), '通村水泥路建设');
    await expectText(page.getByTestId('run-steps'), '计算');
    await s.shot('draft-missing');

    // 2. 退回 with a reason: the submit stays disabled until a reason is written; then 已退回 with it, and no further step.
    await page.getByTestId('run-reject').click();
    expect(await page.getByTestId('reject-submit').isDisabled()).toBe(true);
    await page.getByTestId('reject-reason').fill(REASON);
    await s.shot('reject-dialog');
    await page.getByTestId('reject-submit').click();
    await expectText(page.getByTestId('run-status'), '已退回');
    await expectText(page.getByTestId('reject-reason-shown'), REASON);
    await expectText(page.getByTestId('run-steps'), '退回');
    expect(await page.getByTestId('run-review').count()).toBe(0);
    expect(await page.getByTestId('run-reject').count()).toBe(0);
    await s.shot('rejected');

    // 3. 计算结果 again (nothing changed, yet a new draft), then 审核 and 批准.
    const rejectedUrl = page.url();
    await page.getByTestId('compute-results').click();
    await confirmDialog(page);
    await page.waitForURL((url) => /#\/results\/[^/]+\/show$/.test(url.href) && url.href !== rejectedUrl);
    await expectText(page.getByTestId('run-status'), '草稿');
    for (const [step, status] of [
      ['review', '已审核'],
      ['approve', '已批准'],
    ] as const) {
      await page.getByTestId(`run-${step}`).click();
      await confirmDialog(page);
      await expectText(page.getByTestId('run-status'), status);
    }

    // 4. 发布: the acknowledgement dialog lists the missing input; publishing waits for the tick.
    await page.getByTestId('run-publish').click();
    const ack = page.getByTestId('ack-dialog');
    await ack.waitFor();
    await expectText(ack, '1 项数据缺失');
    await ack.getByTestId('missing-list').getByText('T03').waitFor();
    expect(await page.getByTestId('ack-publish').isDisabled()).toBe(true);
    await s.shot('publish-acknowledge');
    await page.getByTestId('ack-missing').locator('input').check();
    await page.getByTestId('ack-publish').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectText(page.getByTestId('run-status'), '已发布');
    await expectText(page.getByTestId('run-steps'), '发布');
    await s.shot('published');

    // 5. The demo's run is now 已被取代, with a link to the run that replaced it.
    await page.goto(`${server.url}/admin/#/results/${encodeURIComponent(demoRun.id)}/show`);
    await expectText(page.getByTestId('run-status'), '已被取代');
    await page.getByTestId('superseded-notice').waitFor();
    expect(await page.getByTestId('compute-results').count()).toBe(1);
    await s.shot('superseded');

    // 6. 操作日志: the send-back, filtered to result runs, opens with its before and after side by side.
    await menu(page, '操作日志').click();
    await page.waitForURL(/#\/audit$/);
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-entity').click();
    await page.getByRole('option', { name: '考核结果' }).click();
    const rejectRow = page.getByTestId('audit-result_run-REJECT');
    await rejectRow.waitFor();
    expect(await page.getByTestId('audit-user-CREATE').count()).toBe(0); // filtered to result runs
    await expectText(rejectRow, '退回');
    await expectText(rejectRow, '示范区管理员');
    await page.getByTestId('audit-result_run-SUPERSEDE').waitFor();
    await s.shot('audit-list');
    await rejectRow.click();
    const diff = page.getByTestId('audit-diff');
    await expectText(diff.getByTestId('diff-row-status'), 'DRAFT');
    await expectText(diff.getByTestId('diff-row-status'), 'REJECTED');
    await expectText(diff.getByTestId('diff-row-reason'), REASON);
    await s.shot('audit-diff');
    await page.keyboard.press('Escape');

    // 7. 租户设置: separation of duties switched on (audited like the rest).
    await menu(page, '设置').click();
    await page.waitForURL(/#\/settings$/);
    const sw = page.getByTestId('separation-of-duties').locator('input');
    expect(await sw.isChecked()).toBe(false);
    await sw.click(); // the switch follows once the server saved it
    await page.getByText('设置已保存').first().waitFor();
    expect(await sw.isChecked()).toBe(true);
    expect((await gql('{ tenantSettings { separationOfDuties } }')).tenantSettings.separationOfDuties).toBe(true);
    await s.shot('settings');

    // 8. The year closes now that it has a published result.
    await menu(page, '考核方案').click();
    await page.waitForURL(/#\/schemes/);
    await page.getByRole('row').filter({ hasText: 'district-2023' }).getByText('district-2023').click();
    await page.waitForURL(/#\/schemes\/[^/]+\/show$/);
    await page.getByRole('button', { name: '关闭', exact: true }).click();
    await confirmDialog(page);
    await page.getByTestId('scheme-status').filter({ hasText: '已关闭' }).waitFor();
    await s.shot('scheme-closed');
  });
}, 180_000);
