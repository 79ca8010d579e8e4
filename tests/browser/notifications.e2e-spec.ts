import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bearer } from '../support/auth';
import { describeBrowser, openChromiumPage } from '../support/browser';
import { TEST_PASSWORD, createList, createOrgUnit, createUser } from '../support/factories';
import {
  notifyEnv,
  obliterateQueues,
  startApi,
  startWorker,
  type ApiInstance,
  type NotifyEnv,
  type WorkerInstance,
} from '../support/notification-harness';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');

describeBrowser('browser: the county reviewer sees a submission arrive live', () => {
  jest.setTimeout(90_000);

  let env: NotifyEnv;
  let api: ApiInstance;
  let worker: WorkerInstance;
  let browser: Browser;
  let page: Page;
  let listId: string;
  let drafterToken: string;
  let reviewerName: string;

  beforeAll(async () => {
    env = await notifyEnv('browser');
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    const region = await createOrgUnit(api.db, 'region', null, '新疆维吾尔自治区');
    const prefecture = await createOrgUnit(api.db, 'prefecture', region, '克孜勒苏柯尔克孜自治州');
    const county = await createOrgUnit(api.db, 'county', prefecture, '阿合奇县');
    const township = await createOrgUnit(api.db, 'township', county, '阿合奇镇');
    listId = (await createList(api.db, township, [{ name: '党建引领基层治理' }, { name: '村级组织建设' }])).id;
    const drafter = await createUser(api.db, 'township_drafter', township);
    const reviewer = await createUser(api.db, 'county_reviewer', county);
    reviewerName = reviewer.username;
    drafterToken = await bearer(api, drafter.username);
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (worker) {
      await obliterateQueues(worker);
      await worker.close();
    }
    await env?.drop();
  });

  it('the bell counts up and the notice pops up without a reload; the inbox row opens the round', async () => {
    await page.goto(`${api.baseUrl}/login`);
    await page.getByTestId('login-username').fill(reviewerName);
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    const streamOpen = page.waitForResponse(
      (r) => r.url().includes('/api/notifications/stream?') && r.status() === 200,
    );
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/lists');
    const count = page.getByTestId('notification-count');
    await page.getByTestId('notification-bell').waitFor();
    await expect(count.textContent()).resolves.toBe('0');
    // The live stream is open before the drafter acts.
    await streamOpen;

    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const submitted = await api.http.post(`/api/lists/${listId}/submit`).set('Authorization', drafterToken).send({});
    expect(submitted.status).toBe(200);

    await page.waitForFunction(
      () => document.querySelector('[data-testid="notification-count"]')?.textContent === '1',
      undefined,
      { timeout: 15_000 },
    );
    await page.getByText('《阿合奇镇履职事项清单》第1轮报送（1上），请审核').first().waitFor();
    expect(navigations).toEqual([]); // no reload
    // The list behind it moved on too: its stage is no longer 起草中.
    await page.getByTestId('lists-page').getByTestId('stage-tag').getByText('已报送').waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'notification-live.png'), animations: 'disabled' });

    await page.getByTestId('notification-bell').click();
    await page.waitForURL('**/notifications');
    const row = page.getByTestId('notifications-page').getByTestId('notification-row').first();
    await row.waitFor();
    await expect(row.getAttribute('data-unread')).resolves.toBe('true');
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'notifications-page.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await page.getByRole('tab', { name: '通知设置' }).click();
    await page.getByTestId('preference-submit-email').waitFor();
    await page.getByText('系统尚未配置邮件服务器，暂不发送邮件通知。').waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'notification-settings.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await page.getByRole('tab', { name: '收件箱' }).click();
    await row.getByText('《阿合奇镇履职事项清单》第1轮报送（1上），请审核').click();
    await page.waitForURL(`**/lists/${listId}/review?round=1`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="notification-count"]')?.textContent === '0',
      undefined,
      { timeout: 15_000 },
    );
  });
});
