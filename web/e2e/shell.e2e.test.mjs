// Browser tests of the packaged app, against a running MedSales server (or any server
// that serves dist/ with SPA fallback and answers /health).
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

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = (process.env.MEDSALES_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const screenshotDir = process.env.MEDSALES_SCREENSHOT_DIR
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
const TIMEOUT_MS = 30_000;
const DATASET_NAMES = ['NPPES NPI registry', 'Medicare Part B', 'Medicare Part D', 'Open Payments'];

const missingBrowser = existsSync(chromiumPath)
  ? undefined
  : `Chromium not found at ${chromiumPath} (apt-get install chromium)`;

if (missingBrowser && browserRequired) {
  test('Chromium is available for browser tests', () => {
    assert.fail(missingBrowser);
  });
} else {
  describe(`MedSales web shell at ${baseUrl}`, () => {
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

    /** Opens a page that records uncaught errors; screenshots it when `run` fails. */
    async function withPage(name, run) {
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await run(page);
        assert.deepEqual(pageErrors, [], `uncaught errors in the page: ${pageErrors.join('; ')}`);
      } catch (error) {
        await page
          .screenshot({ path: path.join(screenshotDir, `${name}-failure.png`), fullPage: true })
          .catch(() => {});
        throw error;
      } finally {
        await page.close();
      }
    }

    test('overview shows the database UP and the four datasets', { skip }, async () => {
      await withPage('overview', async (page) => {
        const response = await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
        assert.ok(response, `no response from ${baseUrl}/`);
        assert.equal(response.status(), 200, `GET ${baseUrl}/ answered ${response.status()}`);

        const databaseStatus = page.locator('[data-testid=database-status]');
        try {
          await page.waitForFunction(
            () => document.querySelector('[data-testid=database-status]')?.textContent?.trim() === 'UP',
            null,
            { timeout: TIMEOUT_MS },
          );
        } catch {
          const shown = (await databaseStatus.count()) ? await databaseStatus.textContent() : '(not rendered)';
          assert.fail(`database status never showed "UP" (it shows: ${shown})`);
        }

        const panel = page.locator('[data-testid=freshness-panel]');
        const rowHeaders = (await panel.locator('tbody th[scope=row]').allTextContents()).map((text) => text.trim());
        assert.equal(rowHeaders.length, 4, `expected 4 datasets, saw: ${JSON.stringify(rowHeaders)}`);
        DATASET_NAMES.forEach((name, index) => {
          assert.ok(rowHeaders[index]?.startsWith(name), `row ${index + 1} should be ${name}, saw ${rowHeaders[index]}`);
        });
        assert.equal(await page.getByRole('banner').getByText('MedSales', { exact: true }).count(), 1);

        await page.screenshot({ path: path.join(screenshotDir, 'overview.png'), fullPage: true });
      });
    });

    test('a deep link to an unknown route loads the app and shows its not-found page', { skip }, async () => {
      await withPage('not-found', async (page) => {
        const url = `${baseUrl}/some/unknown/route`;
        const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
        assert.ok(response, `no response from ${url}`);
        assert.ok(response.status() < 500, `GET ${url} answered ${response.status()}`);

        await page.getByTestId('not-found').waitFor({ state: 'visible' });
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor({ state: 'visible' });
        const home = page.getByRole('link', { name: 'Back to overview' });
        assert.equal(await home.getAttribute('href'), '/');

        await page.screenshot({ path: path.join(screenshotDir, 'not-found.png'), fullPage: true });

        await home.click();
        await page.waitForURL(`${baseUrl}/`);
        await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ state: 'visible' });
      });
    });
  });
}
