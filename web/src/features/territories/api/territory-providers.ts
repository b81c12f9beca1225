import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { optionalString, TERRITORIES_PATH } from './territories';

const providerSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  credential: optionalString,
  primarySpecialty: z.looseObject({ code: optionalString, name: optionalString }).nullish(),
  zip5: optionalString,
  city: optionalString,
  state: optionalString,
});
const providerPageSchema = z.looseObject({
  items: z.array(providerSchema),
  total: z.number(),
  nextCursor: optionalString,
});
export type TerritoryProvider = z.output<typeof providerSchema>;

/** GET /api/v1/territories/{id}/providers: the first providers practising in a territory, by NPI, and how many. */
export function useTerritoryProviders(id: string | undefined, size = 10) {
  return useQuery({
    queryKey: ['territories', id, 'providers', size],
    queryFn: ({ signal }) =>
      apiClient.get(`${TERRITORIES_PATH}/${id}/providers`, { schema: providerPageSchema, params: { size }, signal }),
    enabled: Boolean(id),
  });
}
