// Evidence on a claim (证明材料) in a real browser: a unit attaches a PDF to its bonus claim on
// 加减分核实, and the assessor sees it in the verify dialog and opens it (a download holding the
// very bytes uploaded, under its Chinese name), then verifies the claim.
import type { Browser } from 'playwright-core';
import {
  ConsoleSession,
  bootServer,
  ensureAdminBuilt,
  expectText as text,
  gqlAt,
  launchBrowser,
  signIn,
  type Json,
  type RunningServer,
} from './support';

const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };
const UNIT = { email: 'unit-t01@demo.test', password: 'unit-pass-1' };
const ASSESSOR = { email: 'assessor@demo.test', password: 'assessor-pass-1' };
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const FILE = '省级文明镇表彰文件.pdf';

let server: RunningServer;
let browser: Browser;
let note: string;

const gql = (query: string, variables: Json, token: string): Promise<Json> =>
  gqlAt(server.url, query, variables, token);
const LOGIN = 'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }';

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('evidence');
  browser = await launchBrowser();
  const admin = (await gql(LOGIN, { e: DEMO.email, p: DEMO.password, t: DEMO.tenant }, '')).login.token;
  const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
  await gql(
    CREATE,
    { input: { email: UNIT.email, password: UNIT.password, name: '东城镇填报员', role: 'UNIT', unit: 'T01' } },
    admin,
  );
  await gql(
    CREATE,
    { input: { email: ASSESSOR.email, password: ASSESSOR.password, name: '考核组王', role: 'ASSESSOR' } },
    admin,
  );
  const schemeId = (await gql('{ schemes { id code } }', {}, admin)).schemes.find(
    (x: Json) => x.code === 'district-2023',
  ).id;
  const unit = (await gql(LOGIN, { e: UNIT.email, p: UNIT.password, t: DEMO.tenant }, '')).login.token;
  note = `省级文明镇-${Date.now().toString(36)}`;
  await gql(
    'mutation($s: ID!, $n: String) { claimAdjustment(schemeId: $s, subject: "T01", rule: "AWARD_DISTRICT", note: $n) { id } }',
    { s: schemeId, n: note },
    unit,
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test('a unit attaches evidence to its claim; the assessor opens it while verifying', async () => {
  await ConsoleSession.walk(browser, 'evidence-unit', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, UNIT.email, UNIT.password, DEMO.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();
    await page.goto(`${server.url}/admin/#/adjustments`);
    const row = page.getByRole('row').filter({ hasText: note });
    await text(row.getByTestId('evidence-button'), '0');
    expect(await row.getByTestId('evidence-button').getAttribute('aria-label')).toBe('附件 0 个');
    await row.getByTestId('evidence-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('evidence-empty').waitFor();
    await dialog.getByTestId('evidence-input').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(`已上传 ${FILE}`).first().waitFor();
    await text(dialog.getByTestId('evidence-file'), FILE);
    await text(dialog.getByTestId('evidence-panel'), '东城镇填报员');
    // a file that is not what it says is refused by the server, in words
    await dialog
      .getByTestId('evidence-input')
      .setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: Buffer.from('MZ not an image at all') });
    await page.getByText('照片.png：不支持的文件类型').first().waitFor();
    expect(await dialog.getByTestId('evidence-file').count()).toBe(1);
    await s.shot('unit-attached');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await text(row.getByTestId('evidence-button'), '1');
    expect(await row.getByTestId('evidence-button').getAttribute('aria-label')).toBe('附件 1 个');
  });

  await ConsoleSession.walk(browser, 'evidence-assessor', async (s, page) => {
    await page.goto(`${server.url}/admin/`);
    await signIn(page, ASSESSOR.email, ASSESSOR.password, DEMO.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();
    await page.goto(`${server.url}/admin/#/adjustments`);
    const row = page.getByRole('row').filter({ hasText: note });
    await row.getByTestId('adjustment-verify').click();
    const dialog = page.getByRole('dialog');
    await text(dialog.getByTestId('evidence-file'), FILE);
    expect(await dialog.getByTestId('evidence-delete').count()).toBe(0); // the verify view only shows and opens
    await s.shot('assessor-verify-with-evidence');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('evidence-file').click()]);
    expect(download.suggestedFilename()).toBe(FILE);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText('已核实').first().waitFor();
    await text(row.getByTestId('adjustment-status'), '已核实');
  });
}, 60_000);
