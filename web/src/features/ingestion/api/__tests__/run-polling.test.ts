import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { getRunQueryOptions } from '@/features/ingestion/api/get-run';
import { getRunsQueryOptions, runsQueryKey } from '@/features/ingestion/api/get-runs';
import {
  ACTIVE_REFETCH_INTERVAL_MS,
  IDLE_REFETCH_INTERVAL_MS,
  refetchIntervalFor,
} from '@/features/ingestion/api/run-schema';
import { failedRun, publishedRun, queuedRun, runningRun } from '@/testing/fixtures/ingestion';

describe('ingestion polling', () => {
  it('polls every 2 s while a run is QUEUED or RUNNING, else every 30 s', () => {
    expect(ACTIVE_REFETCH_INTERVAL_MS).toBe(2_000);
    expect(IDLE_REFETCH_INTERVAL_MS).toBe(30_000);
    expect(refetchIntervalFor([publishedRun, runningRun])).toBe(2_000);
    expect(refetchIntervalFor([queuedRun])).toBe(2_000);
    expect(refetchIntervalFor([publishedRun, failedRun])).toBe(30_000);
    expect(refetchIntervalFor([])).toBe(30_000);
    expect(refetchIntervalFor(undefined)).toBe(30_000);
  });

  it('wires the interval into the list and detail queries', () => {
    const client = new QueryClient();
    const intervalOf = (options: { refetchInterval?: unknown }, queryKey: readonly unknown[]) => {
      const query = client.getQueryCache().find({ queryKey });
      const interval = options.refetchInterval;
      return typeof interval === 'function' ? (interval as (q: unknown) => unknown)(query) : interval;
    };

    const listOptions = getRunsQueryOptions();
    client.setQueryData(listOptions.queryKey, { items: [runningRun] });
    expect(intervalOf(listOptions, runsQueryKey())).toBe(2_000);
    client.setQueryData(listOptions.queryKey, { items: [publishedRun] });
    expect(intervalOf(listOptions, runsQueryKey())).toBe(30_000);

    const detailOptions = getRunQueryOptions(12);
    client.setQueryData(detailOptions.queryKey, { ...runningRun, rejects: [] });
    expect(intervalOf(detailOptions, detailOptions.queryKey)).toBe(2_000);
    client.setQueryData(detailOptions.queryKey, { ...publishedRun, rejects: [] });
    expect(intervalOf(detailOptions, detailOptions.queryKey)).toBe(30_000);
  });
});
