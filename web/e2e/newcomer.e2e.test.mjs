// A rep's first hour (issue 18), against a running MedSales server started on a fresh MEDSALES_HOME with demo data:
// a rep new to the product makes a contact from a provider, logs a call, makes tasks with "New task", opens the
// pipeline (which must not answer 500 on a fresh home), links a deal to the contact, and finds the organisations list.
// Environment variables: see support/browser.mjs and support/auth.mjs.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { admin, apiSession, newRep, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** Fails the test on any 5xx answer the page receives from the server. */
function watchForServerErrors(page) {
  const errors = [];
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return () => assert.deepEqual(errors, [], 'the server answered with errors');
}

/**
 * An individual provider of the demo registry who is nobody's contact yet (the admin sees every contact): the last of
 * a page of NY individuals, so that the CRM journey test, which takes the first, does not race for the same one.
 */
async function providerNobodyHas(page) {
  const api = await apiSession(page, admin);
  const { items } = await api.get('/api/v1/providers?state=NY&entityType=INDIVIDUAL&size=25');
  let npi;
  for (const item of [...items].reverse()) {
    const contacts = await api.get(`/api/v1/contacts?npi=${item.npi}`);
    if (contacts.items.length === 0) {
      npi = String(item.npi);
      break;
    }
  }
  await api.signOut();
  await page.context().clearCookies();
  assert.ok(npi, 'every individual of the demo data in NY is a contact already (restart on a fresh MEDSALES_HOME)');
  return npi;
}

browserSuite(`A rep's first hour at ${baseUrl}`, ({ skip, withPage }) => {
  // The README's three suggested searches, read from the README itself so that its links cannot go stale: each lists
  // several providers with a volume in its sort column, and a Mohs surgeon's profile shows Part B for every bundled year.
  test('the README\'s suggested searches return providers with volumes, and a surgeon has eight years of Part B', { skip }, async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const links = [...readme.matchAll(/<http:\/\/localhost:8080(\/providers\?[^>]+)>/g)].map((match) => match[1]);
    assert.equal(links.length, 3, 'the README suggests three searches');
    await withPage('newcomer-searches', async (page) => {
      const noServerErrors = watchForServerErrors(page);
      const rep = await newRep(page, 'searches');
      await page.setViewportSize({ width: 1280, height: 900 });
      let first = true;
      for (const link of links) {
        if (first) await signIn(page, rep, link);
        else await page.goto(`${baseUrl}${link}`);
        first = false;
        const table = page.getByTestId('provider-results');
        await table.waitFor({ state: 'visible' });
        const rows = table.locator('tbody tr');
        assert.ok((await rows.count()) >= 3, `${link} lists at least three providers`);
        const volumeHeader = link.includes('sort=services') ? 'Part B services' : link.includes('sort=claims') ? 'Part D claims' : 'Open Payments';
        const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
        const column = headers.indexOf(volumeHeader);
        assert.ok(column >= 0, `${link} shows the ${volumeHeader} column (headers: ${headers.join(', ')})`);
        const volume = (await rows.first().locator('td, th').nth(column).textContent())?.trim() ?? '';
        assert.match(volume, /[1-9]/, `${link}: the first provider has a ${volumeHeader} volume, not "${volume}"`);
        await screenshot(page, `newcomer-search-${volumeHeader.replace(/\W+/g, '-').toLowerCase()}`);
      }

      // The first Mohs surgeon near St. Louis: Part B for each of the eight bundled years, with percentiles.
      await page.goto(`${baseUrl}${links[0]}`);
      await page.getByTestId('provider-results').locator('tbody tr').first().getByRole('link').first().click();
      const partB = page.getByTestId('provider-partb');
      const byYear = partB.getByRole('region', { name: 'Medicare Part B by year' });
      await byYear.waitFor({ state: 'visible' });
      const years = await byYear.locator('tbody th[scope="row"]').allTextContents();
      assert.deepEqual(years.map((year) => year.trim()), ['2021', '2019', '2018', '2017', '2016', '2015', '2014', '2013']);
      await partB.getByText('Percentiles in 2021').waitFor({ state: 'visible' });
      await screenshot(page, 'newcomer-surgeon');
      noServerErrors();
    });
  });

  test('a new rep makes a contact, logs a call, makes tasks, opens the pipeline and the organisations', { skip }, async () => {
    await withPage('newcomer', async (page) => {
      const noServerErrors = watchForServerErrors(page);
      const stamp = Date.now();
      const npi = await providerNobodyHas(page);
      const rep = await newRep(page, 'newcomer');
      await page.setViewportSize({ width: 1280, height: 900 });

      // A contact from a provider, and a call logged with it.
      await signIn(page, rep, `/providers/${npi}`);
      await page.getByTestId('provider-name').waitFor({ state: 'visible' });
      const crm = page.getByTestId('provider-crm');
      await crm.getByRole('button', { name: 'Add as contact' }).click();
      await crm.getByRole('link', { name: 'Open the contact' }).waitFor({ state: 'visible' });
      await crm.getByRole('link', { name: 'Log a call' }).click();
      const call = page.getByRole('form', { name: 'Log a call' });
      const subject = `Newcomer call ${stamp}`;
      await call.getByRole('textbox', { name: 'Subject' }).fill(subject);
      await call.getByRole('button', { name: 'Log it' }).click();
      await page.waitForURL((url) => /^\/contacts\/[^/]+$/.test(url.pathname));
      const contactName = (await page.getByTestId('contact-name').textContent())?.trim();
      assert.ok(contactName, 'the contact page names the contact');
      await page.getByTestId('timeline').getByText(subject).waitFor({ state: 'visible' });

      // A task about the contact, without a call.
      const tasks = page.getByTestId('tasks');
      await tasks.getByRole('button', { name: 'New task' }).click();
      const aboutContact = `Send the study ${stamp}`;
      const taskForm = tasks.getByRole('form', { name: 'New task' });
      await taskForm.getByRole('textbox', { name: 'Task' }).fill(aboutContact);
      await taskForm.getByRole('button', { name: 'Add task' }).click();
      await tasks.getByText(aboutContact).waitFor({ state: 'visible' });
      await screenshot(page, 'newcomer-contact');

      // My tasks: the contact's task, and one of my own made there.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tasks' }).click();
      await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor({ state: 'visible' });
      const myTasks = page.getByTestId('tasks');
      await myTasks.getByText(aboutContact).waitFor({ state: 'visible' });
      await myTasks.getByRole('button', { name: 'New task' }).click();
      const own = `Plan the week ${stamp}`;
      await myTasks.getByRole('form', { name: 'New task' }).getByRole('textbox', { name: 'Task' }).fill(own);
      await myTasks.getByRole('form', { name: 'New task' }).getByRole('button', { name: 'Add task' }).click();
      await myTasks.getByTestId('tasks-table').getByText(own).waitFor({ state: 'visible' });
      await screenshot(page, 'newcomer-tasks');

      // The pipeline: every stage in view, Won and Lost included, and a deal for the contact with a page of its own.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
      const board = page.getByTestId('pipeline-board');
      await board.waitFor({ state: 'visible' });
      const viewport = page.viewportSize();
      for (const stage of ['Won', 'Lost']) {
        const box = await board.getByRole('region', { name: stage, exact: true }).boundingBox();
        assert.ok(box, `the ${stage} column is on the board`);
        assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `the ${stage} column is in view: ${JSON.stringify(box)}`);
      }
      const deal = `Newcomer deal ${stamp}`;
      const newDeal = page.getByRole('form', { name: 'New deal' });
      await newDeal.getByRole('textbox', { name: 'Deal' }).fill(deal);
      await newDeal.getByRole('textbox', { name: 'Amount (USD)' }).fill('18000');
      await newDeal.getByRole('combobox', { name: 'Contact' }).selectOption({ label: contactName });
      await newDeal.getByRole('button', { name: 'Add deal' }).click();
      await board.getByRole('link', { name: deal }).click();
      await page.getByTestId('opportunity-name').getByText(deal).waitFor({ state: 'visible' });
      await page.getByTestId('opportunity-summary').getByRole('link', { name: contactName }).waitFor({ state: 'visible' });
      await screenshot(page, 'newcomer-deal');

      // The organisations: a list, each linking to its profile.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click();
      const organizations = page.getByRole('region', { name: 'Matching organizations' });
      await organizations.waitFor({ state: 'visible' });
      await screenshot(page, 'newcomer-organizations');
      await organizations.locator('a[href^="/organizations/"]').first().click();
      await page.waitForURL((url) => /^\/organizations\/\d{10}$/.test(url.pathname));
      await page.getByTestId('provider-name').waitFor({ state: 'visible' });

      noServerErrors();
    });
  });
});
