// Browser test of the provider search and profile pages, against a running MedSales server.
// Environment variables: see support/browser.mjs.
//
// The registry may be empty (nothing ingested yet): the search then shows "No providers
// match", which is a pass. With the demo data, CHANGPING JIA (NPI 1184802050, internal
// medicine at ZIP 10013) is found near 10013 and by a misspelt name. Any signed-in user may
// search: the tests sign in as `admin` (see support/auth.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admin, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** Waits for the results table, the empty state or an error; fails with the error's text. */
async function waitForOutcome(page) {
  const table = page.getByTestId('provider-results');
  const empty = page.getByTestId('provider-results-empty');
  const problem = page.getByTestId('provider-search-results').getByRole('alert');
  try {
    await table.or(empty).or(problem).first().waitFor({ state: 'visible' });
  } catch {
    assert.fail('neither the results table nor "No providers match" appeared');
  }
  if (await problem.isVisible()) {
    assert.fail(`the search failed: ${(await problem.textContent())?.trim()}`);
  }
  return { table, empty, hasResults: await table.isVisible() };
}

/** True when /health says no NPPES file was ingested (dataFreshness.nppes is null). */
async function registryIsEmpty(page) {
  const response = await page.request.get(`${baseUrl}/health`);
  const body = await response.json().catch(() => ({}));
  return body?.dataFreshness?.nppes == null;
}

browserSuite(`MedSales provider pages at ${baseUrl}`, ({ skip, withPage }) => {
  test('a search near a ZIP lists providers and opens a profile', { skip }, async () => {
    await withPage('providers-search', async (page) => {
      await signIn(page, admin, '/providers?specialty=Internal%20Medicine&near=10013&radiusMiles=25');

      await page.getByRole('heading', { level: 1, name: 'Providers' }).waitFor({ state: 'visible' });
      assert.equal(await page.getByRole('combobox', { name: 'Specialty' }).inputValue(), 'Internal Medicine');
      assert.equal(await page.getByRole('textbox', { name: 'Near ZIP' }).inputValue(), '10013');

      const { table, hasResults } = await waitForOutcome(page);
      await screenshot(page, 'providers-search');

      if (hasResults) {
        const first = table.locator('tbody tr').first().getByRole('link').first();
        const name = (await first.textContent())?.trim();
        await first.click();
        const heading = page.getByTestId('provider-name');
        await heading.waitFor({ state: 'visible' });
        assert.ok(name && (await heading.textContent())?.includes(name), `the profile heading does not name ${name}`);
        await page.getByRole('heading', { name: 'Medicare Part B', exact: true }).waitFor({ state: 'visible' });
        await screenshot(page, 'provider');
      }
    });
  });

  test('a misspelt name still finds CHANGPING JIA', { skip }, async (t) => {
    await withPage('providers-fuzzy', async (page) => {
      await signIn(page, admin, '/providers?name=Changpin%20Jai');
      const { table, hasResults } = await waitForOutcome(page);
      if (hasResults) {
        await table.getByRole('link', { name: 'CHANGPING JIA' }).first().waitFor({ state: 'visible' });
      } else if (await registryIsEmpty(page)) {
        t.diagnostic('the registry is empty (no NPPES data): the name match is not checked');
      } else {
        assert.fail('"Changpin Jai" found no provider although the registry holds NPPES data');
      }
    });
  });

  test('an organisation found by name opens with its affiliated providers', { skip }, async (t) => {
    await withPage('organization', async (page) => {
      await signIn(page, admin, '/providers?entityType=ORGANIZATION&name=Ferguson%20Life%20Health%20Centers&status=ANY');
      const { table, hasResults } = await waitForOutcome(page);
      if (!hasResults) {
        if (await registryIsEmpty(page)) {
          t.diagnostic('the registry is empty (no NPPES data): the organisation page is not checked');
          return;
        }
        assert.fail('the demo organisation FERGUSON LIFE HEALTH CENTERS OF NEW JERSEY was not found');
      }
      await table.getByRole('link', { name: 'FERGUSON LIFE HEALTH CENTERS OF NEW JERSEY' }).first().click();
      await page.waitForURL(/\/organizations\/1578065728$/);
      await page.getByTestId('provider-name').filter({ hasText: 'FERGUSON LIFE HEALTH CENTERS OF NEW JERSEY' }).waitFor();

      const affiliates = page.getByRole('region', { name: 'Providers affiliated with this organization' });
      const derek = affiliates.getByTestId('affiliate-1154586121');
      await derek.waitFor({ state: 'visible' });
      assert.match((await derek.textContent()) ?? '', /DEREK.*FERGUSON/);
      await derek.getByText('Authorised official').waitFor();
      await derek.getByText('Same practice address').waitFor();
      await page.getByTestId('organization-totals').waitFor();
      await screenshot(page, 'organization');

      // and back: the provider's page lists the organisation among its affiliations
      await derek.getByRole('link').first().click();
      const orgs = page.getByRole('region', { name: 'Organizations this provider is affiliated with' });
      await orgs.getByRole('link', { name: 'FERGUSON LIFE HEALTH CENTERS OF NEW JERSEY' }).waitFor();
    });
  });

  test('the map clusters the results, draws the radius and zooms into a cluster', { skip }, async (t) => {
    await withPage('providers-map', async (page) => {
      await signIn(page, admin, '/providers?near=10013&radiusMiles=100&sort=distance&entityType=ORGANIZATION');
      const { hasResults } = await waitForOutcome(page);
      if (!hasResults) {
        if (await registryIsEmpty(page)) {
          t.diagnostic('the registry is empty (no NPPES data): the map is not checked');
          return;
        }
        assert.fail('no organisation within 100 miles of 10013 although the registry holds NPPES data');
      }
      const map = page.getByTestId('provider-map');
      await map.getByTestId('provider-map-radius').waitFor({ state: 'visible' });
      await map.getByTestId('map-states').waitFor({ state: 'attached' });
      // the largest cluster: drawn last, on top of its neighbours
      const cluster = map.getByTestId('map-cluster').last();
      await cluster.waitFor({ state: 'visible' });
      const count = Number(await cluster.getAttribute('data-count'));
      assert.ok(count >= 2, `a cluster counts ${count}`);
      await screenshot(page, 'providers-map');

      const svg = map.locator('svg');
      const before = Number(await svg.getAttribute('data-zoom'));
      await cluster.click();
      await page.waitForFunction(
        (zoom) => Number(document.querySelector('[data-testid="provider-map"] svg')?.getAttribute('data-zoom')) > zoom,
        before,
      );
      await screenshot(page, 'providers-map-zoomed');
    });
  });
});
