import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { INGESTION_RUNS_PATH, ingestionQueryKey, refetchIntervalFor, runSchema } from './run-schema';

export const DEFAULT_RUNS_LIMIT = 50;

export const runsResponseSchema = z.looseObject({
  items: z.array(runSchema),
});

export type RunsResponse = z.output<typeof runsResponseSchema>;

export type GetRunsParams = { dataset?: string; limit?: number };

/** GET /api/v1/admin/ingestion/runs: the latest runs, newest first. */
export function getRuns(
  { dataset, limit = DEFAULT_RUNS_LIMIT }: GetRunsParams = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<RunsResponse> {
  return apiClient.get(INGESTION_RUNS_PATH, {
    schema: runsResponseSchema,
    params: { dataset: dataset || undefined, limit },
    signal,
  });
}

export function runsQueryKey({ dataset, limit = DEFAULT_RUNS_LIMIT }: GetRunsParams = {}) {
  return [...ingestionQueryKey, 'runs', { dataset: dataset ?? null, limit }] as const;
}

export function getRunsQueryOptions(params: GetRunsParams = {}) {
  return queryOptions({
    queryKey: runsQueryKey(params),
    queryFn: ({ signal }) => getRuns(params, { signal }),
    // Every 2 s while a run is queued or running, every 30 s otherwise.
    refetchInterval: (query) => refetchIntervalFor(query.state.data?.items),
    refetchIntervalInBackground: false,
    staleTime: 1_000,
  });
}

export function useRuns(params: GetRunsParams = {}) {
  return useQuery(getRunsQueryOptions(params));
}
