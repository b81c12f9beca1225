import { Link, useParams } from 'react-router';

import { Page } from '@/components/layouts/page';
import { paths } from '@/config/paths';
import { AccountRecord } from '@/features/crm/components/account-record';
import { ExportButton } from '@/features/exports/components/export-button';

import styles from '../admin/ingestion-run.module.css';
import { NotFoundRoute } from '../not-found';

export function AccountRoute() {
  const id = useParams().id;
  if (!id) return <NotFoundRoute />;
  return (
    <Page width="wide">
      <nav aria-label="Breadcrumb">
        <ol className={styles.breadcrumb}>
          <li>
            <Link to={paths.accounts}>Accounts</Link>
          </li>
          <li aria-current="page">Account</li>
        </ol>
      </nav>
      <AccountRecord key={id} id={id} />
      <ExportButton kind="activities" params={{ accountId: id }} label="this account's activities" />
    </Page>
  );
}
