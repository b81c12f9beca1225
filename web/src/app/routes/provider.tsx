import { Link, useParams } from 'react-router';

import { Page } from '@/components/layouts/page';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/api/session';
import { ProviderCrmPanel } from '@/features/crm/components/provider-crm-panel';
import { TimelinePanel } from '@/features/crm/components/timeline-panel';
import { canAccess } from '@/lib/authorization';
import { ProviderProfileView } from '@/features/providers/components/provider-profile';

import styles from './admin/ingestion-run.module.css';
import { NotFoundRoute } from './not-found';

export function ProviderRoute() {
  const npi = useParams().npi?.trim();
  const crm = canAccess(useSession().data?.roles ?? [], 'crm');
  if (!npi) return <NotFoundRoute />;

  return (
    <Page width="wide">
      <nav aria-label="Breadcrumb">
        <ol className={styles.breadcrumb}>
          <li>
            <Link to={paths.providers}>Providers</Link>
          </li>
          <li aria-current="page">NPI {npi}</li>
        </ol>
      </nav>
      {/* Keyed so that moving to another provider starts from a clean state. */}
      <ProviderProfileView key={npi} npi={npi} />
      {crm ? (
        <>
          <ProviderCrmPanel key={`crm-${npi}`} npi={npi} />
          <TimelinePanel key={`timeline-${npi}`} source={{ kind: 'providers', npi }} />
        </>
      ) : null}
    </Page>
  );
}
