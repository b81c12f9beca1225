import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel, PanelBody } from '@/components/ui/panel';
import { ErrorState, LoadingState, StaleDataWarning } from '@/components/ui/query-state';
import { CheckedAt, RefreshButton } from '@/components/ui/refresh-controls';
import { paths } from '@/config/paths';
import { useRun, type RunDetail } from '@/features/ingestion/api/get-run';
import { isActiveRun, isFailedRun } from '@/features/ingestion/api/run-schema';
import {
  countOrDash,
  datasetName,
  kindLabel,
  phaseLabel,
  runDurationMs,
} from '@/features/ingestion/utils/run-labels';
import { useManualRefresh } from '@/hooks/use-manual-refresh';
import { isApiError } from '@/lib/api-client';
import { formatBytes, formatCount, formatDateTime, formatDuration, formatPercent, parseDate } from '@/lib/format';

import { RejectsTable } from './rejects-table';
import { RetryRunButton } from './retry-run-button';
import styles from './run-detail-panel.module.css';
import { RunProgress } from './run-progress';
import { RunStatus } from './run-status';

const DASH = '—';

function Timestamp({ value }: { value: string | null | undefined }) {
  const date = parseDate(value);
  if (!date) return <>{value || DASH}</>;
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

function withKey(label: string | undefined, key: string | null | undefined): ReactNode {
  if (!key) return DASH;
  if (!label || label === key) return key;
  return (
    <>
      {label} <span className={styles.key}>({key})</span>
    </>
  );
}

function bytes(value: number | null | undefined): ReactNode {
  if (typeof value !== 'number') return DASH;
  return (
    <>
      {formatBytes(value)} <span className={styles.key}>({formatCount(value)} bytes)</span>
    </>
  );
}

type Field = { label: string; value: ReactNode; testId?: string };

function runFields(run: RunDetail, now: Date): Field[] {
  const duration = runDurationMs(run, now);
  const changes = run.changes;
  return [
    { label: 'Dataset', value: withKey(datasetName(run.dataset), run.dataset) },
    { label: 'Kind', value: withKey(kindLabel(run.kind), run.kind) },
    { label: 'Status', value: <RunStatus status={run.status} />, testId: 'run-status' },
    { label: 'Phase', value: phaseLabel(run.phase) ?? DASH },
    {
      label: 'Progress',
      value: typeof run.progressPercent === 'number' ? formatPercent(run.progressPercent) : DASH,
    },
    {
      label: 'Source',
      value: run.sourceName ? <span className={styles.mono}>{run.sourceName}</span> : DASH,
      testId: 'run-source',
    },
    { label: 'Source size', value: bytes(run.sourceSize) },
    {
      label: 'Source SHA-256',
      value: run.sourceSha256 ? <code className={styles.mono}>{run.sourceSha256}</code> : DASH,
    },
    { label: 'Data year', value: typeof run.dataYear === 'number' ? String(run.dataYear) : DASH },
    { label: 'Bytes read', value: bytes(run.bytesRead) },
    { label: 'Rows read', value: countOrDash(run.rowsRead) },
    { label: 'Rows loaded', value: countOrDash(run.rowsLoaded) },
    { label: 'Rows rejected', value: countOrDash(run.rowsRejected), testId: 'run-rows-rejected' },
    { label: 'Records in the registry', value: countOrDash(run.recordCount) },
    { label: 'New', value: countOrDash(changes?.new) },
    { label: 'Updated', value: countOrDash(changes?.updated) },
    { label: 'Deactivated', value: countOrDash(changes?.deactivated) },
    { label: 'Reactivated', value: countOrDash(changes?.reactivated) },
    { label: 'Started', value: <Timestamp value={run.startedAt} /> },
    { label: 'Finished', value: <Timestamp value={run.finishedAt} /> },
    {
      label: run.finishedAt || !isActiveRun(run) ? 'Duration' : 'Running for',
      value: duration === undefined ? DASH : formatDuration(duration),
    },
  ];
}

/** Everything about one run, and the rows it rejected. */
export function RunDetailPanel({ id }: { id: number }) {
  const { data: run, error, isPending, isError, isFetching, dataUpdatedAt, refetch } = useRun(id);
  const { refreshing, refresh } = useManualRefresh(refetch);

  if (isPending) return <LoadingState label="Loading the run…" />;

  if (!run) {
    if (isApiError(error) && error.status === 404) {
      return (
        <div data-testid="run-not-found">
          <EmptyState
            eyebrow="404"
            title="Run not found"
            headingLevel={2}
            actions={
              <Link className={buttonClassName()} to={paths.ingestion}>
                Back to data ingestion
              </Link>
            }
          >
            <p>There is no ingestion run #{id}. It may have been removed.</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <ErrorState
        title={<>Could not load run #{id}</>}
        error={error}
        onRetry={refresh}
        retrying={isFetching}
        headingLevel={2}
      />
    );
  }

  const now = new Date(dataUpdatedAt);
  const status = run.status.toUpperCase();

  return (
    <>
      <Panel
        title="Details"
        subtitle={
          <>
            {isActiveRun(run) ? 'Refreshing every 2 seconds while the run is in progress.' : null}
            {!isActiveRun(run) && dataUpdatedAt > 0 ? <CheckedAt at={dataUpdatedAt} /> : null}
          </>
        }
        actions={
          <>
            {isFailedRun(run) ? <RetryRunButton runId={run.id} /> : null}
            <RefreshButton onRefresh={refresh} refreshing={refreshing} />
          </>
        }
        busy={refreshing}
        testId="run-detail"
      >
        <PanelBody>
          {isError ? <StaleDataWarning error={error} /> : null}
          {status === 'RUNNING' ? <RunProgress run={run} now={now} /> : null}
          {run.error ? (
            <div className={styles.error} data-testid="run-error">
              <h3 className={styles.errorTitle}>Error</h3>
              <p>{run.error}</p>
            </div>
          ) : null}
          <dl className={styles.fields}>
            {runFields(run, now).map(({ label, value, testId }) => (
              <div key={label} className={styles.field}>
                <dt>{label}</dt>
                <dd data-testid={testId}>{value}</dd>
              </div>
            ))}
          </dl>
        </PanelBody>
      </Panel>

      <RejectsTable rejects={run.rejects} rowsRejected={run.rowsRejected} />
    </>
  );
}
