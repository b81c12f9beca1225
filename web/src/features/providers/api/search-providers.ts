import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { lenientArray, lenientNumber, lenientString } from '@/lib/lenient-schema';

export const PROVIDERS_PATH = '/api/v1/providers';
export const PROVIDER_PAGE_SIZE = 25;

const specialtySchema = z.looseObject({ code: lenientString, name: lenientString });

const searchAddressSchema = z.looseObject({
  line1: lenientString,
  city: lenientString,
  state: lenientString,
  zip5: lenientString,
  latitude: lenientNumber,
  longitude: lenientNumber,
});

export const providerSearchItemSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  name: lenientString,
  entityType: lenientString,
  status: lenientString,
  credential: lenientString,
  primarySpecialty: specialtySchema.nullish(),
  address: searchAddressSchema.nullish(),
  distanceMiles: lenientNumber,
  services: lenientNumber,
  claims: lenientNumber,
  payments: lenientNumber,
  /** With a basket: the provider's volume in it and their national decile (0: none). */
  basketVolume: lenientNumber,
  decile: lenientNumber,
});

const facetCountSchema = z.looseObject({
  value: z.union([z.string(), z.number()]).transform(String),
  label: lenientString,
  count: lenientNumber,
});

export const providerSearchResponseSchema = z.looseObject({
  items: lenientArray(providerSearchItemSchema),
  nextCursor: lenientString,
  total: lenientNumber,
  totalIsEstimate: z.boolean().nullish(),
  facets: z
    .looseObject({
      specialty: lenientArray(facetCountSchema),
      state: lenientArray(facetCountSchema),
    })
    .nullish(),
  /** The point a `near` search measures from: the ZIP's centroid, or the lat,lon given. */
  center: z.looseObject({ lat: lenientNumber, lon: lenientNumber }).nullish(),
});

export type ProviderSearchItem = z.output<typeof providerSearchItemSchema>;
export type ProviderSearchResponse = z.output<typeof providerSearchResponseSchema>;
export type FacetCount = z.output<typeof facetCountSchema>;
export type SearchCenter = NonNullable<ProviderSearchResponse['center']>;

/** The search criteria, as the query-string parameters of GET /api/v1/providers (empty ones left out). */
export type ProviderSearchCriteria = Record<string, string>;

/** GET /api/v1/providers: one page of matching providers, with facets. 400 ProblemDetail with `errors`. */
export function searchProviders(
  criteria: ProviderSearchCriteria,
  cursor: string | undefined,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ProviderSearchResponse> {
  return apiClient.get(PROVIDERS_PATH, {
    schema: providerSearchResponseSchema,
    params: { ...criteria, size: criteria.size ?? PROVIDER_PAGE_SIZE, cursor },
    signal,
  });
}

export function providerSearchQueryOptions(criteria: ProviderSearchCriteria) {
  return infiniteQueryOptions({
    queryKey: ['providers', 'search', criteria] as const,
    queryFn: ({ pageParam, signal }) => searchProviders(criteria, pageParam, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    staleTime: 60_000,
  });
}

export function useProviderSearch(criteria: ProviderSearchCriteria, enabled: boolean) {
  return useInfiniteQuery({ ...providerSearchQueryOptions(criteria), enabled });
}

export const ORGANIZATION_SEARCH_PATH = '/api/v1/organizations';

/** GET /api/v1/organizations: the same search over organisation NPIs only (no filter lists them all). */
export function useOrganizationSearch(criteria: ProviderSearchCriteria) {
  return useInfiniteQuery({
    queryKey: ['organizations', 'search', criteria] as const,
    queryFn: ({ pageParam, signal }) =>
      apiClient.get(ORGANIZATION_SEARCH_PATH, {
        schema: providerSearchResponseSchema,
        params: { ...criteria, size: PROVIDER_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    staleTime: 60_000,
  });
}
