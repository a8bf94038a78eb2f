// The pages a tenant role sees, each with the dialogs and menus it may open there.
import { ConsoleSession, expectAccessible } from '../support';
import { type Lang, TEXT, type TenantRole, type World, XLSX } from './world';
import { dialog, popupMenu, settle } from './checks';

export type Step = (s: ConsoleSession, at: (what: string) => string) => Promise<void>;
export type PageVisit = { what: string; hash: string; then?: Step };

/** The pages a tenant role sees, each with the dialogs and menus it may open there. */
export function pagesFor(role: TenantRole, w: World, lang: Lang): PageVisit[] {
  const t = TEXT[lang];
  const is = (...roles: TenantRole[]) => roles.includes(role);
  const pages: PageVisit[] = [
    {
      what: 'workbench',
      hash: '/',
      then: async ({ page }, at) => {
        await popupMenu(page, at('language menu'), () =>
          page.getByRole('button', { name: t.language, exact: true }).click(),
        );
        await popupMenu(page, at('user menu'), () => page.getByRole('button', { name: t.userMenu }).click());
      },
    },
    {
      what: 'schemes',
      hash: '/schemes',
      then: async ({ page }, at) => {
        if (!is('ADMIN')) return;
        await dialog(page, at('import problems'), () =>
          page.getByTestId('scheme-import-file').setInputFiles({
            name: 'broken.json',
            mimeType: 'application/json',
            buffer: Buffer.from('{"formatVersion":1,"code":"bad code!"}'),
          }),
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
          await page
            .getByTestId('workbook-file')
            .setInputFiles({ name: 'broken.xlsx', mimeType: XLSX, buffer: Buffer.from('not a workbook') });
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
        if (is('ADMIN', 'ASSESSOR', 'UNIT'))
          await dialog(page, at('claim'), () => page.getByTestId('adjustment-claim').click());
        if (await page.getByTestId('evidence-button').count())
          await dialog(page, at('evidence'), () => page.getByTestId('evidence-button').first().click());
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
      {
        what: 'draft scheme',
        hash: `/schemes/${w.draftSchemeId}/show`,
        then: ({ page }, at) =>
          is('ADMIN')
            ? dialog(page, at('publish scheme'), () =>
                page.getByRole('button', { name: t.publish, exact: true }).click(),
              )
            : Promise.resolve(),
      },
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
