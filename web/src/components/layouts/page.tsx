import type { ReactNode } from 'react';

import styles from './page.module.css';

type PageProps = {
  /** `wide` for pages of wide tables. */
  width?: 'default' | 'wide';
  children: ReactNode;
};

/** The content of a route: a PageHeader and the page's sections, one below the other. */
export function Page({ width = 'default', children }: PageProps) {
  return <div className={`${styles.page} ${styles[width]}`}>{children}</div>;
}

type PageHeaderProps = {
  title: ReactNode;
  lead?: ReactNode;
  /** Shown above the title. */
  breadcrumb?: ReactNode;
  /** `data-testid` of the h1. */
  titleTestId?: string;
};

/** The page's h1, with an optional lead paragraph and breadcrumb. */
export function PageHeader({ title, lead, breadcrumb, titleTestId }: PageHeaderProps) {
  return (
    <div className={styles.heading}>
      {breadcrumb}
      <h1 className={styles.title} data-testid={titleTestId}>
        {title}
      </h1>
      {lead ? <p className={styles.lead}>{lead}</p> : null}
    </div>
  );
}
