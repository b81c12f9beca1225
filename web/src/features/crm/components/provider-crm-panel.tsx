import { Link } from 'react-router';

import { Button, buttonClassName } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form';
import { Panel, PanelBody } from '@/components/ui/panel';
import { LoadingState } from '@/components/ui/query-state';
import { contactHref, logCallHref } from '@/config/paths';
import { getErrorMessage, isApiError } from '@/lib/api-client';

import { useContactOfProvider, useCreateContact } from '../api/contacts';
import styles from './crm.module.css';

/** The id of the existing contact a 409 "already a contact" names, when the user may see it. */
export function existingContactId(error: unknown): string | undefined {
  if (!isApiError(error) || error.status !== 409) return undefined;
  const id = (error.body as { current?: { id?: unknown } } | undefined)?.current?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Whose contact the provider is, when a 409 says a colleague's contact the user cannot open holds them. */
export function colleaguesContactOwner(error: unknown): { name: string | undefined } | undefined {
  if (!isApiError(error) || error.status !== 409 || existingContactId(error)) return undefined;
  const current = (error.body as { current?: { ownerName?: unknown } } | undefined)?.current;
  if (!current || typeof current !== 'object') return undefined;
  return { name: typeof current.ownerName === 'string' && current.ownerName ? current.ownerName : undefined };
}

/** On a provider's page: add them as a contact in one click, or go to the contact and log a call. */
export function ProviderCrmPanel({ npi }: { npi: string }) {
  const contact = useContactOfProvider(npi);
  const create = useCreateContact();
  const contactId = contact.data?.id ?? create.data?.id ?? existingContactId(create.error);
  const colleague = colleaguesContactOwner(create.error);

  return (
    <Panel title="In your CRM" testId="provider-crm">
      <PanelBody>
        {contact.isPending ? (
          <LoadingState label="Looking for the contact…" />
        ) : contactId ? (
          <div className={styles.toolbar}>
            <Link to={contactHref(contactId)} className={buttonClassName({ variant: 'secondary' })}>
              Open the contact
            </Link>
            <Link to={logCallHref(contactId)} className={buttonClassName()}>
              Log a call
            </Link>
          </div>
        ) : colleague ? (
          <p role="status" data-testid="colleagues-contact">
            Already a contact of <strong>{colleague.name ?? 'a colleague'}</strong>, which you cannot open. Ask{' '}
            {colleague.name ?? 'them'} or your manager to reassign the contact to you, or to add the provider&apos;s
            ZIP to your territory; you can still read everything on this page.
          </p>
        ) : (
          <div className={styles.toolbar}>
            <Button disabled={create.isPending} onClick={() => create.mutate({ npi })}>
              {create.isPending ? 'Adding…' : 'Add as contact'}
            </Button>
            <span className={styles.muted}>Not among the contacts you can open.</span>
          </div>
        )}
        {contact.isError ? <FormAlert>Could not check your contacts: {getErrorMessage(contact.error)}</FormAlert> : null}
        {create.isError && !existingContactId(create.error) && !colleague ? (
          <FormAlert>Could not add the contact: {getErrorMessage(create.error)}</FormAlert>
        ) : null}
      </PanelBody>
    </Panel>
  );
}
