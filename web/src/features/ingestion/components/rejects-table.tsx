import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import type { Reject } from '@/features/ingestion/api/get-run';
import { formatCount } from '@/lib/format';

import styles from './rejects-table.module.css';

type RejectsTableProps = {
  rejects: readonly Reject[];
  /** All rows the run rejected; the server sends only the first 100. */
  rowsRejected: number | null | undefined;
};

const numeric = `${tableStyles.numeric} ${tableStyles.alignRight}`;

/** Rows the run refused, with the reason, or "No rejected rows". */
export function RejectsTable({ rejects, rowsRejected }: RejectsTableProps) {
  const total = typeof rowsRejected === 'number' ? rowsRejected : rejects.length;

  return (
    <Panel
      title="Rejected rows"
      subtitle={
        rejects.length > 0 && total > rejects.length
          ? `Showing the first ${formatCount(rejects.length)} of ${formatCount(total)} rejected rows.`
          : 'Rows of the source file that failed validation and were not loaded.'
      }
      testId="run-rejects"
    >
      <PanelBody>
        {rejects.length === 0 ? (
          <PanelEmpty title="No rejected rows" testId="run-rejects-empty">
            {total > 0 ? (
              <p>The run rejected {formatCount(total)} rows, but their details are not available.</p>
            ) : (
              <p>Every row the run read passed validation.</p>
            )}
          </PanelEmpty>
        ) : (
          <div className={`${tableStyles.wrapper} ${tableStyles.scroll}`}>
            <table className={`${tableStyles.table} ${tableStyles.compact} ${styles.table}`}>
              <caption className="visually-hidden">Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col" className={numeric}>
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
                    <td className={numeric}>{typeof reject.line === 'number' ? formatCount(reject.line) : '—'}</td>
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
      </PanelBody>
    </Panel>
  );
}
