import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The system Chromium (no browser download): override with CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/** The loud notice printed when browser specs are skipped because Chromium is missing (never on CI). */
export function warnBrowserTestsSkipped(): void {
  console.warn(
    `\n*** BROWSER TESTS SKIPPED: chromium not found at ${chromiumPath()} ***\n` +
      '*** Install Chromium or set CHROMIUM_PATH to run them (with CI=true a missing Chromium fails the run). ***\n',
  );
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: browser tests cannot run. ` +
        'Install Chromium or set CHROMIUM_PATH to its executable.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A Chinese-locale desktop page in a fresh Chromium, as every browser spec uses it. With CI=true a
 * missing Chromium is a failure, never a skip.
 */
export async function openChromiumPage(): Promise<{ browser: Browser; page: Page }> {
  if (!chromiumAvailable() && process.env.CI === 'true') {
    throw new Error(`BROWSER TESTS FAILED: chromium not found at ${chromiumPath()} (CI=true requires a browser)`);
  }
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { browser, page };
}

/**
 * `describe` for browser specs: skipped, with a loud warning, only when Chromium is missing outside CI;
 * with CI=true it runs (and fails without a browser).
 */
export const describeBrowser: jest.Describe =
  chromiumAvailable() || process.env.CI === 'true' ? describe : describe.skip;
if (!chromiumAvailable() && process.env.CI !== 'true') warnBrowserTestsSkipped();

/** Logs in through the login page in a fresh session, whatever the previous step left behind. */
export async function loginAs(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
