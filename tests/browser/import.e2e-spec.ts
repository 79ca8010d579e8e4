import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, openChromiumPage } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');
const SANTAI = path.join(__dirname, '../../backend/demo-data/documents/santai.txt');
const ORIGINAL_START = '以铸牢中华民族共同体意识为主线';
const REWORDED_START = '始终以铸牢中华民族共同体意识为主线';

const GLUED_ROW = '30\t乡村振兴\t';

/**
 * santai.txt with the name of 基本履职事项 2 reworded (the first "2\t" row is in the basic table), and the
 * 序号 of 配合履职事项 30 glued to its category: the parser splits it again and reports a warning.
 */
function writeRevisedDocument(dir: string): string {
  const lines = readFileSync(SANTAI, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.startsWith('2\t'));
  if (index < 0 || !lines[index].includes(ORIGINAL_START)) throw new Error('santai.txt: basic row 2 not found');
  lines[index] = lines[index].replace(ORIGINAL_START, REWORDED_START);
  const glued = lines.findIndex((line) => line.startsWith(GLUED_ROW));
  if (glued < 0) throw new Error('santai.txt: cooperative row 30 not found');
  lines[glued] = lines[glued].replace(GLUED_ROW, '30乡村振兴\t');
  const file = path.join(dir, 'santai-revised.txt');
  writeFileSync(file, lines.join('\n'));
  return file;
}

// Uses only the 三台镇 list: the database is shared with the other browser specs running in parallel.
describeBrowser('browser: a township drafter imports a revised document', () => {
  jest.setTimeout(90_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let tempDir: string;

  beforeAll(async () => {
    tempDir = mkdtempSync(path.join(tmpdir(), 'dutylist-import-'));
    app = await startTestApp();
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('uploads santai.txt with one reworded name, sees 修改 1 in the preview, confirms and sees the new name', async () => {
    const revised = writeRevisedDocument(tempDir);

    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-username').fill('santai');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();

    await page.waitForURL('**/lists');
    const row = page.getByTestId('lists-page').locator('tr', { hasText: '三台镇' }).first();
    await row.getByTestId('list-link').click();
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
    await page.getByTestId('items-table-basic').locator('tbody tr.ant-table-row').first().waitFor();
    const basicTab = await page.getByTestId('tab-basic').textContent();

    await page.getByRole('button', { name: '导入文档' }).click();
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}\/import$/);
    await page.getByText('支持 Word 导出的文本、.docx、.xlsx，最大 50 MB').waitFor();
    await page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles(revised);

    await page.waitForURL(/\/import\?import=[0-9a-f-]{36}$/);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await expect(page.getByTestId('import-title-township').textContent()).resolves.toBe('三台镇');
    const summary = page.getByTestId('import-summary');
    await expect(
      summary.getByTestId('import-summary-changed').locator('.ant-statistic-content-value').textContent(),
    ).resolves.toBe('1');
    await expect(
      summary.getByTestId('import-summary-added').locator('.ant-statistic-content-value').textContent(),
    ).resolves.toBe('0');
    await expect(
      summary.getByTestId('import-summary-removed').locator('.ant-statistic-content-value').textContent(),
    ).resolves.toBe('0');
    const unchanged = Number(
      await summary.getByTestId('import-summary-unchanged').locator('.ant-statistic-content-value').textContent(),
    );
    // 未变: every other row of the document.
    let rowCount = 0;
    for (const table of ['basic', 'cooperative', 'revoked']) {
      const label = await page.getByTestId(`import-tab-${table}`).textContent();
      rowCount += Number(/\((\d+)\)$/.exec(label ?? '')?.[1]);
    }
    expect(rowCount).toBeGreaterThan(100);
    expect(unchanged).toBe(rowCount - 1);

    // The validation report leads to its row: the cooperative tab, page 2, scrolled into view, highlighted.
    await page.getByTestId('import-issues').getByText('序号与事项类别连在一起').click();
    const selected = page.locator('tr.import-row-selected');
    await selected.waitFor();
    await expect(selected.getAttribute('data-row-key')).resolves.toMatch(/^cooperative-30-\d+$/);
    await expect(
      page
        .getByTestId('import-tab-cooperative')
        .locator('xpath=ancestor::*[@role="tab"]')
        .getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await page.waitForFunction(() => {
      const box = document.querySelector('tr.import-row-selected')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await page.getByTestId('import-tab-basic').click();

    await page.getByTestId('import-only-changed').click();
    const changedRow = page.getByTestId('import-rows-basic').locator('tbody tr.ant-table-row');
    await expect(changedRow.count()).resolves.toBe(1);
    await changedRow.getByText('修改').waitFor();
    await changedRow.getByText(/相似度 \d+%/).waitFor();
    await page.getByTestId('import-only-changed').click();

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'import-preview.png'),
      fullPage: true,
      animations: 'disabled',
    });

    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-confirm-summary').textContent()).resolves.toContain(
      '修改 1 项、新增 0 项、删除 0 项',
    );
    await page.getByTestId('import-confirm-ok').click();

    await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
    await page.getByText(/导入完成/).waitFor();
    const basicTable = page.getByTestId('items-table-basic');
    await basicTable.locator('tr', { hasText: REWORDED_START }).first().waitFor();
    await expect(page.getByTestId('tab-basic').textContent()).resolves.toBe(basicTab);
  });
});
