import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ReviewState } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { describeBrowser, loginAs, openChromiumPage } from '../support/browser';
import { createSampleWorld, TEST_PASSWORD } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
const REASON = '事项名称应与县级文件一致，请修改';

/**
 * The heart of 三上三下 in real Chromium: a county reviewer returns an item with a reason; the drafter
 * sees it, revises it and resubmits; the reviewer approves the revised item and the list.
 */
describeBrowser('browser: return → revise → resubmit → approve', () => {
  jest.setTimeout(120_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let world: Awaited<ReturnType<typeof createSampleWorld>>;
  let itemId: string;
  let itemName: string;

  const login = (username: string) => loginAs(page, app.baseUrl, username, TEST_PASSWORD);

  const logout = async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
  };
  const row = () => page.locator(`[data-testid="review-row"][data-item-id="${itemId}"]`);
  const shot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true, animations: 'disabled' });

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await startTestApp({ seedDemo: false });
    world = await createSampleWorld(app.db);
    // Round 1 submitted and under county review, every item approved but one (set up over the API).
    const drafter = await bearer(app, world.users.drafter.username);
    const county = await bearer(app, world.users.county.username);
    const listUrl = `/api/lists/${world.list.id}`;
    await app.http.post(`${listUrl}/submit`).set('Authorization', drafter).send({}).expect(200);
    await app.http.post(`${listUrl}/start-review`).set('Authorization', county).send({}).expect(200);
    const state = (await app.http.get(`${listUrl}/review`).set('Authorization', county)).body as ReviewState;
    const target = state.items.find((i) => i.item.table === 'basic' && i.item.seq === 2);
    if (!target) throw new Error('the sample has no basic item 2');
    itemId = target.item.id;
    itemName = target.item.name;
    await app.http
      .post(`${listUrl}/decisions`)
      .set('Authorization', county)
      .send({ itemIds: state.items.filter((i) => i.item.id !== itemId).map((i) => i.item.id), decision: 'approved' })
      .expect(200);
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the county reviewer returns the item with a reason and sends the round down', async () => {
    await login(world.users.county.username);
    await page.goto(`${app.baseUrl}/lists/${world.list.id}/review`);
    await page.getByTestId('review-page').waitFor();
    await row().getByTestId('decide-return').click();
    await page.getByTestId('decision-reason').fill(REASON);
    await page.getByTestId('decision-confirm').click();
    await row().getByTestId('decision-tag').filter({ hasText: '退回修改' }).waitFor();

    await page.getByTestId('return-round').click();
    await page.getByTestId('round-reason').fill('请按意见修改后重新报送');
    await page.getByTestId('round-confirm').click();
    await page.getByTestId('review-header').getByText('已退回修改').first().waitFor();
    await shot('cycle-1-county-returned.png');
    await logout();
  });

  it('the drafter sees the return, revises the item and resubmits', async () => {
    await login(world.users.drafter.username);
    await page.goto(`${app.baseUrl}/lists/${world.list.id}`);
    const entry = page.locator(`[data-testid="feedback-entry"][data-item-id="${itemId}"]`);
    await entry.waitFor();
    await expect(entry.getByTestId('feedback-reason').textContent()).resolves.toContain(REASON);
    await expect(entry.getByTestId('feedback-status').textContent()).resolves.toContain('待处理');

    await entry.getByTestId('feedback-edit').click();
    const name = page.getByTestId('item-form-modal').getByTestId('item-name');
    await name.fill(`${itemName}（按县级意见修改）`);
    await page.getByTestId('item-form-submit').click();
    await entry.getByTestId('feedback-status').filter({ hasText: '已修改' }).waitFor();
    await shot('cycle-2-drafter-revised.png');

    await page.getByTestId('submit-list').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('list-header').getByText('已报送').first().waitFor();
    await logout();
  });

  it('the reviewer sees the revised item, approves it, and approves the list', async () => {
    await login(world.users.county.username);
    await page.goto(`${app.baseUrl}/lists/${world.list.id}/review`);
    await page.getByTestId('start-review').click();
    await page
      .getByTestId('round-confirm')
      .click({ timeout: 3000 })
      .catch(() => undefined); // if it asks to confirm
    await row().getByTestId('decide-approve').waitFor();
    await expect(row().getByTestId('change-badge').first().textContent()).resolves.toMatch(/修改/);
    await expect(row().textContent()).resolves.toContain('（按县级意见修改）');
    await row().getByTestId('decide-approve').click();
    await row().getByTestId('decision-tag').filter({ hasText: '通过' }).waitFor();

    await page.getByTestId('approve-list').click();
    await page.getByTestId('round-confirm').click();
    await page.getByTestId('review-header').getByText('县级已审定').first().waitFor();
    await shot('cycle-3-county-approved.png');

    const [{ stage, round }] = await app.db.query(`SELECT stage, round FROM duty_lists WHERE id = $1`, [world.list.id]);
    expect({ stage, round }).toEqual({ stage: 'county_approved', round: 2 });
  });
});
