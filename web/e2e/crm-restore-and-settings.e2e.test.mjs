// Browser tests of restoring deleted CRM records and of the settings an administrator changes in the web app
// (pipeline stages, territories), against a running MedSales server started with demo data.
// Environment variables: see support/browser.mjs and support/auth.mjs.
//
// Each test names what it makes with a time stamp and puts back what it renamed, so it can run again against the
// same server.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admin, apiSession, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** A ZIP in Manhattan that the other browser tests do not align (they use 10013, 10001 and 10036). */
const ZIP = '10025';

browserSuite(`MedSales CRM restore and settings at ${baseUrl}`, ({ skip, withPage }) => {
  test('a task deleted from My tasks is restored from the recently deleted tasks, and is back in My tasks', { skip }, async () => {
    await withPage('crm-restore-task', async (page) => {
      const title = `E2E task to restore ${Date.now()}`;
      const api = await apiSession(page, admin);
      await api.post('/api/v1/tasks', { title }, 201);
      await page.goto(`${baseUrl}/tasks`);
      await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor({ state: 'visible' });
      const row = page.getByTestId('tasks-table').locator('tr', { hasText: title });
      await row.waitFor({ state: 'visible' });

      await row.getByRole('button', { name: `Delete ${title}` }).click();
      await row.waitFor({ state: 'detached' });
      // Gone for good from this page visit: a fresh load of My tasks does not have it either.
      await page.reload();
      await page.getByTestId('tasks-table').or(page.getByTestId('tasks-empty')).waitFor({ state: 'visible' });
      assert.equal(await page.getByTestId('tasks').getByText(title).count(), 0, 'the deleted task is not in My tasks');

      await page.getByRole('link', { name: 'Recently deleted tasks' }).click();
      await page.getByRole('heading', { level: 1, name: 'Recently deleted' }).waitFor({ state: 'visible' });
      const deleted = page.getByTestId('deleted-table').locator('tr', { hasText: title });
      await deleted.waitFor({ state: 'visible' });
      assert.match((await deleted.textContent()) ?? '', /by \S/, 'says who deleted it');
      await screenshot(page, 'crm-recently-deleted-tasks');

      await deleted.getByRole('button', { name: `Restore ${title}` }).click();
      await deleted.waitFor({ state: 'detached' });
      const restored = page.getByRole('status').filter({ hasText: `${title} is restored` });
      await restored.waitFor({ state: 'visible' });
      await restored.getByRole('link', { name: 'My tasks' }).click();
      await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor({ state: 'visible' });
      await page.getByTestId('tasks-table').locator('tr', { hasText: title }).waitFor({ state: 'visible' });
      await screenshot(page, 'crm-restored-task');
    });
  });

  test('an administrator renames a pipeline stage and the kanban column takes the new name', { skip }, async () => {
    await withPage('crm-stage-settings', async (page) => {
      await signIn(page, admin, '/pipeline');
      const board = page.getByTestId('pipeline-board');
      await board.waitFor({ state: 'visible' });
      const settings = page.getByRole('form', { name: 'Pipeline stages' });
      const nameField = settings.getByRole('textbox', { name: 'Stage 2 name' });
      await nameField.waitFor({ state: 'visible' });
      const before = await nameField.inputValue();
      const renamed = `E2E stage ${Date.now()}`;
      const column = (stage) => board.getByRole('region', { name: stage, exact: true });
      await column(before).waitFor({ state: 'visible' });

      const rename = async (from, to) => {
        await nameField.fill(to);
        await settings.getByRole('button', { name: 'Save stages' }).click();
        await settings.getByText('The stages are saved.').waitFor({ state: 'visible' });
        await column(to).waitFor({ state: 'visible' });
        await column(from).waitFor({ state: 'detached' });
      };
      await rename(before, renamed);
      // The server kept it: a fresh load shows the new column name.
      await page.reload();
      await column(renamed).waitFor({ state: 'visible' });
      await column(renamed).scrollIntoViewIfNeeded();
      await screenshot(page, 'crm-stage-renamed');

      await rename(renamed, before);
    });
  });

  test('an administrator renames a territory and adds and removes a single ZIP of it', { skip }, async () => {
    await withPage('crm-territory-changes', async (page) => {
      const stamp = Date.now();
      const name = `E2E territory ${stamp}`;
      const renamed = `E2E renamed territory ${stamp}`;
      await signIn(page, admin, '/territories');
      await page.getByRole('heading', { level: 1, name: 'Territories' }).waitFor({ state: 'visible' });
      const editor = page.getByTestId('territory-editor');
      const tree = page.getByTestId('territory-tree');

      const create = editor.getByRole('form', { name: 'New territory' });
      await create.getByLabel('Level').selectOption('TERRITORY');
      await create.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
      await create.getByRole('button', { name: 'Add', exact: true }).click();
      await tree.getByText(name, { exact: true }).waitFor({ state: 'visible' });

      const changes = editor.getByRole('form', { name: 'Change a territory' });
      await changes.getByLabel('Territory to change').selectOption({ label: `${name} (territory)` });
      await changes.getByRole('textbox', { name: 'New name' }).fill(renamed);
      await changes.getByRole('button', { name: 'Rename', exact: true }).click();
      await changes.getByText(`Renamed to ${renamed}.`).waitFor({ state: 'visible' });
      const node = tree.locator('li', { has: page.getByText(renamed, { exact: true }) }).last();
      await node.waitFor({ state: 'visible' });
      assert.equal(await tree.getByText(name, { exact: true }).count(), 0, 'the old name is gone from the tree');

      await changes.getByRole('textbox', { name: 'ZIP' }).fill(ZIP);
      await changes.getByRole('button', { name: 'Add ZIP' }).click();
      await changes.getByText(new RegExp(`ZIP ${ZIP} is now in ${renamed}`)).waitFor({ state: 'visible' });
      await node.getByText(/· 1 ZIPs/).waitFor({ state: 'visible' });
      await screenshot(page, 'crm-territory-zip-added');

      await changes.getByRole('textbox', { name: 'ZIP' }).fill(ZIP);
      await changes.getByRole('button', { name: 'Remove ZIP' }).click();
      await changes.getByText(`ZIP ${ZIP} is no longer in ${renamed}.`).waitFor({ state: 'visible' });
      await node.getByText(/· 0 ZIPs/).waitFor({ state: 'visible' });

      // Put the demo data back as it was: the test's territory goes.
      await changes.getByRole('button', { name: `Delete ${renamed}` }).click();
      await changes.getByRole('button', { name: 'Yes, delete' }).click();
      await tree.getByText(renamed, { exact: true }).waitFor({ state: 'detached' });
    });
  });
});
