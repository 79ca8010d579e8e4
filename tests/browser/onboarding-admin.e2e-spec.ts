import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, loginAs, openChromiumPage } from '../support/browser';
import { bearer } from '../support/auth';
import { OrgUnitEntity } from '../../backend/src/modules/org-units/org-unit.entity';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
const DOCUMENT = path.join(__dirname, '../../backend/demo-data/documents/santai.txt');
const TOWNSHIP = '西北湾镇';
const DRAFTER = 'xibeiwan';

/**
 * A county office on a Monday morning: 奇台县's admin creates a township and its drafter in 机构管理;
 * the drafter logs in with the one-time password, imports the township's document and submits; the
 * county reviewer finds it in 我的待办. On a database of its own (the demo seed included).
 */
describeBrowser('browser: the county admin onboards a township and its drafter', () => {
  jest.setTimeout(180_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let oneTimePassword = '';

  const shot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true, animations: 'disabled' });

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await startTestApp({ ownDatabase: 'onboarding_admin' });
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the county admin creates the township, then its drafter, and sees the one-time password once', async () => {
    await loginAs(page, app.baseUrl, 'qitai-admin', 'demo1234');
    const menu = page.getByTestId('side-menu');
    await menu.getByText('机构管理').waitFor();
    await menu.getByText('账号管理').waitFor();
    await menu.getByText('机构管理').click();
    await page.waitForURL('**/admin/org-units');

    // The county is selected: its panel offers 新建乡镇 and 新建县直部门; the demo departments are in the tree.
    await expect(page.getByTestId('org-panel-name').textContent()).resolves.toBe('奇台县');
    await page.getByTestId('org-tree').getByText('县直部门（8）').waitFor();
    await page.getByTestId('org-create-township').click();
    const unitModal = page.getByTestId('org-unit-form-modal');
    await unitModal.getByTestId('org-unit-name').fill(TOWNSHIP);
    await unitModal.getByTestId('org-unit-short-name').fill('西北湾');
    await expect(unitModal.getByTestId('org-unit-then-account').isChecked()).resolves.toBe(true);
    await page.getByTestId('org-unit-submit').click();

    // Straight on to its account: unit and role already chosen.
    const userModal = page.getByTestId('user-form-modal');
    await userModal.getByTestId('user-username').waitFor();
    await expect(userModal.getByTestId('user-org-unit').textContent()).resolves.toContain(TOWNSHIP);
    await expect(userModal.getByTestId('user-role').textContent()).resolves.toContain('乡镇起草人');
    await userModal.getByTestId('user-username').fill(DRAFTER);
    await userModal.getByTestId('user-display-name').fill('张丽');
    await page.getByTestId('user-submit').click();

    const otpModal = page.getByTestId('otp-modal');
    await otpModal.getByText('初始密码只显示这一次').waitFor();
    await expect(otpModal.getByTestId('otp-username').textContent()).resolves.toBe(DRAFTER);
    oneTimePassword = ((await otpModal.getByTestId('otp-password').innerText()) ?? '').trim();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    await shot('admin-otp.png');
    await otpModal.getByTestId('otp-done').click();
    await otpModal.waitFor({ state: 'hidden' });

    // The new township is selected in the tree, with its drafter (never logged in, change pending).
    await expect(page.getByTestId('org-panel-name').textContent()).resolves.toBe(TOWNSHIP);
    const accounts = page.getByTestId('org-panel').getByTestId('users-table');
    await accounts.getByText(DRAFTER).waitFor();
    await accounts.getByText('从未登录').waitFor();
    await accounts.getByText('待改密').waitFor();
    await shot('admin-org-units.png');

    const unit = await app.db.getRepository(OrgUnitEntity).findOneByOrFail({ name: TOWNSHIP });
    expect(unit).toMatchObject({ level: 'township', shortName: '西北湾', isActive: true });
    const actions = await app.db.query(
      `SELECT e.action FROM admin_events e JOIN users u ON u.id = e.actor_id
        WHERE u.username = 'qitai-admin' ORDER BY e.id`,
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['org_unit.create', 'user.create']);

    // The other two screens, as the county admin sees them.
    await page.getByTestId('side-menu').getByText('账号管理').click();
    await page.getByTestId('users-table').getByText(DRAFTER).waitFor();
    await shot('admin-users.png');
    await page.getByTestId('side-menu').getByText('管理日志').click();
    await page.getByTestId('admin-audit-table').getByText(`新建乡镇“${TOWNSHIP}”（上级：奇台县）`).waitFor();
    await shot('admin-audit.png');
  });

  it('the drafter logs in with the one-time password, imports the document and submits', async () => {
    // The region opens the edition again with its settings, as 届次管理 does: townships added since get their draft.
    const region = await bearer(app, 'xinjiang', 'demo1234');
    const opened = await app.http
      .post('/api/editions')
      .set('Authorization', region)
      .send({ edition: 2025, maxRounds: 3, reviewDays: null, reviseDays: null });
    expect(opened.status).toBe(200);
    expect(opened.body.created).toBeGreaterThanOrEqual(1);

    await loginAs(page, app.baseUrl, DRAFTER, oneTimePassword);
    // A one-time password: the first thing the drafter sees is the forced change, nothing else.
    await page.getByTestId('forced-password-change').waitFor();
    await page.getByTestId('current-password').fill(oneTimePassword);
    await page.getByTestId('new-password').fill('Tianshan-2027-lists');
    await page.getByTestId('confirm-password').fill('Tianshan-2027-lists');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('side-menu').waitFor();

    await page.goto(`${app.baseUrl}/lists`);
    await page.getByTestId('lists-page').locator('tr', { hasText: TOWNSHIP }).first().getByTestId('list-link').click();
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '导入文档' }).click();
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}\/import$/);
    await page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles(DOCUMENT);
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-confirm-ok').click();
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
    await page.getByText(/导入完成/).waitFor();

    await page.getByTestId('submit-list').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('list-header').getByText('已报送').first().waitFor();
  });

  it('the county reviewer sees it in 我的待办', async () => {
    await loginAs(page, app.baseUrl, 'qitai', 'demo1234');
    await page.goto(`${app.baseUrl}/tasks`);
    await page.getByTestId('tasks-page').locator('tr', { hasText: TOWNSHIP }).first().waitFor();
    await shot('admin-onboarding-tasks.png');
  });
});
