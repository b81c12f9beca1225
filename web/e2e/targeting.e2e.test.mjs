// Target lists and the rep's home (issue 21), against a running MedSales server started with demo data: a rep new to
// the product searches providers, adds a selected row to a new target list and then every result of the search,
// opens the list, sets a tier in place, and finds the targets not reached yet on their home page.
// Environment variables: see support/browser.mjs and support/auth.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { newRep, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** Fails the test on any 5xx answer the page receives from the server. */
function watchForServerErrors(page) {
  const errors = [];
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return () => assert.deepEqual(errors, [], 'the server answered with errors');
}

browserSuite(`MedSales target lists at ${baseUrl}`, ({ skip, withPage }) => {
  test('from a search to a target list, then the targets still to see on the rep home', { skip }, async () => {
    await withPage('targeting-journey', async (page) => {
      const noServerErrors = watchForServerErrors(page);
      const rep = await newRep(page, 'targets');
      await signIn(page, rep, '/providers?state=NY&entityType=INDIVIDUAL');
      const results = page.getByTestId('provider-results');
      await results.waitFor({ state: 'visible' });
      const firstRow = results.locator('tbody tr').first();
      const firstName = (await firstRow.locator('a[href^="/providers/"]').first().textContent())?.trim();
      assert.ok(firstName, 'the demo data should give individuals in NY');

      // one selected row to a new list
      await firstRow.getByRole('checkbox').check();
      const bar = page.getByTestId('add-to-list');
      await bar.getByRole('textbox', { name: 'New list name' }).fill(`NY plan ${Date.now()}`);
      await bar.getByRole('button', { name: 'Add 1 selected' }).click();
      await bar.getByRole('status').filter({ hasText: 'Added 1' }).waitFor({ state: 'visible' });

      // then every result of the search to the same list (when the search has an exact total)
      const addAll = bar.getByRole('button', { name: /^Add all/ });
      if (await addAll.isEnabled()) {
        await addAll.click();
        await bar.getByRole('status').filter({ hasText: '1 already on the list' }).waitFor({ state: 'visible' });
      }
      await screenshot(page, 'targeting-add-to-list');

      await bar.getByRole('link', { name: 'Open the list' }).click();
      await page.waitForURL((url) => /^\/target-lists\/[^/]+$/.test(url.pathname));
      const member = page.getByTestId('target-member-table').locator('tbody tr').filter({ hasText: firstName });
      await member.waitFor({ state: 'visible' });
      await member.getByRole('combobox', { name: `Tier of ${firstName}` }).selectOption('A');
      await page.getByTestId('attainment-A').waitFor({ state: 'visible' });
      await screenshot(page, 'targeting-list');

      // the rep's home: the list's targets are not reached yet (no call this period), tier A first
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
      const notReached = page.getByTestId('home-not-reached');
      await notReached.waitFor({ state: 'visible' });
      await notReached.getByRole('listitem').first().filter({ hasText: firstName }).waitFor({ state: 'visible' });
      assert.match((await notReached.getByRole('listitem').first().textContent()) ?? '', /tier A/);
      await page.getByTestId('home-calls-count').filter({ hasText: '0' }).waitFor({ state: 'visible' });
      await page.getByTestId('home-tasks').waitFor({ state: 'visible' });
      await screenshot(page, 'targeting-rep-home');
      noServerErrors();
    });
  });
});
