import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Item, ListSummary, ReviewState } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { describeBrowser, openChromiumPage } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
const DEMO_PASSWORD = 'demo1234';

/**
 * Milliseconds in the page from a click until `done()` holds and the next frame is painted (measured in the
 * browser, so the test runner's round trips do not count).
 */
async function timeInPage(
  page: Page,
  testId: string | null,
  done: () => boolean,
  click?: () => Promise<void>,
): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __t0: number }).__t0 = 0;
    document.addEventListener('click', () => ((window as unknown as { __t0: number }).__t0 = performance.now()), {
      capture: true,
      once: true,
    });
  });
  if (click) await click();
  else await page.getByTestId(testId as string).click();
  return page.evaluate(
    (doneSource) =>
      new Promise<number>((resolve) => {
        const isDone = new Function(`return (${doneSource})()`) as () => boolean;
        const check = () => {
          if (isDone()) {
            requestAnimationFrame(() =>
              resolve(Math.round(performance.now() - (window as unknown as { __t0: number }).__t0)),
            );
          } else requestAnimationFrame(check);
        };
        check();
      }),
    done.toString(),
  );
}

describeBrowser('browser: the county reviewer works through round 2 of 阿合奇镇', () => {
  jest.setTimeout(180_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let listId: string;
  const token = { drafter: '', county: '' };
  /** Basic items: returned in round 1 then revised, edited after approval, and left undecided. */
  const names = { returned: '', edited: '', undecided: [] as string[] };

  const api = (who: keyof typeof token) => ({
    get: (p: string) => app.http.get(`/api/lists/${listId}${p}`).set('Authorization', token[who]),
    post: (p: string, body: object = {}) =>
      app.http.post(`/api/lists/${listId}${p}`).set('Authorization', token[who]).send(body),
    patch: (p: string, body: object) =>
      app.http.patch(`/api/lists/${listId}${p}`).set('Authorization', token[who]).send(body),
  });
  const ok = async (res: Promise<{ status: number; body: unknown }> | { status: number; body: unknown }) => {
    const answered = await res;
    if (answered.status >= 300) throw new Error(`${answered.status} ${JSON.stringify(answered.body)}`);
    return answered.body;
  };

  beforeAll(async () => {
    // This spec takes the demo 阿合奇镇 list through a round and a half: the other specs of a run expect
    // it to stay a draft, so this one runs on a database of its own.
    app = await startTestApp({ ownDatabase: 'review' });
    token.drafter = await bearer(app, 'aheqi', DEMO_PASSWORD);
    token.county = await bearer(app, 'aheqi-county', DEMO_PASSWORD);
    const lists = (await app.http.get('/api/lists').set('Authorization', token.drafter)).body as ListSummary[];
    listId = lists.find((l) => l.township.name === '阿合奇镇')!.id;

    // Round 1 over HTTP: submitted, everything approved but one returned item and three left open, returned.
    await ok(api('drafter').post('/submit'));
    await ok(api('county').post('/start-review'));
    const round1 = (await ok(api('county').get('/review'))) as ReviewState;
    const basic = round1.items.filter((i) => i.item.table === 'basic').sort((a, b) => a.item.seq - b.item.seq);
    const [returned, edited, ...rest] = basic.slice(2, 7).map((i) => i.item);
    names.returned = returned.name;
    names.edited = edited.name;
    names.undecided = rest.map((i) => i.name);
    const open = new Set([returned.id, ...rest.map((i) => i.id)]);
    await ok(
      api('county').post('/decisions', {
        itemIds: round1.items.map((i) => i.item.id).filter((id) => !open.has(id)),
        decision: 'approved',
      }),
    );
    await ok(api('county').post(`/items/${returned.id}/decision`, { decision: 'returned', reason: '名称不规范' }));
    await ok(api('county').post('/return-round', {}));

    // The township revises the returned item and rewords one approved item, then submits round 2.
    const draft = ((await ok(api('drafter').get('/items'))) as { items: Item[] }).items;
    const current = (id: string) => draft.find((i) => i.id === id)!;
    names.returned = `${returned.name}（已修改）`;
    names.edited = `${edited.name}（调整表述）`;
    await ok(
      api('drafter').patch(`/items/${returned.id}`, { version: current(returned.id).version, name: names.returned }),
    );
    await ok(api('drafter').patch(`/items/${edited.id}`, { version: current(edited.id).version, name: names.edited }));
    await ok(api('drafter').post('/submit'));

    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('starts the review, filters, approves, returns, approves the unchanged items and comments', async () => {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-username').fill('aheqi-county');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/lists');

    // From the list page header into the round.
    await page.goto(`${app.baseUrl}/lists/${listId}`);
    await page.getByTestId('review-open').click();
    await page.waitForURL(`**/lists/${listId}/review`);
    const root = page.getByTestId('review-page');
    await root.getByTestId('review-round').getByText('第2轮').waitFor();
    await expect(root.getByTestId('review-version').textContent()).resolves.toContain('第2轮报送');
    expect(await root.getByTestId('decide-approve').count()).toBe(0);

    await page.getByTestId('start-review').click();
    await page.getByText('已开始审核').waitFor();
    await root.getByTestId('decide-approve').first().waitFor();
    await expect(root.getByTestId('stage-tag').textContent()).resolves.toBe('县级审核中');
    const rows = root.getByTestId('review-row');
    // A virtual table: all 119 basic items in one scrolling list, only the rows in view rendered.
    await expect(root.getByTestId('review-row-count').textContent()).resolves.toBe('共 119 条');
    expect(await rows.count()).toBeLessThan(40);

    // 有变化: the revised and the reworded item (carried approvals do not count as changes).
    const filterMs = await timeInPage(
      page,
      'filter-changed',
      () => document.querySelectorAll('[data-testid="review-row"]').length === 2,
    );
    const row = (name: string) => rows.filter({ hasText: name });
    await expect(row(names.edited).getByTestId('changed-field').textContent()).resolves.toBe('事项名称');
    await expect(row(names.returned).getByTestId('change-badge').textContent()).resolves.toBe('有修改');

    // Approve one, return the other with a reason.
    await row(names.edited).getByTestId('decide-approve').click();
    await row(names.edited).getByTestId('decision-tag').filter({ hasText: '县委编办：通过' }).waitFor();
    await row(names.returned).getByTestId('decide-return').click();
    await page.getByTestId('decision-reason').fill('职责表述仍不清楚，请写明具体工作内容');
    await page.getByTestId('decision-confirm').click();
    await row(names.returned).getByTestId('decision-tag').filter({ hasText: '县委编办：退回修改' }).waitFor();

    // The unchanged items nobody decided yet: approved in one go.
    await page.getByTestId('filter-changed').click();
    await page.getByTestId('filter-undecided').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-row"]').length === 3);
    for (const name of names.undecided.slice(0, 3)) await row(name).waitFor();
    await expect(page.getByTestId('approve-unchanged').textContent()).resolves.toContain('(3)');
    await page.getByTestId('approve-unchanged').click();
    await page.getByText('已通过 3 个未变化事项').waitFor();
    await root.getByText('没有符合筛选条件的事项').waitFor();
    await expect(root.getByTestId('summary-undecided').textContent()).resolves.toContain('0');
    await page.getByTestId('filter-undecided').click();

    // A carried-over approval says where it comes from.
    await rows.first().getByTestId('carried-tag').filter({ hasText: '沿用第1轮通过' }).waitFor();

    // A thread on the returned item.
    await page.getByTestId('review-search').fill(names.returned.slice(0, 8));
    await row(names.returned).getByTestId('threads-open').click();
    const drawer = page.getByTestId('threads-drawer');
    await drawer.getByTestId('thread-body').fill('请对照县统计局的职责说明补充配合内容');
    await drawer.getByTestId('thread-send').click();
    await drawer
      .getByTestId('thread-comment-body')
      .filter({ hasText: '请对照县统计局的职责说明补充配合内容' })
      .waitFor();
    await expect(drawer.getByTestId('thread-round').textContent()).resolves.toBe('第2轮提出');
    await drawer.getByTestId('thread-resolve').waitFor();

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-threads.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect(row(names.returned).getByTestId('threads-open').textContent()).resolves.toBe('讨论 (1)');

    // The item's history: both versions with the change marked, the round-1 return and this round's.
    await row(names.returned).getByTestId('history-open').click();
    const history = page.getByTestId('history-drawer');
    await history.getByTestId('history-version').nth(1).waitFor();
    await expect(history.getByTestId('history-version').first().textContent()).resolves.toContain('第2轮报送');
    await history.getByTestId('text-diff').locator('ins').filter({ hasText: '（已修改）' }).waitFor();
    await history.getByText('理由：名称不规范').waitFor();
    await history.getByText('理由：职责表述仍不清楚，请写明具体工作内容').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-history.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });

    // The filtered view, then the whole round; the server agrees with what the page shows.
    await page.getByTestId('review-search').fill('');
    await page.getByTestId('filter-changed').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-row"]').length === 2);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-changed.png'), animations: 'disabled' });
    const state = (await ok(api('county').get('/review'))) as ReviewState;
    expect(state.summary).toEqual(
      expect.objectContaining({ undecided: 0, returned: 1, changed: 2, unresolvedThreads: 1 }),
    );

    await page.getByTestId('filter-clear').click();
    await expect(root.getByTestId('review-row-count').textContent()).resolves.toBe('共 119 条');
    const tabMs = await timeInPage(page, 'review-tab-cooperative', () =>
      [...document.querySelectorAll('th')].some((th) => th.textContent === '乡镇配合职责'),
    );
    const scrollMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const holder = document.querySelector('.ant-table-tbody-virtual-holder') as HTMLElement;
          const first = document.querySelector('[data-testid="review-row"]')?.getAttribute('data-item-id');
          const t0 = performance.now();
          holder.scrollTop = 4000;
          const check = () => {
            const now = document.querySelector('[data-testid="review-row"]')?.getAttribute('data-item-id');
            if (now && now !== first) requestAnimationFrame(() => resolve(Math.round(performance.now() - t0)));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    await page.getByTestId('review-tab-basic').click();
    await page.waitForFunction(
      () => ![...document.querySelectorAll('th')].some((th) => th.textContent === '乡镇配合职责'),
    );
    // j moves the focus down the whole table; the list scrolls to keep the focused row in view.
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('j');
    await root.locator('.review-row-focused').getByText('30', { exact: true }).waitFor();
    for (let i = 0; i < 29; i += 1) await page.keyboard.press('k');
    await root.locator('.review-row-focused').getByText('1', { exact: true }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await root.locator('.review-row-focused').getByText('3', { exact: true }).waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-round.png'), animations: 'disabled' });
    console.log(
      `review-round over ${state.summary.total} items: 有变化 filter ${filterMs} ms, ` +
        `switch to 配合 ${tabMs} ms, scroll 4000 px ${scrollMs} ms`,
    );
  });

  it('suggests a change, is refused approval with the open items listed, and returns the round', async () => {
    const root = page.getByTestId('review-page');
    const row = (name: string) => root.getByTestId('review-row').filter({ hasText: name });

    // A concrete suggestion on an item approved a moment ago (changing a decision sends `replaces`).
    await row(names.edited).getByTestId('decide-suggest').click();
    const modal = page.getByTestId('decision-modal');
    await modal.getByTestId('suggest-name').fill('加强镇党委自身建设');
    await modal.getByTestId('decision-reason').fill('名称过长，建议精简');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-suggest.png'), animations: 'disabled' });
    await page.getByTestId('decision-confirm').click();
    await row(names.edited).getByTestId('decision-tag').filter({ hasText: '县委编办：修改建议' }).waitFor();
    await expect(row(names.edited).getByTestId('decision-reason-text').textContent()).resolves.toContain(
      '事项名称改为“加强镇党委自身建设”',
    );

    // 审定通过 is refused while items stand returned: the API's message and the items, each a link to its row.
    await page.getByTestId('approve-list').click();
    await page.getByTestId('round-confirm').click();
    const openItems = page.getByTestId('open-items');
    await openItems.getByText('还有 2 个事项未审核通过，不能审定').waitFor();
    expect(await openItems.getByTestId('open-item').count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-open-items.png'), animations: 'disabled' });
    await openItems.getByText(names.returned.slice(0, 10), { exact: false }).click();
    await root.locator('.review-row-focused').filter({ hasText: names.returned }).waitFor();

    // 退回本轮 (k下): the list goes back to the township, and the item buttons go away.
    await page.getByTestId('return-round').click();
    await page.getByTestId('round-reason').fill('请按审核意见修改后重新报送');
    await page.getByTestId('round-confirm').click();
    await page.getByText('已退回乡镇修改').waitFor();
    await root.getByTestId('stage-tag').filter({ hasText: '已退回修改' }).waitFor();
    expect(await root.getByTestId('decide-approve').count()).toBe(0);
    expect(await page.getByTestId('return-round').count()).toBe(0);
  });
});
