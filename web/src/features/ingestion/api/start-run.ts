import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { INGESTION_RUNS_PATH, ingestionQueryKey, runSchema, STARTABLE_KINDS, type Run } from './run-schema';

export const startRunInputSchema = z.object({
  dataset: z.enum(STARTABLE_KINDS),
  source: z.string().trim().min(1, 'Enter a server-side path or an http(s) URL.'),
});

export type StartRunInput = z.input<typeof startRunInputSchema>;

/** POST /api/v1/admin/ingestion/runs: queues a run (202). 400 ProblemDetail with `errors` when invalid. */
export function startRun(input: StartRunInput): Promise<Run> {
  return apiClient.post(INGESTION_RUNS_PATH, input, { schema: runSchema });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ingestionQueryKey }),
  });
}
