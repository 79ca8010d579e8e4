import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { SSO_ERROR_MESSAGES } from '@dutylist/shared';
import { buildDataSourceOptions } from '../../backend/src/database/data-source-options';
import { seedDemo } from '../../backend/src/database/demo/seed-demo';
import {
  dropStaleTestDatabases,
  dropTestDatabase,
  prepareTestDatabase,
  runDatabaseName,
} from '../../backend/test/test-database';
import { freePort, startAppProcess, startScript, type ChildHandle } from '../support/app-process';
import { describeBrowser, openChromiumPage } from '../support/browser';
import { createOrgUnit, createUser, unique } from '../support/factories';

const SCREENSHOT_DIR = path.join(__dirname, '__screenshots__');

/**
 * Single sign-on in real Chromium: the built app (`node backend/dist/main.js`, serving frontend/dist)
 * and a local OpenID Connect provider, both as processes (their libraries are ES modules).
 */
describeBrowser('browser: 统一身份认证登录', () => {
  jest.setTimeout(240_000);
  const suite = 'e2e_sso_browser';
  const dbName = runDatabaseName(suite, Number(process.env.TEST_RUN_PID ?? process.pid));
  let db: DataSource;
  let provider: ChildHandle & { ready: string };
  let app: ChildHandle & { baseUrl: string };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await dropStaleTestDatabases(suite);
    const databaseUrl = await prepareTestDatabase(dbName);
    db = new DataSource(buildDataSourceOptions(databaseUrl));
    await db.initialize();
    await seedDemo(db);
    const port = String(await freePort());
    const baseUrl = `http://127.0.0.1:${port}`;
    provider = await startScript(path.join(__dirname, '..', 'support', 'oidc-provider.mjs'), {
      OIDC_TEST_PROVIDER: JSON.stringify({
        clientId: 'dutylist-browser',
        clientSecret: 'browser-test-client-secret',
        redirectUri: `${baseUrl}/api/auth/oidc/callback`,
      }),
    });
    app = await startAppProcess({
      PORT: port,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'dutylist-test'}-sso-browser`,
      APP_BASE_URL: baseUrl,
      DEMO_MODE: 'true',
      OIDC_ISSUER: provider.ready,
      OIDC_CLIENT_ID: 'dutylist-browser',
      OIDC_CLIENT_SECRET: 'browser-test-client-secret',
    });
    ({ browser, page } = await openChromiumPage());
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await provider?.stop();
    await db?.destroy();
    await dropTestDatabase(dbName);
  });

  /** At the provider's login form (a stand-in for the unified identity service's page). */
  async function signInAtProvider(target: Page, username: string): Promise<void> {
    await target.waitForURL((url) => url.origin === provider.ready);
    await target.locator('input[name="username"]').fill(username);
    await target.locator('button').click();
  }

  it('shows the button beside the password form, and logs a local account in through the provider', async () => {
    const region = await createOrgUnit(db, 'region', null);
    const county = await createOrgUnit(db, 'county', await createOrgUnit(db, 'prefecture', region));
    const user = await createUser(db, 'county_reviewer', county);

    await page.goto(`${app.baseUrl}/login`);
    const button = page.getByTestId('sso-login');
    await button.waitFor();
    expect(await button.textContent()).toBe('统一身份认证登录');
    await page.getByTestId('demo-accounts').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'sso-login-page.png'), animations: 'disabled' });

    await button.click();
    await signInAtProvider(page, user.username);
    await page.waitForURL((url) => url.origin === app.baseUrl && url.pathname === '/lists');
    expect(await page.getByTestId('current-user-name').textContent()).toBe(user.displayName);
    // Nothing of the handover is left in the address bar.
    expect(page.url()).toBe(`${app.baseUrl}/lists`);
  });

  it('refuses an identity without a local account with a Chinese message on the login page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const fresh = await context.newPage();
    try {
      await fresh.goto(`${app.baseUrl}/login`);
      await fresh.getByTestId('sso-login').click();
      const ghost = unique('wangwu');
      await signInAtProvider(fresh, ghost);
      await fresh.waitForURL((url) => url.origin === app.baseUrl && url.pathname === '/login');
      const alert = fresh.getByTestId('sso-error');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(SSO_ERROR_MESSAGES.unknown_account);
      expect(await alert.textContent()).toContain(ghost);
      await fresh.screenshot({ path: path.join(SCREENSHOT_DIR, 'sso-login-refused.png'), animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
});
