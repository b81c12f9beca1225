import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { adminUser, demoTeam, managerUser, repUser, tenantUsers } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const TEAMS = '/api/v1/admin/teams';

function teamsApi(initial: Array<typeof demoTeam>) {
  let teams = initial;
  const writes: StubRequest[] = [];
  const fetchMock = stubApi((request) => {
    if (request.url === '/api/v1/admin/users') return { body: tenantUsers };
    if (request.url === TEAMS && request.method === 'GET') return { body: teams };
    if (request.url === TEAMS && request.method === 'POST') {
      writes.push(request);
      const created = { id: 'team-2', ...(request.body as Omit<typeof demoTeam, 'id'>) };
      teams = [...teams, created];
      return { status: 201, body: created };
    }
    if (request.url === `${TEAMS}/${demoTeam.id}` && request.method === 'PUT') {
      writes.push(request);
      const saved = { id: demoTeam.id, ...(request.body as Omit<typeof demoTeam, 'id'>) };
      teams = teams.map((team) => (team.id === demoTeam.id ? saved : team));
      return { body: saved };
    }
    if (request.url === `${TEAMS}/${demoTeam.id}` && request.method === 'DELETE') {
      writes.push(request);
      teams = teams.filter((team) => team.id !== demoTeam.id);
      return { status: 204 };
    }
    return undefined;
  });
  return { fetchMock, writes };
}

describe('Teams page', () => {
  it('lists the teams with their manager and members by name', async () => {
    teamsApi([demoTeam]);

    renderApp('/admin/teams', { user: adminUser });

    const row = within(await screen.findByTestId('team-Demo team'));
    expect(row.getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Morgan Manager',
      'Morgan Manager, Riley Rep',
      expect.stringContaining('Edit'),
    ]);
  });

  it('creates a team with a manager and members', async () => {
    const { writes } = teamsApi([]);
    const user = userEvent.setup();

    renderApp('/admin/teams', { user: adminUser });
    await screen.findByTestId('teams-empty');
    await user.click(screen.getByRole('button', { name: 'New team' }));
    const form = within(screen.getByRole('form', { name: 'New team' }));
    await user.type(form.getByRole('textbox', { name: 'Team name' }), 'East');
    await user.selectOptions(form.getByRole('combobox', { name: 'Manager' }), 'Morgan Manager (manager)');
    await user.click(form.getByRole('checkbox', { name: 'Riley Rep (rep)' }));
    await user.click(form.getByRole('button', { name: 'Create team' }));

    expect(await screen.findByTestId('team-East')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New team' })).not.toBeInTheDocument();
    expect(writes.map(({ method, body }) => [method, body])).toEqual([
      ['POST', { name: 'East', managerId: managerUser.id, memberIds: [repUser.id] }],
    ]);
  });

  it('edits a team: a PUT with the whole team, no manager sent as null', async () => {
    const { writes } = teamsApi([demoTeam]);
    const user = userEvent.setup();

    renderApp('/admin/teams', { user: adminUser });
    await user.click(await screen.findByRole('button', { name: 'Edit team Demo team' }));
    const form = within(screen.getByRole('form', { name: 'Edit team Demo team' }));
    expect(form.getByRole('textbox', { name: 'Team name' })).toHaveValue('Demo team');
    expect(form.getByRole('checkbox', { name: 'Riley Rep (rep)' })).toBeChecked();
    await user.selectOptions(form.getByRole('combobox', { name: 'Manager' }), 'No manager');
    await user.click(form.getByRole('checkbox', { name: 'Morgan Manager (manager)' }));
    await user.click(form.getByRole('button', { name: 'Save team' }));

    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(writes.map(({ method, body }) => [method, body])).toEqual([
      ['PUT', { name: 'Demo team', managerId: null, memberIds: [repUser.id] }],
    ]);
  });

  it('deletes a team after asking', async () => {
    const { fetchMock } = teamsApi([demoTeam]);
    const user = userEvent.setup();

    renderApp('/admin/teams', { user: adminUser });
    const row = within(await screen.findByTestId('team-Demo team'));
    await user.click(row.getByRole('button', { name: 'Delete team Demo team' }));
    await user.click(row.getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByTestId('teams-empty')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toContain(`DELETE ${TEAMS}/${demoTeam.id}`);
  });

  it('asks for a name before saving', async () => {
    const { writes } = teamsApi([]);
    const user = userEvent.setup();

    renderApp('/admin/teams', { user: adminUser });
    await screen.findByTestId('teams-empty');
    await user.click(screen.getByRole('button', { name: 'New team' }));
    await user.click(screen.getByRole('button', { name: 'Create team' }));

    expect(screen.getByRole('textbox', { name: 'Team name' })).toHaveAccessibleDescription('Name the team.');
    expect(writes).toEqual([]);
  });
});
