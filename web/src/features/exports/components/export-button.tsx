import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';

import { useExport, useRequestExport, type ExportFormat, type ExportKind, type ExportParams } from '../api/exports';
import styles from './exports.module.css';

type ExportButtonProps = {
  kind: ExportKind;
  /** The list's current query parameters: the export holds what the list pages through. */
  params?: ExportParams;
  /** Names the list in the buttons' accessible names, e.g. "contacts". */
  label?: string;
};

/**
 * Export CSV / Export Excel for a list: queues the export, shows its progress, and offers the
 * download once it is written (the Exports page keeps it for 7 days).
 */
export function ExportButton({ kind, params = {}, label }: ExportButtonProps) {
  const request = useRequestExport();
  const [id, setId] = useState<string>();
  const current = useExport(id);
  const start = (format: ExportFormat) =>
    request.mutate({ kind, format, params }, { onSuccess: (queued) => setId(queued.id) });
  const what = label ?? kind;
  const view = current.data;
  return (
    <div className={styles.exportBar} data-testid={`export-${kind}`}>
      <Button variant="secondary" size="small" disabled={request.isPending} onClick={() => start('CSV')} aria-label={`Export ${what} to CSV`}>
        Export CSV
      </Button>
      <Button variant="secondary" size="small" disabled={request.isPending} onClick={() => start('XLSX')} aria-label={`Export ${what} to Excel`}>
        Export Excel
      </Button>
      <span role="status" className={styles.exportStatus}>
        {request.isError ? <span className={styles.error}>{getErrorMessage(request.error)}</span> : null}
        {view && (view.status === 'QUEUED' || view.status === 'RUNNING') ? (
          <>
            Exporting… <progress max={100} value={view.progress} aria-label="Export progress" /> {view.rows} rows
          </>
        ) : null}
        {view?.status === 'DONE' && view.downloadUrl ? (
          <>
            <a href={view.downloadUrl} download>
              Download {view.format === 'XLSX' ? 'Excel file' : 'CSV'} ({view.rows} rows)
            </a>{' '}
            · <Link to={paths.exports}>All exports</Link>
          </>
        ) : null}
        {view?.status === 'FAILED' ? <span className={styles.error}>The export failed: {view.error}</span> : null}
      </span>
    </div>
  );
}
