import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { acceptedInvitation, adminUser, openInvitation } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const INVITATIONS = '/api/v1/admin/invitations';

describe('Invitations page', () => {
  it('invites someone and shows the link once', async () => {
    let invitations: unknown[] = [];
    const posted: unknown[] = [];
    stubApi(({ method, url, body }) => {
      if (url !== INVITATIONS) return undefined;
      if (method === 'POST') {
        posted.push(body);
        invitations = [openInvitation];
        return { status: 201, body: { invitation: openInvitation, link: 'http://localhost:8080/invitation/abc' } };
      }
      return { body: invitations };
    });
    const user = userEvent.setup();

    renderApp('/admin/invitations', { user: adminUser });
    await screen.findByTestId('invitations-empty');
    const form = within(screen.getByRole('form', { name: 'Invite someone' }));
    await user.type(form.getByRole('textbox', { name: 'E-mail' }), ' sam@example.com ');
    await user.type(form.getByRole('textbox', { name: 'Name' }), 'Sam Seller');
    expect(form.getByRole('checkbox', { name: 'Sales rep' })).toBeChecked();
    await user.click(form.getByRole('checkbox', { name: 'Manager' }));
    await user.click(form.getByRole('button', { name: 'Invite' }));

    const link = within(await screen.findByTestId('invitation-link'));
    expect(link.getByRole('textbox', { name: 'Invitation link' })).toHaveValue('http://localhost:8080/invitation/abc');
    expect(link.getByText(/cannot show it again/)).toBeInTheDocument();
    expect(posted).toEqual([{ email: 'sam@example.com', displayName: 'Sam Seller', roles: ['MANAGER', 'REP'] }]);
    expect(await screen.findByTestId('invitation-sam@example.com')).toHaveTextContent('Open');
    expect(form.getByRole('textbox', { name: 'E-mail' })).toHaveValue('');
  });

  it('checks the e-mail and the roles before sending', async () => {
    const fetchMock = stubApi(({ url }) => (url === INVITATIONS ? { body: [] } : undefined));
    const user = userEvent.setup();

    renderApp('/admin/invitations', { user: adminUser });
    await screen.findByTestId('invitations-empty');
    const form = within(screen.getByRole('form', { name: 'Invite someone' }));
    await user.type(form.getByRole('textbox', { name: 'E-mail' }), 'not-an-address');
    await user.type(form.getByRole('textbox', { name: 'Name' }), 'Sam');
    await user.click(form.getByRole('checkbox', { name: 'Sales rep' }));
    await user.click(form.getByRole('button', { name: 'Invite' }));

    expect(form.getByRole('textbox', { name: 'E-mail' })).toHaveAccessibleDescription('Enter an e-mail address.');
    expect(form.getByRole('textbox', { name: 'E-mail' })).toHaveFocus();
    expect(form.getByText('Give at least one role.')).toBeInTheDocument();
    expect(requestsOf(fetchMock).filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it('revokes only open invitations', async () => {
    let revoked = false;
    const fetchMock = stubApi(({ method, url }) => {
      if (url === INVITATIONS) {
        return { body: [revoked ? { ...openInvitation, status: 'REVOKED' } : openInvitation, acceptedInvitation] };
      }
      if (method === 'DELETE' && url === `${INVITATIONS}/${openInvitation.id}`) {
        revoked = true;
        return { status: 204 };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/invitations', { user: adminUser });
    const open = within(await screen.findByTestId('invitation-sam@example.com'));
    expect(within(screen.getByTestId('invitation-kim@example.com')).queryByRole('button')).not.toBeInTheDocument();
    await user.click(open.getByRole('button', { name: 'Revoke the invitation of sam@example.com' }));
    await user.click(open.getByRole('button', { name: 'Yes, revoke' }));

    await waitFor(() => expect(open.getByText('Revoked')).toBeInTheDocument());
    expect(requestsOf(fetchMock)).toContain(`DELETE ${INVITATIONS}/${openInvitation.id}`);
  });
});
