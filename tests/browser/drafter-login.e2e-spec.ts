import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, openChromiumPage } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');

describeBrowser('browser: a township drafter logs in and opens the list', () => {
  jest.setTimeout(60_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp();
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('logs in as biliuhe, sees 碧流河镇 in 我的清单 and the Chinese item tables', async () => {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-title').getByText('乡镇履职事项清单审核系统').waitFor();
    await page.getByText('演示账号').waitFor();

    await page.getByTestId('login-username').fill('biliuhe');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();

    await page.waitForURL('**/lists');
    await page.getByTestId('lists-page').getByRole('heading', { name: '我的清单' }).waitFor();
    const row = page.getByTestId('lists-page').locator('tr', { hasText: '碧流河镇' }).first();
    await row.waitFor();
    await expect(row.getByTestId('stage-tag').textContent()).resolves.toMatch(/\S/);
    await expect(page.getByTestId('current-user-org').textContent()).resolves.toBe('碧流河镇');

    await row.getByTestId('list-link').click();
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
    await page.getByTestId('list-header').getByTestId('stage-tag').waitFor();
    const basicTab = page.getByTestId('tab-basic');
    await basicTab.waitFor();
    await expect(basicTab.textContent()).resolves.toMatch(/^基本履职事项 \(\d+\)$/);
    await page.getByTestId('items-table-basic').locator('tbody tr.ant-table-row').first().waitFor();
    // antd's zh-CN locale is active (the English build would say "/ page").
    await page.getByText('条/页').first().waitFor();

    // The official layout downloads under the list's Chinese file name.
    await page.getByTestId('export-open').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Word 文档 (.docx)').click()]);
    expect(download.suggestedFilename()).toBe('碧流河镇履职事项清单（2025年）.docx');

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'drafter-list.png'),
      fullPage: true,
      animations: 'disabled',
    });
  });
});
