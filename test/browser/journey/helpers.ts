// What the console journey's parts share: the server and browser the spec booted, the accounts,
// and a few page helpers.
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support';

export interface JourneyAccounts {
  demoAdmin: { email: string; password: string; tenant: string };
  platformAdmin: { email: string; password: string };
}

export interface Journey {
  server: RunningServer;
  browser: Browser;
  accounts: JourneyAccounts;
}

/** Unique per run, for names the journey creates. */
export const stamp = Date.now().toString(36);

export const menu = (page: Page, name: string | RegExp) => page.getByRole('menuitem', { name });

export async function signOut(page: Page, userMenuLabel: string, logoutLabel: string) {
  await page.getByRole('button', { name: userMenuLabel }).click();
  await page.getByRole('menuitem', { name: logoutLabel }).click();
}

export async function expectVisible(page: Page, text: string) {
  await page.getByText(text).first().waitFor();
}
