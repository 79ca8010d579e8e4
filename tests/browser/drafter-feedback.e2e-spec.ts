import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ListSummary, ReviewState } from '@dutylist/shared';
import { describeBrowser, openChromiumPage } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
const PASSWORD = 'demo1234';
const RETURN_REASON = '职责表述过于笼统，请细化到具体工作内容';
const SUGGEST_REASON = '名称应与上级文件的表述一致';
const ANSWER = '该事项已按县委组织部文件表述，暂不修改';
const REVISE_REASON = '请补充“五个好”党支部的具体要求';
const REVISED_NAME = '领导本镇政权机关、群团组织和其他各类组织（按县级意见补充）';
const NEW_NAME = '落实基层党建工作责任制（审核建议名称）';

/**
 * The drafter's side of one round, with the demo accounts: 阿合奇镇 submits, 阿合奇县 returns one item
 * and suggests a new name for another; in the browser the drafter accepts the suggestion, answers the
 * return and submits again through the checklist; then the county sees its task, the overview and the
 * list's history. The demo 阿合奇镇 list must stay a draft for the other specs of the run, so this spec
 * seeds the demo into a database of its own.
 */
describeBrowser('browser: a drafter answers the county opinions and submits again', () => {
  jest.setTimeout(120_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let listId: string;
  let returnedId: string;
  let suggestedId: string;
  let revisedId: string;

  const token = async (username: string) => {
    const res = await app.http.post('/api/auth/login').send({ username, password: PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const post = async (auth: string, url: string, body: object) => {
    const res = await app.http.post(`/api${url}`).set('Authorization', `Bearer ${auth}`).send(body);
    if (res.status !== 200) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as unknown;
  };
  /** A deadline in the past, so the red 已逾期 shows (the demo edition has no review days). */
  const makeOverdue = () =>
    app.db.query(`UPDATE duty_lists SET deadline_at = now() - interval '2 days' WHERE id = $1`, [listId]);
  const shot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true, animations: 'disabled' });
  const shotOf = (locator: Locator, name: string) =>
    locator.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled' });
  const entry = (itemId: string) => page.locator(`[data-testid="feedback-entry"][data-item-id="${itemId}"]`);

  beforeAll(async () => {
    app = await startTestApp({ ownDatabase: 'feedback' });
    ({ browser, page } = await openChromiumPage());
    mkdirSync(SCREENSHOT_DIR, { recursive: true });

    // Round 1 up and down, over the API.
    const drafter = await token('aheqi');
    const county = await token('aheqi-county');
    const lists = (await app.http.get('/api/lists').set('Authorization', `Bearer ${drafter}`)).body as ListSummary[];
    listId = lists.find((l) => l.township.name === '阿合奇镇')!.id;
    await post(drafter, `/lists/${listId}/submit`, {});
    await post(county, `/lists/${listId}/start-review`, {});
    const review = (await app.http.get(`/api/lists/${listId}/review`).set('Authorization', `Bearer ${county}`))
      .body as ReviewState;
    const basic = review.items.filter((i) => i.item.table === 'basic').sort((a, b) => a.item.seq - b.item.seq);
    [returnedId, suggestedId, revisedId] = [basic[0].item.id, basic[1].item.id, basic[2].item.id];
    await post(county, `/lists/${listId}/items/${returnedId}/decision`, {
      decision: 'returned',
      reason: RETURN_REASON,
    });
    await post(county, `/lists/${listId}/items/${suggestedId}/decision`, {
      decision: 'suggested',
      reason: SUGGEST_REASON,
      suggestion: { fields: { name: NEW_NAME } },
    });
    await post(county, `/lists/${listId}/items/${revisedId}/decision`, { decision: 'returned', reason: REVISE_REASON });
    await post(county, `/lists/${listId}/return-round`, { reason: '第一轮审核意见，请逐项处理' });
    await makeOverdue();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the opinions to 阿合奇镇, takes the suggestion and the answer, and submits through the checklist', async () => {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-username').fill('aheqi');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/lists');
    await page.getByTestId('menu-tasks').getByText('我的待办').waitFor();
    // The side menu has no 审核总览 for a drafter.
    await expect(page.getByTestId('side-menu').getByText('审核总览').count()).resolves.toBe(0);

    await page.goto(`${app.baseUrl}/lists/${listId}`);
    const panel = page.getByTestId('feedback-panel');
    await panel.waitFor();
    await expect(page.getByTestId('list-turn').textContent()).resolves.toBe('等待 阿合奇镇 乡镇起草人：修改并重新报送');
    await page.getByTestId('list-header').getByTestId('overdue-tag').waitFor();
    await expect(panel.getByTestId('feedback-summary').textContent()).resolves.toBe('第1轮 退回 3 项，待处理 3 项');
    await expect(panel.getByTestId('feedback-entry').count()).resolves.toBe(3);
    await expect(entry(returnedId).textContent()).resolves.toContain(RETURN_REASON);
    await expect(entry(suggestedId).getByTestId('feedback-suggestion').textContent()).resolves.toContain(
      `→ ${NEW_NAME}`,
    );
    await expect(entry(suggestedId).getByTestId('feedback-status').textContent()).resolves.toBe('待处理');
    await shot('drafter-feedback-page.png');
    await shotOf(page.getByTestId('list-header'), 'drafter-list-header.png');
    await shotOf(panel, 'drafter-feedback-panel.png');

    // 采纳建议: the draft item takes the suggested name.
    await entry(suggestedId).getByTestId('feedback-accept').click();
    await entry(suggestedId).getByTestId('feedback-status').getByText('已采纳').waitFor();
    await page.getByTestId('items-table-basic').getByText(NEW_NAME).waitFor();

    // 说明 on the returned item.
    await entry(returnedId).getByTestId('feedback-answer').click();
    await page.getByTestId('feedback-text').fill(ANSWER);
    await page.getByTestId('feedback-confirm').click();
    await entry(returnedId).getByTestId('feedback-status').getByText('已说明').waitFor();
    await expect(entry(returnedId).getByTestId('feedback-response').textContent()).resolves.toContain(ANSWER);
    // 去修改: the item form, and the return counts as revised once the draft item changed.
    await entry(revisedId).getByTestId('feedback-edit').click();
    await page.getByTestId('item-form-modal').getByTestId('item-name').fill(REVISED_NAME);
    await page.getByTestId('item-form-submit').click();
    await entry(revisedId).getByTestId('feedback-status').getByText('已修改').waitFor();
    await page.getByTestId('items-table-basic').getByText(REVISED_NAME).waitFor();
    await panel.getByTestId('feedback-summary').getByText('第1轮 退回 3 项，待处理 0 项').waitFor();
    await shotOf(panel, 'drafter-feedback-answered.png');

    // 报送 through the checklist.
    await page.getByTestId('submit-list').click();
    const checklist = page.getByTestId('submit-checklist');
    await checklist.getByText('审核意见：已全部处理').waitFor();
    await checklist.locator('[data-testid="checklist-validation"]:not([data-status="processing"])').waitFor();
    await page.getByTestId('submit-note').fill('已按第一轮意见处理：采纳 1 项，修改 1 项，说明 1 项');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'drafter-submit-checklist.png'), animations: 'disabled' });
    await page.getByTestId('submit-confirm').click();
    await checklist.waitFor({ state: 'hidden' });
    await page.getByTestId('list-header').getByTestId('stage-tag').getByText('已报送').waitFor();
    await expect(page.getByTestId('list-turn').textContent()).resolves.toBe('等待 阿合奇县 县委编办审核人：开始审核');
    await expect(page.getByTestId('submit-list').count()).resolves.toBe(0);
    await shot('drafter-submitted.png');
  });

  it('shows 阿合奇县 its task, the overview and the history of the list', async () => {
    await makeOverdue();
    const county = await token('aheqi-county');
    await page.evaluate((value) => window.localStorage.setItem('dutylist.token', value), county);

    await page.goto(`${app.baseUrl}/tasks`);
    const tasks = page.getByTestId('tasks-page');
    const row = tasks.getByTestId('task-row').filter({ hasText: '阿合奇镇' });
    await row.waitFor();
    await expect(row.getByTestId('task-link').getAttribute('href')).resolves.toBe(`/lists/${listId}/review`);
    await expect(row.textContent()).resolves.toContain('开始审核');
    await row.getByTestId('overdue-tag').waitFor();
    await expect(page.getByTestId('menu-tasks').textContent()).resolves.toMatch(/我的待办\s*1/);
    await shot('county-tasks.png');

    await page.getByTestId('side-menu').getByText('审核总览').click();
    await page.waitForURL('**/dashboard');
    const dashboardRow = page.getByTestId('dashboard-page').getByTestId('dashboard-row');
    await dashboardRow.first().waitFor();
    await expect(dashboardRow.count()).resolves.toBe(1);
    await expect(dashboardRow.textContent()).resolves.toContain('阿合奇镇');
    await expect(dashboardRow.textContent()).resolves.toContain('已报送');
    await dashboardRow.getByTestId('overdue-tag').waitFor();
    await shot('county-dashboard.png');

    await page.getByTestId('side-menu').getByText('我的清单').click();
    await page.getByTestId('lists-table').getByTestId('list-turn-cell').first().waitFor();
    await shot('county-lists.png');

    await page.goto(`${app.baseUrl}/lists/${listId}/history`);
    const history = page.getByTestId('history-page');
    await history.getByTestId('audit-entry').first().waitFor();
    const actions = await history
      .getByTestId('audit-entry')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
    // Newest first.
    expect(actions).toEqual([
      'submit',
      'answer_item',
      'accept_suggestion',
      'return_round',
      'decide_item',
      'decide_item',
      'decide_item',
      'start_review',
      'submit',
    ]);
    const answered = history.locator('[data-testid="audit-entry"][data-action="answer_item"]');
    await expect(answered.textContent()).resolves.toContain(ANSWER);
    await expect(answered.textContent()).resolves.toContain('阿合奇镇 起草人');
    const returned = history.locator('[data-testid="audit-entry"][data-action="return_round"]');
    await expect(returned.getByTestId('audit-stage').textContent()).resolves.toBe('阶段：县级审核中 → 已退回修改');
    await shot('county-history.png');

    await answered.getByTestId('audit-item-link').click();
    await page.getByTestId('history-drawer').waitFor();
    await shot('county-history-drawer.png');
  });

  it('groups the overview by prefecture and county for the region', async () => {
    await page.evaluate((value) => window.localStorage.setItem('dutylist.token', value), await token('xinjiang'));
    await page.goto(`${app.baseUrl}/dashboard`);
    const dashboard = page.getByTestId('dashboard-page');
    await dashboard.getByTestId('dashboard-row').first().waitFor();
    await expect(dashboard.getByTestId('dashboard-row').count()).resolves.toBe(4);
    // Two prefectures, each with its counties, all expanded.
    const groups = await dashboard
      .getByTestId('dashboard-group-name')
      .evaluateAll((nodes) => nodes.map((node) => node.textContent));
    expect(groups).toEqual(expect.arrayContaining([expect.stringMatching(/^克孜勒苏柯尔克孜自治州 1 份清单$/)]));
    expect(groups.length).toBeGreaterThanOrEqual(4);
    await dashboard.getByTestId('dashboard-summary').getByText('各州/地区').waitFor();

    await dashboard.getByTestId('dashboard-overdue-filter').click();
    await expect(dashboard.getByTestId('dashboard-row').count()).resolves.toBe(1);
    await dashboard.getByTestId('dashboard-overdue-filter').click();
    await expect(dashboard.getByTestId('dashboard-row').count()).resolves.toBe(4);
    await shot('region-dashboard.png');
  });
});
