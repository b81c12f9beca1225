import { useState, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { ActionsHeader, DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { DateTime } from '@/components/ui/date-time';
import { CheckboxGroup, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { SecretReveal } from '@/components/ui/secret-reveal';
import { StatusBadge } from '@/components/ui/status-badge';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';
import { roleLabel, TENANT_ROLES } from '@/lib/authorization';

import { rolesInputSchema, useResetPassword, useUpdateUser, useUsers, type TenantUser } from '../api/users';
import styles from './admin.module.css';

/** The users of the administrator's tenant: roles, deactivation and password resets. */
export function UsersPanel({ currentUserId }: { currentUserId?: string }) {
  const users = useUsers();
  return (
    <Panel
      title="Users"
      subtitle="Everyone in your organisation who can sign in. Invite new people from Invitations."
      testId="users-panel"
    >
      <PanelBody>
        <QueryState
          query={users}
          loadingLabel="Loading users…"
          errorTitle="Could not load the users"
          onRetry={() => void users.refetch()}
        >
          {(items) =>
            items.length ? (
              <UsersTable users={items} currentUserId={currentUserId} />
            ) : (
              <PanelEmpty title="No users yet">
                <p>Invite the first ones from Invitations.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function UsersTable({ users, currentUserId }: { users: TenantUser[]; currentUserId?: string }) {
  const [editing, setEditing] = useState<string>();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const resetFor = users.find((user) => user.id === reset.variables);
  const updatedUser = users.find((user) => user.id === update.variables?.id);

  return (
    <>
      {reset.isSuccess && resetFor ? (
        <SecretReveal
          title={`Temporary password for ${resetFor.displayName} (${resetFor.username})`}
          label="Temporary password"
          secret={reset.data.temporaryPassword}
          warning="Give it to them by a safe channel: their sessions have ended, and they should change it after signing in."
          onDismiss={() => reset.reset()}
          testId="temporary-password"
        />
      ) : null}
      {reset.isError ? (
        <FormAlert>
          Could not reset the password of {resetFor?.displayName ?? 'the user'}: {getErrorMessage(reset.error)}
        </FormAlert>
      ) : null}
      {update.isError ? (
        <FormAlert>
          Could not change {updatedUser?.displayName ?? 'the user'}: {getErrorMessage(update.error)}
        </FormAlert>
      ) : null}
      <DataTable caption="Users of your organisation" testId="users-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Roles</th>
            <th scope="col">Teams</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const you = user.id === currentUserId;
            return (
              <UserRows
                key={user.id}
                user={user}
                you={you}
                editing={editing === user.id}
                onEdit={(open) => setEditing(open ? user.id : undefined)}
                actions={
                  <>
                    <ConfirmButton
                      label={`Reset the password of ${user.username}`}
                      question={`Give ${user.displayName} a new password and end their sessions?`}
                      confirmText="Yes, reset"
                      pending={reset.isPending && reset.variables === user.id}
                      pendingText="Resetting…"
                      onConfirm={() => reset.mutate(user.id)}
                    >
                      Reset password
                    </ConfirmButton>
                    {user.enabled ? (
                      you ? null : (
                        <ConfirmButton
                          label={`Deactivate ${user.username}`}
                          question={`Deactivate ${user.displayName}? They are signed out and their tokens stop working.`}
                          confirmText="Yes, deactivate"
                          pending={update.isPending && update.variables?.id === user.id}
                          pendingText="Saving…"
                          onConfirm={() => update.mutate({ id: user.id, change: { enabled: false } })}
                        >
                          Deactivate
                        </ConfirmButton>
                      )
                    ) : (
                      <Button
                        variant="secondary"
                        size="small"
                        aria-label={`Reactivate ${user.username}`}
                        disabled={update.isPending && update.variables?.id === user.id}
                        onClick={() => update.mutate({ id: user.id, change: { enabled: true } })}
                      >
                        Reactivate
                      </Button>
                    )}
                  </>
                }
              />
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}

type UserRowsProps = {
  user: TenantUser;
  you: boolean;
  editing: boolean;
  onEdit: (open: boolean) => void;
  actions: ReactNode;
};

/** A user's row, and below it the roles editor while it is open. */
function UserRows({ user, you, editing, onEdit, actions }: UserRowsProps) {
  return (
    <>
      <tr data-testid={`user-${user.username}`}>
        <th scope="row">
          <span className={tableStyles.primaryLine}>{user.displayName}</span>
          <span className={tableStyles.secondaryLine}>
            {user.username}
            {you ? ' (you)' : ''}
          </span>
        </th>
        <td>{user.email ?? '—'}</td>
        <td data-testid={`user-${user.username}-roles`}>{user.roles.map(roleLabel).join(', ') || '—'}</td>
        <td>{user.teams.join(', ') || '—'}</td>
        <td>
          <StatusBadge status={user.enabled ? 'ACTIVE' : 'DEACTIVATED'} label={user.enabled ? 'Active' : 'Deactivated'} />
        </td>
        <td>
          <DateTime value={user.createdAt} />
        </td>
        <td>
          <div className={styles.actions}>
            <Button
              variant="secondary"
              size="small"
              aria-expanded={editing}
              aria-label={`Edit the roles of ${user.username}`}
              onClick={() => onEdit(!editing)}
            >
              Edit roles
            </Button>
            {actions}
          </div>
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={7}>
            <RolesEditor user={user} onDone={() => onEdit(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function RolesEditor({ user, onDone }: { user: TenantUser; onDone: () => void }) {
  const form = useForm({ roles: TENANT_ROLES.filter((role) => user.roles.includes(role)) as string[] });
  const update = useUpdateUser();

  const onSubmit = form.handleSubmit(
    rolesInputSchema,
    (change) => update.mutate({ id: user.id, change }, { onSuccess: onDone, onError: form.showError }),
    update.reset,
  );

  return (
    <Form formRef={form.formRef} layout="inline" onSubmit={onSubmit} label={`Roles of ${user.username}`}>
      <CheckboxGroup
        legend={`Roles of ${user.displayName}`}
        options={TENANT_ROLES}
        labelOf={roleLabel}
        {...form.choices('roles')}
      />
      <div className={formStyles.actions}>
        <Button type="submit" size="small" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save roles'}
        </Button>
        <Button variant="secondary" size="small" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {update.isError ? (
        <FormAlert other={form.other}>Could not save the roles: {getErrorMessage(update.error)}</FormAlert>
      ) : null}
    </Form>
  );
}
