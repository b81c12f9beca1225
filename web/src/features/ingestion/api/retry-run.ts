import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { ingestionQueryKey, ingestionRunPath, runSchema, type Run } from './run-schema';

/** POST /api/v1/admin/ingestion/runs/{id}/retry: queues a new run with the same input (202). 409 unless FAILED. */
export function retryRun(id: number): Promise<Run> {
  return apiClient.post(`${ingestionRunPath(id)}/retry`, undefined, { schema: runSchema });
}

export function useRetryRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ingestionQueryKey }),
  });
}
