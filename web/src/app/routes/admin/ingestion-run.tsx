import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { RunDetailPanel } from '@/features/ingestion/components/run-detail-panel';

import { NotFoundRoute } from '../not-found';
import styles from './ingestion.module.css';

function parseRunId(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function IngestionRunRoute() {
  const id = parseRunId(useParams().id);
  if (id === undefined) return <NotFoundRoute />;

  return (
    <div className={styles.page}>
      <title>{`Ingestion run #${id} · MedSales`}</title>
      <div className={styles.heading}>
        <nav aria-label="Breadcrumb">
          <ol className={styles.breadcrumb}>
            <li>
              <Link to={paths.ingestion}>Data ingestion</Link>
            </li>
            <li aria-current="page">Run #{id}</li>
          </ol>
        </nav>
        <h1 className={styles.title}>Ingestion run #{id}</h1>
      </div>
      {/* Keyed so that moving to another run starts from a clean state. */}
      <RunDetailPanel key={id} id={id} />
    </div>
  );
}
