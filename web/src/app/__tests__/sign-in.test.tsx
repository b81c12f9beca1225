import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { healthyHealth } from '@/testing/fixtures/health';
import { adminUser, operatorUser, repUser, unauthorizedProblem } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const SESSION = '/api/v1/auth/session';

function signInForm() {
  return within(screen.getByRole('form', { name: 'Sign in' }));
}

describe('Signing in', () => {
  it('sends a signed-out visitor to sign-in and, once signed in, back to the page they asked for', async () => {
    document.cookie = 'XSRF-TOKEN=csrf-1';
    let signedIn = false;
    const fetchMock = stubApi(({ method, url }) => {
      if (url === SESSION && method === 'GET') return signedIn ? { body: adminUser } : unauthorizedProblem;
      if (url === SESSION && method === 'POST') {
        signedIn = true;
        return { body: adminUser };
      }
      if (url === '/api/v1/admin/users') return { body: [] };
      return undefined;
    });
    const user = userEvent.setup();

    const { router } = renderApp('/admin/users?tab=1', { user: 'fetch' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to MedSales' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/admin/users?tab=1')}`);
    // Nothing of the signed-in app is shown or fetched.
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(signInForm().getByRole('textbox', { name: 'User name' })).toHaveFocus();

    await user.type(signInForm().getByRole('textbox', { name: 'User name' }), ' admin ');
    await user.type(signInForm().getByLabelText('Password'), 'correct horse battery{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(router.state.location.search).toBe('?tab=1');
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(JSON.parse(String(posts[0]?.[1]?.body))).toEqual({ username: 'admin', password: 'correct horse battery' });
    expect(new Headers(posts[0]?.[1]?.headers).get('X-XSRF-TOKEN')).toBe('csrf-1');
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('Signed in as Avery Admin (Administrator)');
  });

  it('says when the user name or password is wrong, clears the password and stays on sign-in', async () => {
    stubApi(({ method, url }) => {
      if (url === SESSION && method === 'POST') {
        return {
          status: 401,
          contentType: 'application/problem+json',
          body: { title: 'Sign-in failed', status: 401, detail: 'The user name or password is wrong.' },
        };
      }
      return undefined;
    });
    const user = userEvent.setup();

    const { router } = renderApp('/sign-in', { user: null });
    await user.type(signInForm().getByRole('textbox', { name: 'User name' }), 'admin');
    await user.type(signInForm().getByLabelText('Password'), 'not the password');
    await user.click(signInForm().getByRole('button', { name: 'Sign in' }));

    expect(await signInForm().findByRole('alert')).toHaveTextContent('The user name or password is not correct.');
    expect(signInForm().getByLabelText('Password')).toHaveValue('');
    expect(signInForm().getByLabelText('Password')).toHaveFocus();
    expect(signInForm().getByRole('textbox', { name: 'User name' })).toHaveValue('admin');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('says how long to wait while sign-in is paused (429 with Retry-After)', async () => {
    stubApi(({ method, url }) =>
      url === SESSION && method === 'POST'
        ? {
            status: 429,
            contentType: 'application/problem+json',
            headers: { 'Retry-After': '900' },
            body: { title: 'Sign-in paused', status: 429, detail: 'Too many failed sign-ins.' },
          }
        : undefined,
    );
    const user = userEvent.setup();

    renderApp('/sign-in', { user: null });
    await user.type(signInForm().getByRole('textbox', { name: 'User name' }), 'admin');
    await user.type(signInForm().getByLabelText('Password'), 'guess{Enter}');

    expect(await signInForm().findByRole('alert')).toHaveTextContent(
      'Sign-in is paused after repeated failed attempts. Try again in 15 minutes.',
    );
  });

  it('asks for both fields before sending anything', async () => {
    const fetchMock = stubApi(() => undefined);
    const user = userEvent.setup();

    renderApp('/sign-in', { user: null });
    await user.click(signInForm().getByRole('button', { name: 'Sign in' }));

    const name = signInForm().getByRole('textbox', { name: 'User name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter your user name.');
    expect(name).toHaveFocus();
    expect(signInForm().getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(requestsOf(fetchMock)).toEqual([]);
  });

  it('goes straight on when already signed in, never to another site', async () => {
    stubApi(({ url }) => (url === '/health' ? { body: healthyHealth } : undefined));

    const { router } = renderApp('/sign-in?next=//evil.example/x', { user: adminUser });

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('The session', () => {
  it('sends the user to sign in, with a notice, when an API call answers 401', async () => {
    stubApi(({ url }) => (url.startsWith('/api/v1/providers?') ? unauthorizedProblem : undefined));
    const user = userEvent.setup();

    const { router } = renderApp('/providers', { user: repUser });
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'jia{Enter}');

    expect(await screen.findByText('Your session has ended. Sign in again to go on where you were.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/providers?name=jia');
  });

  it('signs out from the shell', async () => {
    document.cookie = 'XSRF-TOKEN=csrf-2';
    const fetchMock = stubApi(({ method, url }) => {
      if (url === SESSION && method === 'DELETE') return { status: 204 };
      if (url === '/health') return { body: healthyHealth };
      return undefined;
    });
    const user = userEvent.setup();

    const { router } = renderApp('/', { user: operatorUser });
    const account = within(screen.getByTestId('signed-in-user'));
    expect(account.getByText('Olive Operator')).toBeInTheDocument();
    await user.click(account.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('You have signed out.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'DELETE');
    expect(new Headers(call?.[1]?.headers).get('X-XSRF-TOKEN')).toBe('csrf-2');
  });

  it('shows an error with a retry when the session cannot be checked', async () => {
    let down = true;
    stubApi(({ url }) => {
      if (url === SESSION) return down ? { status: 503, body: { title: 'Service Unavailable', status: 503 } } : { body: repUser };
      if (url === '/health') return { body: healthyHealth };
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/', { user: 'fetch' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not check your session');
    down = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
  });
});

describe('Navigation by role', () => {
  function links() {
    return within(screen.getByRole('navigation', { name: 'Main' }))
      .getAllByRole('link')
      .map((link) => link.textContent);
  }

  it('shows a rep no administration', () => {
    stubApi(({ url }) => (url === '/health' ? { body: healthyHealth } : undefined));
    renderApp('/', { user: repUser });
    expect(links()).toEqual([
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
      'API reference(opens in a new tab)',
    ]);
  });

  it('shows an admin the tenant administration and the audit trail, not data ingestion', () => {
    stubApi(({ url }) => (url === '/health' ? { body: healthyHealth } : undefined));
    renderApp('/', { user: adminUser });
    expect(links()).toEqual([
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
      'API reference(opens in a new tab)',
    ]);
  });

  it('shows the operator the audit trail and data ingestion', () => {
    stubApi(({ url }) => (url === '/health' ? { body: healthyHealth } : undefined));
    renderApp('/', { user: operatorUser });
    expect(links()).toEqual([
      'Overview',
      'Providers',
      'Organizations',
      'Exports',
      'My profile',
      'Audit trail',
      'Data ingestion',
      'API reference(opens in a new tab)',
    ]);
  });

  it('answers a rep at an admin page with "not available", and asks the API nothing for it', async () => {
    const fetchMock = stubApi(() => undefined);
    renderApp('/admin/users', { user: repUser });

    const forbidden = await screen.findByTestId('forbidden');
    expect(within(forbidden).getByRole('heading', { level: 1 })).toHaveTextContent('This page is not available to you');
    expect(forbidden).toHaveTextContent('It is for the Administrator role; you are signed in as Sales rep.');
    await waitFor(() => expect(requestsOf(fetchMock)).toEqual([]));
  });

  it('keeps data ingestion to the operator', async () => {
    stubApi(() => undefined);
    renderApp('/admin/ingestion', { user: adminUser });
    const forbidden = await screen.findByTestId('forbidden');
    expect(forbidden).toHaveTextContent('It is for the Platform operator role');
    expect(forbidden).toHaveTextContent('The platform operators run data ingestion');
    expect(forbidden).not.toHaveTextContent('Ask an administrator');
  });
});
