import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, requestsOf, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { activeToken, repUser, revokedToken } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const TOKENS = '/api/v1/me/tokens';

function passwordForm() {
  return within(screen.getByRole('form', { name: 'Change password' }));
}

async function fillPasswords(user: ReturnType<typeof userEvent.setup>, current: string, next: string, again = next) {
  await user.type(passwordForm().getByLabelText('Current password'), current);
  await user.type(passwordForm().getByLabelText('New password'), next);
  await user.type(passwordForm().getByLabelText('Repeat the new password'), again);
  await user.click(passwordForm().getByRole('button', { name: 'Change password' }));
}

describe('My profile: password', () => {
  it('changes the password and empties the form', async () => {
    const posted: StubRequest[] = [];
    stubApi((request) => {
      if (request.url === TOKENS) return { body: [] };
      if (request.method === 'POST' && request.url === '/api/v1/me/password') {
        posted.push(request);
        return { status: 204 };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/profile', { user: repUser });
    expect(screen.getByRole('heading', { level: 1, name: 'My profile' })).toBeInTheDocument();
    expect(screen.getByText('Riley Rep (rep), Sales rep.')).toBeInTheDocument();
    await fillPasswords(user, 'old secret words', 'brand new secret words');

    expect(await passwordForm().findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(posted.map((request) => request.body)).toEqual([
      { currentPassword: 'old secret words', newPassword: 'brand new secret words' },
    ]);
    expect(passwordForm().getByLabelText('New password')).toHaveValue('');
  });

  it('shows the server refusals next to the current and new password', async () => {
    stubApi(({ method, url }) => {
      if (url === TOKENS) return { body: [] };
      if (method === 'POST') {
        return problemResponse(400, 'Invalid request', 'The password was not changed.', [
          { field: 'currentPassword', message: 'is not correct' },
          { field: 'newPassword', message: 'is too easy to guess' },
        ]);
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/profile', { user: repUser });
    await fillPasswords(user, 'wrong', 'password1234');

    expect(await passwordForm().findByRole('alert')).toHaveTextContent('Could not change the password');
    expect(passwordForm().getByLabelText('Current password')).toHaveAccessibleDescription('is not correct');
    expect(passwordForm().getByLabelText('Current password')).toHaveFocus();
    expect(passwordForm().getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('is too easy to guess'),
    );
  });

  it('checks length and the repeated password before sending', async () => {
    const fetchMock = stubApi(({ url }) => (url === TOKENS ? { body: [] } : undefined));
    const user = userEvent.setup();

    renderApp('/profile', { user: repUser });
    await fillPasswords(user, 'old', 'short', 'shorter');

    expect(passwordForm().getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Use at least 12 characters.'),
    );
    expect(passwordForm().getByLabelText('Repeat the new password')).toHaveAccessibleDescription('The two new passwords differ.');
    expect(requestsOf(fetchMock).filter((call) => call.startsWith('POST'))).toEqual([]);
  });
});

describe('My profile: API tokens', () => {
  it('lists the tokens with their state, and offers revoke only on active ones', async () => {
    stubApi(({ url }) => (url === TOKENS ? { body: [activeToken, revokedToken] } : undefined));

    renderApp('/profile', { user: repUser });

    const active = within(await screen.findByTestId(`token-${activeToken.id}`));
    expect(active.getByRole('rowheader')).toHaveTextContent('CRM export');
    expect(active.getByText('Read only')).toBeInTheDocument();
    expect(active.getByText('Active')).toBeInTheDocument();
    expect(active.getByRole('button', { name: 'Revoke token CRM export' })).toBeInTheDocument();
    const revoked = within(screen.getByTestId(`token-${revokedToken.id}`));
    expect(revoked.getByText('Revoked')).toBeInTheDocument();
    expect(revoked.getByText('Never')).toBeInTheDocument();
    expect(revoked.queryByRole('button')).not.toBeInTheDocument();
  });

  it('creates a token and shows its secret once, with a copy button', async () => {
    let tokens: unknown[] = [];
    const created = { id: 'new-id', name: 'Nightly export', scope: 'READ_WRITE', expiresAt: '2027-02-24T18:00:00Z', token: 'mst_secret_value' };
    const posted: unknown[] = [];
    stubApi(({ method, url, body }) => {
      if (url !== TOKENS) return undefined;
      if (method === 'POST') {
        posted.push(body);
        tokens = [{ ...activeToken, id: 'new-id', name: 'Nightly export', scope: 'READ_WRITE' }];
        return { status: 201, body: created };
      }
      return { body: tokens };
    });
    const user = userEvent.setup();

    renderApp('/profile', { user: repUser });
    await screen.findByTestId('tokens-empty');
    const form = within(screen.getByRole('form', { name: 'Create a token' }));
    await user.type(form.getByRole('textbox', { name: 'Token name' }), 'Nightly export');
    await user.selectOptions(form.getByRole('combobox', { name: 'Scope' }), 'Read and write');
    await user.clear(form.getByRole('spinbutton', { name: 'Expires in (days)' }));
    await user.type(form.getByRole('spinbutton', { name: 'Expires in (days)' }), '30');
    await user.click(form.getByRole('button', { name: 'Create token' }));

    const secret = within(await screen.findByTestId('new-token'));
    expect(secret.getByRole('heading')).toHaveTextContent('Token "Nightly export" created');
    expect(secret.getByText('Shown only once.')).toBeInTheDocument();
    expect(secret.getByRole('textbox', { name: 'Token' })).toHaveValue('mst_secret_value');
    expect(posted).toEqual([{ name: 'Nightly export', scope: 'READ_WRITE', expiresInDays: 30 }]);
    expect(await screen.findByTestId('token-new-id')).toBeInTheDocument();

    await user.click(secret.getByRole('button', { name: 'Copy' }));
    // user-event stands in for the clipboard.
    expect(await navigator.clipboard.readText()).toBe('mst_secret_value');
    expect(secret.getByRole('status')).toHaveTextContent('Copied to the clipboard.');

    await user.click(secret.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('new-token')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('mst_secret_value')).not.toBeInTheDocument();
  });

  it('refuses an expiry outside 1 to 365 days before sending', async () => {
    const fetchMock = stubApi(({ url }) => (url === TOKENS ? { body: [] } : undefined));
    const user = userEvent.setup();

    renderApp('/profile', { user: repUser });
    await screen.findByTestId('tokens-empty');
    const form = within(screen.getByRole('form', { name: 'Create a token' }));
    await user.type(form.getByRole('textbox', { name: 'Token name' }), 'x');
    await user.clear(form.getByRole('spinbutton', { name: 'Expires in (days)' }));
    await user.type(form.getByRole('spinbutton', { name: 'Expires in (days)' }), '400{Enter}');

    expect(form.getByRole('spinbutton', { name: 'Expires in (days)' })).toHaveAccessibleDescription('1 to 365 At most 365 days.');
    expect(requestsOf(fetchMock).filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it('revokes a token after asking, and can be cancelled', async () => {
    let revoked = false;
    const fetchMock = stubApi(({ method, url }) => {
      if (url === TOKENS) return { body: [revoked ? { ...activeToken, revokedAt: '2026-11-26T19:00:00Z' } : activeToken] };
      if (method === 'DELETE' && url === `${TOKENS}/${activeToken.id}`) {
        revoked = true;
        return { status: 204 };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/profile', { user: repUser });
    const row = within(await screen.findByTestId(`token-${activeToken.id}`));
    await user.click(row.getByRole('button', { name: 'Revoke token CRM export' }));
    await user.click(row.getByRole('button', { name: 'Cancel' }));
    expect(row.getByRole('button', { name: 'Revoke token CRM export' })).toHaveFocus();

    await user.click(row.getByRole('button', { name: 'Revoke token CRM export' }));
    expect(row.getByRole('group', { name: 'Revoke CRM export? Scripts using it stop working.' })).toBeInTheDocument();
    expect(row.getByRole('button', { name: 'Yes, revoke' })).toHaveFocus();
    await user.click(row.getByRole('button', { name: 'Yes, revoke' }));

    await waitFor(() => expect(row.getByText('Revoked')).toBeInTheDocument());
    expect(requestsOf(fetchMock)).toContain(`DELETE ${TOKENS}/${activeToken.id}`);
  });
});
