// Browser test of exports, against a running MedSales server started with demo data: from a provider search, Export
// CSV and Export Excel, each followed to its download, then the Exports page listing them.
// Environment variables: see support/browser.mjs and support/auth.mjs.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { admin, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

const SEARCH = 'state=NY&entityType=INDIVIDUAL';

browserSuite(`MedSales exports at ${baseUrl}`, ({ skip, withPage }) => {
  test('a provider search exported to CSV and to Excel, downloaded, and listed on the Exports page', { skip }, async () => {
    await withPage('exports-journey', async (page) => {
      await signIn(page, admin, `/providers?${SEARCH}`);
      await page.getByTestId('provider-results').waitFor({ state: 'visible' });
      const { total } = await page.evaluate(async (query) => {
        const response = await fetch(`/api/v1/providers?${query}&size=1`, { headers: { Accept: 'application/json' } });
        return response.json();
      }, SEARCH);
      assert.ok(total > 0, 'the demo data should give individuals in NY');

      const bar = page.getByTestId('export-providers');
      await bar.getByRole('button', { name: 'Export search results to CSV' }).click();
      const csvLink = bar.getByRole('link', { name: /^Download CSV/ });
      await csvLink.waitFor({ state: 'visible' });
      await screenshot(page, 'exports-ready');
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
      assert.match(csvDownload.suggestedFilename(), /^medsales-providers-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await csvDownload.path());
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
      const lines = csv.subarray(3).toString('utf8').split('\r\n').filter((line) => line.length > 0);
      assert.match(lines[0], /^NPI,Name,Entity type,Status,/);
      assert.equal(lines.length - 1, total, 'one row per provider the search finds');
      assert.ok(lines.slice(1).every((line) => line.includes(',NY,')), 'every row is in NY');

      await bar.getByRole('button', { name: 'Export search results to Excel' }).click();
      const xlsxLink = bar.getByRole('link', { name: /^Download Excel file/ });
      await xlsxLink.waitFor({ state: 'visible' });
      const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
      assert.match(xlsxDownload.suggestedFilename(), /\.xlsx$/);
      const xlsx = await readFile(await xlsxDownload.path());
      assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a zip');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }).click();
      await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor({ state: 'visible' });
      const table = page.getByTestId('exports-table');
      await table.waitFor({ state: 'visible' });
      const first = table.locator('tbody tr').first();
      await first.getByRole('link', { name: 'Download' }).waitFor({ state: 'visible' });
      assert.match(await first.textContent(), /Providers.*Excel.*Ready/);
      await screenshot(page, 'exports-page');
    });
  });
});
