import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { lenientArray, lenientNumber } from '@/lib/lenient-schema';

import { PROVIDERS_PATH } from './search-providers';

const providerBasketSchema = z.looseObject({
  basketId: z.string(),
  name: z.string(),
  source: z.string(),
  metric: z.string(),
  years: lenientArray(
    z.looseObject({
      year: z.number(),
      volume: lenientNumber,
      ownShare: lenientNumber,
      decile: z.number(),
      stateDecile: lenientNumber,
    }),
  ),
});
export type ProviderBasket = z.output<typeof providerBasketSchema>;

/** GET /api/v1/providers/{npi}/baskets: the provider's volume and decile in each of my tenant's baskets, by year. */
export function useProviderBaskets(npi: string) {
  return useQuery({
    queryKey: ['providers', npi, 'baskets'] as const,
    queryFn: ({ signal }) =>
      apiClient.get(`${PROVIDERS_PATH}/${encodeURIComponent(npi)}/baskets`, {
        schema: z.array(providerBasketSchema),
        signal,
      }),
  });
}
