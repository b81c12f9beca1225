import { Link, useNavigate } from 'react-router';

import { PageHeader } from '@/components/layouts/page';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { FormAlert } from '@/components/ui/form';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { ErrorState, LoadingState, QueryState } from '@/components/ui/query-state';
import { contactHref, paths } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';

import { ACCOUNT_KINDS, useAccount, useUpdateAccount, type Account } from '../api/accounts';
import { useContacts } from '../api/contacts';
import { useDeleteRecord } from '../api/records';
import { enumLabel } from '../utils/labels';
import { HistoryPanel } from './history-panel';
import { RecordEditor, type EditableField } from './record-editor';
import { TasksPanel } from './tasks-panel';
import { TimelinePanel } from './timeline-panel';
import styles from './crm.module.css';

const FIELDS: EditableField[] = [
  { name: 'name', label: 'Name' },
  { name: 'kind', label: 'Kind', options: ACCOUNT_KINDS.map((kind) => ({ value: kind, label: enumLabel(kind) })) },
  { name: 'phone', label: 'Phone' },
  { name: 'website', label: 'Website' },
  { name: 'zip5', label: 'ZIP' },
  { name: 'tags', label: 'Tags', hint: 'Comma-separated' },
  { name: 'notes', label: 'Notes', multiline: true },
];

/** An account: its fields, its contacts, open tasks, timeline and change history. */
export function AccountRecord({ id }: { id: string }) {
  const account = useAccount(id);
  if (account.isPending) return <LoadingState label="Loading the account…" />;
  if (account.isError && !account.data) {
    return (
      <ErrorState
        title="Could not load the account"
        error={account.error}
        onRetry={() => void account.refetch()}
        retrying={account.isFetching}
        headingLevel={2}
      />
    );
  }
  return <AccountView account={account.data} reload={() => void account.refetch()} />;
}

function AccountView({ account, reload }: { account: Account; reload: () => void }) {
  const navigate = useNavigate();
  const update = useUpdateAccount();
  const remove = useDeleteRecord('accounts');
  const contacts = useContacts({ accountId: account.id });
  return (
    <>
      <title>{`${account.name} · MedSales`}</title>
      <PageHeader
        title={account.name}
        titleTestId="account-name"
        lead={[enumLabel(account.kind), [account.city, account.state].filter(Boolean).join(', ')].filter(Boolean).join(' · ')}
      />
      <div className={styles.toolbar}>
        <ConfirmButton
          question={`Delete ${account.name}? It can be restored for 30 days.`}
          confirmText="Yes, delete"
          pending={remove.isPending}
          pendingText="Deleting…"
          onConfirm={() => remove.mutate(account.id, { onSuccess: () => void navigate(`${paths.accounts}?deleted=true`) })}
        >
          Delete
        </ConfirmButton>
      </div>
      {remove.isError ? <FormAlert>Could not delete: {getErrorMessage(remove.error)}</FormAlert> : null}
      <RecordEditor
        key={account.version}
        title="Account details"
        record={account}
        fields={FIELDS}
        saving={update.isPending}
        save={({ version, change }, callbacks) => update.mutate({ id: account.id, version, change }, callbacks)}
        reload={reload}
        testId="account-details"
      />
      <Panel title="Contacts">
        <PanelBody>
          <QueryState
            query={contacts}
            loadingLabel="Loading contacts…"
            errorTitle="Could not load the contacts"
            onRetry={() => void contacts.refetch()}
          >
            {(page) =>
              page.items.length ? (
                <ul>
                  {page.items.map((contact) => (
                    <li key={contact.id}>
                      <Link to={contactHref(contact.id)}>{contact.displayName}</Link>
                      {contact.specialty ? ` · ${contact.specialty}` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <PanelEmpty title="No contacts at this account">
                  <p>Link contacts to it from their page.</p>
                </PanelEmpty>
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
      <TasksPanel filters={{ accountId: account.id, status: 'OPEN' }} title="Open tasks" newTask={{ accountId: account.id }} />
      <TimelinePanel source={{ kind: 'accounts', id: account.id }} />
      <HistoryPanel kind="accounts" id={account.id} />
    </>
  );
}
