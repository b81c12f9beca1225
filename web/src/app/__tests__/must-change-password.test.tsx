import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

describe('a password reset by an administrator', () => {
  it('sends the user to the profile page until the password is changed, then lets them go', async () => {
    let changed = false;
    stubApi(({ method, url }) => {
      if (method === 'POST' && url === '/api/v1/me/password') {
        changed = true;
        return { status: 204 };
      }
      if (url === '/api/v1/auth/session') return { body: { ...repUser, mustChangePassword: !changed } };
      return undefined;
    });
    const user = userEvent.setup();

    const { router } = renderApp('/providers', { user: { ...repUser, mustChangePassword: true } });

    expect(router.state.location.pathname).toBe('/profile');
    expect(screen.getByRole('alert')).toHaveTextContent('An administrator reset your password.');
    const form = within(screen.getByRole('form', { name: 'Change password' }));
    await user.type(form.getByLabelText('Current password'), 'temporary-password-1');
    await user.type(form.getByLabelText('New password'), 'brand new secret words');
    await user.type(form.getByLabelText('Repeat the new password'), 'brand new secret words');
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Your password has been changed.')).toBeInTheDocument();
    await router.navigate('/');
    expect(router.state.location.pathname).toBe('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
  });
});
