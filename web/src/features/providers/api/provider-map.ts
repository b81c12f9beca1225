import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { lenientArray, lenientString } from '@/lib/lenient-schema';

import { PROVIDERS_PATH, type ProviderSearchCriteria } from './search-providers';

export const PROVIDER_MAP_PATH = `${PROVIDERS_PATH}/map`;

const clusterSchema = z.looseObject({
  lat: z.number(),
  lon: z.number(),
  count: z.number(),
  npi: lenientString,
});

export const providerClustersSchema = z.looseObject({
  clusters: lenientArray(clusterSchema),
  total: z.number(),
});
export type ProviderCluster = z.output<typeof clusterSchema>;
export type ProviderClusters = z.output<typeof providerClustersSchema>;

/** The map's view as the endpoint takes it. */
export type MapRequest = { bbox: [number, number, number, number]; zoom: number };

/** Parameters of the search that the map leaves out: paging and order do not change where providers are. */
const NOT_FOR_THE_MAP = new Set(['cursor', 'size', 'sort']);

/**
 * GET /api/v1/providers/map: the search's providers within the box, clustered on the zoom's grid by the server (a
 * national result draws in one request). The previous clusters stay drawn while the next view's load.
 */
export function useProviderClusters(criteria: ProviderSearchCriteria, view: MapRequest | undefined, enabled: boolean) {
  const params = Object.fromEntries(Object.entries(criteria).filter(([key]) => !NOT_FOR_THE_MAP.has(key)));
  const bbox = view?.bbox.map((v) => v.toFixed(4)).join(',');
  return useQuery({
    queryKey: ['providers', 'map', params, bbox, view?.zoom] as const,
    queryFn: ({ signal }) =>
      apiClient.get(PROVIDER_MAP_PATH, {
        schema: providerClustersSchema,
        params: { ...params, bbox, zoom: view?.zoom },
        signal,
      }),
    enabled: enabled && view !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
