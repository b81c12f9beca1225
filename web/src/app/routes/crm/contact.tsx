import { Link, useParams } from 'react-router';

import { Page } from '@/components/layouts/page';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/api/session';
import { ContactRecord } from '@/features/crm/components/contact-record';
import { ExportButton } from '@/features/exports/components/export-button';

import styles from '../admin/ingestion-run.module.css';
import { NotFoundRoute } from '../not-found';

export function ContactRoute() {
  const id = useParams().id;
  const user = useSession().data;
  if (!id) return <NotFoundRoute />;
  if (!user) return null;
  return (
    <Page width="wide">
      <nav aria-label="Breadcrumb">
        <ol className={styles.breadcrumb}>
          <li>
            <Link to={paths.contacts}>Contacts</Link>
          </li>
          <li aria-current="page">Contact</li>
        </ol>
      </nav>
      <ContactRecord key={id} id={id} user={user} />
      <ExportButton kind="activities" params={{ contactId: id }} label="this contact's activities" />
    </Page>
  );
}
