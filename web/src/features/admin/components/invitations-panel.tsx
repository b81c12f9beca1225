import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { ActionsHeader, DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { DateTime } from '@/components/ui/date-time';
import { CheckboxGroup, Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { SecretReveal } from '@/components/ui/secret-reveal';
import { StatusBadge } from '@/components/ui/status-badge';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';
import { roleLabel, TENANT_ROLES } from '@/lib/authorization';

import {
  newInvitationInputSchema,
  useCreateInvitation,
  useInvitations,
  useRevokeInvitation,
  type Invitation,
} from '../api/invitations';

const STATUS_LABELS: Record<string, string> = {
  OPEN: 'Open',
  ACCEPTED: 'Accepted',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
};

/** Invite people (the link is shown once, to send them) and revoke open invitations. */
export function InvitationsPanel() {
  const invitations = useInvitations();
  return (
    <Panel
      title="Invitations"
      subtitle="An invitation link lets one person choose a user name and password. It works for 7 days."
      testId="invitations-panel"
    >
      <PanelBody>
        <InviteForm />
        <QueryState
          query={invitations}
          loadingLabel="Loading invitations…"
          errorTitle="Could not load the invitations"
          onRetry={() => void invitations.refetch()}
        >
          {(items) =>
            items.length ? (
              <InvitationsTable invitations={items} />
            ) : (
              <PanelEmpty title="No invitations yet" testId="invitations-empty">
                <p>Invite someone with the form above.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function InviteForm() {
  const form = useForm({ email: '', displayName: '', roles: ['REP'] });
  const invite = useCreateInvitation();

  const onSubmit = form.handleSubmit(
    newInvitationInputSchema,
    (input) =>
      invite.mutate(input, {
        onSuccess: () => form.setValues((current) => ({ ...current, email: '', displayName: '' })),
        onError: form.showError,
      }),
    invite.reset,
  );

  return (
    <>
      <Form formRef={form.formRef} layout="inline" onSubmit={onSubmit} label="Invite someone">
        <Field label="E-mail" errors={form.errors.email} grow>
          {(control) => <input {...control} {...form.text('email')} type="email" autoComplete="off" />}
        </Field>
        <Field label="Name" errors={form.errors.displayName} grow>
          {(control) => <input {...control} {...form.text('displayName')} autoComplete="off" />}
        </Field>
        <CheckboxGroup legend="Roles" options={TENANT_ROLES} labelOf={roleLabel} {...form.choices('roles')} />
        <div className={formStyles.actions}>
          <Button type="submit" disabled={invite.isPending}>
            {invite.isPending ? 'Inviting…' : 'Invite'}
          </Button>
        </div>
      </Form>
      {invite.isError ? (
        <FormAlert other={form.other}>Could not invite: {getErrorMessage(invite.error)}</FormAlert>
      ) : null}
      {invite.isSuccess ? (
        <SecretReveal
          title={`Invitation for ${invite.data.invitation.displayName} (${invite.data.invitation.email})`}
          label="Invitation link"
          secret={invite.data.link}
          warning="Send this link to them yourself: MedSales does not e-mail it and cannot show it again."
          onDismiss={() => invite.reset()}
          testId="invitation-link"
        />
      ) : null}
    </>
  );
}

function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  const revoke = useRevokeInvitation();
  return (
    <>
      {revoke.isError ? <FormAlert>Could not revoke the invitation: {getErrorMessage(revoke.error)}</FormAlert> : null}
      <DataTable caption="Invitations, newest first" testId="invitations-table">
        <thead>
          <tr>
            <th scope="col">Invited</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">Expires</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-testid={`invitation-${invitation.email}`}>
              <th scope="row">
                <span className={tableStyles.primaryLine}>{invitation.displayName}</span>
                <span className={tableStyles.secondaryLine}>{invitation.email}</span>
              </th>
              <td>{invitation.roles.map(roleLabel).join(', ')}</td>
              <td>
                <StatusBadge status={invitation.status} label={STATUS_LABELS[invitation.status] ?? invitation.status} />
              </td>
              <td>
                <DateTime value={invitation.createdAt} />
              </td>
              <td>
                <DateTime value={invitation.expiresAt} />
              </td>
              <td>
                {invitation.status === 'OPEN' ? (
                  <ConfirmButton
                    label={`Revoke the invitation of ${invitation.email}`}
                    question={`Revoke the invitation of ${invitation.email}? The link stops working.`}
                    confirmText="Yes, revoke"
                    pending={revoke.isPending && revoke.variables === invitation.id}
                    pendingText="Revoking…"
                    onConfirm={() => revoke.mutate(invitation.id)}
                  >
                    Revoke
                  </ConfirmButton>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
