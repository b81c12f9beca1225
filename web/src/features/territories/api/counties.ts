import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { optionalString, TERRITORIES_PATH, territoriesQueryKey, territorySchema } from './territories';

const countyPlaceSchema = z.looseObject({
  geoid: z.string(),
  name: z.string(),
  state: z.string(),
  zips: z.number().nullish(),
  territoryId: optionalString,
  territory: optionalString,
});
export type CountyPlace = z.output<typeof countyPlaceSchema>;

/** GET /api/v1/territories/counties?q=: counties by name ("kings", "Kings, NY") or GEOID, from 2 typed characters. */
export function useCountySearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: [...territoriesQueryKey, 'counties', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      apiClient.get(`${TERRITORIES_PATH}/counties`, { params: { q, limit: 10 }, schema: z.array(countyPlaceSchema), signal }),
  });
}

/** PUT /api/v1/territories/{id}/counties: replaces the territory's whole counties (taken from other territories). */
export function useAlignCounties() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, counties }: { id: string; counties: string[] }) =>
      apiClient.put(`${TERRITORIES_PATH}/${encodeURIComponent(id)}/counties`, { counties }, { schema: territorySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoriesQueryKey }),
  });
}
