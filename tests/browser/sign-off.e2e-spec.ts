import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ReviewState } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { describeBrowser, loginAs, openChromiumPage } from '../support/browser';
import { createSampleWorld, TEST_PASSWORD } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
const REASON = '该事项应由县级部门承接，请县里核实';

/**
 * The sign-off page of the levels above the county, in real Chromium: the prefecture returns one
 * item to the county; once it has gone down and up again the prefecture signs off, and the region
 * signs off and publishes.
 */
describeBrowser('browser: prefecture and region sign-off', () => {
  jest.setTimeout(150_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let world: Awaited<ReturnType<typeof createSampleWorld>>;
  let tokens: { drafter: string; county: string };
  let itemId: string;

  const api = (who: keyof typeof tokens, p: string, body: object = {}) =>
    app.http.post(`/api/lists/${world.list.id}${p}`).set('Authorization', tokens[who]).send(body).expect(200);
  const review = async (): Promise<ReviewState> =>
    (await app.http.get(`/api/lists/${world.list.id}/review`).set('Authorization', tokens.county)).body;
  const login = async (username: string) => {
    await loginAs(page, app.baseUrl, username, TEST_PASSWORD);
    await page.goto(`${app.baseUrl}/lists/${world.list.id}/review`);
    await page.getByTestId('review-page').waitFor();
  };
  const roundStep = async (button: string, stage: string) => {
    await page.getByTestId(button).click();
    await page.getByTestId('round-confirm').click();
    await page.getByTestId('review-header').getByText(stage).first().waitFor();
  };
  /** The county approves every item of the current round and the list (over the API). */
  const countyApproves = async () => {
    await api('county', '/start-review');
    await api('county', '/decisions', { itemIds: (await review()).items.map((i) => i.item.id), decision: 'approved' });
    await api('county', '/approve');
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await startTestApp({ seedDemo: false });
    world = await createSampleWorld(app.db);
    tokens = {
      drafter: await bearer(app, world.users.drafter.username),
      county: await bearer(app, world.users.county.username),
    };
    await api('drafter', '/submit');
    await countyApproves();
    itemId = (await review()).items.find((i) => i.item.table === 'basic' && i.item.seq === 3)!.item.id;
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the prefecture picks an item and returns it to the county with a reason', async () => {
    await login(world.users.prefecture.username);
    await page.getByTestId('start-review').click();
    await page.getByTestId('review-header').getByText('州/地区审核中').first().waitFor();

    const row = page.locator(`[data-testid="review-row"][data-item-id="${itemId}"]`);
    await row.locator('input[type="checkbox"]').check();
    await page.getByTestId('return-items').click();
    await page.getByTestId('return-items-modal').getByTestId('return-item').first().waitFor();
    await page.getByTestId('return-item-reason').fill(REASON);
    await page.getByTestId('round-confirm').click();
    await page.getByTestId('review-header').getByText('县级审核中').first().waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'sign-off-1-prefecture-returned.png'),
      fullPage: true,
      animations: 'disabled',
    });

    const returned = (await review()).items.find((i) => i.item.id === itemId)!;
    expect(returned.decisions).toEqual([
      expect.objectContaining({ level: 'prefecture', decision: 'returned', reason: REASON }),
    ]);
  });

  it('after the county sends it down and the township revises it, the prefecture signs off', async () => {
    await api('county', '/return-round');
    const item = (
      (await app.http.get(`/api/lists/${world.list.id}/items`).set('Authorization', tokens.drafter)).body.items as {
        id: string;
        name: string;
        version: number;
      }[]
    ).find((i) => i.id === itemId)!;
    await app.http
      .patch(`/api/lists/${world.list.id}/items/${item.id}`)
      .set('Authorization', tokens.drafter)
      .send({ version: item.version, name: `${item.name}（按州审意见修改）` })
      .expect(200);
    await api('drafter', '/submit');
    await countyApproves();

    await login(world.users.prefecture.username);
    await page.getByTestId('start-review').click();
    await page.getByTestId('review-header').getByText('州/地区审核中').first().waitFor();
    await roundStep('sign-off', '州/地区已签署');
  });

  it('the region signs off and publishes', async () => {
    await login(world.users.region.username);
    await page.getByTestId('start-review').click();
    await page.getByTestId('review-header').getByText('自治区审核中').first().waitFor();
    await roundStep('sign-off', '自治区已签署');
    await roundStep('publish-list', '已发布');
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'sign-off-2-published.png'),
      fullPage: true,
      animations: 'disabled',
    });
    const [{ stage, round }] = await app.db.query(`SELECT stage, round FROM duty_lists WHERE id = $1`, [world.list.id]);
    expect({ stage, round }).toEqual({ stage: 'published', round: 2 });
  });
});
