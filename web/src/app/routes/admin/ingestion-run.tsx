import { Link, useParams } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import { paths } from '@/config/paths';
import { RunDetailPanel } from '@/features/ingestion/components/run-detail-panel';

import { NotFoundRoute } from '../not-found';
import styles from './ingestion-run.module.css';

function parseRunId(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function IngestionRunRoute() {
  const id = parseRunId(useParams().id);
  if (id === undefined) return <NotFoundRoute />;

  return (
    <Page width="wide">
      <title>{`Ingestion run #${id} · MedSales`}</title>
      <PageHeader
        breadcrumb={
          <nav aria-label="Breadcrumb">
            <ol className={styles.breadcrumb}>
              <li>
                <Link to={paths.ingestion}>Data ingestion</Link>
              </li>
              <li aria-current="page">Run #{id}</li>
            </ol>
          </nav>
        }
        title={<>Ingestion run #{id}</>}
      />
      {/* Keyed so that moving to another run starts from a clean state. */}
      <RunDetailPanel key={id} id={id} />
    </Page>
  );
}
