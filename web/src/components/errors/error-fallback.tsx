import { Button, buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getErrorMessage } from '@/lib/api-client';

import styles from './error-fallback.module.css';

type ErrorFallbackProps = {
  error: unknown;
  /** Clears the error and renders the children again, when the boundary allows it. */
  onReset?: () => void;
};

/** What the user sees when rendering failed: what happened, and ways out. */
export function ErrorFallback({ error, onReset }: ErrorFallbackProps) {
  const message = getErrorMessage(error);
  return (
    <EmptyState
      role="alert"
      eyebrow="Error"
      title="Something went wrong"
      actions={
        <>
          {onReset ? <Button onClick={onReset}>Try again</Button> : null}
          <Button variant={onReset ? 'secondary' : 'primary'} onClick={() => window.location.reload()}>
            Reload page
          </Button>
          <a className={buttonClassName({ variant: 'secondary' })} href="/">
            Go to overview
          </a>
        </>
      }
    >
      <p>This part of MedSales failed to display. Your data is safe; reloading usually fixes it.</p>
      <details className={styles.details}>
        <summary>Technical details</summary>
        <pre className={styles.message}>{message}</pre>
      </details>
    </EmptyState>
  );
}
