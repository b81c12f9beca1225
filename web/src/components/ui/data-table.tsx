import type { ReactNode } from 'react';

import styles from './data-table.module.css';

type DataTableProps = {
  /** Read by assistive technology only: what the rows are. */
  caption: string;
  /** Shorter rows, for long lists (default), or the full padding. */
  density?: 'compact' | 'comfortable';
  narrowColumns?: boolean;
  testId?: string;
  /** thead and tbody. */
  children: ReactNode;
};

/** A table in the app's look, scrolling sideways inside its frame when it is wider than the page. */
export function DataTable({ caption, density = 'compact', narrowColumns, testId, children }: DataTableProps) {
  const className = [
    styles.table,
    density === 'compact' ? styles.compact : undefined,
    narrowColumns ? styles.narrowColumns : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`${styles.wrapper} ${styles.scroll}`}>
      <table className={className} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** The last, unlabelled column header of a table whose rows end in buttons. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}
