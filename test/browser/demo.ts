// A browser spec's own server with the demo tenant, the browser, and the demo ADMIN's token and
// scheme over GraphQL (for set-up and for checking what the pages wrote).
import type { Browser } from 'playwright-core';
import { bootServer, ensureAdminBuilt, gqlAt, launchBrowser, type Json, type RunningServer } from './support';

export const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };

export interface DemoConsole {
  server: RunningServer;
  browser: Browser;
  token: string;
  /** The demo's published 2023 scheme. */
  schemeId: string;
}

export async function bootDemoConsole(name: string): Promise<DemoConsole> {
  ensureAdminBuilt();
  const server = await bootServer(name);
  const browser = await launchBrowser();
  const login =
    'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }';
  const token: string = (await gqlAt(server.url, login, { e: DEMO.email, p: DEMO.password, t: DEMO.tenant })).login
    .token;
  const schemes = (await gqlAt(server.url, '{ schemes { id code } }', {}, token)).schemes as Json[];
  const schemeId: string = schemes.find((x) => x.code === 'district-2023')!.id;
  return { server, browser, token, schemeId };
}

export async function stopDemoConsole(demo: Partial<DemoConsole>): Promise<void> {
  await demo.browser?.close();
  await demo.server?.stop();
}
