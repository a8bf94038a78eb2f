// Browser-test harness for the admin console: builds the console if needed, launches the
// system (Debian) chromium through playwright-core — never a downloaded browser — and saves a
// screenshot at every step to test-artifacts/browser/ (gitignored).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
 * (admin/src, index.html, vite.config.ts, package.json).
 */
export function ensureAdminBuilt(): void {
  const built = path.join(ADMIN, 'dist', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    ...['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map(p => newestMtime(path.join(ADMIN, p))),
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

/** One browser page with step screenshots and a log of what went wrong in the page. */
export class ConsoleSession {
  readonly problems: string[] = [];
  private step = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly prefix: string,
  ) {
    page.on('pageerror', e => this.problems.push(`pageerror: ${e.message}`));
    page.on('console', m => {
      if (m.type() === 'error') this.problems.push(`console: ${m.text()}`);
    });
  }

  static async open(browser: Browser, prefix: string): Promise<ConsoleSession> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of fs.readdirSync(ARTIFACTS)) if (old.startsWith(`${prefix}-`)) fs.rmSync(path.join(ARTIFACTS, old));
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 860 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return new ConsoleSession(context, page, prefix);
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
