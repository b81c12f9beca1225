// Browser test of the Data ingestion admin page, against a running MedSales server.
// Environment variables: see support/browser.mjs.
//
// The server's runs list may be empty or hold runs: either is a pass, as long as the page
// shows its heading and then the runs table or the "No ingestion runs yet" state. The page is the
// platform operator's: the test signs in as `operator` (see support/auth.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { operator, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

browserSuite(`MedSales data ingestion page at ${baseUrl}`, ({ skip, withPage }) => {
  test('the ingestion page shows its runs, or that there are none yet', { skip }, async () => {
    await withPage('ingestion', async (page) => {
      await signIn(page, operator, '/admin/ingestion');
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

      await screenshot(page, 'ingestion');
    });
  });
});
