import type { ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { getErrorMessage } from '@/lib/api-client';

import styles from './query-state.module.css';

/** A spinner, centred in the space the data will take. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className={styles.centered}>
      <Spinner label={label} />
    </div>
  );
}

type ErrorStateProps = {
  title: ReactNode;
  error: unknown;
  onRetry: () => void;
  /** True while the retry (or any refetch) is under way. */
  retrying: boolean;
  /** Heading level, so the state fits the page outline it is shown in. */
  headingLevel?: 2 | 3;
};

/** Data that could not be loaded at all: why, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying, headingLevel = 3 }: ErrorStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={styles.problem} role="alert">
      <Heading className={styles.problemTitle}>{title}</Heading>
      <p>{getErrorMessage(error)}</p>
      <Button onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Try again'}
      </Button>
    </div>
  );
}

/** A refetch failed, but earlier data is still shown. */
export function StaleDataWarning({ error }: { error: unknown }) {
  return (
    <p className={styles.warning} role="status">
      Could not refresh: {getErrorMessage(error)} Showing the last known state.
    </p>
  );
}

/** What QueryState reads of a query (a TanStack Query result has all of it). */
type QueryStatus<T> = {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
};

type QueryStateProps<T> = {
  query: QueryStatus<T>;
  loadingLabel: string;
  errorTitle: ReactNode;
  onRetry: () => void;
  /** The content, once there is data. */
  children: (data: T) => ReactNode;
};

/**
 * Loading, failed (with a retry) or the content; when a refetch fails after data was
 * loaded, the content stays with a warning above it.
 */
export function QueryState<T>({ query, loadingLabel, errorTitle, onRetry, children }: QueryStateProps<T>) {
  const { data, error, isPending, isError, isFetching } = query;
  return (
    <>
      {isPending ? <LoadingState label={loadingLabel} /> : null}

      {isError && !data ? (
        <ErrorState title={errorTitle} error={error} onRetry={onRetry} retrying={isFetching} />
      ) : null}

      {data ? (
        <>
          {isError ? <StaleDataWarning error={error} /> : null}
          {children(data)}
        </>
      ) : null}
    </>
  );
}
