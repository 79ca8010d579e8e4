import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SSO_ERROR_MESSAGES } from '@dutylist/shared';
import { loadConfig } from '../../backend/src/config/configuration';
import { buildDataSourceOptions } from '../../backend/src/database/data-source-options';
import {
  dropStaleTestDatabases,
  dropTestDatabase,
  prepareTestDatabase,
  runDatabaseName,
} from '../../backend/test/test-database';
import { freePort, startAppProcess, startScript, type ChildHandle } from '../support/app-process';
import { CookieBrowser } from '../support/cookie-browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrgUnit, createUser, TEST_PASSWORD, unique } from '../support/factories';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1). openid-client
 * and oidc-provider are ES modules, which jest cannot import in-process: both run as processes, the
 * app as `node backend/dist/main.js` (build it first), with a database of its own.
 */
jest.setTimeout(180_000);

const CLIENT_ID = 'dutylist-test';
const CLIENT_SECRET = 'a-test-client-secret-of-some-length';

describe('single sign-on (OpenID Connect) against a local provider', () => {
  const suite = 'e2e_oidc';
  const dbName = runDatabaseName(suite, Number(process.env.TEST_RUN_PID ?? process.pid));
  let db: DataSource;
  let provider: ChildHandle & { ready: string };
  let app: ChildHandle & { baseUrl: string };

  beforeAll(async () => {
    await dropStaleTestDatabases(suite);
    const databaseUrl = await prepareTestDatabase(dbName);
    db = new DataSource(buildDataSourceOptions(databaseUrl));
    await db.initialize();
    const port = String(await freePort());
    const baseUrl = `http://127.0.0.1:${port}`;
    provider = await startScript(join(__dirname, '..', 'support', 'oidc-provider.mjs'), {
      OIDC_TEST_PROVIDER: JSON.stringify({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: `${baseUrl}/api/auth/oidc/callback`,
      }),
    });
    app = await startAppProcess({
      PORT: port,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'dutylist-test'}-oidc`,
      APP_BASE_URL: baseUrl,
      DEMO_MODE: 'false',
      STATIC_DIR: join(__dirname, 'no-frontend-here'),
      OIDC_ISSUER: provider.ready,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
    });
  });

  afterAll(async () => {
    await app?.stop();
    await provider?.stop();
    await db?.destroy();
    await dropTestDatabase(dbName);
  });

  async function localUser(username = unique('sso')) {
    const region = await createOrgUnit(db, 'region', null);
    const county = await createOrgUnit(db, 'county', await createOrgUnit(db, 'prefecture', region));
    const user = await createUser(db, 'county_reviewer', county);
    await db.query(`UPDATE users SET username = $2 WHERE id = $1`, [user.id, username]);
    return { user: { ...user, username }, county };
  }

  /**
   * A user clicks the button, logs in at the provider as `providerUsername`, and the provider sends the
   * browser back: the callback URL (not yet opened), so that a test may tamper with it.
   */
  async function throughProvider(browser: CookieBrowser, providerUsername: string, next = '/tasks'): Promise<URL> {
    const start = await browser.request(`${app.baseUrl}/api/auth/oidc/login?next=${encodeURIComponent(next)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.location!);
    expect(authorize.origin).toBe(provider.ready);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toEqual(expect.any(String));
    expect(authorize.searchParams.get('state')).toEqual(expect.any(String));
    expect(authorize.searchParams.get('scope')).toBe('openid profile');
    const interaction = await browser.follow(authorize.href, (l) => l.pathname.startsWith('/interaction/'));
    const login = await browser.request(`${interaction.href}/login`, {
      method: 'POST',
      form: { username: providerUsername },
    });
    expect(login.location).toBeTruthy();
    return browser.follow(login.location!, (l) => l.pathname === '/api/auth/oidc/callback');
  }

  /** Opens the callback: where the app sends the browser. */
  async function callback(browser: CookieBrowser, url: URL): Promise<URL> {
    const res = await browser.request(url.href);
    expect(res.status).toBe(302);
    return new URL(res.location!);
  }

  function expectRefused(location: URL, reason: keyof typeof SSO_ERROR_MESSAGES): void {
    expect(location.origin).toBe(app.baseUrl);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('sso_error')).toBe(reason);
  }

  it('tells the login page that single sign-on is on, with its label', async () => {
    const res = await fetch(`${app.baseUrl}/api/auth/oidc/config`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true, label: '统一身份认证登录' });
  });

  it('logs a local account in through the provider, matched by user name (case-insensitively)', async () => {
    const { user, county } = await localUser(unique('Zhang.San'));
    const browser = new CookieBrowser();
    // The identity service spells the name in upper case; the account is still found.
    const back = await callback(browser, await throughProvider(browser, user.username.toUpperCase(), '/lists?x=1'));
    expect(back.pathname).toBe('/login/sso');
    const code = back.searchParams.get('code')!;
    expect(code.length).toBeGreaterThanOrEqual(40);
    // No token in any URL of the flow.
    expect(back.search).not.toMatch(/token|eyJ/);

    const exchange = await browser.request(`${app.baseUrl}/api/auth/oidc/exchange`, {
      method: 'POST',
      json: { code },
    });
    expect(exchange.status).toBe(200);
    const body = JSON.parse(exchange.body);
    expect(body.next).toBe('/lists?x=1');
    expect(body.user).toMatchObject({ id: user.id, username: user.username, orgUnit: { id: county.id } });

    const me = await fetch(`${app.baseUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${body.accessToken}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).id).toBe(user.id);
    const sessions = await db.query(`SELECT method FROM user_sessions WHERE user_id = $1`, [user.id]);
    expect(sessions).toEqual([{ method: 'oidc' }]);

    // The code works once.
    const again = await browser.request(`${app.baseUrl}/api/auth/oidc/exchange`, { method: 'POST', json: { code } });
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body)).toMatchObject({
      code: 'SSO_CODE_INVALID',
      message: expect.stringContaining('已过期'),
    });
  });

  it('refuses a code presented without the browser cookie it was issued with (a code read from a log)', async () => {
    const { user } = await localUser();
    const browser = new CookieBrowser();
    const back = await callback(browser, await throughProvider(browser, user.username));
    const stranger = new CookieBrowser();
    const res = await stranger.request(`${app.baseUrl}/api/auth/oidc/exchange`, {
      method: 'POST',
      json: { code: back.searchParams.get('code') },
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).code).toBe('SSO_CODE_INVALID');
    expect(await db.query(`SELECT id FROM user_sessions WHERE user_id = $1`, [user.id])).toEqual([]);
  });

  it('refuses an identity without a local account, naming it on the login page', async () => {
    const browser = new CookieBrowser();
    const ghost = unique('nobody');
    const back = await callback(browser, await throughProvider(browser, ghost));
    expectRefused(back, 'unknown_account');
    expect(back.searchParams.get('sso_user')).toBe(ghost);
  });

  it('refuses a disabled account and an account of a disabled org unit', async () => {
    const disabled = await localUser();
    await db.query(`UPDATE users SET is_active = false WHERE id = $1`, [disabled.user.id]);
    const browser = new CookieBrowser();
    expectRefused(await callback(browser, await throughProvider(browser, disabled.user.username)), 'account_disabled');

    const closed = await localUser();
    await db.query(`UPDATE org_units SET is_active = false WHERE id = $1`, [closed.county.id]);
    // A fresh browser: the provider would otherwise log the first user in again without asking.
    const second = new CookieBrowser();
    expectRefused(await callback(second, await throughProvider(second, closed.user.username)), 'account_disabled');
    const sessions = await db.query(`SELECT id FROM user_sessions WHERE user_id IN ($1, $2)`, [
      disabled.user.id,
      closed.user.id,
    ]);
    expect(sessions).toEqual([]);
  });

  it('refuses an answer whose state does not match, and one without the flow cookie', async () => {
    const { user } = await localUser();
    const browser = new CookieBrowser();
    const url = await throughProvider(browser, user.username);
    const tampered = new URL(url);
    tampered.searchParams.set('state', 'a-state-of-another-login');
    expectRefused(await callback(browser, tampered), 'state');

    // A second browser that never started a login (e.g. a forged link) has no flow cookie.
    const other = await throughProvider(new CookieBrowser(), user.username);
    expectRefused(await callback(new CookieBrowser(), other), 'expired');
    expect(await db.query(`SELECT id FROM user_sessions WHERE user_id = $1`, [user.id])).toEqual([]);
  });

  it('reports a login cancelled at the provider', async () => {
    const browser = new CookieBrowser();
    const start = await browser.request(`${app.baseUrl}/api/auth/oidc/login`);
    const interaction = await browser.follow(start.location!, (l) => l.pathname.startsWith('/interaction/'));
    const abort = await browser.request(`${interaction.href}/abort`, { method: 'POST' });
    const back = await browser.follow(abort.location!, (l) => l.pathname === '/api/auth/oidc/callback');
    expectRefused(await callback(browser, back), 'denied');
  });

  it('never returns to another site after login', async () => {
    const { user } = await localUser();
    const browser = new CookieBrowser();
    const back = await callback(browser, await throughProvider(browser, user.username, '//evil.example/x'));
    const exchange = await browser.request(`${app.baseUrl}/api/auth/oidc/exchange`, {
      method: 'POST',
      json: { code: back.searchParams.get('code') },
    });
    expect(JSON.parse(exchange.body).next).toBe('/lists');
  });

  it('keeps the local password login of the same accounts', async () => {
    const { user } = await localUser();
    const res = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user.id).toBe(user.id);
    expect(await db.query(`SELECT method FROM user_sessions WHERE user_id = $1`, [user.id])).toEqual([
      { method: 'password' },
    ]);
  });
});

describe('single sign-on switched off (OIDC_ISSUER unset)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false, config: { ...loadConfig(), OIDC_ISSUER: undefined } });
  });
  afterAll(() => app?.close());

  it('says so to the login page, sends the button route back to it, and refuses an exchange', async () => {
    expect((await app.http.get('/api/auth/oidc/config')).body).toEqual({ enabled: false, label: '统一身份认证登录' });
    const login = await app.http.get('/api/auth/oidc/login');
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/login?sso_error=disabled');
    const exchange = await app.http.post('/api/auth/oidc/exchange').send({ code: 'whatever' });
    expect(exchange.status).toBe(404);
    expect(exchange.body).toEqual({ statusCode: 404, code: 'SSO_DISABLED', message: '本系统未启用统一身份认证登录' });
    const empty = await app.http.post('/api/auth/oidc/exchange').send({});
    expect(empty.status).toBe(400);
  });
});

describe('single sign-on while the identity service is down', () => {
  const suite = 'e2e_oidc_down';
  const dbName = runDatabaseName(suite, Number(process.env.TEST_RUN_PID ?? process.pid));
  let app: ChildHandle & { baseUrl: string };

  beforeAll(async () => {
    await dropStaleTestDatabases(suite);
    const databaseUrl = await prepareTestDatabase(dbName);
    app = await startAppProcess({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'dutylist-test'}-oidc-down`,
      DEMO_MODE: 'false',
      STATIC_DIR: join(__dirname, 'no-frontend-here'),
      // Nothing listens there.
      OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`,
      OIDC_CLIENT_ID: CLIENT_ID,
    });
  });

  afterAll(async () => {
    await app?.stop();
    await dropTestDatabase(dbName);
  });

  it('sends the user back to the login page with a message instead of an error page, and passwords still work', async () => {
    const browser = new CookieBrowser();
    const res = await browser.request(`${app.baseUrl}/api/auth/oidc/login`);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${app.baseUrl}/login?sso_error=unavailable`);
    const login = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    expect(login.status).toBe(401);
  });
});
