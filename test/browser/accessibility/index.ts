// Every page and dialog of the console, for each role, checked by axe-core (no critical or serious
// findings) in one language; accessibility.{zh,en}.e2e.ts run the platform and ADMIN part of it,
// accessibility.roles.{zh,en}.e2e.ts the other roles. The parts are the files beside this one.
import type { Browser } from 'playwright-core';
import {
  ConsoleSession,
  bootServer,
  ensureAdminBuilt,
  gqlAt,
  launchBrowser,
  signIn,
  type Json,
  type RunningServer,
} from '../support';
import { DEMO, EMPTY, type Lang, ROLES, type TenantRole, type World, setUp } from './world';
import { dialog, visit } from './checks';
import { platformWalk, tenantRoleWalk } from './walks';

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

  if (part === 'admin')
    test(`login and the platform administrator's pages (${lang})`, async () => {
      await ConsoleSession.walk(browser, `a11y-${lang}-platform`, async (s) => {
        await inLang(s);
        await platformWalk(s, world, lang);
      });
    }, 120_000);

  // A11Y_ROLES=ADMIN,LEADER narrows the walk while developing (the whole walk takes minutes a language).
  const only = process.env.A11Y_ROLES?.split(',');
  const roles: TenantRole[] = part === 'admin' ? ['ADMIN'] : [...ROLES];
  for (const role of roles.filter((r) => !only || only.includes(r))) {
    test(`every page and dialog of a ${role} (${lang})`, async () => {
      await ConsoleSession.walk(browser, `a11y-${lang}-${role}`, async (s) => {
        await inLang(s);
        await tenantRoleWalk(s, world, role, lang);
      });
    }, 420_000); // ~15-25 checks; axe takes seconds a page on a busy 2-core machine
  }

  if (part === 'roles') return;

  test(`the onboarding of a tenant with no scheme (${lang})`, async () => {
    await ConsoleSession.walk(browser, `a11y-${lang}-onboarding`, async (s) => {
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
      const token = (
        await gqlAt(
          world.url,
          'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
          { e: DEMO.email, p: DEMO.password, t: DEMO.tenant },
        )
      ).login.token;
      return gqlAt(world.url, q, v, token);
    };
    await gql('mutation($r: ID!) { reviewResults(runId: $r) { id } }', { r: world.draftRunId });
    const run = (
      await gql('mutation($r: ID!) { approveResults(runId: $r) { status missingInputs } }', { r: world.draftRunId })
    ).approveResults;
    expect(run.missingInputs).toBeGreaterThan(0);
    await ConsoleSession.walk(browser, `a11y-${lang}-acknowledge`, async (s) => {
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
