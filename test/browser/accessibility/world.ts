// The world the accessibility walk runs in: accounts, per-language button names, and the set-up
// (a user per role, a published scheme with runs, a second tenant with no scheme).
import { gqlAt, type Json } from '../support';

export type Lang = 'zh' | 'en';

export const DEMO = { email: 'demo@example.com', password: 'demo', tenant: 'demo' };
export const PLATFORM = { email: 'admin@example.com', password: 'admin' };
export const ROLES = ['LEADER', 'ASSESSOR', 'MONITOR', 'UNIT', 'VIEWER'] as const;
export type TenantRole = 'ADMIN' | (typeof ROLES)[number];

/** Button names used to open dialogs, per language. */
export const TEXT = {
  zh: { clone: '复制到新年度', close: '关闭', publish: '发布', language: '中文', userMenu: '个人设置', save: '保存' },
  en: {
    clone: 'Clone to a new year',
    close: 'Close',
    publish: 'Publish',
    language: 'English',
    userMenu: 'Profile',
    save: 'Save',
  },
};

export interface World {
  url: string;
  schemeId: string;
  draftSchemeId: string;
  publishedRunId: string;
  draftRunId: string;
  userId: string;
  tenantId: string;
}

/** A second tenant with no scheme yet: its scheme list is the onboarding view. */
export const EMPTY = { email: 'admin@a11y-empty.test', password: 'a11y-empty-1', tenant: 'a11y-empty' };
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function setUp(url: string): Promise<World> {
  const login = async (email: string, password: string, tenant?: string) =>
    (
      await gqlAt(
        url,
        'mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }',
        { e: email, p: password, t: tenant },
      )
    ).login.token as string;
  const token = await login(DEMO.email, DEMO.password, DEMO.tenant);
  const gql = (q: string, v: Json = {}, t = token) => gqlAt(url, q, v, t);
  const schemeId = (await gql('{ schemes { id code } }')).schemes.find((s: Json) => s.code === 'district-2023').id;
  for (const role of ROLES) {
    await gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: {
        email: `${role.toLowerCase()}@a11y.test`,
        password: 'a11y-pass-1',
        name: `${role} 用户`,
        role,
        ...(role === 'UNIT' ? { unit: 'T01' } : {}),
      },
    });
  }
  const userId = (await gql('{ allUsers { id email } }')).allUsers.find((u: Json) => u.email === 'viewer@a11y.test').id;
  const draftSchemeId = (
    await gql('mutation($id: ID!) { cloneScheme(id: $id, year: 2024, code: "district-2024") { id } }', { id: schemeId })
  ).cloneScheme.id;
  const publishedRunId = (
    await gql('query($s: ID!) { resultRuns(schemeId: $s) { id status } }', { s: schemeId })
  ).resultRuns.find((r: Json) => r.status === 'PUBLISHED').id;
  // a changed figure, so that computing makes a new DRAFT run (the same inputs give the published one back)
  await gql(
    'mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: REVIEW, value: $v) { id } }',
    { s: schemeId, v: { actual: 4000, target: 5000 } },
  );
  const draftRunId = (await gql('mutation($s: ID!) { computeResults(schemeId: $s) { id status } }', { s: schemeId }))
    .computeResults.id;
  await gql(
    'mutation($s: ID!) { claimAdjustment(schemeId: $s, subject: "T02", rule: "AWARD_DISTRICT", note: "表彰文件") { id } }',
    { s: schemeId },
  );
  const platform = await login(PLATFORM.email, PLATFORM.password);
  const tenantId = (await gqlAt(url, '{ allTenants { id code } }', {}, platform)).allTenants.find(
    (t: Json) => t.code === 'demo',
  ).id;
  await gqlAt(
    url,
    'mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }',
    { i: { code: EMPTY.tenant, name: '空租户', adminEmail: EMPTY.email, adminPassword: EMPTY.password } },
    platform,
  );
  return { url, schemeId, draftSchemeId, publishedRunId, draftRunId, userId, tenantId };
}
