import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { ActionsHeader, DataTable } from '@/components/ui/data-table';
import { CheckboxGroup, Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import { teamInputSchema, useDeleteTeam, useSaveTeam, useTeams, type Team } from '../api/teams';
import { useUsers, type TenantUser } from '../api/users';
import styles from './admin.module.css';

/** Teams of the tenant: a manager and members each, created, edited and deleted here. */
export function TeamsPanel() {
  const teams = useTeams();
  const users = useUsers();
  // `undefined`: no form open; `null`: a new team; a team: editing it.
  const [editing, setEditing] = useState<Team | null>();
  const query = {
    data: teams.data && users.data ? { teams: teams.data, users: users.data } : undefined,
    error: teams.error ?? users.error,
    isPending: teams.isPending || users.isPending,
    isError: teams.isError || users.isError,
    isFetching: teams.isFetching || users.isFetching,
  };

  return (
    <Panel
      title="Teams"
      subtitle="A team groups reps under a manager."
      actions={
        editing === undefined && query.data ? (
          <Button size="small" onClick={() => setEditing(null)}>
            New team
          </Button>
        ) : null
      }
      testId="teams-panel"
    >
      <PanelBody>
        <QueryState
          query={query}
          loadingLabel="Loading teams…"
          errorTitle="Could not load the teams"
          onRetry={() => {
            void teams.refetch();
            void users.refetch();
          }}
        >
          {(data) => (
            <>
              {editing !== undefined ? (
                <TeamForm key={editing?.id ?? 'new'} team={editing} users={data.users} onDone={() => setEditing(undefined)} />
              ) : null}
              {data.teams.length ? (
                <TeamsTable teams={data.teams} users={data.users} onEdit={setEditing} />
              ) : (
                <PanelEmpty title="No teams yet" testId="teams-empty">
                  <p>Create one with New team.</p>
                </PanelEmpty>
              )}
            </>
          )}
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function TeamsTable({ teams, users, onEdit }: { teams: Team[]; users: TenantUser[]; onEdit: (team: Team) => void }) {
  const remove = useDeleteTeam();
  const nameOf = (id: string | null | undefined) => users.find((user) => user.id === id)?.displayName ?? '—';
  return (
    <>
      {remove.isError ? <FormAlert>Could not delete the team: {getErrorMessage(remove.error)}</FormAlert> : null}
      <DataTable caption="Teams" testId="teams-table">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Manager</th>
            <th scope="col">Members</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id} data-testid={`team-${team.name}`}>
              <th scope="row">{team.name}</th>
              <td>{team.managerId ? nameOf(team.managerId) : '—'}</td>
              <td>{team.memberIds.map(nameOf).join(', ') || '—'}</td>
              <td>
                <div className={styles.actions}>
                  <Button variant="secondary" size="small" aria-label={`Edit team ${team.name}`} onClick={() => onEdit(team)}>
                    Edit
                  </Button>
                  <ConfirmButton
                    label={`Delete team ${team.name}`}
                    question={`Delete ${team.name}? Its members stay users.`}
                    confirmText="Yes, delete"
                    pending={remove.isPending && remove.variables === team.id}
                    pendingText="Deleting…"
                    onConfirm={() => remove.mutate(team.id)}
                  >
                    Delete
                  </ConfirmButton>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

type TeamFormProps = { team: Team | null; users: TenantUser[]; onDone: () => void };

function TeamForm({ team, users, onDone }: TeamFormProps) {
  const form = useForm({ name: team?.name ?? '', managerId: team?.managerId ?? '', memberIds: team?.memberIds ?? [] });
  const save = useSaveTeam();
  const userIds = users.map((user) => user.id);
  const labelOf = (id: string) => {
    const user = users.find((candidate) => candidate.id === id);
    return user ? `${user.displayName} (${user.username})` : id;
  };

  const onSubmit = form.handleSubmit(
    teamInputSchema,
    (input) => save.mutate({ id: team?.id, team: input }, { onSuccess: onDone, onError: form.showError }),
    save.reset,
  );

  return (
    <Form formRef={form.formRef} layout="stacked" onSubmit={onSubmit} label={team ? `Edit team ${team.name}` : 'New team'} testId="team-form">
      <Field label="Team name" errors={form.errors.name}>
        {(control) => <input {...control} {...form.text('name')} autoComplete="off" />}
      </Field>
      <Field label="Manager" errors={form.errors.managerId}>
        {(control) => (
          <select {...control} {...form.text('managerId')}>
            <option value="">No manager</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {labelOf(user.id)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckboxGroup legend="Members" options={userIds} labelOf={labelOf} {...form.choices('memberIds')} />
      <div className={formStyles.actions}>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : team ? 'Save team' : 'Create team'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {save.isError ? (
        <FormAlert other={form.other}>Could not save the team: {getErrorMessage(save.error)}</FormAlert>
      ) : null}
    </Form>
  );
}
