// Excel in the console, in a real browser (Debian chromium through playwright-core) against a real
// server with the demo tenant: the data-entry page's template is downloaded, filled as people type
// (8.2%, 7,367, a bad cell), uploaded with a throttled connection so the progress bar moves, the
// dry run names the bad cell and writes nothing, the fixed workbook is confirmed; "8.2%" pasted into
// the grid is saved as 8.2; a run's results.xlsx is read back; the 反馈单 is saved as a PDF by
// Chromium and its text read with pdftotext (poppler-utils).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  ConsoleSession,
  REPO,
  expectText as text,
  gqlAt,
  signIn,
  type Json,
  type RunningServer,
} from './support';
import { DEMO, bootDemoConsole, stopDemoConsole } from './demo';
import { machineColumns, readWorkbook, toBuffer } from '../support/files';

const SCHEME: Json = JSON.parse(
  fs.readFileSync(path.join(REPO, 'shared', 'examples', 'district-2023.scheme.json'), 'utf8'),
);

let server: RunningServer;
let browser: Browser;
let token: string;
let schemeId: string;

const gql = (query: string, variables: Json = {}): Promise<Json> => gqlAt(server.url, query, variables, token);
const stored = async (source: string, subject: string, indicator: string) =>
  (
    (
      await gql(
        'query($s: ID!, $src: InputSource) { inputs(schemeId: $s, source: $src) { subject indicator value } }',
        { s: schemeId, src: source },
      )
    ).inputs as Json[]
  ).find((i) => i.subject === subject && i.indicator === indicator)?.value;

/** Waits for the download a click starts; its bytes and suggested name. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

beforeAll(async () => {
  ({ server, browser, token, schemeId } = await bootDemoConsole('workbook'));
}, 240_000);

afterAll(() => stopDemoConsole({ server, browser }), 60_000);

test('template → fill → upload with progress → preview names the bad cell → confirm; 8.2% pasted into the grid', async () => {
  await ConsoleSession.walk(browser, 'workbook', async (s, page) => {
    await page.goto(`${server.url}/admin/#/data-entry`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByTestId('entry-grid').waitFor();
    // an ADMIN starts on 单位自报 (SELF), empty in the demo
    expect(await stored('SELF', 'T01', 'TAX')).toBeUndefined();

    // 1. The template of the chosen source: one sheet per group, the machine row, the subjects.
    const template = await download(page, () => page.getByTestId('download-template').click());
    expect(template.name).toBe('district-2023-SELF.xlsx');
    const wb = await readWorkbook(template.bytes);
    const township = SCHEME.groups.find((g: Json) => g.code === 'TOWNSHIP');
    const ws = wb.getWorksheet(township.name)!;
    const cols = machineColumns(ws);
    let t01 = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === 'T01') t01 = r;
    });
    expect(t01).toBeGreaterThan(1);

    // 2. Filled as people type: a percentage, thousands separators, and one cell that is no number.
    const at = (key: string) => ws.getRow(t01).getCell(cols.get(key)!);
    at('FARMER_INCOME.actual').value = '8.2%';
    at('FARMER_INCOME.target').value = '8';
    at('TAX.actual').value = '七千';
    at('TAX.target').value = '8,000';
    const bad = `${township.name}!${at('TAX.actual').address}`;
    const filled = await toBuffer(wb);

    // 3. Uploaded over a slow line (CDP throttling): the bar shows the bytes going, then the dry run.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: Math.ceil(filled.length / 2.5),
    });
    await page.getByTestId('workbook-file').setInputFiles({
      name: 'filled.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    const seen = new Set<number>();
    const until = Date.now() + 20_000;
    while (!(await page.getByTestId('workbook-refused').isVisible())) {
      if (Date.now() > until) throw new Error('no preview');
      const p = await page
        .getByTestId('upload-progress')
        .locator('[data-percent]')
        .getAttribute('data-percent', { timeout: 200 })
        .catch(() => null);
      if (p !== null) seen.add(Number(p));
      if (seen.size === 1) await s.shot('upload-progress');
      await page.waitForTimeout(40);
    }
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    expect([...seen].some((p) => p > 0 && p < 100)).toBe(true);

    // 4. The preview names the bad cell; nothing was written.
    await text(page.getByTestId('workbook-problems'), `${bad}：不是有效的数字`);
    expect(await page.getByTestId('workbook-confirm').count()).toBe(0);
    await s.shot('preview-bad-cell');
    expect(await stored('SELF', 'T01', 'FARMER_INCOME')).toBeUndefined();
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

    // 5. Fixed and uploaded again: the counts, then confirm writes both values.
    at('TAX.actual').value = '7,367';
    await page.getByTestId('workbook-file').setInputFiles({
      name: 'fixed.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await toBuffer(wb),
    });
    await page.getByTestId('workbook-ready').waitFor();
    expect(await page.getByTestId('count-inputs').innerText()).toBe('2');
    expect(await page.getByTestId('count-changed').innerText()).toBe('2');
    await s.shot('preview-ready');
    await page.getByTestId('workbook-confirm').click();
    await page.getByText('已导入 2 项数据').first().waitFor();
    expect(await stored('SELF', 'T01', 'TAX')).toEqual({ actual: 7367, target: 8000 });
    expect(await stored('SELF', 'T01', 'FARMER_INCOME')).toEqual({ actual: 8.2, target: 8 });
    // the grid shows the imported values
    expect(await page.getByTestId('cell-T01-TAX-actual').inputValue()).toBe('7367');

    // 6. "9.5%" pasted into a percentage indicator of the grid is 9.5 (its unit is %).
    await page.evaluate(`navigator.clipboard.writeText('9.5%')`);
    await page.getByTestId('cell-T02-FARMER_INCOME-actual').click();
    await page.keyboard.press('Control+V');
    await page.getByTestId('cell-T02-FARMER_INCOME-target').fill('８');
    await page.getByTestId('entry-save').click();
    await page.getByText('已保存 1 条数据').waitFor();
    expect(await stored('SELF', 'T02', 'FARMER_INCOME')).toEqual({ actual: 9.5, target: 8 });
    await s.shot('grid-percent-saved');

    // 7. In English the preview and the server's words about the cell follow the console's language.
    await page
      .getByRole('button', { name: '语言' })
      .or(page.getByRole('button', { name: '中文' }))
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByTestId('download-template').getByText('Download template').waitFor();
    await page.getByTestId('workbook-file').setInputFiles({
      name: 'filled.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    await text(page.getByTestId('workbook-refused'), 'nothing was written');
    await text(page.getByTestId('workbook-problems'), `${bad}: not a valid number`);
    await s.shot('preview-en');
  });
}, 120_000);

test("a run page exports results.xlsx and prints each unit's 反馈单 (saved as PDF by Chromium)", async () => {
  await ConsoleSession.walk(browser, 'feedback', async (s, page) => {
    const run = (
      (await gql('query($s: ID!) { resultRuns(schemeId: $s) { id status } }', { s: schemeId })).resultRuns as Json[]
    ).find((r) => r.status === 'PUBLISHED')!;
    const ranking = (
      await gql(
        'query($s: ID!, $r: ID) { rankings(schemeId: $s, group: "TOWNSHIP", runId: $r) { subject { code name } final rank grade adjustments { rule points } nodes { code name points explain } } }',
        { s: schemeId, r: run.id },
      )
    ).rankings as Json[];
    await page.goto(`${server.url}/admin/#/results/${run.id}/show`);
    await signIn(page, DEMO.email, DEMO.password, DEMO.tenant);
    await page.getByTestId('ranking-TOWNSHIP').waitFor();

    // 1. results.xlsx from the run page: the 镇 ranking sheet holds the same finals as GraphQL.
    const results = await download(page, () => page.getByTestId('download-results').click());
    expect(results.name).toMatch(/^district-2023-results-\d+\.xlsx$/);
    const wb = await readWorkbook(results.bytes);
    const sheet = wb.getWorksheet(SCHEME.groups.find((g: Json) => g.code === 'TOWNSHIP').name)!;
    const cols = machineColumns(sheet);
    const finals = new Map<string, unknown>();
    sheet.eachRow((row, r) => {
      if (r > 2) finals.set(String(row.getCell(cols.get('subject')!).value), row.getCell(cols.get('final')!).value);
    });
    expect(finals).toEqual(new Map(ranking.map((r) => [r.subject.code, r.final])));

    // 2. 反馈单 from a subject's breakdown: T02 (a deduction) and T01 (bonuses).
    await page.getByTestId('row-T02').click();
    // the breakdown signs the deduction (a result stores adjustment points unsigned)
    const criticism = SCHEME.rules.find((r: Json) => r.code === 'CRITICISM');
    const criticized = ranking
      .find((r) => r.subject.code === 'T02')!
      .adjustments.find((a: Json) => a.rule === 'CRITICISM').points;
    await text(page.getByTestId('breakdown'), `${criticism.name}: -${Math.abs(criticized)}`);
    await page.getByTestId('breakdown').getByTestId('open-feedback').click();
    await page.waitForURL(/#\/feedback\//);
    const t02 = ranking.find((r) => r.subject.code === 'T02')!;
    await page.getByTestId('feedback-T02').waitFor();
    await text(page.getByTestId('feedback-final'), String(Number(t02.final.toFixed(2))));
    await s.shot('feedback-T02');
    const pdfPath = path.join(ARTIFACTS, 'feedback-T02.pdf');
    // the page size comes from the sheet's own print CSS (@page A4)
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });

    // 3. The PDF's text: unit, final, rank, grade, every indicator and the deduction; not the toolbar.
    const pdfText = execFileSync(pdftotext(), [pdfPath, '-'], { encoding: 'utf8' });
    const flat = pdfText.replace(/\s+/g, '');
    const grade = SCHEME.grades.find((g: Json) => g.code === t02.grade).name;
    expect(flat).toContain(`${t02.subject.name}（T02）`);
    expect(flat).toContain(`第${t02.rank}名（共${ranking.length}个）`);
    expect(flat).toContain(String(Number(t02.final.toFixed(2))));
    expect(flat).toContain(grade);
    for (const n of t02.nodes) expect(flat).toContain(n.name.replace(/\s+/g, ''));
    const explained = t02.nodes.find((n: Json) => n.explain);
    expect(flat).toContain(explained.explain.replace(/\s+/g, '').slice(0, 12));
    // the deduction under 扣分 with its sign; no bonus
    expect(flat).toContain(`扣分${criticism.name.replace(/\s+/g, '')}-${Math.abs(criticized)}分`);
    expect(flat).toContain('加分无');
    expect(flat).not.toContain('打印');
    const info = execFileSync(pdftotext().replace(/pdftotext$/, 'pdfinfo'), [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);

    // 4. Another unit from the picker: T01's bonuses are listed.
    await page.getByTestId('feedback-subject').click();
    await page.getByRole('option', { name: /（T01）/ }).click();
    await page.getByTestId('feedback-T01').waitFor();
    const award = SCHEME.rules.find((r: Json) => r.code === 'AWARD_PROVINCE');
    await text(page.getByTestId('feedback-bonuses'), award.name);
    await s.shot('feedback-T01');
  });
}, 120_000);

/** pdftotext from poppler-utils (Debian); said clearly when it is missing. */
function pdftotext(): string {
  const p = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((x) => fs.existsSync(x));
  if (!p) throw new Error('pdftotext not found: apt-get install -y poppler-utils');
  return p;
}
