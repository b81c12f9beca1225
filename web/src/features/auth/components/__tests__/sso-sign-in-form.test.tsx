import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { renderApp, renderWithProviders } from '@/testing/test-utils';

import { SsoSignInForm } from '../sso-sign-in-form';

describe("Signing in with the company's single sign-on", () => {
  it("goes to the server's start of the company's single sign-on", async () => {
    const go = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SsoSignInForm failed={false} go={go} />);

    await user.type(screen.getByRole('textbox', { name: 'Company short name' }), ' Acme-Medical ');
    await user.click(screen.getByRole('button', { name: 'Continue with single sign-on' }));

    expect(go).toHaveBeenCalledWith('/oauth2/authorization/acme-medical');
  });

  it('refuses a name that cannot be a short name', async () => {
    const go = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SsoSignInForm failed={false} go={go} />);

    await user.type(screen.getByRole('textbox', { name: 'Company short name' }), '../admin');
    await user.click(screen.getByRole('button', { name: 'Continue with single sign-on' }));

    expect(await screen.findByText(/lower-case letters, digits and dashes/)).toBeInTheDocument();
    expect(go).not.toHaveBeenCalled();
  });

  it('says so on the sign-in page when single sign-on came back with ?error=sso', async () => {
    stubApi(() => undefined);
    renderApp('/sign-in?error=sso', { user: null });
    expect(await screen.findByText(/Single sign-on did not complete/)).toBeInTheDocument();
  });
});
