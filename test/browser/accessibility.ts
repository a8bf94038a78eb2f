// Every page and dialog of the console, for each role, checked by axe-core (no critical or serious
// findings) in one language; accessibility.{zh,en}.e2e.ts run the platform and ADMIN part of it,
// accessibility.roles.{zh,en}.e2e.ts the other roles.
import type { Browser, Page } from 'playwright-core';
import { ConsoleSession, bootServer, ensureAdminBuilt, expectAccessible, gqlAt, launchBrowser, signIn, type Json, type RunningServer } from './support';

export type Lang = 'zh' | 'en';

const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };
const PLATFORM = { email: 'admin@example.com', password: 'admin' };
const ROLES = ['LEADER', 'ASSESSOR', 'MONITOR', 'UNIT', 'VIEWER'] as const;
type TenantRole = 'ADMIN' | (typeof ROLES)[number];

/** Button names used to open dialogs, per language. */
const TEXT = {
  zh: { clone: '复制到新年度', close: '关闭', publish: '发布', language: '中文', userMenu: '个人设置', save: '保存' },
  en: { clone: 'Clone to a new year', close: 'Close', publish: 'Publish', language: 'English', userMenu: 'Profile', save: 'Save' },
};

interface World {
  url: string;
  schemeId: string;
  draftSchemeId: string;
  publishedRunId: string;
  draftRunId: string;
  userId: string;
  tenantId: string;
}

/** A second tenant with no scheme yet: its scheme list is the onboarding view. */
const EMPTY = { email: 'admin@a11y-empty.test', password: 'a11y-empty-1', tenant: 'a11y-empty' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/** Waits until nothing is loading (no spinner) for a moment, so axe sees the page as a user would. */
export async function settle(page: Page, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quietSince = 0;
  for (;;) {
    const busy = await page.locator('.MuiCircularProgress-root, #boot').count();
    if (busy === 0) {
      if (!quietSince) quietSince = Date.now();
      if (Date.now() - quietSince >= 300) return;
    } else quietSince = 0;
    if (Date.now() > until) return; // a spinner that stays is the page's state: check it as it is
    await page.waitForTimeout(100);
  }
}

/**
 * Opens a page of the signed-in console (a route change, as a menu click makes), checks it, and
 * fails on any console warning or error while it loaded.
 */
async function visit(s: ConsoleSession, hash: string, label: string): Promise<void> {
  const before = s.problems.length;
  await s.page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await s.page.locator('main').first().waitFor();
  await settle(s.page);
  expect({ label, console: s.problems.slice(before) }).toEqual({ label, console: [] });
  await expectAccessible(s.page, label);
}

/** Opens a dialog with `open`, checks it (the page behind was checked on its own), closes it with Escape. */
async function dialog(page: Page, label: string, open: () => Promise<void>): Promise<void> {
  await open();
  await page.getByRole('dialog').first().waitFor();
  await settle(page);
  await page.waitForTimeout(300); // the dialog's enter transition
  await expectAccessible(page, label, '.MuiDialog-root');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

/** Opens a popup menu (language, user), checks it, closes it with Escape. */
async function popupMenu(page: Page, label: string, open: () => Promise<void>): Promise<void> {
  await open();
  const popover = page.locator('.MuiPopover-root');
  await popover.getByRole('menu').waitFor();
  await page.waitForTimeout(300);
  await expectAccessible(page, label, '.MuiPopover-root');
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'detached' }).catch(() => undefined);
}

async function setUp(url: string): Promise<World> {
  const login = async (email: string, password: string, tenant?: string) =>
    (await gqlAt(url, 'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }', { e: email, p: password, t: tenant })).login.token as string;
  const token = await login(DEMO.email, DEMO.password, DEMO.tenant);
  const gql = (q: string, v: Json = {}, t = token) => gqlAt(url, q, v, t);
  const schemeId = (await gql('{ schemes { id code } }')).schemes.find((s: Json) => s.code === 'district-2023').id;
  for (const role of ROLES) {
    await gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { email: `${role.toLowerCase()}@a11y.test`, password: 'a11y-pass-1', name: `${role} 用户`, role, ...(role === 'UNIT' ? { unit: 'T01' } : {}) },
    });
  }
  const userId = (await gql('{ allUsers { id email } }')).allUsers.find((u: Json) => u.email === 'viewer@a11y.test').id;
  const draftSchemeId = (await gql('mutation($id: ID!) { cloneScheme(id: $id, year: 2024, code: "district-2024") { id } }', { id: schemeId })).cloneScheme.id;
  const publishedRunId = (await gql('query($s: ID!) { resultRuns(schemeId: $s) { id status } }', { s: schemeId })).resultRuns.find((r: Json) => r.status === 'PUBLISHED').id;
  // a changed figure, so that computing makes a new DRAFT run (the same inputs give the published one back)
  await gql('mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { id } }', { s: schemeId, v: { actual: 4000, target: 5000 } });
  const draftRunId = (await gql('mutation($s: ID!) { computeResults(schemeId: $s) { id status } }', { s: schemeId })).computeResults.id;
  await gql('mutation($s: ID!) { claimAdjustment(schemeId: $s, subject: "T02", rule: "AWARD_DISTRICT", note: "表彰文件") { id } }', { s: schemeId });
  const platform = await login(PLATFORM.email, PLATFORM.password);
  const tenantId = (await gqlAt(url, '{ allTenants { id code } }', {}, platform)).allTenants.find((t: Json) => t.code === 'demo').id;
  await gqlAt(url, 'mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }', { i: { code: EMPTY.tenant, name: '空租户', adminEmail: EMPTY.email, adminPassword: EMPTY.password } }, platform);
  return { url, schemeId, draftSchemeId, publishedRunId, draftRunId, userId, tenantId };
}

type Step = (s: ConsoleSession, at: (what: string) => string) => Promise<void>;
type PageVisit = { what: string; hash: string; then?: Step };

/** The pages a tenant role sees, each with the dialogs and menus it may open there. */
function pagesFor(role: TenantRole, w: World, lang: Lang): PageVisit[] {
  const t = TEXT[lang];
  const is = (...roles: TenantRole[]) => roles.includes(role);
  const pages: PageVisit[] = [
    {
      what: 'workbench',
      hash: '/',
      then: async ({ page }, at) => {
        await popupMenu(page, at('language menu'), () => page.getByRole('button', { name: t.language, exact: true }).click());
        await popupMenu(page, at('user menu'), () => page.getByRole('button', { name: t.userMenu }).click());
      },
    },
    {
      what: 'schemes',
      hash: '/schemes',
      then: async ({ page }, at) => {
        if (!is('ADMIN')) return;
        await dialog(page, at('import problems'), () =>
          page.getByTestId('scheme-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion":1,"code":"bad code!"}') }),
        );
      },
    },
    {
      what: 'scheme',
      hash: `/schemes/${w.schemeId}/show`,
      then: async ({ page }, at) => {
        if (!is('ADMIN')) return;
        await dialog(page, at('clone'), () => page.getByRole('button', { name: t.clone }).click());
        await dialog(page, at('compute'), () => page.getByTestId('compute-results').first().click());
        await dialog(page, at('close scheme'), () => page.getByRole('button', { name: t.close, exact: true }).click());
      },
    },
    { what: 'results', hash: '/results' },
    {
      what: 'result run',
      hash: `/results/${w.publishedRunId}/show`,
      then: ({ page }, at) =>
        dialog(page, at('subject breakdown and receipt'), async () => {
          await page.getByTestId('row-T01').click();
          await page.getByTestId('breakdown').getByTestId('receipt').waitFor();
        }),
    },
    { what: 'feedback sheet', hash: `/feedback/${w.publishedRunId}?group=TOWNSHIP&subject=T01` },
    {
      what: 'subjects',
      hash: `/subjects?filter=${encodeURIComponent(JSON.stringify({ schemeId: w.schemeId }))}`,
      then: async ({ page }, at) => {
        if (!is('ADMIN')) return;
        await dialog(page, at('paste subjects'), () => page.getByTestId('subject-import').click());
        await dialog(page, at('Excel upload'), async () => {
          await page.getByTestId('workbook-file').setInputFiles({ name: 'broken.xlsx', mimeType: XLSX, buffer: Buffer.from('not a workbook') });
          await page.getByTestId('workbook-failed').waitFor(); // not a workbook: the server's refusal, in the dialog
        });
        await page.getByTestId('subject-create').click();
        await page.locator('form').first().waitFor();
        await settle(page);
        await expectAccessible(page, at('new subject'));
      },
    },
    {
      what: 'adjustments',
      hash: '/adjustments',
      then: async ({ page }, at) => {
        if (is('ADMIN', 'ASSESSOR', 'UNIT')) await dialog(page, at('claim'), () => page.getByTestId('adjustment-claim').click());
        if (await page.getByTestId('evidence-button').count()) await dialog(page, at('evidence'), () => page.getByTestId('evidence-button').first().click());
        if (!is('ADMIN', 'ASSESSOR')) return;
        await dialog(page, at('verify'), () => page.getByTestId('adjustment-verify').first().click());
        await dialog(page, at('reject'), () => page.getByTestId('adjustment-reject').first().click());
      },
    },
    { what: 'data entry', hash: '/data-entry' },
    { what: 'progress', hash: '/progress' },
  ];
  if (!is('UNIT')) {
    pages.push(
      {
        what: 'draft run',
        hash: `/results/${w.draftRunId}/show`,
        then: async ({ page }, at) => {
          if (!is('ADMIN', 'LEADER')) return;
          await dialog(page, at('review'), () => page.getByTestId('run-review').click());
          await dialog(page, at('send back'), () => page.getByTestId('run-reject').click());
        },
      },
      { what: 'draft scheme', hash: `/schemes/${w.draftSchemeId}/show`, then: ({ page }, at) => (is('ADMIN') ? dialog(page, at('publish scheme'), () => page.getByRole('button', { name: t.publish, exact: true }).click()) : Promise.resolve()) },
      { what: 'discrepancies', hash: '/discrepancies' },
    );
  }
  if (is('ADMIN', 'ASSESSOR')) pages.push({ what: 'ballots', hash: '/ballots' });
  if (is('ADMIN', 'ASSESSOR', 'LEADER')) pages.push({ what: 'what-if', hash: `/whatif/${w.schemeId}` });
  if (is('ADMIN')) {
    pages.push(
      { what: 'users', hash: '/users' },
      { what: 'new user', hash: '/users/create' },
      { what: 'user', hash: `/users/${w.userId}` },
      { what: 'API keys', hash: '/apiKeys' },
      { what: 'audit log', hash: '/audit' },
      { what: 'settings', hash: '/settings' },
      { what: 'webhooks', hash: '/webhooks' },
      {
        what: 'new API key',
        hash: '/apiKeys/create',
        then: async ({ page }, at) => {
          await page.locator('input[name=name]').fill(`a11y-${lang}`);
          await dialog(page, at('API key shown once'), () => page.getByRole('button', { name: t.save }).click());
        },
      },
    );
  }
  return pages;
}

async function tenantRoleWalk(s: ConsoleSession, w: World, role: TenantRole, lang: Lang): Promise<void> {
  const at = (what: string) => `${role} ${what} (${lang})`;
  const email = role === 'ADMIN' ? DEMO.email : `${role.toLowerCase()}@a11y.test`;
  await s.page.goto(`${w.url}/admin/#/login`);
  await signIn(s.page, email, role === 'ADMIN' ? DEMO.password : 'a11y-pass-1', DEMO.tenant);
  await s.page.getByTestId('dashboard-user').waitFor();
  for (const p of pagesFor(role, w, lang)) {
    await visit(s, p.hash, at(p.what));
    await p.then?.(s, at);
  }
}

async function platformWalk(s: ConsoleSession, w: World, lang: Lang): Promise<void> {
  const page = s.page;
  const at = (what: string) => `PLATFORM_ADMIN ${what} (${lang})`;
  await page.goto(`${w.url}/admin/#/login`);
  await settle(page);
  await expectAccessible(page, `login (${lang})`);
  await signIn(page, PLATFORM.email, 'wrong-password');
  await page.getByRole('alert').first().waitFor().catch(() => undefined);
  await settle(page);
  await expectAccessible(page, `login failed (${lang})`);
  await signIn(page, PLATFORM.email, PLATFORM.password);
  await page.getByTestId('dashboard-user').waitFor();
  for (const [what, hash] of [['workbench', '/'], ['tenants', '/tenants'], ['new tenant', '/tenants/create'], ['tenant', `/tenants/${w.tenantId}`]]) {
    await visit(s, hash, at(what));
  }
}

/**
 * `admin`: login, the platform administrator, the tenant ADMIN, onboarding and the publish
 * acknowledgement; `roles`: every other tenant role. Two files a language, each with its own server.
 */
export function describeAccessibility(lang: Lang, part: 'admin' | 'roles'): void {
  let server: RunningServer;
  let browser: Browser;
  let world: World;

  beforeAll(async () => {
    ensureAdminBuilt();
    server = await bootServer(`a11y-${lang}`);
    browser = await launchBrowser();
    world = await setUp(server.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  const inLang = async (s: ConsoleSession) => {
    await s.page.addInitScript({ content: `window.localStorage.setItem('kaoping.locale', '${lang}')` });
  };

  if (part === 'admin') test(`login and the platform administrator's pages (${lang})`, async () => {
    await ConsoleSession.walk(browser, `a11y-${lang}-platform`, async s => {
      await inLang(s);
      await platformWalk(s, world, lang);
    });
  }, 120_000);

  // A11Y_ROLES=ADMIN,LEADER narrows the walk while developing (the whole walk takes minutes a language).
  const only = process.env.A11Y_ROLES?.split(',');
  const roles: TenantRole[] = part === 'admin' ? ['ADMIN'] : [...ROLES];
  for (const role of roles.filter(r => !only || only.includes(r))) {
    test(`every page and dialog of a ${role} (${lang})`, async () => {
      await ConsoleSession.walk(browser, `a11y-${lang}-${role}`, async s => {
        await inLang(s);
        await tenantRoleWalk(s, world, role, lang);
      });
    }, 420_000); // ~15-25 checks; axe takes seconds a page on a busy 2-core machine
  }

  if (part === 'roles') return;

  test(`the onboarding of a tenant with no scheme (${lang})`, async () => {
    await ConsoleSession.walk(browser, `a11y-${lang}-onboarding`, async s => {
      await inLang(s);
      await s.page.goto(`${world.url}/admin/#/login`);
      await signIn(s.page, EMPTY.email, EMPTY.password, EMPTY.tenant);
      await s.page.getByTestId('dashboard-user').waitFor();
      await visit(s, '/schemes', `ADMIN onboarding (${lang})`);
      await s.page.getByTestId('onboarding').waitFor();
    });
  }, 120_000);

  // Last, as it moves the draft run on: an APPROVED run with a missing input asks for an acknowledgement.
  test(`the publish acknowledgement (${lang})`, async () => {
    const gql = async (q: string, v: Json) => {
      const token = (await gqlAt(world.url, 'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }', { e: DEMO.email, p: DEMO.password, t: DEMO.tenant })).login.token;
      return gqlAt(world.url, q, v, token);
    };
    await gql('mutation($r: ID!) { reviewResults(runId: $r) { id } }', { r: world.draftRunId });
    const run = (await gql('mutation($r: ID!) { approveResults(runId: $r) { status missingInputs } }', { r: world.draftRunId })).approveResults;
    expect(run.missingInputs).toBeGreaterThan(0);
    await ConsoleSession.walk(browser, `a11y-${lang}-acknowledge`, async s => {
      await inLang(s);
      await s.page.goto(`${world.url}/admin/#/login`);
      await signIn(s.page, DEMO.email, DEMO.password, DEMO.tenant);
      await s.page.getByTestId('dashboard-user').waitFor();
      const at = (what: string) => `ADMIN ${what} (${lang})`;
      await visit(s, `/results/${world.draftRunId}/show`, at('approved run'));
      await dialog(s.page, at('publish acknowledgement'), async () => {
        await s.page.getByTestId('run-publish').click();
        await s.page.getByTestId('ack-dialog').getByTestId('missing-list').waitFor();
      });
    });
  }, 120_000);
}
