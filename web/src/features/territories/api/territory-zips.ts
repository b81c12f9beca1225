import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { optionalString, TERRITORIES_PATH, territoriesQueryKey } from './territories';

/** How a ZIP came into a territory: aligned itself, by its home county, or by its state. */
export const VIA = ['ZIP', 'COUNTY', 'STATE'] as const;
const via = z.enum(VIA);

const territoryZipSchema = z.looseObject({
  zip5: z.string(),
  via,
  territoryId: z.string(),
  territory: z.string(),
  countyGeoid: optionalString,
  county: optionalString,
  state: optionalString,
  knownLocation: z.boolean().nullish(),
});
export type TerritoryZip = z.output<typeof territoryZipSchema>;

const zipPageSchema = z.looseObject({
  items: z.array(territoryZipSchema),
  total: z.number(),
  direct: z.number(),
  nextCursor: optionalString,
});

export const ZIP_PAGE_SIZE = 100;

/** GET /api/v1/territories/{id}/zips: the territory's ZIPs by ZIP, a page at a time, each with how it got there. */
export function useTerritoryZips(id: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...territoriesQueryKey, id, 'zips'],
    enabled: Boolean(id),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      apiClient.get(`${TERRITORIES_PATH}/${encodeURIComponent(id ?? '')}/zips`, {
        params: { size: ZIP_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
        schema: zipPageSchema,
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

const zipPlaceSchema = z.looseObject({
  zip5: z.string(),
  countyGeoid: optionalString,
  county: optionalString,
  state: optionalString,
  knownLocation: z.boolean().nullish(),
  territoryId: optionalString,
  territory: optionalString,
  via: via.nullish(),
});
export type ZipPlace = z.output<typeof zipPlaceSchema>;

export const ZIP_PREFIX = /^\d{3,5}$/;

/**
 * GET /api/v1/territories/zips?prefix=: the ZIPs starting with 3 to 5 typed digits, with their county, state and the
 * territory holding them now; nothing is asked for fewer digits.
 */
export function useZipLookup(prefix: string) {
  const digits = prefix.trim();
  return useQuery({
    queryKey: [...territoriesQueryKey, 'zip-lookup', digits],
    enabled: ZIP_PREFIX.test(digits),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      apiClient.get(`${TERRITORIES_PATH}/zips`, { params: { prefix: digits, limit: 8 }, schema: z.array(zipPlaceSchema), signal }),
  });
}

/** "New York County, NY", or the state alone, or nothing. */
export function placeOf(zip: { county?: string | null; state?: string | null }): string {
  return [zip.county, zip.state].filter(Boolean).join(', ');
}
