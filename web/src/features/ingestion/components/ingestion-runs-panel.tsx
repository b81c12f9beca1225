import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useRuns } from '@/features/ingestion/api/get-runs';
import { ACTIVE_REFETCH_INTERVAL_MS, IDLE_REFETCH_INTERVAL_MS, isActiveRun } from '@/features/ingestion/api/run-schema';
import { getErrorMessage } from '@/lib/api-client';
import { formatTime } from '@/lib/format';

import styles from './ingestion-panel.module.css';
import { RunsTable } from './runs-table';

/** The latest ingestion runs, polled quickly while one is queued or running. */
export function IngestionRunsPanel() {
  const titleId = useId();
  const { data, error, isPending, isError, isFetching, dataUpdatedAt, refetch } = useRuns();
  // Polling refetches every 2 s during a run: only a refresh asked for by the user shows as busy.
  const [refreshing, setRefreshing] = useState(false);
  const retry = () => {
    setRefreshing(true);
    void refetch().finally(() => setRefreshing(false));
  };
  const runs = data?.items;
  const active = runs?.some(isActiveRun) ?? false;
  const interval = (active ? ACTIVE_REFETCH_INTERVAL_MS : IDLE_REFETCH_INTERVAL_MS) / 1000;

  return (
    <section className={styles.panel} aria-labelledby={titleId} aria-busy={isPending || refreshing} data-testid="ingestion-runs">
      <div className={styles.header}>
        <div>
          <h2 id={titleId} className={styles.title}>
            Runs
          </h2>
          <p className={styles.subtitle}>
            {active
              ? `A run is in progress: refreshing every ${interval} seconds.`
              : `Refreshes every ${interval} seconds. Select a run for its details and rejected rows.`}
          </p>
        </div>
        <div className={styles.meta}>
          {dataUpdatedAt > 0 ? (
            <span>
              Checked at{' '}
              <time dateTime={new Date(dataUpdatedAt).toISOString()}>{formatTime(new Date(dataUpdatedAt))}</time>
            </span>
          ) : null}
          <Button variant="secondary" size="small" onClick={retry} disabled={isPending || refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>
      </div>

      <div className={styles.body}>
        {isPending ? (
          <div className={styles.centered}>
            <Spinner label="Loading ingestion runs…" />
          </div>
        ) : null}

        {isError && !data ? (
          <div className={styles.problem} role="alert">
            <h3 className={styles.problemTitle}>Could not load ingestion runs</h3>
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
            {runs && runs.length > 0 ? (
              <RunsTable runs={runs} now={new Date(dataUpdatedAt || Date.now())} />
            ) : (
              <div className={styles.empty} data-testid="ingestion-runs-empty">
                <h3 className={styles.emptyTitle}>No ingestion runs yet</h3>
                <p>Start one with the form above: the run shows here while it loads, then its outcome.</p>
              </div>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
