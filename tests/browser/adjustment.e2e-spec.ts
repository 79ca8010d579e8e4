import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Item, ListDetail, ReviewState } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { describeBrowser, loginAs, openChromiumPage } from '../support/browser';
import { publishThroughCycle } from '../support/cycle';
import { createSampleWorld, TEST_PASSWORD } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
const REASON = '乡镇机构改革后，部分事项名称需要调整';

/**
 * 动态调整 in real Chromium: a published list is adjusted by its township, reviewed and published again;
 * meanwhile the diff shows the published version against the adjustment, and the list page its history
 * of published versions. Then the region opens the next edition on the 届次管理 page.
 */
describeBrowser('browser: adjustment of a published list', () => {
  jest.setTimeout(240_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let world: Awaited<ReturnType<typeof createSampleWorld>>;
  let tokens: { drafter: string; county: string; prefecture: string; region: string };
  let changedName = '';

  const listUrl = () => `${app.baseUrl}/lists/${world.list.id}`;
  const api = (who: keyof typeof tokens, p: string, body: object = {}) =>
    app.http.post(`/api/lists/${world.list.id}${p}`).set('Authorization', tokens[who]).send(body).expect(200);
  const detail = async (): Promise<ListDetail> =>
    (await app.http.get(`/api/lists/${world.list.id}`).set('Authorization', tokens.county)).body;
  const shot = (name: string) =>
    page.screenshot({
      path: path.join(SCREENSHOT_DIR, `adjustment-${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await startTestApp({ seedDemo: false, ownDatabase: 'adjustment' });
    world = await createSampleWorld(app.db);
    tokens = {
      drafter: await bearer(app, world.users.drafter.username),
      county: await bearer(app, world.users.county.username),
      prefecture: await bearer(app, world.users.prefecture.username),
      region: await bearer(app, world.users.region.username),
    };
    await publishThroughCycle(app, world.list.id, tokens);
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the township starts an adjustment from the list page, with a reason', async () => {
    await loginAs(page, app.baseUrl, world.users.drafter.username, TEST_PASSWORD);
    await page.goto(listUrl());
    await page.getByTestId('publication-history').getByText('现行有效').waitFor();
    await page.getByTestId('adjustment-start').click();
    await page.getByTestId('adjustment-reason').fill(REASON);
    await page.locator('#adjustment-confirm').click();
    await page.getByTestId('list-adjusting').waitFor();
    await page.getByTestId('list-header').getByText('起草中').first().waitFor();
    expect(await page.getByTestId('adjustment-start').count()).toBe(0);
    expect(await page.getByTestId('publication-row').count()).toBe(2);
    await page.getByTestId('publication-history').getByText(REASON).waitFor();
    await shot('1-started');

    const list = await detail();
    expect({ stage: list.stage, round: list.round, inForce: list.inForce?.number }).toEqual({
      stage: 'drafting',
      round: 1,
      inForce: 1,
    });
  });

  it('the adjusted draft goes up; the diff shows the published version against the adjustment', async () => {
    const items = (await app.http.get(`/api/lists/${world.list.id}/items`).set('Authorization', tokens.drafter)).body
      .items as Item[];
    const target = items.find((i) => i.table === 'basic' && i.seq === 2) as Item;
    changedName = `${target.name}（调整）`;
    await app.http
      .patch(`/api/lists/${world.list.id}/items/${target.id}`)
      .set('Authorization', tokens.drafter)
      .send({ version: target.version, name: changedName })
      .expect(200);
    await api('drafter', '/submit');

    await loginAs(page, app.baseUrl, world.users.county.username, TEST_PASSWORD);
    await page.goto(`${listUrl()}/diff`);
    await page.getByTestId('diff-adjustment-note').waitFor();
    expect(await page.getByTestId('diff-adjustment-note').textContent()).toContain('现行有效的第1版');
    expect(await page.getByTestId('diff-from').textContent()).toContain('第1版');
    expect(await page.getByTestId('diff-from').textContent()).toContain('生效版本');
    expect(await page.getByTestId('diff-to').textContent()).toContain('第2版');
    expect(await page.getByTestId('diff-summary').textContent()).toContain('修改 1 项');
    await page.getByText(changedName).first().waitFor();
    await shot('2-diff');
  });

  it('the adjustment is reviewed and published: its version comes into force', async () => {
    await api('county', '/start-review');
    const state = (await app.http.get(`/api/lists/${world.list.id}/review`).set('Authorization', tokens.county))
      .body as ReviewState;
    // Approvals of unchanged items were carried over: only the changed item is left to decide.
    const open = state.items.filter((i) => !i.decisions.some((d) => d.level === 'county'));
    expect(open.map((i) => i.item.name)).toEqual([changedName]);
    await api('county', '/decisions', { itemIds: open.map((i) => i.item.id), decision: 'approved' });
    await api('county', '/approve');
    await api('prefecture', '/start-review');
    await api('prefecture', '/sign-off');
    await api('region', '/start-review');
    await api('region', '/sign-off');
    expect((await detail()).inForce?.number).toBe(1);

    await loginAs(page, app.baseUrl, world.users.region.username, TEST_PASSWORD);
    await page.goto(`${listUrl()}/review`);
    await page.getByTestId('review-page').waitFor();
    await page.getByTestId('publish-list').click();
    await page.getByTestId('round-confirm').click();
    await page.getByTestId('review-header').getByText('已发布').first().waitFor();

    await page.goto(listUrl());
    await page.getByTestId('publication-history').waitFor();
    expect(await page.getByTestId('publication-row').count()).toBe(2);
    expect(await page.getByTestId('publication-row').nth(1).textContent()).toContain('现行有效');
    expect(await page.getByTestId('list-in-force').textContent()).toContain('第2版');
    expect(await page.getByTestId('list-adjusting').count()).toBe(0);
    await shot('3-published-again');
    const list = await detail();
    expect({ stage: list.stage, inForce: list.inForce?.number, cycle: list.cycle }).toEqual({
      stage: 'published',
      inForce: 2,
      cycle: { number: 2, kind: 'adjustment' },
    });
  });

  it('the region opens the next edition on the 届次管理 page', async () => {
    await page.goto(`${app.baseUrl}/lists`);
    await page.getByTestId('menu-editions').click();
    await page.getByTestId('editions-page').waitFor();
    await page.getByTestId('edition-open').click();
    await page.getByTestId('edition-year').fill('2026');
    await page.getByTestId('edition-title').fill('2026年度');
    await page.getByTestId('edition-review-days').fill('10');
    await shot('4-open-edition');
    await page.getByRole('button', { name: '开启届次' }).click();
    await page.locator('[data-testid="edition-row"][data-edition="2026"]').waitFor();
    expect(await page.locator('[data-testid="edition-row"][data-edition="2026"]').textContent()).toContain('起草中 1');
    await shot('5-editions');

    const [row] = await app.db.query(
      `SELECT l.base_version_id = p.in_force_version_id AS from_in_force,
              (SELECT count(*)::int FROM items WHERE list_id = l.id) AS items
       FROM duty_lists l JOIN duty_lists p ON p.id = $1 WHERE l.township_id = p.township_id AND l.edition = 2026`,
      [world.list.id],
    );
    expect(row.from_in_force).toBe(true);
    expect(row.items).toBeGreaterThan(200);
    // The new edition's draft goes up: its deadline (10 review days) shows beside whose turn it is.
    const [{ id: nextListId }] = await app.db.query(
      `SELECT l.id FROM duty_lists l JOIN duty_lists p ON p.id = $1 WHERE l.township_id = p.township_id AND l.edition = 2026`,
      [world.list.id],
    );
    await app.http.post(`/api/lists/${nextListId}/submit`).set('Authorization', tokens.drafter).send({}).expect(200);
    // Only the region sees the menu.
    await loginAs(page, app.baseUrl, world.users.county.username, TEST_PASSWORD);
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('menu-editions').count()).toBe(0);
    await page.goto(`${app.baseUrl}/lists`);
    await page.getByTestId('list-deadline-cell').first().waitFor();
    expect(await page.getByTestId('list-deadline-cell').first().textContent()).toMatch(
      /期限 .*（剩 9 天|期限 .*（剩 10 天/,
    );
    await shot('6-lists-deadline');
  });
});
