import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { contactHref } from '@/config/paths';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import { useBulkUpdateContacts, useContacts, type Contact, type ContactFilters } from '../api/contacts';
import { useRestoreRecord } from '../api/records';
import { useOwners } from '../api/owners';
import type { CrmUser } from '../api/schema';
import { parseTags } from '../utils/conflict';
import { OwnerSelect, RestoreCell, placeOf } from './record-buttons';
import styles from './crm.module.css';

type ContactListProps = {
  user: CrmUser;
  /** Territories to filter by (the territories feature reads them; the route hands them over). */
  territories?: readonly { id: string; name: string }[];
  filters: ContactFilters;
  onFiltersChange: (filters: ContactFilters) => void;
};

/** Contacts with filters (kept in the URL by the route), bulk assign and tag, and the recently deleted. */
export function ContactList({ user, territories = [], filters, onFiltersChange }: ContactListProps) {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const contacts = useContacts(filters, cursor);
  const [selected, setSelected] = useState<string[]>([]);
  const owners = useOwners(user);

  const form = useForm({
    q: filters.q ?? '',
    tag: filters.tag ?? '',
    ownerId: filters.ownerId ?? '',
    territoryId: filters.territoryId ?? '',
  });
  const apply = (next: ContactFilters) => {
    setCursors([]);
    setSelected([]);
    onFiltersChange(next);
  };

  return (
    <>
      <Panel title="Filters">
        <Form
          formRef={form.formRef}
          layout="row"
          role="search"
          label="Filter contacts"
          onSubmit={(event) => {
            event.preventDefault();
            apply({
              ...filters,
              q: form.values.q.trim() || undefined,
              tag: form.values.tag.trim() || undefined,
              ownerId: form.values.ownerId || undefined,
              territoryId: form.values.territoryId || undefined,
            });
          }}
        >
          <Field label="Name, e-mail or NPI" grow>
            {(control) => <input {...control} type="search" {...form.text('q')} />}
          </Field>
          <Field label="Tag">{(control) => <input {...control} {...form.text('tag')} />}</Field>
          <OwnerSelect
            label="Owner"
            none="Anyone"
            owners={owners}
            value={form.values.ownerId}
            onChange={(value) => form.setValue('ownerId', value)}
          />
          {territories.length ? (
            <Field label="Territory">
              {(control) => (
                <select {...control} {...form.text('territoryId')}>
                  <option value="">Any</option>
                  {territories.map((territory) => (
                    <option key={territory.id} value={territory.id}>
                      {territory.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <div className={formStyles.actions}>
            <Button type="submit">Apply filters</Button>
            <Button
              variant="secondary"
              onClick={() => apply({ ...filters, deleted: !filters.deleted })}
              aria-pressed={Boolean(filters.deleted)}
            >
              {filters.deleted ? 'Show current contacts' : 'Recently deleted'}
            </Button>
          </div>
        </Form>
      </Panel>
      {filters.deleted ? null : (
        <BulkBar user={user} selected={selected} onDone={() => setSelected([])} />
      )}
      <Panel
        title={filters.deleted ? 'Recently deleted contacts' : 'Contacts'}
        subtitle={filters.deleted ? 'Deleted in the last 30 days; restore brings them back.' : undefined}
        busy={contacts.isFetching}
      >
        <PanelBody>
          <QueryState
            query={contacts}
            loadingLabel="Loading contacts…"
            errorTitle="Could not load the contacts"
            onRetry={() => void contacts.refetch()}
          >
            {(page) =>
              page.items.length ? (
                <>
                  <ContactsTable
                    contacts={page.items}
                    deleted={Boolean(filters.deleted)}
                    selected={selected}
                    onSelect={setSelected}
                  />
                  <div className={styles.toolbar}>
                    {cursors.length ? (
                      <Button variant="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                        Previous page
                      </Button>
                    ) : null}
                    {page.nextCursor ? (
                      <Button variant="secondary" onClick={() => setCursors([...cursors, page.nextCursor!])}>
                        Next page
                      </Button>
                    ) : null}
                  </div>
                </>
              ) : (
                <PanelEmpty title={filters.deleted ? 'Nothing deleted lately' : 'No contacts match'} testId="contacts-empty">
                  <p>Add contacts from a provider's page, or import a CSV.</p>
                </PanelEmpty>
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
    </>
  );
}

function ContactsTable({
  contacts,
  deleted,
  selected,
  onSelect,
}: {
  contacts: Contact[];
  deleted: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
}) {
  const restore = useRestoreRecord('contacts');
  const all = contacts.every((contact) => selected.includes(contact.id));
  return (
    <>
      {restore.isError ? <FormAlert>Could not restore: {getErrorMessage(restore.error)}</FormAlert> : null}
      <DataTable caption="Contacts" testId="contacts-table">
        <thead>
          <tr>
            {deleted ? null : (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all contacts on this page"
                  checked={all}
                  onChange={(event) => onSelect(event.target.checked ? contacts.map((contact) => contact.id) : [])}
                />
              </th>
            )}
            <th scope="col">Name</th>
            <th scope="col">Specialty</th>
            <th scope="col">Account</th>
            <th scope="col">Location</th>
            <th scope="col">Owner</th>
            <th scope="col">Tags</th>
            {deleted ? <th scope="col">Restore</th> : null}
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id} data-testid={`contact-${contact.id}`}>
              {deleted ? null : (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${contact.displayName}`}
                    checked={selected.includes(contact.id)}
                    onChange={(event) =>
                      onSelect(
                        event.target.checked ? [...selected, contact.id] : selected.filter((id) => id !== contact.id),
                      )
                    }
                  />
                </td>
              )}
              <th scope="row">
                {deleted ? (
                  <span className={tableStyles.primaryLine}>{contact.displayName}</span>
                ) : (
                  <Link to={contactHref(contact.id)} className={tableStyles.primaryLine}>
                    {contact.displayName}
                  </Link>
                )}
                {contact.npi ? <span className={tableStyles.secondaryLine}>NPI {contact.npi}</span> : null}
              </th>
              <td>{contact.specialty ?? '—'}</td>
              <td>{contact.accountName ?? '—'}</td>
              <td>{placeOf(contact)}</td>
              <td>{contact.ownerName ?? '—'}</td>
              <td>
                <Tags tags={contact.tags} />
              </td>
              <RestoreCell deleted={deleted} name={contact.displayName} pending={restore.isPending} onRestore={() => restore.mutate(contact.id)} />
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

export function Tags({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return <span className={styles.muted}>—</span>;
  return (
    <ul className={styles.tags}>
      {tags.map((tag) => (
        <li key={tag} className={styles.tag}>
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** Give the selected contacts an owner, add or remove tags. */
function BulkBar({ user, selected, onDone }: { user: CrmUser; selected: string[]; onDone: () => void }) {
  const owners = useOwners(user);
  const bulk = useBulkUpdateContacts();
  const form = useForm({ ownerId: '', addTags: '', removeTags: '' });
  return (
    <Panel title="Bulk changes" subtitle={`${selected.length} selected`} testId="bulk-bar">
      <Form
        layout="row"
        label="Change the selected contacts"
        onSubmit={(event) => {
          event.preventDefault();
          const addTags = parseTags(form.values.addTags);
          const removeTags = parseTags(form.values.removeTags);
          bulk.mutate(
            {
              ids: selected,
              ownerId: form.values.ownerId || undefined,
              addTags: addTags.length ? addTags : undefined,
              removeTags: removeTags.length ? removeTags : undefined,
            },
            {
              onSuccess: () => {
                form.setValues({ ownerId: '', addTags: '', removeTags: '' });
                onDone();
              },
            },
          );
        }}
      >
        <OwnerSelect
          label="Assign to"
          none="Keep the owner"
          owners={owners}
          value={form.values.ownerId}
          onChange={(value) => form.setValue('ownerId', value)}
        />
        <Field label="Add tags" hint="Comma-separated">
          {(control) => <input {...control} {...form.text('addTags')} />}
        </Field>
        <Field label="Remove tags">{(control) => <input {...control} {...form.text('removeTags')} />}</Field>
        <div className={formStyles.actions}>
          <Button type="submit" disabled={!selected.length || bulk.isPending}>
            {bulk.isPending ? 'Applying…' : 'Apply to selected'}
          </Button>
        </div>
        {bulk.isError ? <FormAlert>Could not change them: {getErrorMessage(bulk.error)}</FormAlert> : null}
        {bulk.isSuccess ? <FormSuccess>{bulk.data.updated} contacts updated.</FormSuccess> : null}
      </Form>
    </Panel>
  );
}
