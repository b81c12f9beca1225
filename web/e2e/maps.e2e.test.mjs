// Browser test of the maps (issue 25), against a running MedSales server started with demo data: the Census
// boundaries drawn offline on the provider search, server clusters that expand on click, and the territories page
// colouring counties by territory with a choropleth legend. Screenshots go to the screenshot directory (see
// support/browser.mjs). The territories test makes two territories in Brooklyn (Kings County split by ZIP) and
// deletes them at the end, so other tests find the alignment as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admin, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** The number of state outlines drawn in a map (paths from the bundled TopoJSON, keyed by FIPS). */
async function statesDrawn(map) {
  await map.locator('[data-testid="map-state"]').first().waitFor({ state: 'attached' });
  return map.locator('[data-testid="map-state"]').count();
}

browserSuite(`MedSales maps at ${baseUrl}`, ({ skip, withPage }) => {
  test('the provider search draws the states offline and its clusters zoom in on click', { skip }, async (t) => {
    await withPage('maps-search', async (page) => {
      const offline = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== new URL(baseUrl).origin) offline.push(request.url());
      });
      await signIn(page, admin, '/providers?entityType=ORGANIZATION&status=ANY');
      const table = page.getByTestId('provider-results');
      const empty = page.getByTestId('provider-results-empty');
      await table.or(empty).first().waitFor({ state: 'visible' });
      if (!(await table.isVisible())) {
        t.diagnostic('no providers (no demo data): the clusters are not checked');
        return;
      }
      const map = page.getByTestId('provider-map');
      assert.ok((await statesDrawn(map)) >= 50, 'the states are drawn as paths');
      assert.ok((await map.getByTestId('map-state-label').count()) >= 40, 'the states are labelled');
      // the largest cluster: drawn last, on top of its neighbours
      const cluster = map.getByTestId('map-cluster').last();
      await cluster.waitFor({ state: 'visible' });
      await screenshot(page, 'maps-search-national');

      const count = Number(await cluster.getAttribute('data-count'));
      assert.ok(count > 1, 'a cluster holds more than one provider');
      const k = Number(await map.getAttribute('data-k'));
      const zoom = Number(await map.getAttribute('data-zoom'));
      await cluster.click();
      await page.waitForFunction(
        ([before]) => Number(document.querySelector('[data-testid="provider-map"]')?.getAttribute('data-k')) > before,
        [k],
      );
      assert.ok(Number(await map.getAttribute('data-zoom')) > zoom, 'the map zoomed in');
      // the server answers the new view's clusters: the caption counts the providers in view again
      await map.getByText(/providers in view/).waitFor({ state: 'visible' });
      await map.locator('[data-testid="map-cluster"], [data-testid="map-point"]').first().waitFor({ state: 'visible' });
      await screenshot(page, 'maps-search-zoomed');

      // hovering a result rings it on the map
      const row = table.locator('tbody tr').first();
      await row.hover();
      await map.getByTestId('map-highlight').waitFor({ state: 'attached' });
      assert.deepEqual(offline, [], 'the map fetched nothing from another origin');
    });
  });

  test('the territories page colours counties by territory and shades them by a figure with a legend', { skip }, async () => {
    await withPage('maps-territories', async (page) => {
      const stamp = Date.now();
      const north = `E2E Map North ${stamp}`;
      const south = `E2E Map South ${stamp}`;
      await signIn(page, admin, '/territories');
      await page.getByRole('heading', { level: 1, name: 'Territories' }).waitFor({ state: 'visible' });

      // Kings County (36047) split by ZIP between two territories
      const upload = page.getByTestId('alignment');
      const csv = `zip,territory\n11201,${north}\n11222,${north}\n11209,${south}\n11235,${south}\n`;
      await upload.getByLabel('Alignment file').setInputFiles({ name: 'brooklyn.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await upload.getByRole('radio', { name: /Merge/ }).check();
      await upload.getByRole('button', { name: 'Preview' }).click();
      const previewMap = page.getByTestId('alignment-map');
      await previewMap.waitFor({ state: 'visible' });
      assert.ok((await statesDrawn(previewMap)) >= 50, 'the preview map draws the states');
      await page.getByTestId('alignment-legend').waitFor({ state: 'visible' });
      await screenshot(page, 'maps-alignment-preview');
      await upload.getByRole('button', { name: 'Apply' }).click();
      await upload.getByText('The alignment is applied.').waitFor({ state: 'visible' });

      try {
        const areas = page.getByTestId('territory-areas');
        await areas.waitFor({ state: 'visible' });
        assert.ok((await statesDrawn(areas)) >= 50, 'the territory map draws the states');
        const kings = areas.locator('[data-geoid="36047"]');
        await kings.waitFor({ state: 'attached' });
        assert.match((await kings.getAttribute('style')) ?? '', /url\(/, 'the split county is hatched');
        await areas.getByTestId('map-split-zip').first().waitFor({ state: 'visible' });
        assert.ok((await areas.getByTestId('map-split-zip').count()) >= 4, "the split county's ZIPs are drawn");
        await screenshot(page, 'maps-territories');

        await areas.getByTestId('territory-statistic').selectOption('providers');
        const legend = areas.getByTestId('choropleth-legend');
        await legend.waitFor({ state: 'visible' });
        assert.ok((await legend.getByRole('listitem').count()) >= 1, 'the legend has classes');
        await screenshot(page, 'maps-territories-choropleth');

        await areas.getByTestId('territory-statistic').selectOption('territories');
        await areas.getByTestId('territory-legend').getByRole('button', { name: north }).click();
        const details = page.getByTestId('territory-details');
        await details.getByRole('heading', { name: north }).waitFor({ state: 'visible' });
        await details.getByText(/providers/).first().waitFor({ state: 'visible' });
      } finally {
        // Put the alignment back as it was: the test's territories go, and their ZIPs with them.
        const changes = page.getByTestId('territory-editor').getByRole('form', { name: 'Change a territory' });
        for (const name of [north, south]) {
          await changes.getByLabel('Territory to change').selectOption({ label: `${name} (territory)` });
          await changes.getByRole('button', { name: `Delete ${name}` }).click();
          await changes.getByRole('button', { name: 'Yes, delete' }).click();
          await page.getByTestId('territory-tree').getByText(name, { exact: true }).waitFor({ state: 'detached' });
        }
      }
    });
  });

  test('a provider page shows the practice in its state and county', { skip }, async (t) => {
    await withPage('maps-provider', async (page) => {
      await signIn(page, admin, '/providers/1184802050');
      const heading = page.getByTestId('provider-name');
      const missing = page.getByText(/not found|No provider/i).first();
      await heading.or(missing).waitFor({ state: 'visible' });
      const map = page.getByTestId('provider-pin');
      if (!(await map.count())) {
        t.diagnostic('no located practice for NPI 1184802050 (no demo data): the map is not checked');
        return;
      }
      assert.ok((await statesDrawn(map)) >= 50, 'the states are drawn');
      await map.locator('[data-geoid="36061"]').waitFor({ state: 'attached' }); // New York County, shaded
      await screenshot(page, 'maps-provider');
    });
  });
});
