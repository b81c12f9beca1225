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

/** On a provider's page: add them as a contact in one click, or go to the contact and log a call. */
export function ProviderCrmPanel({ npi }: { npi: string }) {
  const contact = useContactOfProvider(npi);
  const create = useCreateContact();
  const contactId = contact.data?.id ?? create.data?.id ?? existingContactId(create.error);

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
        ) : (
          <div className={styles.toolbar}>
            <Button disabled={create.isPending} onClick={() => create.mutate({ npi })}>
              {create.isPending ? 'Adding…' : 'Add as contact'}
            </Button>
            <span className={styles.muted}>Not a contact yet.</span>
          </div>
        )}
        {contact.isError ? <FormAlert>Could not check your contacts: {getErrorMessage(contact.error)}</FormAlert> : null}
        {create.isError && !existingContactId(create.error) ? (
          <FormAlert>Could not add the contact: {getErrorMessage(create.error)}</FormAlert>
        ) : null}
      </PanelBody>
    </Panel>
  );
}
