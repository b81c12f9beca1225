import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { lenientArray, lenientNumber } from '@/lib/lenient-schema';

import { affiliationSchema, providerProfileSchema } from './get-provider';

export const ORGANIZATIONS_PATH = '/api/v1/organizations';

const totalsSchema = z.looseObject({
  affiliatedProviders: lenientNumber,
  affiliatedIndividuals: lenientNumber,
  affiliatedOrganizations: lenientNumber,
  listedAll: z.boolean().nullish(),
  partBServices: lenientNumber,
  partDClaims: lenientNumber,
  payments: lenientNumber,
  partBYear: lenientNumber,
  partDYear: lenientNumber,
  paymentsYear: lenientNumber,
});

export const organizationProfileSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  organization: providerProfileSchema,
  affiliatedProviders: lenientArray(affiliationSchema),
  totals: totalsSchema.nullish(),
});

export type OrganizationProfile = z.output<typeof organizationProfileSchema>;
export type OrganizationTotals = z.output<typeof totalsSchema>;

/** GET /api/v1/organizations/{npi}: the organisation, its inferred affiliates and their totals. 404 when not an HCO. */
export function getOrganization(npi: string, { signal }: { signal?: AbortSignal } = {}): Promise<OrganizationProfile> {
  return apiClient.get(`${ORGANIZATIONS_PATH}/${encodeURIComponent(npi)}`, { schema: organizationProfileSchema, signal });
}

export function organizationQueryOptions(npi: string) {
  return queryOptions({
    queryKey: ['organizations', 'profile', npi] as const,
    queryFn: ({ signal }) => getOrganization(npi, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useOrganization(npi: string) {
  return useQuery(organizationQueryOptions(npi));
}
