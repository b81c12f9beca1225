import { Link, useParams } from 'react-router';

import { Page } from '@/components/layouts/page';
import { paths } from '@/config/paths';
import { OrganizationProfileView } from '@/features/providers/components/organization-profile';

import styles from './admin/ingestion-run.module.css';
import { NotFoundRoute } from './not-found';

export function OrganizationRoute() {
  const npi = useParams().npi?.trim();
  if (!npi) return <NotFoundRoute />;

  return (
    <Page width="wide">
      <nav aria-label="Breadcrumb">
        <ol className={styles.breadcrumb}>
          <li>
            <Link to={`${paths.providers}?entityType=ORGANIZATION`}>Organizations</Link>
          </li>
          <li aria-current="page">NPI {npi}</li>
        </ol>
      </nav>
      {/* Keyed so that moving to another organisation starts from a clean state. */}
      <OrganizationProfileView key={npi} npi={npi} />
    </Page>
  );
}
