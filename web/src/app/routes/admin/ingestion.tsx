import { IngestionRunsPanel } from '@/features/ingestion/components/ingestion-runs-panel';
import { StartRunForm } from '@/features/ingestion/components/start-run-form';

import styles from './ingestion.module.css';

export function IngestionRoute() {
  return (
    <div className={styles.page}>
      <title>Data ingestion · MedSales</title>
      <div className={styles.heading}>
        <h1 className={styles.title}>Data ingestion</h1>
        <p className={styles.lead}>
          Load the public source datasets into MedSales and follow each run, from parsing to publishing.
        </p>
      </div>
      <StartRunForm />
      <IngestionRunsPanel />
    </div>
  );
}
