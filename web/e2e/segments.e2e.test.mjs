// Market baskets and deciles (issue 20), against a running MedSales server started on a fresh MEDSALES_HOME with demo
// data: the demo tenant's "Mohs surgery" basket (Part B 17311-17315, the bundled years 2013 to 2021) shows its deciles,
// its providers narrowed to a state, who moved into deciles 8-10 since 2019, and one click opens the provider search
// restricted to those deciles; a new basket is made with the code picker and computed.
// Environment variables: see support/browser.mjs and support/auth.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admin, apiSession, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** Fails the test on any 5xx answer the page receives from the server. */
function watchForServerErrors(page) {
  const errors = [];
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return () => assert.deepEqual(errors, [], 'the server answered with errors');
}

/** Until every basket of the demo tenant is computed (FRESH), at most a minute. */
async function awaitFreshBaskets(page) {
  const api = await apiSession(page, admin);
  const deadline = Date.now() + 60_000;
  let baskets = [];
  while (Date.now() < deadline) {
    baskets = await api.get('/api/v1/baskets');
    if (baskets.length > 0 && baskets.every((basket) => basket.status === 'FRESH' && basket.years.length > 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await api.signOut();
  await page.context().clearCookies();
  return baskets;
}

browserSuite(`Segments at ${baseUrl}`, ({ skip, withPage }) => {
  test('the demo Mohs basket shows deciles, a state, movers, and its top deciles in search', { skip }, async () => {
    await withPage('segments', async (page) => {
      const noServerErrors = watchForServerErrors(page);
      const baskets = await awaitFreshBaskets(page);
      const mohs = baskets.find((basket) => basket.name === 'Mohs surgery');
      assert.ok(mohs, `the demo tenant has the Mohs surgery basket (has ${baskets.map((b) => b.name).join(', ')})`);
      assert.equal(mohs.status, 'FRESH');
      assert.deepEqual(
        mohs.years.map((y) => y.year),
        [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021],
      );

      await signIn(page, admin, '/segments');
      await page.getByRole('heading', { level: 1, name: 'Segments' }).waitFor({ state: 'visible' });
      await page.getByRole('tab', { name: 'Mohs surgery' }).click();

      // the decile chart: every decile has providers, decile 10 fewer than decile 1 (the largest write the first tenth)
      const chart = page.getByTestId('decile-chart');
      await chart.waitFor({ state: 'visible' });
      const count = async (decile) =>
        Number(((await chart.getByTestId(`decile-${decile}`).getByRole('cell').first().textContent()) ?? '').replace(/\D/g, ''));
      const top = await count(10);
      const bottom = await count(1);
      assert.ok(top > 0, 'decile 10 has providers');
      assert.ok(bottom > top, `decile 1 (${bottom}) holds more providers than decile 10 (${top})`);

      // movers since the year before (2019)
      await page.getByText('Movers since the computation of 2019').waitFor({ state: 'visible' });
      const entered = page.getByTestId('movers-entered');
      assert.ok((await entered.getByRole('link').count()) > 0, 'some surgeons entered deciles 8-10 since 2019');
      await screenshot(page, 'segments');

      // the providers table, narrowed to Missouri
      const table = page.getByTestId('segment-providers');
      await table.waitFor({ state: 'visible' });
      await page.getByLabel('State').fill('MO');
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid="segment-providers"] tbody tr')];
        return rows.length > 0 && rows.every((row) => row.children[2]?.textContent?.endsWith('MO'));
      });
      await screenshot(page, 'segments-missouri');

      // one click: the provider search restricted to deciles 8-10 of the basket, largest first
      await page.getByTestId('top-deciles-search').click();
      await page.waitForURL((url) => url.pathname === '/providers' && url.searchParams.get('minDecile') === '8');
      const results = page.getByTestId('provider-results');
      await results.waitFor({ state: 'visible' });
      const headers = (await results.locator('thead th').allTextContents()).map((text) => text.trim());
      const decileColumn = headers.indexOf('Decile');
      assert.ok(decileColumn >= 0, `the results show the decile (headers: ${headers.join(', ')})`);
      const deciles = await results.locator(`tbody tr td:nth-child(${decileColumn + 1})`).allTextContents();
      assert.ok(deciles.length > 0, 'the search lists providers');
      for (const decile of deciles) assert.ok(Number(decile) >= 8, `decile ${decile} is 8 or above`);
      await screenshot(page, 'segments-search');
      noServerErrors();
    });
  });

  test('a new basket is made with the code picker and computed', { skip }, async () => {
    await withPage('segments-new', async (page) => {
      const noServerErrors = watchForServerErrors(page);
      await signIn(page, admin, '/segments');
      await page.getByRole('button', { name: 'New basket' }).click();
      const editor = page.getByTestId('basket-editor');
      const name = `Mohs head and neck ${Date.now()}`;
      await editor.getByLabel('Basket name').fill(name);
      await editor.getByLabel('Source').selectOption('PARTB');
      const code = editor.getByLabel('Add a HCPCS code');
      await code.fill('1731');
      // the picker offers the codes of the loaded data
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="code-options"] option').length >= 5);
      await code.fill('17311');
      await code.press('Enter');
      await code.fill('17313');
      await code.press('Enter');
      assert.equal(await editor.getByTestId('basket-item').count(), 2);
      await editor.getByRole('button', { name: 'Create basket' }).click();

      await page.getByRole('heading', { level: 2, name }).waitFor({ state: 'visible' });
      // computed by the ingestion worker: the chart appears once it is
      await page.getByTestId('decile-chart').waitFor({ state: 'visible', timeout: 60_000 });
      await screenshot(page, 'segments-new');

      const api = await apiSession(page, admin);
      const made = (await api.get('/api/v1/baskets')).find((basket) => basket.name === name);
      assert.ok(made, 'the basket was saved');
      assert.deepEqual(
        made.items.map((item) => `${item.code} ${item.role}`),
        ['17311 OWN', '17313 COMPETITOR'],
      );
      assert.equal(made.status, 'FRESH');

      // and deleted again, so that the demo tenant keeps its two examples
      await page.getByRole('button', { name: `Delete basket ${name}` }).click();
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await page.getByRole('heading', { level: 2, name }).waitFor({ state: 'detached' });
      noServerErrors();
    });
  });
});
