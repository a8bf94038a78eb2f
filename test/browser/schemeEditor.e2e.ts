// The scheme editor in a real browser (Debian chromium via playwright-core) against a real server
// booted in-process with its own embedded PostgreSQL and the demo tenant: the demo ADMIN imports
// the example into a DRAFT, adds a RANK indicator, turns an indicator into a FORMULA (an invalid
// expression is reported at the field, then fixed), removes a node, adds a bonus rule, edits a
// grade quota, saves, reloads and finds it all, and the GraphQL export holds the same definition.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { validateScheme } from '@kaoping/shared';
import {
  ConsoleSession,
  REPO,
  bootServer,
  ensureAdminBuilt,
  expectText,
  gqlAt,
  launchBrowser,
  signIn,
  waitForValue,
  type Json,
  type RunningServer,
} from './support';

const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };
const CODE = 'district-2023-editor';

let server: RunningServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('editor');
  url = server.url;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const gql = (query: string, variables: Record<string, unknown>, token?: string) => gqlAt(url, query, variables, token);

async function pick(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

test('an ADMIN edits a DRAFT scheme: tree, methods, rules, grades; saved and exported as edited', async () => {
  await ConsoleSession.walk(browser, 'scheme-editor', async (s, page) => {
    const example = JSON.parse(
      fs.readFileSync(path.join(REPO, 'shared', 'examples', 'district-2023.scheme.json'), 'utf8'),
    );
    const saveButton = page.getByRole('button', { name: '保存方案' });
    await page.goto(`${url}/admin/`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();

    // 1. Import the example under another code: a DRAFT; open it on the first group's tree.
    await page.getByRole('menuitem', { name: '考核方案' }).click();
    await page.waitForURL(/#\/schemes/);
    await page.getByTestId('scheme-import-file').setInputFiles({
      name: `${CODE}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...example, code: CODE, name: '2023年度方案（编辑器）' })),
    });
    await page.getByText(`已导入方案 ${CODE}（草稿）`).first().waitFor();
    await page.getByRole('row').filter({ hasText: CODE }).getByText(CODE).click();
    await page.waitForURL(/#\/schemes\/[^/]+\/show$/);
    const schemeId = decodeURIComponent(page.url().match(/#\/schemes\/([^/]+)\/show$/)![1]);
    await page.getByRole('tab', { name: /镇（TOWNSHIP）/ }).waitFor();
    await expectText(page.getByTestId('max-TAX'), '8');
    await expectText(page.getByTestId('max-SAFETY'), '3.2');
    expect(await saveButton.isDisabled()).toBe(true);
    await s.shot('draft');

    // 2. Add an indicator under ECON: it opens with a valid default method; make it a RANK with
    //    step 0.2, weight 5. ECON (28 points) now shares 40 weight: TAX 28 × 10/40 = 7, the new one 3.5.
    await page.getByRole('button', { name: '在 ECON 下添加指标' }).click();
    const form = page.getByTestId('form-IND_1');
    await form.waitFor();
    await expectText(page.getByTestId('node-IND_1'), '新指标');
    await expectText(page.getByTestId('node-IND_1'), '直接评分'); // the default method (SCORE)
    await form.getByTestId('code-IND_1').fill('GDP_RANK');
    await page.getByTestId('name-GDP_RANK').fill('地区生产总值增速排名');
    await page.getByTestId('form-weight-GDP_RANK').fill('5');
    // LINKED is offered only in MEMBER groups.
    await page.getByTestId('method-GDP_RANK').click();
    expect(await page.getByRole('option', { name: /^挂钩/ }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await pick(page, page.getByTestId('method-GDP_RANK'), '排名');
    await waitForValue(page.getByTestId('param-GDP_RANK-step'), '0.1'); // RANK's default step
    await page.getByTestId('param-GDP_RANK-step').fill('0.2');
    await expectText(page.getByTestId('inputs-GDP_RANK'), '实际值');
    await expectText(page.getByTestId('max-GDP_RANK'), '3.5');
    await expectText(page.getByTestId('max-TAX'), '7');
    await waitForValue(page.getByTestId('weight-GDP_RANK'), '5'); // the row's weight follows the form
    // An out-of-range step is reported at the field, in Chinese, and blocks saving; then fixed.
    await page.getByTestId('param-GDP_RANK-step').fill('2');
    await expectText(page.getByTestId('form-GDP_RANK'), '名次间隔扣减不能大于 1');
    expect(await saveButton.isDisabled()).toBe(true);
    await page.getByTestId('param-GDP_RANK-step').fill('0.2');
    await page.getByTestId('problems-GDP_RANK').waitFor({ state: 'detached' });
    // Up one place, before INVEST (its form stays open on it).
    await page.getByRole('button', { name: '上移 GDP_RANK' }).click();
    const rowOrder = () =>
      page
        .locator('[data-testid^="node-"]')
        .evaluateAll((els) =>
          els.map((e) => (e as unknown as { getAttribute(name: string): string | null }).getAttribute('data-testid')),
        ); // (no DOM types here)
    for (const until = Date.now() + 10_000; ;) {
      const rows = await rowOrder();
      if (
        rows.indexOf('node-GDP_RANK') === rows.indexOf('node-INVEST') - 1 &&
        rows.indexOf('node-FAI') === rows.indexOf('node-GDP_RANK') - 1
      )
        break;
      if (Date.now() > until) throw new Error(`GDP_RANK did not move before INVEST: ${rows.join(' ')}`);
      await page.waitForTimeout(100);
    }
    await waitForValue(page.getByTestId('param-GDP_RANK-step'), '0.2');
    await s.shot('rank-added');

    // 3. FAI becomes a FORMULA (valid default), then an invalid expression: the problem shows at
    //    the field (and at the node with its pointer), saving is blocked; then it is fixed.
    await page.getByRole('button', { name: '编辑 FAI' }).click();
    await pick(page, page.getByTestId('method-FAI'), '公式');
    const expr = page.getByTestId('param-FAI-expression');
    await waitForValue(expr, 'actual / target');
    await page.getByTestId('formula-vars-FAI').getByText('previous').waitFor();
    await expr.fill('actual / tgt * 100');
    await expectText(page.getByTestId('form-FAI'), '公式中不能使用“tgt”');
    await expectText(
      page.getByTestId('problems-FAI'),
      '/groups/0/root/children/0/children/0/children/2/method/expression',
    );
    expect(await saveButton.isDisabled()).toBe(true);
    await s.shot('formula-invalid');
    await expr.fill('min(actual / target, 1.2)');
    await page.getByTestId('param-FAI-cap').fill('1.2');
    await page.getByTestId('problems-FAI').waitFor({ state: 'detached' });
    expect(await page.getByTestId('form-FAI').innerText()).not.toContain('公式中不能使用');
    await expectText(page.getByTestId('node-FAI'), '公式');
    await s.shot('formula-fixed');

    // 3b. CIVILITY's GRADE table gets a level E: a repeated letter is marked and blocks saving.
    await page.getByRole('button', { name: '编辑 CIVILITY' }).click();
    await page.getByTestId('param-CIVILITY-levels-add').click();
    await page.getByTestId('param-CIVILITY-levels-key-4').fill('A');
    await expectText(page.getByTestId('param-CIVILITY-levels'), '代码重复');
    await expectText(page.getByTestId('editor-state'), '有未完成的输入');
    expect(await saveButton.isDisabled()).toBe(true);
    await page.getByTestId('param-CIVILITY-levels-key-4').fill('E');
    await page.getByTestId('param-CIVILITY-levels-value-4').fill('1.3');
    await expectText(page.getByTestId('param-CIVILITY-levels'), '必须是 [0, 1] 之间的数');
    await page.getByTestId('param-CIVILITY-levels-value-4').fill('0.3');
    await page.getByTestId('problems-CIVILITY').waitFor({ state: 'detached' });
    await s.shot('grade-levels');

    // 4. Remove ROADS (with confirmation): DUTY's other indicators share its weight (SAFETY 20 × 4/22).
    await page.getByRole('button', { name: '删除 ROADS' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByTestId('node-ROADS').waitFor({ state: 'detached' });
    await expectText(page.getByTestId('max-SAFETY'), '3.64');
    await s.shot('node-removed');

    // 5. A bonus rule: 3 points per event, at most 6 per subject; the TOWNSHIP bonus cap goes to 6.
    await page.getByTestId('section-rules').click();
    await page.getByTestId('add-rule').click();
    const rule = page.getByTestId('rule-RULE_1');
    await rule.waitFor();
    await rule.getByTestId('rule-RULE_1-code').fill('AWARD_NATIONAL');
    await page.getByTestId('rule-AWARD_NATIONAL-name').fill('国家级表彰');
    await page.getByTestId('rule-AWARD_NATIONAL-points').fill('3');
    await page.getByTestId('rule-AWARD_NATIONAL-maxPerSubject').fill('6');
    await page.getByTestId('group-TOWNSHIP-bonusCap').fill('6');
    await s.shot('rule-added');

    // 6. Grades: a quota above 1 is refused at the field; 0.2 shows its quota (2 of 10, 20 of 100).
    await page.getByTestId('section-grades').click();
    const share = page.getByTestId('grade-EXCELLENT-maxShare');
    await waitForValue(share, '0.3');
    await share.fill('1.5');
    await expectText(page.getByTestId('grade-EXCELLENT'), '名额比例必须大于 0 且不超过 1');
    expect(await saveButton.isDisabled()).toBe(true);
    await share.fill('0.2');
    await expectText(page.getByTestId('grade-EXCELLENT'), '10 人中 2 人');
    await s.shot('grade-quota');

    // 7. Save (one updateSchemeDefinition with the version), reload: everything is there.
    expect(await saveButton.isDisabled()).toBe(false);
    await saveButton.click();
    await page.getByText('方案已保存').first().waitFor();
    await page.reload();
    await page.getByRole('tab', { name: /镇（TOWNSHIP）/ }).waitFor();
    await expectText(page.getByTestId('max-GDP_RANK'), '3.5');
    await expectText(page.getByTestId('max-TAX'), '7');
    await expectText(page.getByTestId('max-SAFETY'), '3.64');
    await expectText(page.getByTestId('node-GDP_RANK'), '排名');
    await expectText(page.getByTestId('node-FAI'), 'min(actual / target, 1.2)');
    expect(await page.getByTestId('node-ROADS').count()).toBe(0);
    await page.getByTestId('section-rules').click();
    await waitForValue(page.getByTestId('rule-AWARD_NATIONAL-points'), '3');
    await waitForValue(page.getByTestId('group-TOWNSHIP-bonusCap'), '6');
    await page.getByTestId('section-grades').click();
    await waitForValue(page.getByTestId('grade-EXCELLENT-maxShare'), '0.2');
    await s.shot('reloaded');

    // 8. The GraphQL export holds the same definition, and the engine finds it valid.
    const { login } = await gql(
      'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
      { e: DEMO.email, p: DEMO.password, t: DEMO.tenant },
    );
    const { exportScheme: def } = await gql('query($id: ID!) { exportScheme(id: $id) }', { id: schemeId }, login.token);
    expect(validateScheme(def)).toEqual([]);
    const econ = def.groups[0].root.children[0].children[0];
    expect(econ.children.map((c: { code: string }) => c.code)).toEqual([
      'TAX',
      'FARMER_INCOME',
      'FAI',
      'GDP_RANK',
      'INVEST',
    ]);
    expect(econ.children[3]).toEqual({
      code: 'GDP_RANK',
      name: '地区生产总值增速排名',
      weight: 5,
      method: { type: 'RANK', step: 0.2 },
    });
    expect(econ.children[2].method).toEqual({ type: 'FORMULA', expression: 'min(actual / target, 1.2)', cap: 1.2 });
    const duty = def.groups[0].root.children[0].children[3];
    expect(duty.children.map((c: { code: string }) => c.code)).not.toContain('ROADS');
    expect(duty.children).toHaveLength(7);
    expect(def.rules.at(-1)).toEqual({
      code: 'AWARD_NATIONAL',
      name: '国家级表彰',
      kind: 'BONUS',
      groups: example.groups.map((g: { code: string }) => g.code),
      points: 3,
      maxPerSubject: 6,
    });
    expect(def.groups[0].bonusCap).toBe(6);
    expect(def.groups[0].root.children[0].children[1].children[1].method.levels).toEqual({
      A: 1,
      B: 0.85,
      C: 0.7,
      D: 0.5,
      E: 0.3,
    });
    expect(def.grades[0]).toEqual({ ...example.grades[0], maxShare: 0.2 });
    // Nothing else changed: the other groups are as imported.
    expect(def.groups.slice(1)).toEqual(example.groups.slice(1));

    // 8b. Every method's form, on a MEMBER group's indicator: switching resets to valid defaults
    //     (no problem anywhere), and each form shows its own fields. Then discarded.
    await page.getByTestId('section-tree').click();
    await page.getByRole('tab', { name: /党政正职（PRINCIPAL）/ }).click();
    await page.getByRole('button', { name: '编辑 LEADERSHIP' }).click();
    const forms: [string, string, string[]][] = [
      ['目标完成', 'TARGET', ['direction', 'floor', 'cap']],
      ['阶梯', 'LADDER', ['basis', 'step-0-min', 'step-1-score']],
      ['排名', 'RANK', ['direction', 'step', 'floor']],
      ['线性', 'LINEAR', ['direction', 'floor']],
      ['等次', 'GRADE', ['levels-key-0', 'levels-value-3']],
      ['测评', 'SURVEY', ['options-key-0', 'voterGroups-value-0']],
      ['公式', 'FORMULA', ['expression', 'cap']],
      ['挂钩', 'LINKED', ['cap']],
      ['直接评分', 'SCORE', ['max']],
    ];
    for (const [label, type, fields] of forms) {
      await pick(page, page.getByTestId('method-LEADERSHIP'), label);
      for (const f of fields) await page.getByTestId(`param-LEADERSHIP-${f}`).waitFor();
      await expectText(page.getByTestId('node-LEADERSHIP'), label);
      expect({
        type,
        problems: await page.getByTestId('problems-LEADERSHIP').count(),
        state: await page.getByTestId('editor-state').innerText(),
      }).toEqual({ type, problems: 0, state: '有未保存的修改' });
    }
    await s.shot('every-method');
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.getByRole('tab', { name: /镇（TOWNSHIP）/ }).click();

    // 8c. SURVEY display names: a name beside each voter group and option code; one renamed, one
    //     cleared (its key removed), saved; the tree's summary shows names.
    await page.getByRole('button', { name: '编辑 PUBLIC_EVAL' }).click();
    await waitForValue(page.getByTestId('param-PUBLIC_EVAL-voterGroups-name-0'), '领导班子成员');
    await waitForValue(page.getByTestId('param-PUBLIC_EVAL-options-name-3'), '较差');
    await page.getByTestId('param-PUBLIC_EVAL-voterGroups-name-0').fill('区领导');
    await page.getByTestId('param-PUBLIC_EVAL-options-name-3').fill('');
    await expectText(page.getByTestId('node-PUBLIC_EVAL'), '区领导 30');
    await s.shot('survey-names');
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.getByText('方案已保存').first().waitFor();
    const named = (await gql('query($id: ID!) { exportScheme(id: $id) }', { id: schemeId }, login.token)).exportScheme;
    const survey = named.groups[0].root.children
      .flatMap((c: Json) => c.children ?? [c])
      .find((n: Json) => n.code === 'PUBLIC_EVAL').method;
    expect(survey.voterGroupNames).toEqual({
      LEADERS: '区领导',
      UNIT_HEADS: '单位负责人',
      PUBLIC: '群众代表',
      TEAM: '考核组',
    });
    expect(survey.optionNames).toEqual({ EXCELLENT: '优秀', GOOD: '良好', FAIR: '一般' });
    expect(validateScheme(named)).toEqual([]);

    // 9. In English the problems read in English: a zero weight, then discarded.
    await page.getByTestId('section-tree').click();
    await page
      .getByRole('button', { name: '语言' })
      .or(page.getByRole('button', { name: '中文' }))
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Indicators' }).waitFor();
    // names and codes with English punctuation, not the Chinese full-width brackets
    await page.getByRole('tab', { name: '镇 (TOWNSHIP)' }).waitFor();
    await page.getByTestId('weight-TAX').fill('0');
    await expectText(page.getByTestId('problems-TAX'), 'weight must be a number > 0');
    expect(await page.getByTestId('problems-TAX').innerText()).not.toContain('权重');
    await s.shot('problem-en');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await waitForValue(page.getByTestId('weight-TAX'), '10');

    // 10. The published example is read-only: rules and grades as text, nothing to add.
    await page.getByRole('menuitem', { name: 'Schemes' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'district-2023' })
      .filter({ hasNotText: CODE })
      .getByText('district-2023')
      .click();
    await page.getByRole('tab', { name: /TOWNSHIP/ }).waitFor();
    await page.getByRole('button', { name: 'View FARMLAND', exact: true }).click();
    await expectText(page.getByTestId('form-FARMLAND'), 'if(actual >= 0, 1, max(0, 1 + actual / 5))');
    await expectText(page.getByTestId('form-FARMLAND'), 'A formula gives the rate');
    expect(await page.getByTestId('form-FARMLAND').locator('input, textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit FARMLAND', exact: true }).count()).toBe(0);
    await page.getByTestId('section-rules').click();
    await expectText(page.getByTestId('rule-AWARD_CITY-points'), '1');
    expect(await page.locator('input[data-testid="rule-AWARD_CITY-points"]').count()).toBe(0);
    expect(await page.getByTestId('add-rule').count()).toBe(0);
    await page.getByTestId('section-grades').click();
    await expectText(page.getByTestId('grade-EXCELLENT-maxShare'), '0.3');
    expect(await page.getByTestId('add-grade').count()).toBe(0);
    await s.shot('published-readonly');
  });
}, 180_000);
