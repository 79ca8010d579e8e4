import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { UserEntity } from '../../backend/src/modules/users/user.entity';
import { describeBrowser, loginAs, openChromiumPage } from '../support/browser';
import { createOrgUnit, createUser, TEST_PASSWORD } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');

describeBrowser('browser: password change, forced at first login and from the user menu', () => {
  jest.setTimeout(120_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await startTestApp({ seedDemo: false });
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a one-time password shows only the change screen until a good password is set', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const user = await createUser(app.db, 'region_reviewer', region);
    await app.db.getRepository(UserEntity).update({ id: user.id }, { mustChangePassword: true });

    await loginAs(page, app.baseUrl, user.username, TEST_PASSWORD);
    const screen = page.getByTestId('forced-password-change');
    await screen.getByText('请修改初始密码').waitFor();
    expect(await page.getByTestId('side-menu').count()).toBe(0);

    // The shared policy answers as you type: a common password is refused before it is sent.
    await page.getByTestId('current-password').fill(TEST_PASSWORD);
    await page.getByTestId('new-password').fill('woaini1314520');
    await page.getByTestId('confirm-password').fill('woaini1314520');
    await page.getByTestId('change-password-submit').click();
    await screen.getByText('密码过于常见，容易被猜中，请换一个').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'password-forced.png'), animations: 'disabled' });

    // Going elsewhere does not help: the same screen.
    await page.goto(`${app.baseUrl}/lists`);
    await screen.waitFor();

    await page.getByTestId('current-password').fill(TEST_PASSWORD);
    await page.getByTestId('new-password').fill('Tianshan-2026-duty');
    await page.getByTestId('confirm-password').fill('Tianshan-2026-duty');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('side-menu').waitFor();
    expect(await screen.count()).toBe(0);
  });

  it('修改密码 from the user menu, with 上次登录; a wrong current password is said so', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const user = await createUser(app.db, 'county_reviewer', region);
    await loginAs(page, app.baseUrl, user.username, TEST_PASSWORD); // a first login …
    await loginAs(page, app.baseUrl, user.username, TEST_PASSWORD); // … so that this one has a previous one

    await page.getByTestId('user-menu').click();
    await expect(page.getByTestId('last-login').textContent()).resolves.toMatch(
      /^上次登录：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'password-user-menu.png'), animations: 'disabled' });
    await page.getByTestId('menu-change-password').click();
    await page.waitForURL('**/account/password');
    const form = page.getByTestId('change-password-page');
    await form.getByText('上次登录').waitFor();

    await page.getByTestId('current-password').fill('not-my-password');
    await page.getByTestId('new-password').fill('Kunlun-2027-review');
    await page.getByTestId('confirm-password').fill('Kunlun-2027-review');
    await page.getByTestId('change-password-submit').click();
    await expect(page.getByTestId('change-password-error').textContent()).resolves.toContain('当前密码不正确');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'password-change.png'), animations: 'disabled' });

    await page.getByTestId('current-password').fill(TEST_PASSWORD);
    await page.getByTestId('change-password-submit').click();
    await page.getByText('密码已修改，您在其他设备上的登录已退出').waitFor();
    const login = await app.http
      .post('/api/auth/login')
      .send({ username: user.username, password: 'Kunlun-2027-review' });
    expect(login.status).toBe(200);
  });
});
