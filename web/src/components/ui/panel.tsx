import { useId, type ReactNode } from 'react';

import styles from './panel.module.css';

type PanelProps = {
  title: ReactNode;
  subtitle?: ReactNode;
  /** The right of the header: when the data was checked, refresh and other buttons. */
  actions?: ReactNode;
  /** Id of the title, when something inside the panel is labelled by it too. */
  titleId?: string;
  busy?: boolean;
  testId?: string;
  /** Usually a PanelBody; content with its own padding (a form) goes in directly. */
  children: ReactNode;
};

/** A section with a titled header, labelled by its title. */
export function Panel({ title, subtitle, actions, titleId, busy, testId, children }: PanelProps) {
  const generatedId = useId();
  const headingId = titleId ?? generatedId;
  return (
    <section className={styles.panel} aria-labelledby={headingId} aria-busy={busy} data-testid={testId}>
      <div className={styles.header}>
        <div>
          <h2 id={headingId} className={styles.title}>
            {title}
          </h2>
          {subtitle !== undefined ? <p className={styles.subtitle}>{subtitle}</p> : null}
        </div>
        {actions ? <div className={styles.meta}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** The padded content of a Panel; its children are spaced apart. */
export function PanelBody({ children }: { children: ReactNode }) {
  return <div className={styles.body}>{children}</div>;
}

/** "Nothing here yet" inside a PanelBody: a title and what to do about it. */
export function PanelEmpty({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <div className={styles.empty} data-testid={testId}>
      <h3 className={styles.emptyTitle}>{title}</h3>
      {children}
    </div>
  );
}
