import { useId } from 'react';

import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { HEALTH_REFETCH_INTERVAL_MS, useHealth } from '@/features/health/api/get-health';
import { getErrorMessage } from '@/lib/api-client';
import { formatTime } from '@/lib/format';

import { DatasetFreshnessTable } from './dataset-freshness-table';
import styles from './freshness-panel.module.css';
import { HealthSummary } from './health-summary';

/** System health and how recent each source dataset is, from GET /health. */
export function FreshnessPanel() {
  const titleId = useId();
  const { data, error, isPending, isError, isFetching, dataUpdatedAt, refetch } = useHealth();
  const retry = () => void refetch();

  return (
    <section
      className={styles.panel}
      aria-labelledby={titleId}
      aria-busy={isFetching}
      data-testid="freshness-panel"
    >
      <div className={styles.header}>
        <div>
          <h2 id={titleId} className={styles.title}>
            Data freshness
          </h2>
          <p className={styles.subtitle}>
            Source datasets and the services behind them. Refreshes every{' '}
            {HEALTH_REFETCH_INTERVAL_MS / 1000} seconds.
          </p>
        </div>
        <div className={styles.meta}>
          {dataUpdatedAt > 0 ? (
            <span>
              Checked at <time dateTime={new Date(dataUpdatedAt).toISOString()}>{formatTime(new Date(dataUpdatedAt))}</time>
            </span>
          ) : null}
          <Button variant="secondary" size="small" onClick={retry} disabled={isFetching}>
            {isFetching && !isPending ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>
      </div>

      <div className={styles.body}>
        {isPending ? (
          <div className={styles.centered}>
            <Spinner label="Checking system health…" />
          </div>
        ) : null}

        {isError && !data ? (
          <div className={styles.problem} role="alert">
            <h3 className={styles.problemTitle}>Could not load system health</h3>
            <p>{getErrorMessage(error)}</p>
            <Button onClick={retry} disabled={isFetching}>
              {isFetching ? 'Retrying…' : 'Try again'}
            </Button>
          </div>
        ) : null}

        {data ? (
          <>
            {isError ? (
              <p className={styles.warning} role="status">
                Could not refresh: {getErrorMessage(error)} Showing the last known state.
              </p>
            ) : null}
            <HealthSummary health={data} />
            <DatasetFreshnessTable freshness={data.dataFreshness} now={new Date(dataUpdatedAt || Date.now())} />
          </>
        ) : null}
      </div>
    </section>
  );
}
