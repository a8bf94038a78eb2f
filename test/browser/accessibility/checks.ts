// The checks of one page, dialog or popup menu: settled, then axe-core and the browser console.
import type { Page } from 'playwright-core';
import { ConsoleSession, expectAccessible } from '../support';

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
export async function visit(s: ConsoleSession, hash: string, label: string): Promise<void> {
  const before = s.problems.length;
  await s.page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await s.page.locator('main').first().waitFor();
  await settle(s.page);
  expect({ label, console: s.problems.slice(before) }).toEqual({ label, console: [] });
  await expectAccessible(s.page, label);
}

/** Opens a dialog with `open`, checks it (the page behind was checked on its own), closes it with Escape. */
export async function dialog(page: Page, label: string, open: () => Promise<void>): Promise<void> {
  await open();
  await page.getByRole('dialog').first().waitFor();
  await settle(page);
  await page.waitForTimeout(300); // the dialog's enter transition
  await expectAccessible(page, label, '.MuiDialog-root');
  await page.keyboard.press('Escape');
  await page
    .getByRole('dialog')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** Opens a popup menu (language, user), checks it, closes it with Escape. */
export async function popupMenu(page: Page, label: string, open: () => Promise<void>): Promise<void> {
  await open();
  const popover = page.locator('.MuiPopover-root');
  await popover.getByRole('menu').waitFor();
  await page.waitForTimeout(300);
  await expectAccessible(page, label, '.MuiPopover-root');
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'detached' }).catch(() => undefined);
}
