import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { ingestionQueryKey, ingestionRunPath, refetchIntervalFor, runSchema } from './run-schema';

export const rejectSchema = z.looseObject({
  line: z.number().int().nullish(),
  column: z.string().nullish(),
  reason: z.string().nullish(),
  value: z.string().nullish(),
});

export const runDetailSchema = runSchema.extend({
  rejects: z
    .array(rejectSchema)
    .nullish()
    .transform((rejects) => rejects ?? []),
});

export type Reject = z.output<typeof rejectSchema>;
export type RunDetail = z.output<typeof runDetailSchema>;

/** GET /api/v1/admin/ingestion/runs/{id}: one run with its first 100 rejected rows. 404 if unknown. */
export function getRun(id: number, { signal }: { signal?: AbortSignal } = {}): Promise<RunDetail> {
  return apiClient.get(ingestionRunPath(id), { schema: runDetailSchema, signal });
}

export function runQueryKey(id: number) {
  return [...ingestionQueryKey, 'run', id] as const;
}

export function getRunQueryOptions(id: number) {
  return queryOptions({
    queryKey: runQueryKey(id),
    queryFn: ({ signal }) => getRun(id, { signal }),
    refetchInterval: (query) => refetchIntervalFor(query.state.data ? [query.state.data] : undefined),
    refetchIntervalInBackground: false,
    staleTime: 1_000,
  });
}

export function useRun(id: number) {
  return useQuery(getRunQueryOptions(id));
}
