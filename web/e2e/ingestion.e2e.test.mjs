// Browser test of the Data ingestion admin page, against a running MedSales server.
// Same environment variables as shell.e2e.test.mjs:
//
//   MEDSALES_BASE_URL        where the app is served (default http://localhost:8080)
//   MEDSALES_SCREENSHOT_DIR  where screenshots go (default target/e2e-screenshots in web/)
//   CHROMIUM_PATH            the browser (default /usr/bin/chromium, Debian's package)
//   MEDSALES_BROWSER_TESTS   'required' makes a missing browser a failure (as does CI=true)
//
// The server's runs list may be empty or hold runs: either is a pass, as long as the page
// shows its heading and then the runs table or the "No ingestion runs yet" state.
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

const missingBrowser = existsSync(chromiumPath)
  ? undefined
  : `Chromium not found at ${chromiumPath} (apt-get install chromium)`;

if (missingBrowser && browserRequired) {
  test('Chromium is available for browser tests', () => {
    assert.fail(missingBrowser);
  });
} else {
  describe(`MedSales data ingestion page at ${baseUrl}`, () => {
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

    test('the ingestion page shows its runs, or that there are none yet', { skip }, async () => {
      await withPage('ingestion', async (page) => {
        const url = `${baseUrl}/admin/ingestion`;
        const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
        assert.ok(response, `no response from ${url}`);
        assert.equal(response.status(), 200, `GET ${url} answered ${response.status()}`);

        await page.getByRole('heading', { level: 1, name: 'Data ingestion' }).waitFor({ state: 'visible' });
        const navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data ingestion' });
        assert.equal(await navLink.getAttribute('aria-current'), 'page');

        // The runs table or the empty state; a load error fails the test with its message.
        const table = page.getByTestId('ingestion-runs-table');
        const empty = page.getByTestId('ingestion-runs-empty');
        const problem = page.getByTestId('ingestion-runs').getByRole('alert');
        try {
          await table.or(empty).or(problem).first().waitFor({ state: 'visible' });
        } catch {
          assert.fail('neither the runs table nor "No ingestion runs yet" appeared');
        }
        if (await problem.isVisible()) {
          assert.fail(`the runs could not be loaded: ${(await problem.textContent())?.trim()}`);
        }

        if (await table.isVisible()) {
          const rows = await table.locator('tbody tr').count();
          assert.ok(rows > 0, 'the runs table is shown without any run');
          const statuses = (await table.locator('tbody [data-status]').evaluateAll((nodes) =>
            nodes.map((node) => node.getAttribute('data-status')),
          ));
          // RUNNING runs carry a progress bar.
          const running = statuses.filter((status) => status === 'RUNNING').length;
          assert.equal(await table.getByRole('progressbar').count(), running);
        } else {
          await page.getByRole('heading', { name: 'No ingestion runs yet' }).waitFor({ state: 'visible' });
        }

        // The start form is there whatever the list holds.
        await page.getByRole('combobox', { name: 'Dataset' }).waitFor({ state: 'visible' });
        await page.getByRole('textbox', { name: 'Source' }).waitFor({ state: 'visible' });

        await page.screenshot({ path: path.join(screenshotDir, 'ingestion.png'), fullPage: true });
      });
    });
  });
}
