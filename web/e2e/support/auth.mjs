// Signing in for the browser tests. The demo tenant's first start creates `admin` and the platform
// operator `operator` with the passwords of MEDSALES_ADMIN_PASSWORD and MEDSALES_OPERATOR_PASSWORD;
// the tests get the same values from:
//
//   MEDSALES_E2E_ADMIN_PASSWORD     the password of `admin` (ADMIN of the demo tenant)
//   MEDSALES_E2E_OPERATOR_PASSWORD  the password of `operator` (platform OPERATOR)
//
// The other demo users' passwords are generated; a test that needs one (the rep) has the admin
// reset it through the API.
import assert from 'node:assert/strict';

import { baseUrl } from './browser.mjs';

function password(variable) {
  const value = process.env[variable];
  assert.ok(value, `${variable} is not set: the browser tests sign in with it`);
  return value;
}

export const admin = { username: 'admin', get password() { return password('MEDSALES_E2E_ADMIN_PASSWORD'); } };
export const operator = { username: 'operator', get password() { return password('MEDSALES_E2E_OPERATOR_PASSWORD'); } };

/**
 * Signs in through the sign-in page, asking for `path` first: the app sends a signed-out visitor
 * to /sign-in and back to `path` afterwards. Resolves once the signed-in page shows.
 */
export async function signIn(page, { username, password: secret }, path = '/') {
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
  assert.ok(response, `no response from ${baseUrl}${path}`);
  assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}`);
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page.getByRole('textbox', { name: 'User name' }).fill(username);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor({ state: 'visible' });
  const { pathname } = new URL(page.url());
  assert.equal(pathname, path.split('?')[0], `after signing in the app should be back at ${path}`);
}

/** The CSRF token the server last set in the page's context (the XSRF-TOKEN cookie). */
async function csrfToken(page) {
  const cookies = await page.context().cookies(baseUrl);
  const token = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the server set no XSRF-TOKEN cookie');
  return decodeURIComponent(token);
}

/**
 * The API as a signed-in user, in the page's context (its cookie jar): session cookie and CSRF
 * header as the web app sends them. Each call fails the test unless the status is `expected`.
 */
export async function apiSession(page, { username, password: secret }) {
  const request = page.request;
  await request.get(`${baseUrl}/health`); // sets the CSRF cookie
  const call = async (method, path, { data, expected = 200 } = {}) => {
    const headers = method === 'GET' ? {} : { 'X-XSRF-TOKEN': await csrfToken(page) };
    const response = await request.fetch(`${baseUrl}${path}`, { method, headers, data });
    assert.equal(response.status(), expected, `${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return response.status() === 204 ? undefined : response.json();
  };
  await call('POST', '/api/v1/auth/session', { data: { username, password: secret } });
  return {
    get: (path) => call('GET', path),
    post: (path, data, expected = 200) => call('POST', path, { data, expected }),
    signOut: () => call('DELETE', '/api/v1/auth/session', { expected: 204 }),
  };
}

/**
 * The rep of the demo tenant with a fresh password: reset by the admin through the API, then changed by the rep, as a
 * reset password must be before anything else.
 */
export async function repWithNewPassword(page) {
  const api = await apiSession(page, admin);
  const users = await api.get('/api/v1/admin/users');
  const rep = users.find((user) => user.username === 'rep');
  assert.ok(rep, `the demo tenant has no user "rep": ${users.map((user) => user.username).join(', ')}`);
  const { temporaryPassword } = await api.post(`/api/v1/admin/users/${rep.id}/password-reset`);
  await api.signOut();
  await page.context().clearCookies();
  const chosen = `amber quarry ${Date.now()} lantern`;
  const asRep = await apiSession(page, { username: 'rep', password: temporaryPassword });
  const session = await asRep.get('/api/v1/auth/session');
  assert.equal(session.mustChangePassword, true, 'a reset password must be changed at the next sign-in');
  await asRep.post('/api/v1/me/password', { currentPassword: temporaryPassword, newPassword: chosen }, 204);
  await asRep.signOut();
  await page.context().clearCookies();
  return { username: 'rep', password: chosen };
}

/**
 * A sales rep of the demo tenant of their own, new to the product: invited by the admin and the invitation accepted
 * through the API (so no other test's password reset signs them out). Leaves the page's context signed out.
 */
export async function newRep(page, label) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const api = await apiSession(page, admin);
  const { link } = await api.post(
    '/api/v1/admin/invitations',
    { email: `${label}-${stamp}@example.com`, displayName: `New Rep ${stamp}`, roles: ['REP'] },
    201,
  );
  await api.signOut();
  await page.context().clearCookies();
  const token = new URL(link).pathname.split('/').pop();
  const rep = { username: `${label}${stamp}`, password: 'violet harbour lantern 42', displayName: `New Rep ${stamp}` };
  await page.request.get(`${baseUrl}/health`); // sets the CSRF cookie
  const accepted = await page.request.post(`${baseUrl}/api/v1/auth/invitations/${token}`, {
    headers: { 'X-XSRF-TOKEN': await csrfToken(page) },
    data: { username: rep.username, password: rep.password },
  });
  assert.equal(accepted.status(), 201, `accepting the invitation answered ${accepted.status()}: ${await accepted.text()}`);
  await page.context().clearCookies();
  return rep;
}
