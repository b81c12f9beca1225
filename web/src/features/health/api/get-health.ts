import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

/** How often the overview re-reads /health. */
export const HEALTH_REFETCH_INTERVAL_MS = 30_000;

/**
 * Status strings are kept open (string) so that a status the server adds later shows
 * as-is instead of breaking the page; the known ones are listed for styling.
 */
export const KNOWN_STATUSES = ['UP', 'DEGRADED', 'DOWN', 'DISABLED'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

const componentSchema = z.looseObject({
  status: z.string(),
  responseTimeMs: z.number().nullish(),
});

const diskSpaceSchema = z.looseObject({
  status: z.string(),
  freeBytes: z.number().nullish(),
});

const nppesFreshnessSchema = z.looseObject({
  lastIngested: z.string().nullish(),
  recordCount: z.number().nullish(),
});

const yearlyFreshnessSchema = z.looseObject({
  lastIngested: z.string().nullish(),
  dataYear: z.number().int().nullish(),
});

export const healthSchema = z.looseObject({
  status: z.string(),
  components: z
    .looseObject({
      database: componentSchema.nullish(),
      redis: componentSchema.nullish(),
      diskSpace: diskSpaceSchema.nullish(),
    })
    .nullish()
    .transform((components) => components ?? {}),
  dataFreshness: z
    .looseObject({
      nppes: nppesFreshnessSchema.nullish(),
      partB: yearlyFreshnessSchema.nullish(),
      partD: yearlyFreshnessSchema.nullish(),
      openPayments: yearlyFreshnessSchema.nullish(),
    })
    .nullish()
    .transform((freshness) => freshness ?? {}),
});

export type Health = z.output<typeof healthSchema>;
export type HealthComponent = z.output<typeof componentSchema>;
export type DatasetKey = 'nppes' | 'partB' | 'partD' | 'openPayments';

/**
 * GET /health. The server answers 503 when the database is down, with the same body:
 * that is a valid health report, not a failed request.
 */
export function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<Health> {
  return apiClient.get('/health', { schema: healthSchema, acceptStatuses: [503], signal });
}

export const healthQueryKey = ['health'] as const;

export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: HEALTH_REFETCH_INTERVAL_MS,
    refetchIntervalInBackground: false,
    staleTime: 5_000,
  });
}

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
