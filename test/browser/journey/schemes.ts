// Schemes (考核方案): import, edit, publish, preview, filter.
import fs from 'node:fs';
import path from 'node:path';
import { ConsoleSession, REPO, expectText, gqlAt, signIn, waitForValue } from '../support';
import { type Journey, expectVisible, menu } from './helpers';

export async function schemesJourney({ server, browser, accounts }: Journey): Promise<void> {
  await ConsoleSession.walk(browser, 'schemes', async (s, page) => {
    const example = JSON.parse(
      fs.readFileSync(path.join(REPO, 'shared', 'examples', 'district-2023.scheme.json'), 'utf8'),
    );
    await page.goto(`${server.url}/admin/`);
    await signIn(page, accounts.demoAdmin.email, accounts.demoAdmin.password, accounts.demoAdmin.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();

    // 1. 考核方案: the demo's example scheme is there, published.
    await menu(page, '考核方案').click();
    await page.waitForURL(/#\/schemes/);
    const demoRow = page
      .getByRole('row')
      .filter({ hasText: 'district-2023' })
      .filter({ hasNotText: 'district-2023-b' });
    await demoRow.getByText('已发布').waitFor();
    await page.getByRole('columnheader', { name: '年度' }).waitFor();
    await s.shot('schemes-list');

    // 2. Import the example under another code: a DRAFT appears.
    const copy = { ...example, code: 'district-2023-b', name: '2023年度实绩考核实施方案（B）' };
    await page.getByTestId('scheme-import-file').setInputFiles({
      name: 'district-2023-b.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(copy)),
    });
    await expectVisible(page, '已导入方案 district-2023-b（草稿）');
    const draftRow = page.getByRole('row').filter({ hasText: 'district-2023-b' });
    await draftRow.getByText('草稿').waitFor();
    await s.shot('scheme-imported');

    // 3. Open it: the first group's tree with weights and max points (TAX: 80% × 35% × 10/35 = 8).
    await draftRow.getByText('district-2023-b').click();
    await page.waitForURL(/#\/schemes\/[^/]+\/show$/);
    await page.getByRole('tab', { name: /镇（TOWNSHIP）/ }).waitFor();
    await expectText(page.getByTestId('max-TAX'), '8');
    await expectText(page.getByTestId('max-ECON'), '28');
    await waitForValue(page.getByTestId('weight-TAX'), '10');
    await s.shot('scheme-draft-tree');

    // 3b. An invalid weight is reported at its node, in the browser, and blocks saving.
    await page.getByTestId('weight-TAX').fill('-5');
    await page.getByTestId('problems-TAX').getByText('权重必须是大于 0 的数').waitFor();
    await page
      .getByTestId('problems-TAX')
      .getByText('/groups/0/root/children/0/children/0/children/0/weight')
      .waitFor();
    expect(await page.getByRole('button', { name: '保存方案' }).isDisabled()).toBe(true);
    await s.shot('scheme-weight-invalid');

    // 3c. Weight 20: max points follow as it is typed (28 × 20/45 = 12.44; 28 × 8/45 = 4.98).
    await page.getByTestId('weight-TAX').fill('20');
    await expectText(page.getByTestId('max-TAX'), '12.44');
    await expectText(page.getByTestId('max-FARMER_INCOME'), '4.98');
    expect(await page.getByTestId('problems-TAX').count()).toBe(0);
    await s.shot('scheme-weight-edited');

    // 4. Save (updateSchemeDefinition with the version): saved, and still 12.44 after the reload.
    await page.getByRole('button', { name: '保存方案' }).click();
    await expectVisible(page, '方案已保存');
    await page.reload();
    await waitForValue(page.getByTestId('weight-TAX'), '20');
    await expectText(page.getByTestId('max-TAX'), '12.44');
    await s.shot('scheme-saved');

    // 5. Publish, with a confirmation: 已发布, and the tree becomes read-only.
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('发布方案 district-2023-b').waitFor();
    await s.shot('scheme-publish-confirm');
    await confirm.getByRole('button', { name: '确认' }).click();
    await expectVisible(page, '方案已发布');
    await page.getByTestId('scheme-status').filter({ hasText: '已发布' }).waitFor();
    await expectVisible(page, '只读：只有草稿状态的方案可由管理员修改');
    await expectText(page.getByTestId('weight-TAX'), '20');
    expect(await page.locator('input[data-testid="weight-TAX"]').count()).toBe(0);
    await s.shot('scheme-published');

    // 6. Preview on the TARGET indicator TAX, computed in the browser by the engine.
    await page.getByRole('button', { name: '计分预览 TAX' }).click();
    const preview = page.getByTestId('preview-TAX');
    await preview.getByTestId('preview-input-actual').fill('5350');
    await preview.getByTestId('preview-input-target').fill('16000');
    await expectText(preview.getByTestId('preview-explain'), '实际 5350 / 目标 16000');
    await expectText(preview.getByTestId('preview-explain'), '满分 12.44 分');
    await expectText(preview.getByTestId('preview-rate'), '33.44%');
    await s.shot('scheme-preview');

    // 6b. Closing it (confirmation) is refused: a year closes on a published result, and it has none.
    await page.getByRole('button', { name: '关闭', exact: true }).click();
    await page.getByRole('dialog').getByText('关闭方案 district-2023-b').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expectVisible(page, '不能关闭：此方案还没有已发布的考核结果');
    await page.keyboard.press('Escape');
    await page.getByTestId('scheme-status').filter({ hasText: '已发布' }).waitFor();
    await s.shot('scheme-close-refused');
    // A run published through GraphQL (no data: an empty result), then closing works: 已关闭, still read-only.
    const { login } = await gqlAt(
      server.url,
      'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
      {
        e: accounts.demoAdmin.email,
        p: accounts.demoAdmin.password,
        t: accounts.demoAdmin.tenant,
      },
    );
    const schemeB = decodeURIComponent(page.url().match(/#\/schemes\/([^/]+)\/show$/)![1]);
    const run = (
      await gqlAt(server.url, 'mutation($s: ID!) { computeResults(schemeId: $s) { id } }', { s: schemeB }, login.token)
    ).computeResults.id;
    for (const step of ['reviewResults', 'approveResults', 'publishResults'])
      await gqlAt(server.url, `mutation($r: ID!) { ${step}(runId: $r) { id } }`, { r: run }, login.token);
    await page.getByRole('button', { name: '关闭', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expectVisible(page, '方案已关闭');
    await page.getByTestId('scheme-status').filter({ hasText: '已关闭' }).waitFor();
    await s.shot('scheme-closed');

    // 7. An invalid file is not imported: its problems are listed with their paths.
    await menu(page, '考核方案').click();
    await page.waitForURL(/#\/schemes/);
    const bad = {
      ...example,
      code: 'bad code!',
      groups: example.groups.map((g: { kind: string }, i: number) => (i === 0 ? { ...g, kind: 'TEAM' } : g)),
    };
    await page.getByTestId('scheme-import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const failed = page.getByRole('dialog');
    await failed.getByText('未能导入 broken.json').waitFor();
    const problems = failed.getByTestId('import-problems');
    await problems.getByText('/code', { exact: true }).waitFor();
    await problems.getByText('/groups/0/kind', { exact: true }).waitFor();
    await s.shot('scheme-import-problems');
    await failed.getByRole('button', { name: '关闭' }).click();
    expect(await page.getByRole('row').filter({ hasText: 'bad code!' }).count()).toBe(0);

    // 8. Clone the published example to 2024 (dialog with year and code): a new DRAFT opens.
    await page
      .getByRole('row')
      .filter({ hasText: 'district-2023' })
      .filter({ hasNotText: 'district-2023-b' })
      .getByText('district-2023')
      .click();
    await page.waitForURL(/#\/schemes\/[^/]+\/show$/);
    await page.getByRole('button', { name: '复制到新年度' }).click();
    const cloneDialog = page.getByRole('dialog');
    await cloneDialog.getByText('复制方案 district-2023 到新年度').waitFor();
    await waitForValue(cloneDialog.getByTestId('clone-year'), '2024');
    // the new year's name and code are proposed (and follow the year until typed in)
    await waitForValue(cloneDialog.getByTestId('clone-name'), '2024年度实绩考核实施方案');
    await waitForValue(cloneDialog.getByTestId('clone-code'), 'district-2024');
    await cloneDialog.getByTestId('clone-year').fill('2025');
    await waitForValue(cloneDialog.getByTestId('clone-name'), '2025年度实绩考核实施方案');
    await cloneDialog.getByTestId('clone-year').fill('2024');
    await cloneDialog.getByTestId('clone-code').fill('district-2024');
    await waitForValue(cloneDialog.getByTestId('clone-name'), '2024年度实绩考核实施方案');
    await s.shot('scheme-clone-dialog');
    await cloneDialog.getByRole('button', { name: '确认' }).click();
    await expectVisible(page, '已复制为 district-2024（草稿）');
    await page.getByTestId('scheme-status').filter({ hasText: '草稿' }).waitFor();
    await page.getByText('district-2024', { exact: true }).first().waitFor();
    await page.getByText('2024年度实绩考核实施方案').first().waitFor();
    await s.shot('scheme-cloned');

    // 8b. Two windows edit the same draft: the second save is refused (stale version) with a
    //     readable message asking to reload.
    await waitForValue(page.getByTestId('weight-TAX'), '10');
    const other = await s.context.newPage();
    await other.goto(page.url());
    await waitForValue(other.getByTestId('weight-TAX'), '10');
    await other.getByTestId('weight-TAX').fill('12');
    await other.getByRole('button', { name: '保存方案' }).click();
    await other.getByText('方案已保存').first().waitFor();
    await other.close();
    await page.getByTestId('weight-TAX').fill('11');
    await page.getByRole('button', { name: '保存方案' }).click();
    await expectVisible(page, '方案已被修改（可能是他人或另一个窗口），您的修改未保存。请重新加载后再编辑。');
    await s.shot('scheme-conflict');
    await page.getByRole('button', { name: '重新加载' }).click();
    await waitForValue(page.getByTestId('weight-TAX'), '12');

    // 9. The year and status filters: 2024 drafts are just the clone.
    await menu(page, '考核方案').click();
    await page.waitForURL(/#\/schemes/);
    await page.locator('input[name=year]').fill('2024');
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByRole('option', { name: '草稿' }).click();
    await page.waitForURL(/DRAFT/);
    await page.getByRole('row').filter({ hasText: 'district-2024' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'district-2023-b' }).waitFor({ state: 'detached' });
    await s.shot('schemes-filtered');
  });
}
