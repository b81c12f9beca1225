import { Link } from 'react-router';
import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { accountHref } from '@/config/paths';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import { ACCOUNT_KINDS, useAccounts, useCreateAccount, type AccountFilters } from '../api/accounts';
import { useRestoreRecord } from '../api/records';
import { parseTags } from '../utils/conflict';
import { enumLabel } from '../utils/labels';
import { Tags } from './contact-list';
import { CreateFormTail } from './create-form-tail';
import { RestoreCell, placeOf } from './record-buttons';

type AccountListProps = { filters: AccountFilters; onFiltersChange: (filters: AccountFilters) => void };

/** Hospitals, practices and groups: filters in the URL, a quick "new account" form, recently deleted. */
export function AccountList({ filters, onFiltersChange }: AccountListProps) {
  const accounts = useAccounts(filters);
  const restore = useRestoreRecord('accounts');
  const form = useForm({ q: filters.q ?? '', tag: filters.tag ?? '' });
  return (
    <>
      <Panel title="Filters">
        <Form
          formRef={form.formRef}
          layout="row"
          role="search"
          label="Filter accounts"
          onSubmit={(event) => {
            event.preventDefault();
            onFiltersChange({ ...filters, q: form.values.q.trim() || undefined, tag: form.values.tag.trim() || undefined });
          }}
        >
          <Field label="Name" grow>
            {(control) => <input {...control} type="search" {...form.text('q')} />}
          </Field>
          <Field label="Tag">{(control) => <input {...control} {...form.text('tag')} />}</Field>
          <div className={formStyles.actions}>
            <Button type="submit">Apply filters</Button>
            <Button
              variant="secondary"
              aria-pressed={Boolean(filters.deleted)}
              onClick={() => onFiltersChange({ ...filters, deleted: !filters.deleted })}
            >
              {filters.deleted ? 'Show current accounts' : 'Recently deleted'}
            </Button>
          </div>
        </Form>
      </Panel>
      {filters.deleted ? null : <NewAccountForm />}
      <Panel title={filters.deleted ? 'Recently deleted accounts' : 'Accounts'} busy={accounts.isFetching}>
        <PanelBody>
          {restore.isError ? <FormAlert>Could not restore: {getErrorMessage(restore.error)}</FormAlert> : null}
          <QueryState
            query={accounts}
            loadingLabel="Loading accounts…"
            errorTitle="Could not load the accounts"
            onRetry={() => void accounts.refetch()}
          >
            {(items) =>
              items.length ? (
                <DataTable caption="Accounts" testId="accounts-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Location</th>
                      <th scope="col">Contacts</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Tags</th>
                      {filters.deleted ? <th scope="col">Restore</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((account) => (
                      <tr key={account.id}>
                        <th scope="row">
                          {filters.deleted ? (
                            account.name
                          ) : (
                            <Link to={accountHref(account.id)} className={tableStyles.primaryLine}>
                              {account.name}
                            </Link>
                          )}
                        </th>
                        <td>{enumLabel(account.kind)}</td>
                        <td>{placeOf(account)}</td>
                        <td>{account.contactCount ?? 0}</td>
                        <td>{account.ownerName ?? '—'}</td>
                        <td>
                          <Tags tags={account.tags} />
                        </td>
                        <RestoreCell deleted={Boolean(filters.deleted)} name={account.name} pending={restore.isPending} onRestore={() => restore.mutate(account.id)} />
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              ) : (
                <PanelEmpty title={filters.deleted ? 'Nothing deleted lately' : 'No accounts match'}>
                  <p>Add the hospitals and practices you sell to.</p>
                </PanelEmpty>
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
    </>
  );
}

const newAccountSchema = z.object({
  name: z.string().trim().min(1, 'Name the account.').max(300),
  kind: z.enum(ACCOUNT_KINDS),
  zip5: z.string().trim().regex(/^(\d{5})?$/, 'Five digits.'),
  tags: z.string(),
});

function NewAccountForm() {
  const create = useCreateAccount();
  const form = useForm({ name: '', kind: 'PRACTICE', zip5: '', tags: '' });
  const onSubmit = form.handleSubmit(
    newAccountSchema,
    ({ name, kind, zip5, tags }) =>
      create.mutate(
        { name, kind, zip5: zip5 || undefined, tags: parseTags(tags) },
        { onSuccess: () => form.setValues({ name: '', kind: 'PRACTICE', zip5: '', tags: '' }), onError: form.showError },
      ),
    create.reset,
  );
  return (
    <Panel title="New account">
      <Form formRef={form.formRef} layout="row" label="New account" onSubmit={onSubmit}>
        <Field label="Account name" errors={form.errors.name} grow>
          {(control) => <input {...control} {...form.text('name')} />}
        </Field>
        <Field label="Kind" errors={form.errors.kind}>
          {(control) => (
            <select {...control} {...form.text('kind')}>
              {ACCOUNT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {enumLabel(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CreateFormTail
          zip={{ ...form.text('zip5'), errors: form.errors.zip5 }}
          tags={{ ...form.text('tags'), errors: form.errors.tags }}
          submit="Add account"
          pending={create.isPending}
          error={create.isError ? create.error : undefined}
          other={form.other}
        />
      </Form>
    </Panel>
  );
}
