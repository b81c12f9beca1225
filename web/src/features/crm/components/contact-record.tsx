import { Link, useNavigate } from 'react-router';

import { PageHeader } from '@/components/layouts/page';
import { buttonClassName } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { FormAlert } from '@/components/ui/form';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { accountHref, logCallHref, paths, providerHref } from '@/config/paths';

import { useAccounts } from '../api/accounts';
import { CONTACT_FIELDS, useContact, useUpdateContact, type Contact } from '../api/contacts';
import { useOwners } from '../api/owners';
import { useDeleteRecord } from '../api/records';
import type { CrmUser } from '../api/schema';
import { getErrorMessage } from '@/lib/api-client';
import { HistoryPanel } from './history-panel';
import { RecordEditor, type EditableField } from './record-editor';
import { TasksPanel } from './tasks-panel';
import { TimelinePanel } from './timeline-panel';
import { Tags } from './contact-list';
import styles from './crm.module.css';

const LABELS: Record<(typeof CONTACT_FIELDS)[number], string> = {
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Title',
  specialty: 'Specialty',
  email: 'E-mail',
  phone: 'Phone',
  zip5: 'ZIP',
  notes: 'Notes',
};

/** A contact: CRM fields (edited with optimistic locking), open tasks, timeline and change history. */
export function ContactRecord({ id, user }: { id: string; user: CrmUser }) {
  const contact = useContact(id);
  if (contact.isPending) return <LoadingState label="Loading the contact…" />;
  if (contact.isError && !contact.data) {
    return (
      <ErrorState
        title="Could not load the contact"
        error={contact.error}
        onRetry={() => void contact.refetch()}
        retrying={contact.isFetching}
        headingLevel={2}
      />
    );
  }
  return <ContactView contact={contact.data} user={user} reload={() => void contact.refetch()} />;
}

function ContactView({ contact, user, reload }: { contact: Contact; user: CrmUser; reload: () => void }) {
  const navigate = useNavigate();
  const update = useUpdateContact();
  const remove = useDeleteRecord('contacts');
  const owners = useOwners(user);
  const accounts = useAccounts().data ?? [];
  const ownerOptions = owners.some((owner) => owner.id === contact.ownerId)
    ? owners
    : [{ id: contact.ownerId ?? '', displayName: contact.ownerName ?? 'Current owner' }, ...owners];

  const fields: EditableField[] = [
    ...CONTACT_FIELDS.filter((name) => name !== 'notes').map((name) => ({ name, label: LABELS[name] })),
    { name: 'ownerId', label: 'Owner', options: ownerOptions.map((o) => ({ value: o.id, label: o.displayName })) },
    {
      name: 'accountId',
      label: 'Account',
      options: [{ value: '', label: 'No account' }, ...accounts.map((a) => ({ value: a.id, label: a.name }))],
    },
    { name: 'tags', label: 'Tags', hint: 'Comma-separated' },
    { name: 'notes', label: 'Notes', multiline: true },
  ];

  return (
    <>
      <title>{`${contact.displayName} · MedSales`}</title>
      <PageHeader
        title={contact.displayName}
        titleTestId="contact-name"
        lead={[contact.credential, contact.specialty, [contact.city, contact.state].filter(Boolean).join(', ')]
          .filter(Boolean)
          .join(' · ')}
      />
      <div className={styles.toolbar}>
        <Link to={logCallHref(contact.id)} className={buttonClassName()}>
          Log a call
        </Link>
        {contact.accountId ? (
          <Link to={accountHref(contact.accountId)} className={buttonClassName({ variant: 'secondary' })}>
            {contact.accountName ?? 'Account'}
          </Link>
        ) : null}
        {contact.npi ? (
          <Link to={providerHref(contact.npi)} className={buttonClassName({ variant: 'secondary' })}>
            Provider profile (NPI {contact.npi})
          </Link>
        ) : null}
        <ConfirmButton
          question={`Delete ${contact.displayName}? It can be restored for 30 days.`}
          confirmText="Yes, delete"
          pending={remove.isPending}
          pendingText="Deleting…"
          onConfirm={() =>
            remove.mutate(contact.id, { onSuccess: () => void navigate(`${paths.contacts}?deleted=true`) })
          }
        >
          Delete
        </ConfirmButton>
        {contact.tags.length ? <Tags tags={contact.tags} /> : null}
      </div>
      {remove.isError ? <FormAlert>Could not delete: {getErrorMessage(remove.error)}</FormAlert> : null}
      {contact.providerStatus === 'DEACTIVATED' ? (
        <p className={styles.warning}>The NPI registry lists this provider as deactivated.</p>
      ) : null}
      <RecordEditor
        key={contact.version}
        title="Contact details"
        record={contact}
        fields={fields}
        saving={update.isPending}
        save={({ version, change }, callbacks) => update.mutate({ id: contact.id, version, change }, callbacks)}
        reload={reload}
        testId="contact-details"
      />
      <TasksPanel filters={{ contactId: contact.id, status: 'OPEN' }} title="Open tasks" newTask={{ contactId: contact.id }} />
      <TimelinePanel source={{ kind: 'contacts', id: contact.id }} />
      <HistoryPanel kind="contacts" id={contact.id} />
    </>
  );
}
