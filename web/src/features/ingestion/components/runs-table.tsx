import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';

import tableStyles from '@/components/ui/data-table.module.css';
import { ingestionRunHref } from '@/config/paths';
import { isFailedRun, type Run } from '@/features/ingestion/api/run-schema';
import {
  changeList,
  countOrDash,
  datasetName,
  kindLabel,
  runDurationMs,
} from '@/features/ingestion/utils/run-labels';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatShortDateTime,
  parseDate,
} from '@/lib/format';

import { RetryRunButton } from './retry-run-button';
import { RunProgress } from './run-progress';
import { RunStatus } from './run-status';
import styles from './runs-table.module.css';

function Timestamp({ value, now }: { value: string | null | undefined; now: Date }) {
  const date = parseDate(value);
  if (!date) return <>{value || '—'}</>;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatShortDateTime(date, now)}
    </time>
  );
}

const INTERACTIVE = 'a, button, input, select, textarea, summary, [role="button"]';

function RunRow({ run, now }: { run: Run; now: Date }) {
  const navigate = useNavigate();
  const href = ingestionRunHref(run.id);
  const status = run.status.toUpperCase();
  const duration = runDurationMs(run, now);
  const changes = changeList(run.changes);
  const kind = kindLabel(run.kind);

  // The whole row opens the run; the link in the first cell is the keyboard way in.
  const openRun = (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return;
    void navigate(href);
  };

  return (
    <tr className={styles.row} onClick={openRun} data-testid={`run-${run.id}`} data-status={status}>
      <th scope="row">
        <Link to={href} className={styles.runLink} aria-label={`Run #${run.id}`}>
          #{run.id}
        </Link>
        <span className={`${tableStyles.primaryLine} ${styles.kind}`}>{kind ?? datasetName(run.dataset)}</span>
        {kind ? <span className={tableStyles.secondaryLine}>{datasetName(run.dataset)}</span> : null}
      </th>
      <td data-label="Source">
        <span className={styles.sourceName}>{run.sourceName || '—'}</span>
        {typeof run.sourceSize === 'number' ? (
          <span className={tableStyles.secondaryLine}>{formatBytes(run.sourceSize)}</span>
        ) : null}
      </td>
      <td data-label="Status">
        <RunStatus status={run.status} testId={`run-${run.id}-status`} />
        {status === 'RUNNING' ? <RunProgress run={run} now={now} /> : null}
        {status === 'FAILED' && run.error ? <p className={styles.error}>{run.error}</p> : null}
        {isFailedRun(run) ? (
          <div className={styles.actions}>
            <RetryRunButton runId={run.id} />
          </div>
        ) : null}
      </td>
      <td data-label="Rows" className={tableStyles.numeric}>
        <dl className={styles.counts}>
          <dt>Read</dt>
          <dd>{countOrDash(run.rowsRead)}</dd>
          <dt>Loaded</dt>
          <dd>{countOrDash(run.rowsLoaded)}</dd>
          <dt>Rejected</dt>
          <dd className={run.rowsRejected ? styles.rejected : undefined}>{countOrDash(run.rowsRejected)}</dd>
        </dl>
      </td>
      <td data-label="Changes">
        {changes.length ? (
          <ul className={styles.changes}>
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
        {typeof run.recordCount === 'number' ? (
          <span className={tableStyles.secondaryLine}>{formatCount(run.recordCount)} records in the registry</span>
        ) : null}
      </td>
      <td data-label="Time">
        <dl className={styles.times}>
          <dt>Started</dt>
          <dd>
            <Timestamp value={run.startedAt} now={now} />
          </dd>
          <dt>Finished</dt>
          <dd>
            <Timestamp value={run.finishedAt} now={now} />
          </dd>
          <dt>Duration</dt>
          <dd>{duration === undefined ? '—' : formatDuration(duration)}</dd>
        </dl>
      </td>
    </tr>
  );
}

/** The latest ingestion runs, newest first. */
export function RunsTable({ runs, now }: { runs: readonly Run[]; now: Date }) {
  return (
    // Focusable so that keyboard users can scroll the table when it is wider than the screen.
    <div
      className={`${tableStyles.wrapper} ${tableStyles.scroll}`}
      data-testid="ingestion-runs-table"
      role="region"
      aria-label="Ingestion runs"
      tabIndex={0}
    >
      <table className={`${tableStyles.table} ${tableStyles.narrowColumns} ${styles.table}`}>
        <caption className={tableStyles.caption}>Latest runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Source</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col">Changes</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <RunRow key={run.id} run={run} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
