import { Link, useParams } from 'react-router';

import { Page } from '@/components/layouts/page';
import { paths } from '@/config/paths';
import { OpportunityRecord } from '@/features/crm/components/opportunity-record';

import styles from '../admin/ingestion-run.module.css';
import { NotFoundRoute } from '../not-found';

export function OpportunityRoute() {
  const id = useParams().id;
  if (!id) return <NotFoundRoute />;
  return (
    <Page width="wide">
      <nav aria-label="Breadcrumb">
        <ol className={styles.breadcrumb}>
          <li>
            <Link to={paths.pipeline}>Pipeline</Link>
          </li>
          <li aria-current="page">Deal</li>
        </ol>
      </nav>
      <OpportunityRecord key={id} id={id} />
    </Page>
  );
}
