// Browser-test harness for the admin console: builds the console if needed, launches the
// system (Debian) chromium through playwright-core — never a downloaded browser — and saves a
// screenshot at every step to test-artifacts/browser/ (gitignored).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startServer } from '../../server/src/app';

export const REPO = path.resolve(__dirname, '..', '..');
const ADMIN = path.join(REPO, 'admin');
export const ARTIFACTS = path.join(REPO, 'test-artifacts', 'browser');

const newestMtime = (p: string): number => {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
};

/**
 * The server serves admin/dist; build it once if it is missing or older than its sources
 * (admin/src, index.html, vite.config.ts, package.json, and shared/src and server/schema.graphql,
 * which the console bundles).
 */
export function ensureAdminBuilt(): void {
  const built = path.join(ADMIN, 'dist', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(path.join(REPO, 'shared', 'src')),
    newestMtime(path.join(REPO, 'server', 'schema.graphql')),
    ...['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((p) =>
      newestMtime(path.join(ADMIN, p)),
    ),
  );
  if (builtAt > sourcesAt) return;
  // jest sets NODE_ENV=test, which would make Vite bundle development React: build for production.
  execFileSync('npm', ['run', 'build', '-w', '@kaoping/admin'], {
    cwd: REPO,
    stdio: 'inherit',
    timeout: 180_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A desktop window, or a phone 390 px wide (touch, mobile viewport) as unit staff often use. */
export type Device = 'desktop' | 'phone';
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 860 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

/** One browser page with step screenshots and a log of what went wrong in the page. */
export class ConsoleSession {
  readonly problems: string[] = [];
  private step = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly prefix: string,
  ) {
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') this.problems.push(`console.${m.type()}: ${m.text()}`);
    });
  }

  static async open(browser: Browser, prefix: string, device: Device = 'desktop'): Promise<ConsoleSession> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of fs.readdirSync(ARTIFACTS)) if (old.startsWith(`${prefix}-`)) fs.rmSync(path.join(ARTIFACTS, old));
    const context = await browser.newContext({
      locale: 'zh-CN',
      ...DEVICES[device],
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return new ConsoleSession(context, page, prefix);
  }

  /**
   * Opens a session, runs `steps` and always closes it. The walk fails on any uncaught page error;
   * when it fails, a FAILED screenshot and the browser's console errors are kept for the report.
   */
  static async walk(
    browser: Browser,
    prefix: string,
    steps: (s: ConsoleSession, page: Page) => Promise<void>,
    device: Device = 'desktop',
  ): Promise<void> {
    const s = await ConsoleSession.open(browser, prefix, device);
    try {
      await steps(s, s.page);
      expect(s.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    } catch (error) {
      await s.shot('FAILED').catch(() => undefined);
      if (s.problems.length) console.error('Browser problems:\n' + s.problems.join('\n'));
      throw error;
    } finally {
      await s.close();
    }
  }

  /** Saves test-artifacts/browser/<prefix>-NN-<name>.png. */
  async shot(name: string): Promise<void> {
    this.step += 1;
    await this.page.waitForTimeout(300); // let notifications and dialogs finish animating
    const file = path.join(ARTIFACTS, `${this.prefix}-${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export interface RunningServer {
  /** The server's origin; GraphQL at <url>/graphql, the console at <url>/admin/. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A server in-process on a free port with its own data directory (embedded PostgreSQL) and the demo tenant seeded;
 * `webhookAllowPrivate` lets webhooks reach a receiver on 127.0.0.1.
 */
export async function bootServer(
  prefix: string,
  platformAdmin = { email: 'admin@example.com', password: 'admin' },
  options: { webhookAllowPrivate?: boolean } = {},
): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kaoping-${prefix}-`));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: true,
    adminEmail: platformAdmin.email,
    adminPassword: platformAdmin.password,
    logLevel: 'warn',
    ...options,
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL answer in a test, read as its fields are asserted
export type Json = Record<string, any>;

/** One GraphQL call (set-up and checks beside the browser); GraphQL errors throw with their text. */
export async function gqlAt(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Json> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Json; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** Fills and sends the console's login form (tenant left empty for a platform administrator). */
export async function signIn(page: Page, email: string, password: string, tenant?: string): Promise<void> {
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  if (tenant) await page.locator('input[name=tenant]').fill(tenant);
  await page.locator('form button[type=submit]').click();
}

/** Waits until the first match shows `text`, then checks it. */
export async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  expect(await locator.first().innerText()).toContain(text);
}

/** Waits until an input holds `value`. */
export async function waitForValue(locator: Locator, value: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if ((await locator.inputValue().catch(() => '')) === value) return;
    if (Date.now() > until)
      throw new Error(`input never had the value ${value} (has ${await locator.inputValue().catch(() => '?')})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One axe rule broken on a page: its id, impact, help text, the elements (CSS targets) and why the first one fails. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  why: string;
}

/**
 * The critical and serious axe-core findings on the page as it is now (every rule axe runs by
 * default), or only within `include` (a CSS selector, e.g. an open dialog).
 */
export async function axeFindings(page: Page, include?: string): Promise<AxeFinding[]> {
  // colours are judged at rest: a button caught mid-transition (hover, ripple, fade-in) shows blended colours
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  const builder = new AxeBuilder({ page });
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      why: v.nodes[0]?.failureSummary ?? '',
    }));
}

/**
 * Fails when axe-core finds a critical or serious problem on the page as it is now (or only within
 * `include`, e.g. '[role=dialog]'); `label` names the page in the failure, e.g.
 * `expectAccessible(page, 'audit log, en')`.
 */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  const findings = await axeFindings(page, include);
  expect({ label, findings }).toEqual({ label, findings: [] });
}
