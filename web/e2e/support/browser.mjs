// What the browser tests of e2e/*.e2e.test.mjs share: where the app is, where screenshots
// go, and a Chromium launched once per suite. Not a test file itself (it does not end in
// .test.mjs), so `node --test e2e/` only imports it.
//
//   MEDSALES_BASE_URL        where the app is served (default http://localhost:8080)
//   MEDSALES_SCREENSHOT_DIR  where screenshots go (default target/e2e-screenshots in web/)
//   CHROMIUM_PATH            the browser (default /usr/bin/chromium, Debian's package)
//   MEDSALES_BROWSER_TESTS   'required' makes a missing browser a failure (as does CI=true)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const baseUrl = (process.env.MEDSALES_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
export const screenshotDir = process.env.MEDSALES_SCREENSHOT_DIR
  ? path.resolve(process.env.MEDSALES_SCREENSHOT_DIR)
  : path.join(webDir, 'target', 'e2e-screenshots');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browserRequired = process.env.MEDSALES_BROWSER_TESTS === 'required' || process.env.CI === 'true';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const TIMEOUT_MS = 30_000;

const missingBrowser = existsSync(chromiumPath)
  ? undefined
  : `Chromium not found at ${chromiumPath} (apt-get install chromium)`;

/** Saves a full-page screenshot as `<name>.png` in the screenshot directory. */
export function screenshot(page, name) {
  return page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * @callback DefineTests
 * @param {{
 *   skip: string | false,
 *   withPage: (name: string, run: (page: import('playwright-core').Page) => Promise<void>) => Promise<void>,
 * }} suite `skip` goes in each test's options; `withPage` opens a page in the suite's browser.
 */

/**
 * Declares a suite of browser tests sharing one Chromium. Without the browser its tests are
 * reported as skipped, or, when the browser is required, a single failing test says so.
 *
 * @param {string} name
 * @param {DefineTests} defineTests
 */
export function browserSuite(name, defineTests) {
  if (missingBrowser && browserRequired) {
    test('Chromium is available for browser tests', () => {
      assert.fail(missingBrowser);
    });
    return;
  }

  describe(name, () => {
    // Skipped per test (not per suite) so that the runner reports them as skipped tests.
    const skip = missingBrowser ?? false;

    /** @type {import('playwright-core').BrowserContext} */
    let context;
    let userDataDir;

    before(async () => {
      if (missingBrowser) return;
      mkdirSync(screenshotDir, { recursive: true });
      userDataDir = mkdtempSync(path.join(tmpdir(), 'medsales-e2e-chromium-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(TIMEOUT_MS);
    });

    after(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    /**
     * Opens a page that records uncaught errors; screenshots it when `run` fails. Each page starts
     * signed out: the suite's cookies (session, CSRF) are cleared first.
     */
    async function withPage(pageName, run) {
      await context.clearCookies();
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await run(page);
        assert.deepEqual(pageErrors, [], `uncaught errors in the page: ${pageErrors.join('; ')}`);
      } catch (error) {
        await screenshot(page, `${pageName}-failure`).catch(() => {});
        throw error;
      } finally {
        await page.close();
      }
    }

    defineTests({ skip, withPage });
  });
}
