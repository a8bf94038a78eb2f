// The what-if page in a real browser against a real server with the demo tenant (the example
// scheme published, its data and a published run): one click from the scheme page, a quota and a
// weight changed, the moved subjects read from the page and compared with the engine evaluating
// the same modified scheme here; the variant saved as a new DRAFT, and that DRAFT simulated over
// the published scheme's data in one click.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { evaluate, type CategoryNode, type Dataset, type Result, type Scheme } from '@kaoping/shared';
import {
  ConsoleSession,
  REPO,
  bootServer,
  ensureAdminBuilt,
  gqlAt,
  launchBrowser,
  signIn,
  type RunningServer,
} from './support';

const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(REPO, 'shared', 'examples', f), 'utf8'));
const SCHEME: Scheme = read('district-2023.scheme.json');
const DATASET: Dataset = read('district-2023.dataset.json');
const PUBLISHED: Result = read('district-2023.expected.json'); // the demo's published run

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('whatif');
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** The subjects whose grade or rank differ from the published run, evaluating `scheme` directly. */
function expectedMoves(scheme: Scheme, dataset = DATASET): { all: string[]; graded: string[] } {
  const after = evaluate(scheme, dataset, { explain: false }).subjects;
  const moved = after.filter(
    (s, i) => s.grade !== PUBLISHED.subjects[i].grade || s.rank !== PUBLISHED.subjects[i].rank,
  );
  return {
    all: moved.map((s) => s.subject).sort(),
    graded: moved
      .filter((s) => s.grade !== PUBLISHED.subjects.find((p) => p.subject === s.subject)!.grade)
      .map((s) => s.subject)
      .sort(),
  };
}

/** The moved subjects' codes as the page lists them, in its order. */
async function movedOnPage(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="moved-"]')
    .evaluateAll((rows) =>
      rows.map(
        (r) => (r as unknown as { getAttribute(name: string): string | null }).getAttribute('data-testid') ?? '',
      ),
    ); // (no DOM types here)
  return ids.map((id) => id.replace(/^moved-/, ''));
}

async function waitForMoved(page: Page, count: number): Promise<string[]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const list = await movedOnPage(page);
    if (list.length === count || Date.now() > until) return list;
    await page.waitForTimeout(100);
  }
}

test("a quota and a weight changed on the example: the moved subjects are the engine's; saved as a DRAFT and simulated over the published data", async () => {
  await ConsoleSession.walk(browser, 'whatif', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();
    await page.getByRole('menuitem', { name: '考核方案' }).click();
    await page.getByRole('row').filter({ hasText: 'district-2023' }).getByText('district-2023').click();
    await page.waitForURL(/#\/schemes\/[^/]+\/show$/);
    const schemeId = decodeURIComponent(page.url().match(/#\/schemes\/([^/]+)\/show$/)![1]);

    // one click from the scheme page; nothing moves before a change
    await page.getByRole('button', { name: '假设分析' }).click();
    await page.waitForURL(new RegExp(`#/whatif/${schemeId}$`));
    await page.getByTestId('whatif-none-moved').waitFor();
    await page.getByText('对比：district-2023 的最新考核结果').waitFor();
    await s.shot('opened');

    // 1. the EXCELLENT quota 30% → 40%: the three groups of three get one place each
    await page.getByRole('tab', { name: '等次' }).click();
    await page.getByTestId('grade-EXCELLENT-maxShare').fill('0.4');
    const quota: Scheme = JSON.parse(JSON.stringify(SCHEME));
    quota.grades[0].maxShare = 0.4;
    const afterQuota = expectedMoves(quota);
    expect(afterQuota.all).toEqual(['E02', 'P01', 'S03']);
    expect((await waitForMoved(page, 3)).sort()).toEqual(afterQuota.all);
    expect(await page.getByTestId('moved-P01').innerText()).toContain('良好 → 优秀');
    expect(await page.getByTestId('summary-PARTY_DEPT').innerText()).toContain('0 → 1');
    await s.shot('quota');

    // 2. and the townships' economy weighs 60 instead of 35
    await page.getByRole('tab', { name: '权重' }).click();
    await page.getByTestId('weight-TOWNSHIP-ECON').fill('60');
    const both: Scheme = JSON.parse(JSON.stringify(quota));
    ((both.groups[0].root as CategoryNode).children[0] as CategoryNode).children.find(
      (c) => c.code === 'ECON',
    )!.weight = 60;
    const afterBoth = expectedMoves(both);
    expect(afterBoth.all.length).toBeGreaterThan(3);
    const listed = await waitForMoved(page, afterBoth.all.length);
    expect([...listed].sort()).toEqual(afterBoth.all);
    // largest moves first: every subject that changes grade before those that only change rank
    expect(listed.slice(0, afterBoth.graded.length).sort()).toEqual(afterBoth.graded);
    await page.getByTestId('distance-T02').waitFor();
    expect(await page.getByTestId('whatif-chart').locator('svg').count()).toBeGreaterThan(0);
    await s.shot('quota-and-weight');

    // 3. saved as a new DRAFT scheme holding both changes
    await page.getByRole('button', { name: '另存为新的草稿方案' }).click();
    await page.getByTestId('whatif-save-code').fill('district-2024-whatif');
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.waitForURL(/#\/schemes\/[^/]+\/show$/);
    const draftId = decodeURIComponent(page.url().match(/#\/schemes\/([^/]+)\/show$/)![1]);
    const { login } = await gqlAt(
      server.url,
      'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
      { e: DEMO.email, p: DEMO.password, t: DEMO.tenant },
    );
    const { exportScheme: saved, scheme } = await gqlAt(
      server.url,
      'query($id: ID!) { exportScheme(id: $id) scheme(id: $id) { status } }',
      { id: draftId },
      login.token,
    );
    expect(scheme.status).toBe('DRAFT');
    expect(saved.grades[0].maxShare).toBe(0.4);
    expect(saved.groups[0].root.children[0].children.find((c: { code: string }) => c.code === 'ECON').weight).toBe(60);

    // 4. the DRAFT over the published scheme's data: one click, the same moves
    await page.getByRole('button', { name: '假设分析（用 district-2023 的数据）' }).click();
    await page.waitForURL(new RegExp(`#/whatif/${draftId}\\?from=${schemeId}$`));
    expect((await waitForMoved(page, afterBoth.all.length)).sort()).toEqual(afterBoth.all);
    await s.shot('draft-over-published-data');

    // 5. and a whole rule switched off there: the DISCIPLINE veto no longer holds P01-D1 down
    await page.getByRole('tab', { name: '加减分规则' }).click();
    await page.getByTestId('rule-on-DISCIPLINE').click();
    const noVeto: Scheme = { ...both, rules: both.rules.filter((r) => r.code !== 'DISCIPLINE') };
    const afterNoVeto = expectedMoves(noVeto, {
      ...DATASET,
      adjustments: DATASET.adjustments!.filter((a) => a.rule !== 'DISCIPLINE'),
    });
    expect(afterNoVeto.graded).toContain('P01-D1');
    expect((await waitForMoved(page, afterNoVeto.all.length)).sort()).toEqual(afterNoVeto.all);
    expect(await page.getByTestId('moved-P01-D1').innerText()).toContain('较差 → 良好');
    await page.getByTestId('whatif-unmatched').getByText('DISCIPLINE').waitFor();
    await s.shot('rule-off');
  });
}, 180_000);
