// A new tenant's first steps in a real browser (Debian chromium through playwright-core) against a
// real server: the empty scheme list offers onboarding; a broken scheme file's problems are listed
// on the page; the built-in template starts this year's draft; after publishing, 考核对象 are
// created, pasted from Excel (bad lines named first), edited and deleted — checked through GraphQL.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { readWorkbook, toBuffer } from '../support/files';
import {
  ConsoleSession,
  REPO,
  bootServer,
  ensureAdminBuilt,
  expectText as text,
  gqlAt,
  launchBrowser,
  signIn,
  type Json,
  type RunningServer,
} from './support';

const SCHEME: Json = JSON.parse(
  fs.readFileSync(path.join(REPO, 'shared', 'examples', 'district-2023.scheme.json'), 'utf8'),
);
const PLATFORM = { email: 'admin@example.com', password: 'admin' };
const FRESH = { code: 'newtown', email: 'office@newtown.example', password: 'newtown-admin' };

let server: RunningServer;
let browser: Browser;
let token: string;

const gql = (query: string, variables: Json = {}, bearer = token): Promise<Json> =>
  gqlAt(server.url, query, variables, bearer);
const login = async (email: string, password: string, tenant?: string) =>
  (
    await gql(
      'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
      { e: email, p: password, t: tenant },
      '',
    )
  ).login.token as string;

beforeAll(async () => {
  ensureAdminBuilt();
  server = await bootServer('subjects');
  browser = await launchBrowser();
  const platform = await login(PLATFORM.email, PLATFORM.password);
  await gql(
    'mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }',
    { i: { code: FRESH.code, name: '新城区', adminEmail: FRESH.email, adminPassword: FRESH.password } },
    platform,
  );
  token = await login(FRESH.email, FRESH.password, FRESH.code);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test('a fresh tenant starts from the built-in template and manages its 考核对象', async () => {
  await ConsoleSession.walk(browser, 'subjects', async (s, page) => {
    // 1. An empty scheme list: onboarding instead of an empty table.
    await page.goto(`${server.url}/admin/#/schemes`);
    await signIn(page, FRESH.email, FRESH.password, FRESH.code);
    await page.getByTestId('onboarding').waitFor();
    await text(page.getByTestId('onboarding'), '开始本年度考核');
    await s.shot('onboarding');

    // 2. A scheme file with two mistakes: nothing imported, each problem listed on the page with its place.
    const broken = structuredClone(SCHEME);
    broken.code = 'broken-2026';
    broken.grades[0].minScore = 'ninety';
    delete broken.groups[0].root.children[0].weight;
    await page.getByTestId('onboarding-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByTestId('onboarding-failure').waitFor();
    await text(page.getByTestId('onboarding-failure'), '未能导入 broken.json');
    const problems = page.getByTestId('onboarding-problems');
    await text(problems, '/grades/0/minScore');
    expect(await problems.locator('li').count()).toBeGreaterThanOrEqual(2);
    expect((await gql('{ schemes { id } }')).schemes).toEqual([]);
    await s.shot('onboarding-problems');

    // 3. The built-in template as this tenant's 2026 scheme: a draft named for 2026, opened at once.
    await page.getByTestId('onboarding-year').fill('2026');
    expect(await page.getByTestId('onboarding-code').inputValue()).toBe('district-2026');
    await page.getByTestId('onboarding-template').click();
    await page.waitForURL(/#\/schemes\/[^/]+\/show/);
    const schemes = (await gql('{ schemes { id code name year status } }')).schemes as Json[];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]).toMatchObject({
      code: 'district-2026',
      year: 2026,
      status: 'DRAFT',
      name: SCHEME.name.replace('2023', '2026'),
    });
    const exported = (await gql('query($id: ID!) { exportScheme(id: $id) }', { id: schemes[0].id })).exportScheme;
    expect(exported.groups.map((g: Json) => g.code)).toEqual(SCHEME.groups.map((g: Json) => g.code));
    await text(page.locator('main'), 'district-2026');
    await s.shot('scheme-from-template');
    await gql('mutation($id: ID!) { publishScheme(id: $id) { status } }', { id: schemes[0].id });

    // 4. 考核对象 from the scheme page: none yet.
    await page.reload();
    await page.getByTestId('scheme-subjects').click();
    await page.waitForURL(/#\/subjects/);
    await page.getByTestId('subjects-empty').waitFor();
    await page.getByTestId(`subject-group-TOWNSHIP`).waitFor();
    await s.shot('subjects-empty');

    // 5. Create one through the form (a TOWNSHIP unit).
    await page.getByTestId('subject-create').click();
    await page.locator('input[name=code]').fill('T01');
    await page.locator('input[name=name]').fill('东城镇');
    await page.getByRole('combobox', { name: '考核组别' }).click();
    await page.getByRole('option', { name: '镇', exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('subject-grid').getByText('东城镇').waitFor();

    // 6. Paste import: a block copied from the template (machine row, header, rows) with a bad line first.
    await page.getByTestId('subject-import').click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByTestId('subject-import-text')
      .fill('subject\tname\n代码\t名称\nT02\t西河镇\nT03\t\nT02\t重复镇\n');
    await text(dialog.getByTestId('subject-import-issues'), '第 4 行：T03 缺少名称');
    await text(dialog.getByTestId('subject-import-issues'), '第 5 行：代码 T02 重复');
    expect(await dialog.getByTestId('subject-import-confirm').isDisabled()).toBe(true);
    await s.shot('subjects-paste-bad');
    await dialog
      .getByTestId('subject-import-text')
      .fill('subject\tname\r\nT02\t西河镇\r\nT03\t南山镇\r\nT01\t东城镇（新）\r\n');
    await text(dialog.getByTestId('subject-import-count'), '可导入 3 个考核对象');
    await dialog.getByTestId('subject-import-confirm').click();
    await page.getByText('已导入 3 个考核对象').first().waitFor();
    await page.getByTestId('subject-grid').getByText('南山镇').waitFor();
    await s.shot('subjects-pasted');

    // 7. Members of a MEMBER group name their unit; an unknown unit is refused before sending.
    const member = SCHEME.groups.find((g: Json) => g.kind === 'MEMBER');
    await page.getByTestId('subject-import').click();
    await dialog.getByTestId('subject-import-group').click();
    await page.getByRole('option', { name: member.name, exact: true }).click();
    await dialog.getByTestId('subject-import-text').fill('L01\t张三\tT09\n');
    await text(dialog.getByTestId('subject-import-issues'), 'L01 的所属单位 T09 不是本方案的单位');
    await dialog.getByTestId('subject-import-text').fill('L01\t张三\tT01\nL02\t李四\tT02\n');
    await dialog.getByTestId('subject-import-confirm').click();
    await page.getByText('已导入 2 个考核对象').first().waitFor();

    // 8. The template workbook (下载模板 on this page) with rows added on two sheets, imported
    //    through 从模板导入: a new township and a member of it; a bad unit is named at its cell first.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-template').click(),
    ]);
    const wb = await readWorkbook(fs.readFileSync(await download.path()));
    const townSheet = wb.getWorksheet(SCHEME.groups.find((g: Json) => g.code === 'TOWNSHIP').name)!;
    const memberSheet = wb.getWorksheet(member.name)!;
    expect(memberSheet.getRow(1).getCell(3).value).toBe('unit');
    townSheet.addRow(['T04', '北湖镇']);
    memberSheet.addRow(['L03', '王五', 'T04']);
    const bad = memberSheet.addRow(['L04', '赵六', 'T08']);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await page
      .getByTestId('workbook-file')
      .setInputFiles({ name: 'template.xlsx', mimeType: xlsx, buffer: await toBuffer(wb) });
    await page.getByTestId('workbook-refused').waitFor();
    await text(page.getByTestId('workbook-problems'), `${member.name}!${bad.getCell(3).address}`);
    await s.shot('subjects-workbook-bad');
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    memberSheet.spliceRows(bad.number, 1);
    await page
      .getByTestId('workbook-file')
      .setInputFiles({ name: 'template.xlsx', mimeType: xlsx, buffer: await toBuffer(wb) });
    await page.getByTestId('workbook-ready').waitFor();
    expect(await page.getByTestId('count-created').innerText()).toBe('2');
    expect(await page.getByTestId('count-unchanged').innerText()).toBe('5');
    await page.getByTestId('workbook-confirm').click();
    await page.getByText('已新增 2 个、更新 0 个考核对象').first().waitFor();
    await page.getByTestId('subject-grid').getByText('北湖镇').waitFor();

    let subjects = (
      await gql('query($s: ID!) { subjects(schemeId: $s) { code name group kind unit version } }', { s: schemes[0].id })
    ).subjects as Json[];
    expect(subjects.map((x) => [x.code, x.name, x.group, x.unit])).toEqual([
      ['T01', '东城镇（新）', 'TOWNSHIP', null],
      ['T02', '西河镇', 'TOWNSHIP', null],
      ['T03', '南山镇', 'TOWNSHIP', null],
      ['L01', '张三', member.code, 'T01'],
      ['L02', '李四', member.code, 'T02'],
      ['T04', '北湖镇', 'TOWNSHIP', null],
      ['L03', '王五', member.code, 'T04'],
    ]);
    // rows that did not change were not rewritten
    expect(subjects.find((x) => x.code === 'T02')!.version).toBe(1);

    // 9. The group tab lists that group only; edit a name; delete a subject without data.
    await page.getByTestId('subject-group-TOWNSHIP').click();
    await page.waitForURL(/TOWNSHIP/);
    const grid = page.getByTestId('subject-grid');
    await grid.getByText('张三').waitFor({ state: 'detached' });
    await grid.getByText('南山镇').click();
    await page.locator('input[name=name]').fill('南山镇人民政府');
    await page.getByRole('button', { name: '保存' }).click();
    await grid.getByText('南山镇人民政府').waitFor();
    await grid.getByText('西河镇').waitFor();
    await page.getByTestId(`subject-group-${member.code}`).click();
    await grid.getByText('李四').click();
    await page.getByTestId('subject-delete').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await grid.getByText('张三').waitFor();
    await grid.getByText('李四').waitFor({ state: 'detached' });
    await s.shot('subjects-edited');
    subjects = (await gql('query($s: ID!) { subjects(schemeId: $s) { code name } }', { s: schemes[0].id }))
      .subjects as Json[];
    expect(subjects.map((x) => `${x.code}:${x.name}`)).toEqual([
      'T01:东城镇（新）',
      'T02:西河镇',
      'T03:南山镇人民政府',
      'L01:张三',
      'T04:北湖镇',
      'L03:王五',
    ]);

    // 10. Cloned to 2027 from the scheme page: the subjects come along.
    await page.goto(`${server.url}/admin/#/schemes/${schemes[0].id}/show`);
    await page.getByRole('button', { name: '复制到新年度' }).click();
    await text(page.getByRole('dialog'), '考核对象随方案一并复制到新年度');
    await page.getByTestId('clone-copy-targets').locator('input').check();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.waitForURL((url) => !url.hash.includes(schemes[0].id) && /#\/schemes\/[^/]+\/show/.test(url.hash));
    const next = ((await gql('{ schemes { id code } }')).schemes as Json[]).find((x) => x.code === 'district-2027')!;
    const copied = (await gql('query($s: ID!) { subjects(schemeId: $s) { code unit } }', { s: next.id }))
      .subjects as Json[];
    expect(copied.map((x) => x.code)).toEqual(subjects.map((x) => x.code));
  });
}, 120_000);
