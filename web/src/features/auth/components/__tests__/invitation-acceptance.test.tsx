import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, requestsOf, stubApi } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/test-utils';

const INVITATION = '/api/v1/auth/invitations/tok-123';
const offer = { email: 'sam@example.com', displayName: 'Sam Seller', roles: ['REP'], expiresAt: '2026-12-03T18:05:00Z' };

function form() {
  return within(screen.getByRole('form', { name: 'Create your account' }));
}

describe('Invitation link', () => {
  it('shows what the invitation offers, creates the account and leads to sign-in with the name filled in', async () => {
    document.cookie = 'XSRF-TOKEN=csrf-3';
    const fetchMock = stubApi(({ method, url }) => {
      if (url === INVITATION && method === 'GET') return { body: offer };
      if (url === INVITATION && method === 'POST') return { status: 201 };
      return undefined;
    });
    const user = userEvent.setup();

    const { router } = renderApp('/invitation/tok-123', { user: null });

    expect(await screen.findByTestId('invitation-offer')).toHaveTextContent(
      'Sam Seller (sam@example.com), you are invited to join MedSales as Sales rep.',
    );
    await user.type(form().getByRole('textbox', { name: 'User name' }), 'sam');
    await user.type(form().getByLabelText('Password'), 'purple otter lantern');
    await user.type(form().getByLabelText('Repeat the password'), 'purple otter lantern');
    await user.click(form().getByRole('button', { name: 'Create my account' }));

    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Your account sam is ready.');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ username: 'sam', password: 'purple otter lantern' });
    expect(new Headers(post?.[1]?.headers).get('X-XSRF-TOKEN')).toBe('csrf-3');

    await user.click(within(done).getByRole('link', { name: 'Sign in' }));
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(await screen.findByRole('textbox', { name: 'User name' })).toHaveValue('sam');
  });

  it('checks that the two passwords match before sending', async () => {
    const fetchMock = stubApi(({ url }) => (url === INVITATION ? { body: offer } : undefined));
    const user = userEvent.setup();

    renderApp('/invitation/tok-123', { user: null });
    await screen.findByRole('form', { name: 'Create your account' });
    await user.type(form().getByRole('textbox', { name: 'User name' }), 'sam');
    await user.type(form().getByLabelText('Password'), 'purple otter lantern');
    await user.type(form().getByLabelText('Repeat the password'), 'purple otter lanterns{Enter}');

    expect(form().getByLabelText('Repeat the password')).toHaveAccessibleDescription('The two passwords differ.');
    expect(requestsOf(fetchMock).filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it("shows the server's refusal next to the field it concerns", async () => {
    stubApi(({ method, url }) => {
      if (url === INVITATION && method === 'GET') return { body: offer };
      return problemResponse(400, 'Invalid request', 'The password does not meet the policy.', [
        { field: 'password', message: 'must not contain the user name' },
      ]);
    });
    const user = userEvent.setup();

    renderApp('/invitation/tok-123', { user: null });
    await screen.findByRole('form', { name: 'Create your account' });
    await user.type(form().getByRole('textbox', { name: 'User name' }), 'samseller');
    await user.type(form().getByLabelText('Password'), 'samseller-is-me');
    await user.type(form().getByLabelText('Repeat the password'), 'samseller-is-me{Enter}');

    expect(await form().findByRole('alert')).toHaveTextContent('Could not create the account: Invalid request');
    const password = form().getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(expect.stringContaining('must not contain the user name'));
    expect(password).toHaveFocus();
  });

  it('says when the link no longer works', async () => {
    stubApi(() => undefined);

    renderApp('/invitation/used-up', { user: null });

    expect(await screen.findByTestId('invitation-invalid')).toHaveTextContent(
      'This invitation link does not work: it may have expired, been revoked, or been used already.',
    );
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
