import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, loginAs, openChromiumPage } from '../support/browser';
import { TEST_PASSWORD, createOrgUnit, createUser, unique } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');

async function writeWorkbook(file: string, orgs: string[][], users: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('组织机构').addRows([['单位全称', '简称', '类型', '上级单位', '别名'], ...orgs]);
  wb.addWorksheet('用户').addRows([['用户名', '姓名', '角色', '所属单位', '邮箱'], ...users]);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describeBrowser('browser: a county admin onboards townships from a workbook (批量导入)', () => {
  jest.setTimeout(120_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let tempDir: string;

  beforeAll(async () => {
    tempDir = mkdtempSync(path.join(tmpdir(), 'dutylist-onboarding-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await startTestApp({ seedDemo: false });
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('sees the problems by sheet and row, fixes them, confirms and downloads the passwords once', async () => {
    const tag = unique('b')
      .replace(/[^a-z0-9]/gi, '')
      .slice(-8);
    const region = await createOrgUnit(app.db, 'region', null, `自治区${tag}`);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region, `昌吉回族自治州${tag}`);
    const county = await createOrgUnit(app.db, 'county', prefecture, `奇台县${tag}`);
    const admin = await createUser(app.db, 'admin', county);

    const bad = path.join(tempDir, '奇台县乡镇.xlsx');
    await writeWorkbook(
      bad,
      [
        [`碧流河镇${tag}`, '', '乡镇', county.name, ''],
        [`三台镇${tag}`, '', '乡镇', county.name, ''],
        [`三台镇${tag}`, '', '乡镇', county.name, ''],
        [`吉布库镇${tag}`, '', '镇', county.name, ''],
        [`奇台县民政局${tag}`, '县民政局', '县直部门', county.name, '县民政局、民政局'],
        [`西地镇${tag}`, '', '乡镇', `木垒县${tag}`, ''],
      ],
      [
        [`blh${tag}`, '张三', '乡镇起草人', `碧流河镇${tag}`, ''],
        [`st${tag}`, '李四', '县委编办审核人', `三台镇${tag}`, ''],
        ['张 三', '王五', '乡镇起草人', `碧流河镇${tag}`, ''],
      ],
    );

    await loginAs(page, app.baseUrl, admin.username, TEST_PASSWORD);
    await page.getByTestId('side-menu').getByText('批量导入').click();
    await page.waitForURL('**/admin/onboarding');
    await page.getByTestId('onboarding-workflow').locator('input[type="file"]').setInputFiles(bad);
    await page.getByTestId('onboarding-problems-alert').waitFor();
    const report = page.getByTestId('onboarding-problems');
    await expect(report.getByText(/与组织机构第 3 行重复/).isVisible()).resolves.toBe(true);
    await expect(report.getByText(/类型“镇”无效/).isVisible()).resolves.toBe(true);
    await expect(report.getByText(/未找到单位“木垒县/).isVisible()).resolves.toBe(true);
    await expect(report.getByText(/用户名“张 三”无效/).isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('onboarding-confirm').isDisabled()).toBe(true);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'onboarding-problems.png'),
      fullPage: true,
      animations: 'disabled',
    });

    const good = path.join(tempDir, '奇台县乡镇-修正.xlsx');
    await writeWorkbook(
      good,
      [
        [`碧流河镇${tag}`, '', '乡镇', county.name, ''],
        [`三台镇${tag}`, '', '乡镇', county.name, ''],
        [`奇台县民政局${tag}`, '县民政局', '县直部门', county.name, '县民政局、民政局'],
      ],
      [
        [`blh${tag}`, '张三', '乡镇起草人', `碧流河镇${tag}`, ''],
        [`st${tag}`, '李四', '乡镇起草人', `三台镇${tag}`, ''],
      ],
    );
    await page.getByTestId('onboarding-reupload').click();
    await page.getByTestId('onboarding-workflow').locator('input[type="file"]').setInputFiles(good);
    await page.getByText('校验通过，可以确认导入').waitFor();
    await page.getByTestId('onboarding-confirm').click();
    await page.getByRole('button', { name: '确认导入' }).last().click();
    await page.getByTestId('onboarding-passwords-alert').waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'onboarding-done.png'),
      fullPage: true,
      animations: 'disabled',
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('onboarding-passwords').click(),
    ]);
    const saved = path.join(tempDir, 'passwords.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets[0].getCell('A2').text).toBe(`blh${tag}`);
    await page.getByTestId('onboarding-passwords-done').waitFor();
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM org_units WHERE parent_id = $1`, [county.id]);
    expect(n).toBe(3);
  });
});
