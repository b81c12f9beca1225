// Browser tests of signing in and of what each role sees, against a running MedSales server
// started with demo data. Environment variables: see support/browser.mjs and support/auth.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admin, apiSession, repWithNewPassword, signIn } from './support/auth.mjs';
import { baseUrl, browserSuite, screenshot } from './support/browser.mjs';

/** The link texts of the main navigation. */
async function navigationLinks(page) {
  return (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((text) =>
    text.replace('(opens in a new tab)', '').trim(),
  );
}

browserSuite(`MedSales sign-in and roles at ${baseUrl}`, ({ skip, withPage }) => {
  test('a wrong password shows an error and stays on the sign-in page', { skip }, async () => {
    await withPage('sign-in-wrong-password', async (page) => {
      await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'domcontentloaded' });
      await page.getByRole('heading', { level: 1, name: 'Sign in to MedSales' }).waitFor({ state: 'visible' });
      await screenshot(page, 'sign-in');

      await page.getByRole('textbox', { name: 'User name' }).fill('admin');
      await page.getByLabel('Password').fill(`${admin.password}-but-wrong`);
      await page.getByLabel('Password').press('Enter');

      const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      assert.equal((await alert.textContent())?.trim(), 'The user name or password is not correct.');
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      assert.equal(await page.getByLabel('Password').inputValue(), '');
      assert.equal(await page.getByTestId('signed-in-user').count(), 0);
      await screenshot(page, 'sign-in-wrong-password');
    });
  });

  test('the admin signs in from a deep link and sees the admin pages', { skip }, async () => {
    await withPage('admin-pages', async (page) => {
      await signIn(page, admin, '/admin/users');
      assert.match((await page.getByTestId('signed-in-user').textContent()) ?? '', /Signed in as Avery Admin/);
      assert.deepEqual(await navigationLinks(page), [
        'Overview',
        'Providers',
        'Organizations',
        'Exports',
        'My profile',
        'Contacts',
        'Accounts',
        'Target lists',
        'My tasks',
        'Pipeline',
        'Territories',
        'Segments',
        'Recently deleted',
        'Users',
        'Teams',
        'Invitations',
        'Audit trail',
        'API reference',
      ]);

      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor({ state: 'visible' });
      const users = page.getByTestId('users-table');
      await users.waitFor({ state: 'visible' });
      for (const username of ['admin', 'manager', 'rep']) {
        await page.getByTestId(`user-${username}`).waitFor({ state: 'visible' });
      }
      await screenshot(page, 'admin-users');

      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Teams' }).click();
      await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor({ state: 'visible' });
      const team = page.getByTestId('team-Demo team');
      await team.waitFor({ state: 'visible' });
      assert.match((await team.textContent()) ?? '', /Morgan Manager.*Riley Rep/);
      await screenshot(page, 'admin-teams');

      await nav.getByRole('link', { name: 'Invitations' }).click();
      await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor({ state: 'visible' });
      await page.getByTestId('invitations-table').or(page.getByTestId('invitations-empty')).first().waitFor({ state: 'visible' });
      await screenshot(page, 'admin-invitations');

      await nav.getByRole('link', { name: 'Audit trail' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor({ state: 'visible' });
      await page.getByRole('textbox', { name: 'Action' }).fill('auth.sign-in');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'auth.sign-in');
      const events = page.getByTestId('audit-table');
      await events.waitFor({ state: 'visible' });
      const actions = await events.locator('tbody code').allTextContents();
      assert.ok(actions.length > 0 && actions.every((action) => action === 'auth.sign-in'), `actions: ${actions}`);
      assert.ok((await events.locator('tbody').textContent())?.includes('admin'), 'the admin sign-in is in the trail');

      await page.getByRole('button', { name: 'Verify chain' }).click();
      const result = page.getByTestId('audit-verify-result');
      await page.waitForFunction(
        () => /Intact|Broken/.test(document.querySelector('[data-testid=audit-verify-result]')?.textContent ?? ''),
      );
      assert.match((await result.textContent()) ?? '', /Intact.*events check out/);
      await screenshot(page, 'admin-audit');
    });
  });

  test('a rep sees no administration, and /admin/users is not available to them', { skip }, async () => {
    await withPage('rep-forbidden', async (page) => {
      const rep = await repWithNewPassword(page);
      await signIn(page, rep, '/');
      assert.deepEqual(await navigationLinks(page), [
        'Overview',
        'Providers',
        'Organizations',
        'Exports',
        'My profile',
        'Contacts',
        'Accounts',
        'Target lists',
        'My tasks',
        'Pipeline',
        'Territories',
        'Segments',
        'Recently deleted',
        'API reference',
      ]);
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByText('Administration').count(), 0);

      await page.goto(`${baseUrl}/admin/users`, { waitUntil: 'domcontentloaded' });
      const forbidden = page.getByTestId('forbidden');
      await forbidden.waitFor({ state: 'visible' });
      assert.match((await forbidden.textContent()) ?? '', /not available to you.*Administrator role.*Sales rep/);
      assert.equal(await page.getByTestId('users-table').count(), 0);
      await screenshot(page, 'rep-forbidden');

      // The server agrees: the admin API refuses the rep's session.
      const status = await page.evaluate(async () => (await fetch('/api/v1/admin/users')).status);
      assert.equal(status, 403);
    });
  });

  test('a rep creates an API token on My profile, sees it once, and signs out', { skip }, async () => {
    await withPage('profile-token', async (page) => {
      const rep = await repWithNewPassword(page);
      await signIn(page, rep, '/profile');
      await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor({ state: 'visible' });

      const name = `e2e ${Date.now()}`;
      await page.getByRole('textbox', { name: 'Token name' }).fill(name);
      await page.getByRole('button', { name: 'Create token' }).click();
      const secret = page.getByTestId('new-token').getByRole('textbox', { name: 'Token' });
      await secret.waitFor({ state: 'visible' });
      const token = await secret.inputValue();
      assert.ok(token.length > 20, `a token secret is shown: ${token}`);
      await screenshot(page, 'profile-token');

      // The token works as a bearer credential, read-only by default.
      const read = await page.request.get(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(read.status(), 200);
      assert.equal((await read.json()).username, 'rep');

      await page.getByTestId('new-token').getByRole('button', { name: 'Done' }).click();
      const row = page.getByRole('row', { name: new RegExp(name) });
      await row.getByRole('button', { name: `Revoke token ${name}` }).click();
      await row.getByRole('button', { name: 'Yes, revoke' }).click();
      await row.getByText('Revoked').waitFor({ state: 'visible' });
      const revoked = await page.request.get(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(revoked.status(), 401);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor({ state: 'visible' });
      assert.equal(new URL(page.url()).pathname, '/sign-in');
    });
  });

  test('an invitation link creates an account that can sign in', { skip }, async () => {
    await withPage('invitation', async (page) => {
      const api = await apiSession(page, admin);
      const stamp = Date.now();
      const { link } = await api.post(
        '/api/v1/admin/invitations',
        { email: `e2e-${stamp}@example.com`, displayName: `E2E Rep ${stamp}`, roles: ['REP'] },
        201,
      );
      await api.signOut();
      await page.context().clearCookies();

      // The link carries the server's public URL; the test opens the same path on the server under test.
      const { pathname } = new URL(link);
      assert.match(pathname, /^\/invitation\/.+/);
      await page.goto(`${baseUrl}${pathname}`, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('invitation-offer').waitFor({ state: 'visible' });
      assert.match((await page.getByTestId('invitation-offer').textContent()) ?? '', new RegExp(`E2E Rep ${stamp}`));
      const username = `e2e${stamp}`;
      const password = 'violet harbour lantern 42';
      await page.getByRole('textbox', { name: 'User name' }).fill(username);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Repeat the password').fill(password);
      await screenshot(page, 'invitation');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByRole('link', { name: 'Sign in' }).click();

      assert.equal(await page.getByRole('textbox', { name: 'User name' }).inputValue(), username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('signed-in-user').waitFor({ state: 'visible' });
      assert.match((await page.getByTestId('signed-in-user').textContent()) ?? '', new RegExp(`E2E Rep ${stamp}`));
    });
  });
});
