// Browser tests of the packaged app, against a running MedSales server (or any server
// that serves dist/ with SPA fallback and answers /health).
//
// Environment variables: see support/browser.mjs and support/auth.mjs (every page but sign-in and
// invitation links needs a session: the tests sign in as the operator).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { operator, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot, TIMEOUT_MS } from './support/browser.mjs';

const DATASET_NAMES = ['NPPES NPI registry', 'Medicare Part B', 'Medicare Part D', 'Open Payments'];

browserSuite(`MedSales web shell at ${baseUrl}`, ({ skip, withPage }) => {
  test('overview shows the database UP and the four datasets', { skip }, async () => {
    await withPage('overview', async (page) => {
      await signIn(page, operator, '/');

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

      await screenshot(page, 'overview');
    });
  });

  test('a deep link to an unknown route loads the app and shows its not-found page', { skip }, async () => {
    await withPage('not-found', async (page) => {
      await signIn(page, operator, '/some/unknown/route');

      await page.getByTestId('not-found').waitFor({ state: 'visible' });
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor({ state: 'visible' });
      const home = page.getByRole('link', { name: 'Back to overview' });
      assert.equal(await home.getAttribute('href'), '/');

      await screenshot(page, 'not-found');

      await home.click();
      await page.waitForURL(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ state: 'visible' });
    });
  });
});
