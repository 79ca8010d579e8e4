import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../backend/src/config/configuration';
import { describeBrowser, loginAs, openChromiumPage } from '../support/browser';
import { TEST_PASSWORD, createOrgUnit, createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');

describeBrowser('browser: a prefecture admin manages the group robots of its units', () => {
  jest.setTimeout(120_000);

  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let server: Server;
  let robotBase: string;
  const received: string[] = [];
  let adminName: string;
  let drafterName: string;

  beforeAll(async () => {
    // A local robot: /broken answers HTTP 500, anything else takes the message.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
        if (pathname === '/broken') return void res.writeHead(500).end('robot exploded');
        received.push(pathname);
        res.setHeader('Content-Type', 'application/json');
        res.end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    robotBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    app = await startTestApp({
      seedDemo: false,
      ownDatabase: 'webhooks_browser',
      config: loadConfig({ ...process.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }),
    });
    const db = app.db;
    const region = await createOrgUnit(db, 'region', null, '新疆维吾尔自治区');
    const changji = await createOrgUnit(db, 'prefecture', region, '昌吉回族自治州');
    const kizilsu = await createOrgUnit(db, 'prefecture', region, '克孜勒苏柯尔克孜自治州');
    const qitai = await createOrgUnit(db, 'county', changji, '奇台县');
    const jimsar = await createOrgUnit(db, 'county', changji, '吉木萨尔县');
    const akqi = await createOrgUnit(db, 'county', kizilsu, '阿合奇县');
    const biliuhe = await createOrgUnit(db, 'township', qitai, '碧流河镇');
    await createOrgUnit(db, 'township', qitai, '三台镇');
    await createOrgUnit(db, 'department', qitai, '奇台县民政局');
    await createOrgUnit(db, 'township', jimsar, '大有镇');
    await createOrgUnit(db, 'township', akqi, '阿合奇镇');
    await db.query(
      `INSERT INTO notification_webhooks (org_unit_id, provider, url, secret, enabled) VALUES
         ($1, 'wecom', $2, NULL, true), ($3, 'dingtalk', $4, 'SECchangji', true), ($5, 'wecom', $6, NULL, false)`,
      [
        qitai.id,
        `${robotBase}/cgi-bin/webhook/send?key=693a91f6-7b2c-4d10-9f2e-qitai0001`,
        changji.id,
        `${robotBase}/robot/send?access_token=8f2b6c0d4e1a9b7c3d5e6f7a8b9c0d1e`,
        jimsar.id,
        `${robotBase}/cgi-bin/webhook/send?key=0d4e1a9b-jimsar-0000-000000000001`,
      ],
    );
    adminName = (await createUser(db, 'admin', changji)).username;
    drafterName = (await createUser(db, 'township_drafter', biliuhe)).username;
    ({ browser, page } = await openChromiumPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const row = (name: string) => page.getByTestId(`webhook-row-${name}`);

  it('adds, tests and deletes robots; unsafe addresses are refused in the form; drafters see no menu entry', async () => {
    await loginAs(page, app.baseUrl, adminName, TEST_PASSWORD);
    await page.getByTestId('side-menu').getByText('通知机器人').click();
    await page.waitForURL(/\/admin\/webhooks$/);
    await row('碧流河镇').waitFor();
    // Only the prefecture's own subtree.
    expect(await page.getByTestId('webhooks-page').textContent()).not.toContain('阿合奇');
    expect(await row('奇台县').textContent()).toContain('send?key=693a****0001');
    expect(await row('昌吉回族自治州').textContent()).toContain('已设置');

    // A private address is refused by the server, shown on the field.
    await row('碧流河镇').getByTestId('webhook-edit').click();
    const modal = page.getByTestId('webhook-form-modal');
    await modal.getByTestId('webhook-url').fill('http://192.168.1.10/cgi-bin/webhook/send?key=x');
    await modal.getByTestId('webhook-form-submit').click();
    await modal.getByText(/非公网地址/).waitFor();
    await modal.getByTestId('webhook-url').fill(`${robotBase}/cgi-bin/webhook/send?key=biliuhe-0123456789`);
    await modal.getByTestId('webhook-form-submit').click();
    await modal.waitFor({ state: 'detached' });
    await row('碧流河镇').getByText('企业微信群机器人').waitFor();

    await row('碧流河镇').getByTestId('webhook-test').click();
    await row('碧流河镇').getByText('测试成功').waitFor();
    expect(received).toContain('/cgi-bin/webhook/send');

    // A broken robot: the error dialog says what the robot answered.
    await row('三台镇').getByTestId('webhook-edit').click();
    await modal.getByText('钉钉群机器人').click();
    await modal.getByTestId('webhook-url').fill(`${robotBase}/broken`);
    await modal.getByTestId('webhook-secret').fill('SEC0123456789');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'webhooks-edit.png'), animations: 'disabled' });
    await modal.getByTestId('webhook-form-submit').click();
    await modal.waitFor({ state: 'detached' });
    await row('三台镇').getByTestId('webhook-test').click();
    await page
      .getByTestId('webhook-test-error')
      .getByText(/HTTP 500.*robot exploded/)
      .waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'webhooks-test-failed.png'), animations: 'disabled' });
    await page.getByRole('button', { name: '知道了' }).click();
    await row('三台镇')
      .getByText(/测试失败/)
      .waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'webhooks.png'), animations: 'disabled' });

    await row('碧流河镇').getByTestId('webhook-delete').click();
    await page.getByTestId('webhook-delete-confirm').click();
    await row('碧流河镇').getByText('未配置').waitFor();
    const [{ count }] = await app.db.query(
      `SELECT count(*)::int AS count FROM admin_events WHERE target_type = 'webhook' AND action IN ('save_webhook', 'test_webhook', 'delete_webhook')`,
    );
    expect(count).toBe(5);

    await loginAs(page, app.baseUrl, drafterName, TEST_PASSWORD);
    await page.getByTestId('side-menu').getByText('我的清单').waitFor();
    expect(await page.getByTestId('side-menu').textContent()).not.toContain('通知机器人');
  });
});
