import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, requestsOf, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { adminUser, repUser, tenantUsers } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const USERS = '/api/v1/admin/users';

function row(username: string) {
  return within(screen.getByTestId(`user-${username}`));
}

describe('Users page', () => {
  it('lists the users with roles, teams and status', async () => {
    stubApi(({ url }) => (url === USERS ? { body: tenantUsers } : undefined));

    renderApp('/admin/users', { user: adminUser });

    expect(screen.getByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Users' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await screen.findByTestId('users-table');
    expect(row('rep').getByRole('rowheader')).toHaveTextContent('Riley Reprep');
    expect(row('rep').getByText('riley@example.com')).toBeInTheDocument();
    expect(row('rep').getByText('Demo team')).toBeInTheDocument();
    expect(row('rep').getByText('Active')).toBeInTheDocument();
    expect(row('admin').getByText('admin (you)')).toBeInTheDocument();
    // No one deactivates themselves.
    expect(row('admin').queryByRole('button', { name: /Deactivate/ })).not.toBeInTheDocument();
    expect(row('rep').getByRole('button', { name: 'Deactivate rep' })).toBeInTheDocument();
  });

  it("changes a user's roles", async () => {
    const patches: StubRequest[] = [];
    let users = tenantUsers;
    stubApi((request) => {
      if (request.url === USERS) return { body: users };
      if (request.method === 'PATCH' && request.url === `${USERS}/${repUser.id}`) {
        patches.push(request);
        const changed = { ...tenantUsers[2]!, roles: ['MANAGER', 'REP'] };
        users = [tenantUsers[0]!, tenantUsers[1]!, changed];
        return { body: changed };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/users', { user: adminUser });
    await screen.findByTestId('users-table');
    await user.click(row('rep').getByRole('button', { name: 'Edit the roles of rep' }));
    const editor = within(screen.getByRole('form', { name: 'Roles of rep' }));
    expect(editor.getByRole('checkbox', { name: 'Sales rep' })).toBeChecked();
    await user.click(editor.getByRole('checkbox', { name: 'Manager' }));
    await user.click(editor.getByRole('button', { name: 'Save roles' }));

    await waitFor(() => expect(screen.getByTestId('user-rep-roles')).toHaveTextContent('Manager, Sales rep'));
    expect(screen.queryByRole('form', { name: 'Roles of rep' })).not.toBeInTheDocument();
    expect(patches.map((request) => request.body)).toEqual([{ roles: ['MANAGER', 'REP'] }]);
  });

  it("shows the server's refusal of a role change next to the roles", async () => {
    stubApi(({ method, url }) => {
      if (url === USERS) return { body: tenantUsers };
      if (method === 'PATCH') {
        return problemResponse(400, 'Invalid request', 'The roles were not changed.', [
          { field: 'roles', message: 'an administrator cannot remove their own ADMIN role' },
        ]);
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/users', { user: adminUser });
    await screen.findByTestId('users-table');
    await user.click(row('admin').getByRole('button', { name: 'Edit the roles of admin' }));
    const editor = within(screen.getByRole('form', { name: 'Roles of admin' }));
    await user.click(editor.getByRole('checkbox', { name: 'Administrator' }));
    await user.click(editor.getByRole('checkbox', { name: 'Manager' }));
    await user.click(editor.getByRole('button', { name: 'Save roles' }));

    expect(await editor.findByText('an administrator cannot remove their own ADMIN role')).toBeInTheDocument();
    expect(editor.getByRole('checkbox', { name: 'Administrator' })).toHaveAttribute('aria-invalid', 'true');
    expect(editor.getByRole('alert')).toHaveTextContent('Could not save the roles');
  });

  it('asks for at least one role', async () => {
    const fetchMock = stubApi(({ url }) => (url === USERS ? { body: tenantUsers } : undefined));
    const user = userEvent.setup();

    renderApp('/admin/users', { user: adminUser });
    await screen.findByTestId('users-table');
    await user.click(row('rep').getByRole('button', { name: 'Edit the roles of rep' }));
    const editor = within(screen.getByRole('form', { name: 'Roles of rep' }));
    await user.click(editor.getByRole('checkbox', { name: 'Sales rep' }));
    await user.click(editor.getByRole('button', { name: 'Save roles' }));

    expect(editor.getByText('Give at least one role.')).toBeInTheDocument();
    expect(editor.getByRole('checkbox', { name: 'Administrator' })).toHaveFocus();
    expect(requestsOf(fetchMock).filter((call) => call.startsWith('PATCH'))).toEqual([]);
  });

  it('deactivates a user after asking, and reactivates them', async () => {
    let enabled = true;
    const patches: unknown[] = [];
    stubApi(({ method, url, body }) => {
      if (url === USERS) return { body: [tenantUsers[0], { ...tenantUsers[2], enabled }] };
      if (method === 'PATCH' && url === `${USERS}/${repUser.id}`) {
        patches.push(body);
        enabled = (body as { enabled: boolean }).enabled;
        return { body: { ...tenantUsers[2], enabled } };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/users', { user: adminUser });
    await screen.findByTestId('users-table');
    await user.click(row('rep').getByRole('button', { name: 'Deactivate rep' }));
    await user.click(row('rep').getByRole('button', { name: 'Yes, deactivate' }));

    expect(await row('rep').findByText('Deactivated')).toBeInTheDocument();
    await user.click(row('rep').getByRole('button', { name: 'Reactivate rep' }));
    expect(await row('rep').findByText('Active')).toBeInTheDocument();
    expect(patches).toEqual([{ enabled: false }, { enabled: true }]);
  });

  it('resets a password and shows the temporary one once', async () => {
    stubApi(({ method, url }) => {
      if (url === USERS) return { body: tenantUsers };
      if (method === 'POST' && url === `${USERS}/${repUser.id}/password-reset`) {
        return { body: { temporaryPassword: 'temp-Pass-123456' } };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/users', { user: adminUser });
    await screen.findByTestId('users-table');
    await user.click(row('rep').getByRole('button', { name: 'Reset the password of rep' }));
    await user.click(row('rep').getByRole('button', { name: 'Yes, reset' }));

    const secret = within(await screen.findByTestId('temporary-password'));
    expect(secret.getByRole('heading')).toHaveTextContent('Temporary password for Riley Rep (rep)');
    expect(secret.getByRole('textbox', { name: 'Temporary password' })).toHaveValue('temp-Pass-123456');
    await user.click(secret.getByRole('button', { name: 'Done' }));
    expect(screen.queryByDisplayValue('temp-Pass-123456')).not.toBeInTheDocument();
  });
});
