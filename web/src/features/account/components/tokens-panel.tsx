import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { DateTime } from '@/components/ui/date-time';
import { ActionsHeader, DataTable } from '@/components/ui/data-table';
import { Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { SecretReveal } from '@/components/ui/secret-reveal';
import { StatusBadge } from '@/components/ui/status-badge';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import {
  newTokenInputSchema,
  TOKEN_SCOPES,
  tokenStatus,
  useCreateToken,
  useRevokeToken,
  useTokens,
  type ApiToken,
  type TokenScope,
} from '../api/tokens';

const SCOPE_LABELS: Record<string, string> = {
  READ: 'Read only',
  READ_WRITE: 'Read and write',
};

/** My integration tokens: create one (its secret shown once), see when each was used, revoke. */
export function TokensPanel() {
  const tokens = useTokens();
  return (
    <Panel
      title="API tokens"
      subtitle="For scripts and integrations: send one as 'Authorization: Bearer <token>'. It acts as you, within its scope."
      testId="tokens-panel"
    >
      <PanelBody>
        <CreateTokenForm />
        <QueryState
          query={tokens}
          loadingLabel="Loading your tokens…"
          errorTitle="Could not load your tokens"
          onRetry={() => void tokens.refetch()}
        >
          {(items) =>
            items.length ? (
              <TokensTable tokens={items} />
            ) : (
              <PanelEmpty title="No tokens yet" testId="tokens-empty">
                <p>Create one above when a script needs to call the MedSales API.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function CreateTokenForm() {
  const form = useForm({ name: '', scope: 'READ' as TokenScope, expiresInDays: '90' });
  const create = useCreateToken();

  const onSubmit = form.handleSubmit(
    newTokenInputSchema,
    (input) => create.mutate(input, { onSuccess: () => form.setValue('name', ''), onError: form.showError }),
    create.reset,
  );

  return (
    <>
      <Form formRef={form.formRef} layout="inline" onSubmit={onSubmit} label="Create a token">
        <Field label="Token name" errors={form.errors.name} grow>
          {(control) => (
            <input
              {...control}
              {...form.text('name')}
              placeholder="e.g. CRM nightly export"
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Scope" errors={form.errors.scope}>
          {(control) => (
            <select {...control} {...form.text('scope')}>
              {TOKEN_SCOPES.map((value) => (
                <option key={value} value={value}>
                  {SCOPE_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Expires in (days)" errors={form.errors.expiresInDays} hint="1 to 365">
          {(control) => (
            <input {...control} {...form.text('expiresInDays')} type="number" inputMode="numeric" min={1} max={365} />
          )}
        </Field>
        <div className={formStyles.actions}>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </Button>
        </div>
      </Form>
      {create.isError ? (
        <FormAlert other={form.other}>Could not create the token: {getErrorMessage(create.error)}</FormAlert>
      ) : null}
      {create.isSuccess ? (
        <SecretReveal
          title={`Token "${create.data.name}" created`}
          label="Token"
          secret={create.data.token}
          warning="Copy the token now and keep it somewhere safe: MedSales keeps only a fingerprint of it and cannot show it again."
          onDismiss={() => create.reset()}
          testId="new-token"
        />
      ) : null}
    </>
  );
}

function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const revoke = useRevokeToken();
  const now = new Date();
  return (
    <>
      {revoke.isError ? <FormAlert>Could not revoke the token: {getErrorMessage(revoke.error)}</FormAlert> : null}
      <DataTable caption="Your API tokens, newest first" testId="tokens-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scope</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id} data-testid={`token-${token.id}`}>
                <th scope="row">{token.name}</th>
                <td>{SCOPE_LABELS[token.scope] ?? token.scope}</td>
                <td>
                  <StatusBadge status={status} label={status.charAt(0) + status.slice(1).toLowerCase()} />
                </td>
                <td>
                  <DateTime value={token.createdAt} />
                </td>
                <td>
                  <DateTime value={token.expiresAt} />
                </td>
                <td>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : 'Never'}</td>
                <td>
                  {status === 'ACTIVE' ? (
                    <ConfirmButton
                      label={`Revoke token ${token.name}`}
                      question={`Revoke ${token.name}? Scripts using it stop working.`}
                      confirmText="Yes, revoke"
                      pending={revoke.isPending && revoke.variables === token.id}
                      pendingText="Revoking…"
                      onConfirm={() => revoke.mutate(token.id)}
                    >
                      Revoke
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}
