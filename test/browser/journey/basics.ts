// The console basics: sign-in in Chinese, English, users, sign-out; the platform admin and tenants.
import { ConsoleSession, expectText, signIn, waitForValue } from '../support';
import { type Journey, expectVisible, menu, signOut, stamp } from './helpers';

export async function basicsJourney({ server, browser, accounts }: Journey): Promise<void> {
  await ConsoleSession.walk(browser, 'console', async (s, page) => {
    // 1. The console answers at /admin with the Chinese login page.
    await page.goto(`${server.url}/admin/`);
    await page.getByText('登录考评控制台').waitFor();
    await expectVisible(page, '租户代码');
    await s.shot('login-zh');

    // 1b. Wrong credentials: a Chinese message that does not say which part was wrong.
    await signIn(page, accounts.demoAdmin.email, 'wrong-password', accounts.demoAdmin.tenant);
    await expectVisible(page, '登录失败：邮箱、密码或租户代码不正确');
    await s.shot('login-failed');

    // 2. The demo ADMIN signs in and sees the Chinese workbench with user and tenant.
    await signIn(page, accounts.demoAdmin.email, accounts.demoAdmin.password, accounts.demoAdmin.tenant);
    await page.getByRole('heading', { name: '考评工作台' }).first().waitFor();
    await expectText(page.getByTestId('dashboard-user'), accounts.demoAdmin.email);
    await expectText(page.getByTestId('dashboard-tenant'), accounts.demoAdmin.tenant);
    await expectText(page.getByTestId('dashboard-role'), '管理员');
    // An ADMIN's menu: users and API keys, no tenants.
    await menu(page, '用户').waitFor();
    await menu(page, 'API 密钥').waitFor();
    expect(await menu(page, '租户').count()).toBe(0);
    await s.shot('dashboard-zh');

    // 3. Users: the list shows the signed-in admin.
    await menu(page, '用户').click();
    await page.waitForURL(/#\/users$/);
    await page.getByRole('columnheader', { name: '邮箱' }).waitFor();
    await page.getByRole('cell', { name: accounts.demoAdmin.email }).first().waitFor();
    await s.shot('users-list');

    // 4. Create an ASSESSOR and find it in the list.
    const newEmail = `assessor-${stamp}@example.com`;
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/#\/users\/create$/);
    await page.locator('input[name=email]').fill(newEmail);
    await page.locator('input[name=name]').fill('考核组成员');
    await page.locator('input[name=password]').fill('secret-123');
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '考核组' }).click();
    await s.shot('user-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: newEmail }).waitFor();
    await expectVisible(page, '已创建');
    await s.shot('user-created');

    // 4b. A failed call (the same email again) shows a readable Chinese notification; the form stays.
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/#\/users\/create$/);
    await page.locator('input[name=email]').fill(newEmail);
    await page.locator('input[name=name]').fill('重复的用户');
    await page.locator('input[name=password]').fill('secret-123');
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByText(/操作冲突|输入有误/)
      .first()
      .waitFor();
    expect(page.url()).toMatch(/#\/users\/create$/);
    await s.shot('user-duplicate-error');

    // 4c. Edit the new user (updateUser with flat arguments): the list shows the new name.
    await menu(page, '用户').click();
    await page.waitForURL(/#\/users$/);
    // The edit form shows the list's copy at once, then resets to the fetched record: type after that.
    const fetched = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('"operationName":"User"'),
    );
    await page.getByRole('row').filter({ hasText: newEmail }).getByRole('link', { name: '编辑' }).click();
    await page.waitForURL(/#\/users\/[^/]+$/);
    await fetched;
    await page.waitForTimeout(250); // the reset renders right after the response
    await waitForValue(page.locator('input[name=email]'), newEmail);
    await waitForValue(page.locator('input[name=name]'), '考核组成员');
    await page.locator('input[name=name]').fill('考核组成员（已改）');
    await s.shot('user-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/users$/);
    await page.getByRole('row').filter({ hasText: newEmail }).getByText('考核组成员（已改）').waitFor();

    // 4d. The role filter narrows the list (filter: { role: ASSESSOR }).
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '考核组' }).click();
    await page.waitForURL(/ASSESSOR/);
    await page.getByRole('cell', { name: newEmail }).waitFor();
    await page.getByRole('cell', { name: accounts.demoAdmin.email }).waitFor({ state: 'detached' });
    await s.shot('users-filtered');

    // 5. Create an API key: the key is shown once, in a dialog with a copy button.
    await menu(page, 'API 密钥').click();
    await page.waitForURL(/#\/apiKeys$/);
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/#\/apiKeys\/create$/);
    const keyName = `第三方应用-${stamp}`;
    await page.locator('input[name=name]').fill(keyName);
    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('API 密钥已创建').waitFor();
    await dialog.getByText('密钥只显示这一次').waitFor();
    const key = await dialog.getByTestId('api-key-value').inputValue();
    expect(key.length).toBeGreaterThanOrEqual(16);
    await dialog.getByRole('button', { name: '复制' }).first().click();
    await expectVisible(page, '已复制到剪贴板');
    await s.shot('api-key-once');
    await dialog.getByRole('button', { name: '我已保存，关闭' }).click();
    await page.getByRole('cell', { name: keyName }).waitFor();
    expect(await page.content()).not.toContain(key);
    await s.shot('api-keys-list');

    // 5b. Revoke it (with confirmation): the list no longer offers to revoke it.
    const keyRow = page.getByRole('row').filter({ hasText: keyName });
    await keyRow.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expectVisible(page, 'API 密钥已撤销');
    // Revoked keys stay listed without the button, or leave the list: either way no button.
    await keyRow.getByRole('button', { name: '撤销' }).waitFor({ state: 'detached' });
    await s.shot('api-key-revoked');

    // 6. Switch to English: labels follow, and the choice is remembered.
    await page
      .getByRole('button', { name: '语言' })
      .or(page.getByRole('button', { name: '中文' }))
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await menu(page, 'Users').waitFor();
    await menu(page, 'API keys').waitFor();
    await page.getByRole('columnheader', { name: 'Name' }).first().waitFor();
    await menu(page, 'Dashboard').click();
    await page.getByRole('heading', { name: 'Assessment workbench' }).first().waitFor();
    await expectText(page.getByTestId('dashboard-role'), 'Administrator');
    await s.shot('dashboard-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Assessment workbench' }).first().waitFor();

    // 7. Sign out: back to the (English) login page.
    await signOut(page, 'Profile', 'Logout');
    await page.getByText('Sign in to Kaoping').waitFor();
    await s.shot('logged-out-en');

    // 7b. The new ASSESSOR signs in: only the workbench, no user or key administration.
    await signIn(page, newEmail, 'secret-123', accounts.demoAdmin.tenant);
    await page.getByRole('heading', { name: 'Assessment workbench' }).first().waitFor();
    await expectText(page.getByTestId('dashboard-role'), 'Assessor');
    expect(await menu(page, 'Users').count()).toBe(0);
    expect(await menu(page, 'API keys').count()).toBe(0);
    // Schemes are readable by every tenant role, without the import action.
    await menu(page, 'Schemes').click();
    await page.getByRole('row').filter({ hasText: 'district-2023' }).getByText('Published').first().waitFor();
    expect(await page.getByRole('button', { name: 'Import scheme' }).count()).toBe(0);
    await s.shot('assessor-schemes');
    await menu(page, 'Dashboard').click();
    await s.shot('assessor-dashboard');
    await signOut(page, 'Profile', 'Logout');
    await page.getByText('Sign in to Kaoping').waitFor();

    // 8. The platform admin (no tenant) sees the tenants, and only them.
    await signIn(page, accounts.platformAdmin.email, accounts.platformAdmin.password);
    await menu(page, 'Tenants').waitFor();
    expect(await menu(page, 'Users').count()).toBe(0);
    await menu(page, 'Tenants').click();
    await page.waitForURL(/#\/tenants$/);
    await page.getByRole('cell', { name: accounts.demoAdmin.tenant, exact: true }).waitFor();
    await s.shot('tenants-list');

    // 9. Switching into the demo tenant shows its users to the platform admin.
    await page
      .getByRole('row')
      .filter({ hasText: accounts.demoAdmin.tenant })
      .getByRole('button', { name: 'Switch into' })
      .first()
      .click();
    await page.getByText(`Managing tenant: ${accounts.demoAdmin.tenant}`).waitFor();
    await menu(page, 'Users').click();
    await page.waitForURL(/#\/users$/);
    await page.getByRole('cell', { name: newEmail }).waitFor();
    await s.shot('platform-admin-in-tenant');
  });
}
