import { useId, type ReactNode } from 'react';

import styles from './empty-state.module.css';

type EmptyStateProps = {
  eyebrow?: string;
  title: string;
  /** Heading level, so the state fits the page outline it is shown in. */
  headingLevel?: 1 | 2;
  children?: ReactNode;
  actions?: ReactNode;
  role?: 'alert';
};

export function EmptyState({ eyebrow, title, headingLevel = 1, children, actions, role }: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const titleId = useId();
  return (
    <section className={styles.state} role={role} aria-labelledby={titleId}>
      {eyebrow ? <p className={styles.code}>{eyebrow}</p> : null}
      <Heading id={titleId} className={styles.title}>
        {title}
      </Heading>
      {children ? <div className={styles.description}>{children}</div> : null}
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </section>
  );
}
