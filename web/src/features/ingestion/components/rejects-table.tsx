import { useId } from 'react';

import type { Reject } from '@/features/ingestion/api/get-run';
import { formatCount } from '@/lib/format';

import panelStyles from './ingestion-panel.module.css';
import styles from './rejects-table.module.css';

type RejectsTableProps = {
  rejects: readonly Reject[];
  /** All rows the run rejected; the server sends only the first 100. */
  rowsRejected: number | null | undefined;
};

/** Rows the run refused, with the reason, or "No rejected rows". */
export function RejectsTable({ rejects, rowsRejected }: RejectsTableProps) {
  const titleId = useId();
  const total = typeof rowsRejected === 'number' ? rowsRejected : rejects.length;

  return (
    <section className={panelStyles.panel} aria-labelledby={titleId} data-testid="run-rejects">
      <div className={panelStyles.header}>
        <div>
          <h2 id={titleId} className={panelStyles.title}>
            Rejected rows
          </h2>
          <p className={panelStyles.subtitle}>
            {rejects.length > 0 && total > rejects.length
              ? `Showing the first ${formatCount(rejects.length)} of ${formatCount(total)} rejected rows.`
              : 'Rows of the source file that failed validation and were not loaded.'}
          </p>
        </div>
      </div>
      <div className={panelStyles.body}>
        {rejects.length === 0 ? (
          <div className={panelStyles.empty} data-testid="run-rejects-empty">
            <h3 className={panelStyles.emptyTitle}>No rejected rows</h3>
            {total > 0 ? (
              <p>The run rejected {formatCount(total)} rows, but their details are not available.</p>
            ) : (
              <p>Every row the run read passed validation.</p>
            )}
          </div>
        ) : (
          <div className={styles.wrapper}>
            <table className={styles.table}>
              <caption className="visually-hidden">Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.numeric}>
                    Line
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {rejects.map((reject, index) => (
                  <tr key={`${reject.line ?? 'x'}-${reject.column ?? ''}-${index}`}>
                    <td className={styles.numeric}>
                      {typeof reject.line === 'number' ? formatCount(reject.line) : '—'}
                    </td>
                    <td>{reject.column || '—'}</td>
                    <td>{reject.reason || '—'}</td>
                    <td>
                      {reject.value === null || reject.value === undefined ? (
                        <span className={styles.missing}>(no value)</span>
                      ) : (
                        <code className={styles.value}>{reject.value}</code>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
