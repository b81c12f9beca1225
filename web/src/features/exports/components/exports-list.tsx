import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { formatCount, formatDateTime, parseDate } from '@/lib/format';

import { KIND_LABELS, useExports, type Export } from '../api/exports';
import styles from './exports.module.css';

function when(value: string): string {
  const date = parseDate(value);
  return date ? formatDateTime(date) : value;
}

function state(e: Export) {
  switch (e.status) {
    case 'QUEUED':
      return 'Queued';
    case 'RUNNING':
      return (
        <>
          <progress max={100} value={e.progress} aria-label={`Progress of the ${KIND_LABELS[e.kind] ?? e.kind} export`} /> {e.progress}%
        </>
      );
    case 'DONE':
      return e.downloadUrl ? 'Ready' : 'Expired';
    case 'FAILED':
      return <span className={styles.error}>Failed: {e.error}</span>;
  }
}

/** My exports, newest first: what, how far along, how many rows, the download while it is kept, and when it goes. */
export function ExportsList() {
  const exports = useExports();
  return (
    <Panel title="My exports" subtitle="Files are kept for 7 days.">
      <PanelBody>
      <QueryState
        query={exports}
        loadingLabel="Loading exports"
        errorTitle="Could not load your exports"
        onRetry={() => void exports.refetch()}
      >
        {(data) => data.length === 0 ? (
          <p>No export yet: use Export CSV or Export Excel above a list.</p>
        ) : (
          <table className={styles.table} data-testid="exports-table">
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Format</th>
                <th scope="col">Status</th>
                <th scope="col">Rows</th>
                <th scope="col">Requested</th>
                <th scope="col">Expires</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {data.map((e) => (
                <tr key={e.id}>
                  <td>{KIND_LABELS[e.kind] ?? e.kind}</td>
                  <td>{e.format === 'XLSX' ? 'Excel' : 'CSV'}</td>
                  <td>{state(e)}</td>
                  <td>{formatCount(e.rows)}</td>
                  <td>{when(e.createdAt)}</td>
                  <td>{when(e.expiresAt)}</td>
                  <td>
                    {e.downloadUrl ? (
                      <a href={e.downloadUrl} download>
                        Download
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      </PanelBody>
    </Panel>
  );
}
