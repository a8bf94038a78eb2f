// The breakdown's receipt (得分依据) in a real browser: a subject whose bonus was cut by the group
// cap, one left out of a grade by a tie at the quota's cut-off, and one whose grade a veto capped;
// each reason read in Chinese, then in English (with the explanations).
import type { Browser, Page } from 'playwright-core';
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

const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };

// Ten subjects on one SCORE indicator; grade 优秀 takes at most 3 (0.3 × 10): 95 and 94 get it,
// the two 93s tie at the cut-off and are both left out. S4 scores 95 but is vetoed (一般 at best);
// S6 scores 60 and claims 2 × 3 (cut to 4 by the rule) + 3 = 7 bonus points, cut to 5 by the group.
const SCHEME = {
  formatVersion: 1,
  code: 'receipts-2024',
  name: '得分依据示例方案',
  year: 2024,
  precision: 2,
  grades: [
    { code: 'A', name: '优秀', minScore: 90, maxShare: 0.3 },
    { code: 'B', name: '良好', minScore: 80 },
    { code: 'C', name: '一般', minScore: 60 },
    { code: 'D', name: '较差' },
  ],
  groups: [
    {
      code: 'G',
      name: '乡镇',
      kind: 'UNIT',
      bonusCap: 5,
      deductionCap: null,
      root: {
        code: 'ROOT',
        name: '总分',
        weight: 1,
        children: [{ code: 'S', name: '综合评分', weight: 1, method: { type: 'SCORE' } }],
      },
    },
  ],
  rules: [
    { code: 'X', name: '市级表彰', kind: 'BONUS', groups: ['G'], points: 3, maxPerSubject: 4 },
    { code: 'Y', name: '省级表彰', kind: 'BONUS', groups: ['G'], points: 3 },
    { code: 'V', name: '重大事故', kind: 'VETO', groups: ['G'], maxGrade: 'C' },
  ],
};
const SCORES = [95, 94, 93, 93, 95, 84, 60, 65, 50, 40];
const DATASET = {
  formatVersion: 1,
  subjects: SCORES.map((_, i) => ({ code: `S${i}`, name: `对象${i}`, group: 'G' })),
  inputs: SCORES.map((score, i) => ({ subject: `S${i}`, indicator: 'S', score })),
  adjustments: [
    { subject: 'S6', rule: 'X', count: 2 },
    { subject: 'S6', rule: 'Y' },
    { subject: 'S4', rule: 'V' },
  ],
};

let server: RunningServer;
let browser: Browser;
let runId: string;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('receipts');
  browser = await launchBrowser();
  const gql = (q: string, v: Json = {}, t?: string) => gqlAt(server.url, q, v, t);
  const token = (
    await gql(
      'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
      { e: DEMO.email, p: DEMO.password, t: DEMO.tenant },
    )
  ).login.token;
  const id = (await gql('mutation($d: JSON!) { importScheme(definition: $d) { id } }', { d: SCHEME }, token))
    .importScheme.id;
  await gql('mutation($id: ID!) { publishScheme(id: $id) { id } }', { id }, token);
  await gql(
    'mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }',
    { s: id, d: DATASET },
    token,
  );
  runId = (await gql('mutation($s: ID!) { computeResults(schemeId: $s) { id } }', { s: id }, token)).computeResults.id;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** Opens a subject's breakdown from the ranking, waits for its receipt, and returns the receipt line of `code`. */
async function openReceipt(page: Page, subject: string) {
  await page.getByTestId(`row-${subject}`).click();
  await page.getByTestId('receipt').waitFor();
  return (code: string) => page.getByTestId('receipt').getByTestId(`receipt-line-${code}`);
}

async function close(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('breakdown').waitFor({ state: 'detached' });
}

test('the receipt explains a capped bonus, a quota tie and a veto, in Chinese and in English', async () => {
  await ConsoleSession.walk(browser, 'receipts', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByRole('menuitem', { name: '考核结果' }).waitFor();
    await page.goto(`${server.url}/admin/#/results/${runId}/show`);
    await page.getByTestId('ranking-G').waitFor();

    // 1. Chinese: the capped bonus (S6)
    let line = await openReceipt(page, 'S6');
    await expectText(line('BONUS_GROUP_CAP'), '加分合计 7 分，超过本组加分上限 5 分，计入 5 分');
    await expectText(
      line('ADJUSTMENT_RULE_CAP'),
      '加分“市级表彰”：申报 6 分，超过该项每个对象累计上限 4 分，计入 4 分',
    );
    await expectText(page.getByTestId('node-S'), '评分 60 / 100 = 60%，得 60 分（满分 100 分）');
    await expectText(page.getByTestId('receipt-indicator-S'), '采用复核值（无其他来源）');
    await s.shot('capped-bonus-zh');
    await close(page);

    // 2. the tie at the quota's cut-off (S2)
    line = await openReceipt(page, 'S2');
    await expectText(
      line('GRADE_QUOTA_TIE'),
      '未评“优秀”：名额 3 名，最终得分 93 与名额线上的对象同分（共 2 个），同分者均不占名额',
    );
    await expectText(line('RANK'), '在本组 10 个对象中排第 4 名，与 1 个对象同分并列');
    await s.shot('quota-tie-zh');
    await close(page);

    // 3. the veto (S4)
    line = await openReceipt(page, 'S4');
    await expectText(line('VETO'), '否决项“重大事故”：最高可评“一般”');
    await expectText(line('GRADE_VETOED'), '未评“优秀”：因否决项“重大事故”，最高只能评“一般”');
    await expectText(line('GRADE_MIN_MET'), '评为“一般”：最终得分 95 不低于最低分数 60');
    await s.shot('veto-zh');
    await close(page);

    // 4. English: the same three reasons, and the explanations
    await page
      .getByRole('button', { name: '语言' })
      .or(page.getByRole('button', { name: '中文' }))
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: 'Final' }).first().waitFor();
    line = await openReceipt(page, 'S6');
    await expectText(line('BONUS_GROUP_CAP'), "bonus total 7, cut by the group's bonus cap of 5: 5 counted");
    await expectText(page.getByTestId('node-S'), 'score 60 / 100 = 60%: 60 of 100 points');
    await expectText(page.getByTestId('receipt-indicator-S'), 'the review value (no other source)');
    await s.shot('capped-bonus-en');
    await close(page);
    line = await openReceipt(page, 'S2');
    await expectText(
      line('GRADE_QUOTA_TIE'),
      'not "优秀": its quota is 3 and the final 93 ties at the cut-off (2 subjects); all tied there are left out',
    );
    await s.shot('quota-tie-en');
    await close(page);
    line = await openReceipt(page, 'S4');
    await expectText(line('GRADE_VETOED'), 'not "优秀": the veto "重大事故" allows "一般" at best');
    expect(await page.getByTestId('receipt').innerText()).toContain('Why this rank, these adjustments and this grade');
    await s.shot('veto-en');
    await close(page);
  });
}, 180_000);
