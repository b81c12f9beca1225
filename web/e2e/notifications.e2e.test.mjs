// Browser tests of notifications on the demo data: a new rep is assigned a task by the admin, sees the bell's unread
// count, opens the inbox, marks it read; then sets a reminder on a task of their own and the notification worker
// raises it. Environment variables: see support/browser.mjs and support/auth.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admin, apiSession, newRep, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** The datetime-local value of a moment, in the browser's (and this process's) time zone. */
function localDateTime(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

browserSuite(`MedSales notifications at ${baseUrl}`, ({ skip, withPage }) => {
  test('a task assigned by the admin rings the bell; the inbox shows it and marks it read; a reminder fires', { skip }, async () => {
    await withPage('notifications-journey', async (page) => {
      const stamp = Date.now();
      const rep = await newRep(page, 'notify');
      const api = await apiSession(page, admin);
      const users = await api.get('/api/v1/admin/users');
      const repUser = users.find((user) => user.username === rep.username);
      assert.ok(repUser, `the invited rep ${rep.username} is not a user of the demo tenant`);
      const title = `E2E bring samples ${stamp}`;
      await api.post('/api/v1/tasks', { title, assigneeId: repUser.id }, 201);
      await api.signOut();
      await page.context().clearCookies();

      await signIn(page, rep, '/');
      const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
      await bell.waitFor({ state: 'visible' });
      assert.equal((await page.getByTestId('notification-count').textContent())?.trim(), '1');
      await screenshot(page, 'notifications-bell');

      await bell.click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor({ state: 'visible' });
      const inbox = page.getByTestId('inbox');
      const item = inbox.getByTestId('inbox-item').filter({ hasText: `Task assigned to you: ${title}` });
      await item.waitFor({ state: 'visible' });
      await screenshot(page, 'notifications-inbox');
      await item.getByRole('button', { name: 'Mark read' }).click();
      await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor({ state: 'visible' });
      await item.getByRole('button', { name: 'Mark read' }).waitFor({ state: 'detached' });

      // a task of my own with a reminder a minute ago: the worker's sweep raises it within its period
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tasks' }).click();
      await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor({ state: 'visible' });
      const tasks = page.getByTestId('tasks');
      await tasks.getByRole('button', { name: 'New task' }).click();
      const form = page.getByRole('form', { name: 'New task' });
      const reminded = `E2E call back ${stamp}`;
      await form.getByRole('textbox', { name: 'Task' }).fill(reminded);
      await form.getByLabel('Remind me').fill(localDateTime(new Date(Date.now() - 60_000)));
      await screenshot(page, 'notifications-task-reminder');
      await form.getByRole('button', { name: 'Add task' }).click();
      await tasks.getByText(reminded).waitFor({ state: 'visible' });

      const ringing = page.getByRole('link', { name: 'Notifications, 1 unread' });
      const deadline = Date.now() + 120_000;
      while (!(await ringing.isVisible())) {
        assert.ok(Date.now() < deadline, 'the reminder was not raised within two minutes');
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByTestId('signed-in-user').waitFor({ state: 'visible' });
        await page.waitForTimeout(2_000);
      }
      await ringing.click();
      await page.getByTestId('inbox').getByText(`Reminder: ${reminded}`).waitFor({ state: 'visible' });
      await page.getByTestId('inbox').getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor({ state: 'visible' });
      await screenshot(page, 'notifications-read');
    });
  });
});
