import { Link, useNavigate, useParams } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { contactHref, paths } from '@/config/paths';
import { useContact } from '@/features/crm/api/contacts';
import { LogCallForm } from '@/features/crm/components/log-call-form';

import styles from '../admin/ingestion-run.module.css';

/** /contacts/:id/log-call: the quick form, back to the contact once logged. */
export function LogCallRoute() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const contact = useContact(id);
  return (
    <Page>
      <title>Log a call · MedSales</title>
      <nav aria-label="Breadcrumb">
        <ol className={styles.breadcrumb}>
          <li>
            <Link to={paths.contacts}>Contacts</Link>
          </li>
          <li>
            <Link to={contactHref(id)}>{contact.data?.displayName ?? 'Contact'}</Link>
          </li>
          <li aria-current="page">Log a call</li>
        </ol>
      </nav>
      <PageHeader title="Log a call" />
      {contact.isPending ? <LoadingState label="Loading the contact…" /> : null}
      {contact.isError ? (
        <ErrorState
          title="Could not load the contact"
          error={contact.error}
          onRetry={() => void contact.refetch()}
          retrying={contact.isFetching}
          headingLevel={2}
        />
      ) : null}
      {contact.data ? (
        <LogCallForm
          attendee={{ id: contact.data.id, name: contact.data.displayName }}
          onLogged={() => void navigate(contactHref(id), { state: { logged: true } })}
        />
      ) : null}
    </Page>
  );
}
