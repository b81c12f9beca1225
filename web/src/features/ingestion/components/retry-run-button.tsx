import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { ingestionRunHref } from '@/config/paths';
import { useRetryRun } from '@/features/ingestion/api/retry-run';
import { getErrorMessage } from '@/lib/api-client';

import styles from './retry-run-button.module.css';

/** Queues a new run with the same input as a FAILED one; the lists refresh on success. */
export function RetryRunButton({ runId }: { runId: number }) {
  const retry = useRetryRun();

  return (
    <div className={styles.retry}>
      <Button
        variant="secondary"
        size="small"
        onClick={() => retry.mutate(runId)}
        disabled={retry.isPending}
        aria-busy={retry.isPending}
        aria-label={`${retry.isPending ? 'Retrying' : 'Retry'} run #${runId}`}
      >
        {retry.isPending ? 'Retrying…' : 'Retry'}
      </Button>
      {retry.isError ? (
        <p className={styles.error} role="alert">
          Retry failed: {getErrorMessage(retry.error)}
        </p>
      ) : null}
      {retry.isSuccess ? (
        <p className={styles.queued} role="status">
          Queued as <Link to={ingestionRunHref(retry.data.id)}>run #{retry.data.id}</Link>
        </p>
      ) : null}
    </div>
  );
}
