import { FreshnessPanel } from '@/features/health/components/freshness-panel';

import styles from './overview.module.css';

export function OverviewRoute() {
  return (
    <div className={styles.page}>
      <title>Overview · MedSales</title>
      <div className={styles.heading}>
        <h1 className={styles.title}>Overview</h1>
        <p className={styles.lead}>The state of the MedSales platform and the public datasets it is built on.</p>
      </div>
      <FreshnessPanel />
    </div>
  );
}
