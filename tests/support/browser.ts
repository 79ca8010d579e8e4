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
