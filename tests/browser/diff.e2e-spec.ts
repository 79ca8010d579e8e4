import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Item, ListSummary, ReviewState } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { describeBrowser, openChromiumPage } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
/**
 * The demo accounts work on a copy of 阿合奇镇's 2025 list (309 real items) under another edition: other test
 * files share the demo database and expect the 2025 list to stay a draft. The copy keeps the 说明, so the
 * first 阿合奇镇 list anyone reads still has the demo's facts.
 */
const EDITION = 2090;

describeBrowser('browser: the county reviewer reads the round-2 diff', () => {
  jest.setTimeout(120_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let listId: string;
  const ids = { reworded: '', moved: '', renumbered: '', inserted: '' };
  let fifthName = '';

  beforeAll(async () => {
    app = await startTestApp();
    ({ browser, page } = await openChromiumPage());

    const drafter = await bearer(app, 'aheqi', 'demo1234');
    const county = await bearer(app, 'aheqi-county', 'demo1234');
    const lists = (await app.http.get('/api/lists').set('Authorization', drafter)).body as ListSummary[];
    const demo = lists.find((l) => l.township.name === '阿合奇镇' && l.edition === 2025) as ListSummary;
    const [{ id }] = await app.db.query(
      `INSERT INTO duty_lists (township_id, edition, title, stage, explanation)
       SELECT township_id, $2::int, replace(title, '2025', $2::int::text), 'drafting', explanation
       FROM duty_lists WHERE id = $1 RETURNING id`,
      [demo.id, EDITION],
    );
    listId = id as string;
    await app.db.query(
      `INSERT INTO items (list_id, list_table, seq, category, name, departments, upper_duties, township_duties, undertaker)
       SELECT $2, list_table, seq, category, name, departments, upper_duties, township_duties, undertaker
       FROM items WHERE list_id = $1`,
      [demo.id, listId],
    );
    const call = (token: string, method: 'get' | 'post' | 'patch', url: string, body: object = {}) =>
      method === 'get'
        ? app.http.get(`/api/lists/${listId}${url}`).set('Authorization', token)
        : app.http[method](`/api/lists/${listId}${url}`).set('Authorization', token).send(body);
    const ok = async (res: Promise<{ status: number; body: unknown }> | { status: number; body: unknown }) => {
      const r = await res;
      if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };

    // Round 1: the drafter submits; the county returns one item (with a reason) and the round.
    await ok(call(drafter, 'post', '/submit'));
    await ok(call(county, 'post', '/start-review'));
    const items = ((await ok(call(drafter, 'get', '/items'))) as { items: Item[] }).items;
    const basic = items.filter((i) => i.table === 'basic').sort((a, b) => a.seq - b.seq);
    const [first, , , , fifth, , , , , tenth] = basic;
    ids.renumbered = first.id;
    ids.reworded = fifth.id;
    fifthName = fifth.name;
    ids.moved = tenth.id;
    await ok(call(county, 'post', `/items/${fifth.id}/decision`, { decision: 'returned', reason: '表述不够规范' }));
    await ok(call(county, 'post', '/return-round', { reason: '请按意见修改后重新报送' }));
    const review = (await ok(call(drafter, 'get', '/review'))) as ReviewState;
    expect(review.openFeedback).toBe(1);

    // The drafter rewords item 5, moves item 10 to the revoked table, inserts an item at the top of basic
    // (so every basic item renumbers) and submits round 2.
    await ok(
      call(drafter, 'patch', `/items/${fifth.id}`, {
        version: fifth.version,
        name: `${fifth.name.slice(0, -2)}纪律并建立工作台账`,
      }),
    );
    await ok(call(drafter, 'post', `/items/${tenth.id}/move`, { version: tenth.version, table: 'revoked' }));
    const inserted = (await ok(
      call(drafter, 'post', '/items', {
        table: 'basic',
        position: 1,
        category: '党的建设',
        name: '负责村级组织换届选举的指导和监督',
      }),
    )) as Item;
    ids.inserted = inserted.id;
    await ok(call(drafter, 'post', '/submit'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const row = (itemId: string) => page.locator(`[data-testid="diff-row"][data-item-id="${itemId}"]`);

  it('shows the reworded item highlighted, the moved item badged, and renumbered items not as changes', async () => {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-username').fill('aheqi-county');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/lists');

    // From the list header, as a reviewer would get there.
    await page.goto(`${app.baseUrl}/lists/${listId}`);
    await page.getByTestId('list-header').getByTestId('diff-open').click();
    await page.waitForURL(`**/lists/${listId}/diff`);
    await page.getByTestId('diff-page').waitFor();

    // The default pair is the last two rounds.
    await expect(page.getByTestId('diff-from').textContent()).resolves.toContain('第1版');
    await expect(page.getByTestId('diff-to').textContent()).resolves.toContain('第2版');
    await expect(page.getByTestId('diff-tab-basic').textContent()).resolves.toBe('基本履职事项 2');
    await expect(page.getByTestId('diff-tab-revoked').textContent()).resolves.toBe('上级部门收回事项 1');
    await expect(page.getByTestId('diff-summary').textContent()).resolves.toContain(
      '新增 1 项，删除 0 项，修改 1 项，移动 1 项，类别变更 0 项',
    );

    // 只看变化 (on by default): the inserted item and the reworded one; nothing merely renumbered.
    const reworded = row(ids.reworded);
    await reworded.waitFor();
    await expect(reworded.getAttribute('data-status')).resolves.toBe('changed');
    // Word level: the two characters dropped in red, the new words in green (not the whole name).
    await expect(reworded.getByTestId('diff-del').allTextContents()).resolves.toEqual([fifthName.slice(-2)]);
    await expect(reworded.getByTestId('diff-ins').allTextContents()).resolves.toEqual(['纪律并建立工作台账']);
    await expect(reworded.getByTestId('badge-modified').count()).resolves.toBe(1);
    await expect(reworded.getByTestId('diff-previous-decision').textContent()).resolves.toContain('表述不够规范');
    await expect(row(ids.inserted).getAttribute('data-status')).resolves.toBe('added');
    await expect(page.getByTestId('diff-row').count()).resolves.toBe(2);
    await expect(row(ids.renumbered).count()).resolves.toBe(0);
    await expect(page.getByTestId('badge-renumbered').count()).resolves.toBe(0);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'diff.png'), fullPage: true, animations: 'disabled' });

    // n: the next change gets the focus.
    await page.keyboard.press('n');
    await expect(page.locator('.diff-row-focused').getAttribute('data-item-id')).resolves.toBe(ids.inserted);
    await page.keyboard.press('n');
    await expect(page.locator('.diff-row-focused').getAttribute('data-item-id')).resolves.toBe(ids.reworded);

    // The moved item, in its new table, badged as moved.
    await page.getByTestId('diff-tab-revoked').click();
    const moved = row(ids.moved);
    await moved.waitFor();
    await expect(moved.getByTestId('badge-moved').textContent()).resolves.toBe('移入上级部门收回事项');
    await expect(moved.getByTestId('diff-ins').count()).resolves.toBe(0); // its wording did not change

    // Every item (virtualised): the first basic item went from 序号 1 to 2, and is not a change.
    await page.getByTestId('diff-tab-basic').click();
    await page.getByTestId('diff-changed-only').click();
    const renumbered = row(ids.renumbered);
    await renumbered.waitFor();
    await expect(renumbered.getAttribute('data-status')).resolves.toBe('unchanged');
    await expect(renumbered.locator('[data-testid^="badge-"]').count()).resolves.toBe(0);
    await expect(renumbered.locator('[data-testid="diff-ins"], [data-testid="diff-del"]').count()).resolves.toBe(0);
    await expect(renumbered.locator('.ant-table-cell').first().textContent()).resolves.toBe('1→2');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'diff-all-items.png'), animations: 'disabled' });
    // 119 basic items + 1 inserted − 1 moved, but only the rows in view are in the page.
    await expect(page.getByTestId('diff-row').count()).resolves.toBeLessThan(80);

    // Side by side: the old wording on the left, the new on the right.
    await page.getByTestId('diff-changed-only').click();
    await expect(page.getByTestId('diff-row').count()).resolves.toBe(2);
    await page.getByTestId('diff-mode').getByText('左右对照').click();
    await expect(reworded.locator('[data-side="before"] [data-testid="diff-ins"]').count()).resolves.toBe(0);
    await expect(reworded.locator('[data-side="before"] [data-testid="diff-del"]').count()).resolves.toBe(1);
    await expect(reworded.locator('[data-side="after"] [data-testid="diff-del"]').count()).resolves.toBe(0);
    await expect(reworded.locator('[data-side="after"] [data-testid="diff-ins"]').count()).resolves.toBe(1);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'diff-side-by-side.png'),
      fullPage: true,
      animations: 'disabled',
    });

    // The item's history across rounds, with the round-1 return on it.
    await reworded.getByTestId('diff-history-open').click();
    const drawer = page.getByTestId('history-drawer');
    await drawer.getByTestId('history-version').first().waitFor();
    await expect(drawer.getByTestId('history-version').count()).resolves.toBe(2);
    await expect(drawer.getByTestId('history-decision').first().textContent()).resolves.toContain('表述不够规范');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // "Since my last decision": the county last decided on version 1.
    await page.getByTestId('diff-since-mine').click();
    await page.waitForURL(/from=1&to=2/);

    // The 修改对照表 downloads under its Chinese name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diff-export-docx').click()]);
    expect(download.suggestedFilename()).toBe(`阿合奇镇履职事项清单（${EDITION}年）修改对照表（第1轮→第2轮）.docx`);
  });

  it('compares the list with the 2025 list of the same township: the inserted item is missing there, the moved one filed elsewhere', async () => {
    await page.goto(`${app.baseUrl}/lists/${listId}/diff`);
    await page.getByTestId('compare-open').click();
    await page.waitForURL(`**/lists/${listId}/compare`);
    await page.getByTestId('compare-with').click();
    await page.getByTitle('阿合奇镇 · 阿合奇县 · 2025年').click();
    const result = page.getByTestId('compare-result');
    await result.waitFor();
    await expect(page.getByTestId('compare-missing').textContent()).resolves.toContain(
      '负责村级组织换届选举的指导和监督',
    );
    await expect(page.getByTestId('compare-different-table').getByRole('row').count()).resolves.toBe(2); // header + 1
    await expect(page.getByTestId('compare-different-table').textContent()).resolves.toContain(
      '上级部门收回事项 ↔ 基本履职事项',
    );
    await expect(result.textContent()).resolves.toContain('阿合奇镇（2025年）有、阿合奇镇（2090年）没有的事项（0）');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'compare.png'), fullPage: true, animations: 'disabled' });
  });
});
