// Results (考核结果): read, compute, review, approve, publish, compare; a viewer in English.
import fs from 'node:fs';
import path from 'node:path';
import { ConsoleSession, REPO, expectText, signIn, waitForValue, type Json } from '../support';
import { type Journey, expectVisible, menu, stamp } from './helpers';

export async function resultsJourney({ server, browser, accounts }: Journey): Promise<void> {
  await ConsoleSession.walk(browser, 'results', async (s, page) => {
    const expected = JSON.parse(
      fs.readFileSync(path.join(REPO, 'shared', 'examples', 'district-2023.expected.json'), 'utf8'),
    );
    const t01 = expected.subjects.find((x: { subject: string }) => x.subject === 'T01');
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Json; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const confirmDialog = async () => {
      await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    };
    await page.goto(`${server.url}/admin/`);
    await signIn(page, accounts.demoAdmin.email, accounts.demoAdmin.password, accounts.demoAdmin.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();

    // 1. 考核结果: the demo's run, published.
    await menu(page, '考核结果').click();
    await page.waitForURL(/#\/results/);
    await page.getByRole('columnheader', { name: '方案版本' }).waitFor();
    // (the B scheme's empty run, published before it was closed, is listed too)
    const publishedRow = page
      .getByRole('row')
      .filter({ has: page.getByTestId('run-status').filter({ hasText: '已发布' }) })
      .filter({ hasNotText: '（B）' });
    await publishedRow.first().waitFor();
    expect(await publishedRow.count()).toBe(1);
    await s.shot('runs-list');

    // 2. Open it: the TOWNSHIP (镇) ranking with T01 first and its final as in the example's expected results.
    await publishedRow.first().getByTestId('run-status').click();
    await page.waitForURL(/#\/results\/[^/]+\/show$/);
    const firstRunUrl = page.url();
    await page.getByRole('tab', { name: /^镇 \(6\)/ }).waitFor();
    await page.getByTestId('row-T01').waitFor();
    await expectText(page.getByTestId('final-T01'), String(t01.final));
    expect(await page.getByTestId('ranking-TOWNSHIP').locator('tbody tr').first().innerText()).toContain('T01');
    // Vetoes and grades by their names in the scheme definition.
    const scheme = JSON.parse(
      fs.readFileSync(path.join(REPO, 'shared', 'examples', 'district-2023.scheme.json'), 'utf8'),
    );
    const t04 = expected.subjects.find((x: { subject: string }) => x.subject === 'T04');
    for (const veto of t04.vetoes as string[]) {
      await expectText(page.getByTestId('row-T04'), scheme.rules.find((r: { code: string }) => r.code === veto).name);
    }
    await expectText(
      page.getByTestId('row-T01'),
      scheme.grades.find((g: { code: string }) => g.code === t01.grade).name,
    );
    await page.getByTestId('group-charts').waitFor();
    await expectVisible(page, '各等次人数');
    // An ADMIN sees 计算结果 on a published run, no further lifecycle step.
    await page.getByTestId('compute-results').waitFor();
    expect(await page.getByTestId('run-review').count()).toBe(0);
    await s.shot('run-ranking');

    // 3. T04's breakdown: the node tree; TAX explains its points from the actual value (实际).
    await page.getByTestId('row-T04').click();
    await page.getByTestId('breakdown').waitFor();
    await expectText(page.getByTestId('node-TAX'), '实际');
    await expectVisible(page, '北湖镇（T04）得分明细');
    await s.shot('breakdown-T04');
    await page.keyboard.press('Escape');
    await page.getByTestId('breakdown').waitFor({ state: 'detached' });

    // 3b. 加减分核实: the demo holds no open claim, so claim an award for E01 through the form,
    //     then verify it (confirmation): its status shows 已核实. Back to the run afterwards.
    const runUrl = page.url();
    await menu(page, '加减分核实').click();
    await page.waitForURL(/#\/adjustments/);
    await page.getByTestId('adjustment-claim').click();
    const claimNote = `区级表彰-${stamp}`;
    await page.getByTestId('claim-subject').selectOption('E01');
    await page.getByTestId('claim-rule').selectOption('AWARD_DISTRICT');
    await page.getByTestId('claim-note').fill(claimNote);
    await page.getByTestId('claim-submit').click();
    const claimRow = page.getByRole('row').filter({ hasText: claimNote });
    await claimRow.getByTestId('adjustment-status').filter({ hasText: '待核实' }).waitFor();
    await claimRow.getByTestId('adjustment-verify').click();
    await confirmDialog();
    await claimRow.getByTestId('adjustment-status').filter({ hasText: '已核实' }).waitFor();
    await s.shot('adjustment-verified');
    await page.goto(runUrl);
    await page.getByTestId('row-T01').waitFor();

    // 3c. 数据填报: a self-report (单位自报) for T05's TAX typed into the grid and saved; the grid
    //     shows it stored (REVIEW values rule, so the scores below do not move).
    await menu(page, '数据填报').click();
    await page.waitForURL(/#\/data-entry$/);
    await page.getByTestId('entry-grid').waitFor();
    await page.getByTestId('pick-source').click();
    await page.getByRole('option', { name: '单位自报', exact: true }).click();
    await page.getByTestId('cell-T05-TAX-actual').fill('4321');
    await page.getByTestId('cell-T05-TAX-target').fill('5000');
    await page.getByTestId('entry-save').click();
    await expectVisible(page, '已保存 1 条数据');
    await page.waitForSelector('[data-testid=entry-save]:disabled'); // nothing left unsaved: the cell now shows what is stored
    await waitForValue(page.getByTestId('cell-T05-TAX-actual'), '4321');
    expect(await page.getByTestId('cell-T05-TAX-target').inputValue()).toBe('5000');
    await s.shot('data-entry-saved');
    await page.goto(runUrl);
    await page.getByTestId('row-T01').waitFor();

    // 4. Change an input (T01's TAX, REVIEW) through GraphQL, then 计算结果 → a new 草稿 run.
    const { login } = await gql(
      'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
      { e: accounts.demoAdmin.email, p: accounts.demoAdmin.password, t: accounts.demoAdmin.tenant },
    );
    const { allSchemes } = await gql('query { allSchemes(perPage: 100) { id code } }', {}, login.token);
    const schemeId = allSchemes.find((x: { code: string }) => x.code === 'district-2023').id;
    await gql(
      'mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { __typename } }',
      { s: schemeId, v: { actual: 5000, target: 8000 } },
      login.token,
    );
    await page.getByTestId('compute-results').click();
    await confirmDialog();
    await page.waitForURL((url) => /#\/results\/[^/]+\/show$/.test(url.href) && url.href !== firstRunUrl);
    await expectText(page.getByTestId('run-status'), '草稿');
    await page.getByTestId('row-T01').waitFor();
    await s.shot('run-computed-draft');

    // 5. The lifecycle through the buttons: 审核 → 已审核, 批准 → 已批准, 发布 → 已发布.
    for (const [step, label, status] of [
      ['review', '审核', '已审核'],
      ['approve', '批准', '已批准'],
      ['publish', '发布', '已发布'],
    ] as const) {
      await page.getByTestId(`run-${step}`).click();
      await page.getByRole('dialog').getByText(label).first().waitFor();
      if (step === 'publish') {
        // the example misses one input (T03's ROADS): publishing asks for an acknowledgement
        await page.getByTestId('ack-dialog').getByTestId('missing-list').getByText('T03').waitFor();
        await page.getByTestId('ack-missing').locator('input').check();
        await page.getByTestId('ack-publish').click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      } else {
        await confirmDialog();
      }
      await expectText(page.getByTestId('run-status'), status);
      await s.shot(`run-${step}`);
    }
    expect(await page.getByTestId('run-publish').count()).toBe(0);

    // 6. Compare with the demo's run: T01 changed (final down).
    await page.getByTestId('compare-select').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('compare-table').waitFor();
    const diff = page.getByTestId('diff-T01');
    await expectText(diff, String(t01.final));
    expect(await diff.innerText()).toMatch(/-\d/);
    await s.shot('run-compare');

    // 7. Two windows: a newer run reviewed elsewhere (GraphQL) while this page still offers 审核 →
    //    a readable CONFLICT message and the page shows the current status.
    await gql(
      'mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { __typename } }',
      { s: schemeId, v: { actual: 6000, target: 8000 } },
      login.token,
    );
    const publishedUrl = page.url();
    await page.getByTestId('compute-results').click();
    await confirmDialog();
    await page.waitForURL((url) => /#\/results\/[^/]+\/show$/.test(url.href) && url.href !== publishedUrl);
    await expectText(page.getByTestId('run-status'), '草稿');
    const draftId = decodeURIComponent(page.url().match(/#\/results\/([^/]+)\/show$/)![1]);
    await gql('mutation($r: ID!) { reviewResults(runId: $r) { status } }', { r: draftId }, login.token);
    await page.getByTestId('run-review').click();
    await confirmDialog();
    await expectVisible(page, '操作冲突：这轮结果的状态已被他人或另一个窗口更改');
    await expectText(page.getByTestId('run-status'), '已审核');
    await s.shot('run-conflict');

    // 8. A VIEWER reads results (menu, ranking) but gets no compute or lifecycle buttons.
    const viewer = { email: `viewer-${stamp}@example.com`, password: 'viewer-pass-1' };
    await gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email: viewer.email, password: viewer.password, name: '只读查看', role: 'VIEWER' } },
      login.token,
    );
    const v = await ConsoleSession.open(browser, 'results-viewer');
    try {
      await v.page.goto(`${server.url}/admin/`);
      await signIn(v.page, viewer.email, viewer.password, accounts.demoAdmin.tenant);
      await menu(v.page, '考核结果').click();
      await v.page.waitForURL(/#\/results/);
      await v.page.getByTestId('run-status').filter({ hasText: '已审核' }).first().click();
      await v.page.getByTestId('row-T01').waitFor();
      expect(await v.page.getByTestId('compute-results').count()).toBe(0);
      expect(await v.page.getByTestId('run-approve').count()).toBe(0);
      await v.shot('viewer-run');
      // In English: the same page's labels follow.
      await v.page
        .getByRole('button', { name: '语言' })
        .or(v.page.getByRole('button', { name: '中文' }))
        .first()
        .click();
      await v.page.getByRole('menuitem', { name: 'English' }).click();
      await menu(v.page, 'Results').waitFor();
      await v.page.getByRole('columnheader', { name: 'Rank' }).waitFor();
      await expectText(v.page.getByTestId('run-status'), 'Reviewed');
      await v.shot('viewer-run-en');
    } finally {
      await v.close();
    }
  });
}
