// One role's walk through its pages, and the platform administrator's.
import { ConsoleSession, expectAccessible, signIn } from '../support';
import { DEMO, type Lang, PLATFORM, type TenantRole, type World } from './world';
import { settle, visit } from './checks';
import { pagesFor } from './pages';

export async function tenantRoleWalk(s: ConsoleSession, w: World, role: TenantRole, lang: Lang): Promise<void> {
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

export async function platformWalk(s: ConsoleSession, w: World, lang: Lang): Promise<void> {
  const page = s.page;
  const at = (what: string) => `PLATFORM_ADMIN ${what} (${lang})`;
  await page.goto(`${w.url}/admin/#/login`);
  await settle(page);
  await expectAccessible(page, `login (${lang})`);
  await signIn(page, PLATFORM.email, 'wrong-password');
  await page
    .getByRole('alert')
    .first()
    .waitFor()
    .catch(() => undefined);
  await settle(page);
  await expectAccessible(page, `login failed (${lang})`);
  await signIn(page, PLATFORM.email, PLATFORM.password);
  await page.getByTestId('dashboard-user').waitFor();
  for (const [what, hash] of [
    ['workbench', '/'],
    ['tenants', '/tenants'],
    ['new tenant', '/tenants/create'],
    ['tenant', `/tenants/${w.tenantId}`],
  ]) {
    await visit(s, hash, at(what));
  }
}
