import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { lenientArray, lenientNumber, lenientString } from '@/lib/lenient-schema';
import { PROVIDERS_PATH } from './search-providers';

const nameSchema = z.looseObject({
  display: lenientString,
  organization: lenientString,
  first: lenientString,
  middle: lenientString,
  last: lenientString,
  credential: lenientString,
});

const addressSchema = z.looseObject({
  kind: lenientString,
  line1: lenientString,
  line2: lenientString,
  city: lenientString,
  state: lenientString,
  postalCode: lenientString,
  zip5: lenientString,
  phone: lenientString,
  latitude: lenientNumber,
  longitude: lenientNumber,
  geoPrecision: lenientString,
});

const taxonomySchema = z.looseObject({
  code: lenientString,
  displayName: lenientString,
  licenseNumber: lenientString,
  licenseState: lenientString,
  primary: z.boolean().nullish(),
});

const otherNameSchema = z.looseObject({ name: lenientString, typeCode: lenientString, source: lenientString });

const identifierSchema = z.looseObject({
  identifier: lenientString,
  typeCode: lenientString,
  state: lenientString,
  issuer: lenientString,
});

const authorizedOfficialSchema = z.looseObject({
  prefix: lenientString,
  first: lenientString,
  middle: lenientString,
  last: lenientString,
  suffix: lenientString,
  credential: lenientString,
  title: lenientString,
  phone: lenientString,
});

/** A provider or organisation affiliated with another, with how that was inferred and its latest volumes. */
export const affiliationSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  name: lenientString,
  entityType: lenientString,
  primarySpecialty: z.looseObject({ code: lenientString, name: lenientString }).nullish(),
  inferredBy: lenientArray(z.string()),
  partBServices: lenientNumber,
  partDClaims: lenientNumber,
  payments: lenientNumber,
  /** The affiliate's practice point (its ZIP's centroid), to mark it on a map. */
  latitude: lenientNumber,
  longitude: lenientNumber,
});

const topProcedureSchema = z.looseObject({ hcpcs: lenientString, description: lenientString, services: lenientNumber });

export const partBYearSchema = z.looseObject({
  year: lenientNumber,
  providerType: lenientString,
  state: lenientString,
  services: lenientNumber,
  beneficiariesSummedOverServices: lenientNumber,
  rows: lenientNumber,
  suppressedRows: lenientNumber,
  allowedAmount: lenientNumber,
  paymentAmount: lenientNumber,
  topProcedures: lenientArray(topProcedureSchema),
  servicesPercentile: lenientNumber,
  paymentPercentile: lenientNumber,
});

const topDrugSchema = z.looseObject({
  brandName: lenientString,
  genericName: lenientString,
  claims: lenientNumber,
  drugCost: lenientNumber,
});

export const partDYearSchema = z.looseObject({
  year: lenientNumber,
  providerType: lenientString,
  state: lenientString,
  claims: lenientNumber,
  thirtyDayFills: lenientNumber,
  drugCost: lenientNumber,
  brandClaims: lenientNumber,
  genericClaims: lenientNumber,
  rows: lenientNumber,
  suppressedRows: lenientNumber,
  topDrugs: lenientArray(topDrugSchema),
  claimsPercentile: lenientNumber,
  costPercentile: lenientNumber,
});

const amountByNameSchema = z.looseObject({
  name: lenientString,
  amount: lenientNumber,
  payments: lenientNumber,
});

const paymentSchema = z.looseObject({
  recordId: lenientString,
  date: lenientString,
  payer: lenientString,
  amount: lenientNumber,
  numberOfPayments: lenientNumber,
  form: lenientString,
  nature: lenientString,
  products: lenientArray(z.string()),
  disputed: z.boolean().nullish(),
});

export const openPaymentsYearSchema = z.looseObject({
  year: lenientNumber,
  payments: lenientNumber,
  totalAmount: lenientNumber,
  disputedAmount: lenientNumber,
  byManufacturer: lenientArray(amountByNameSchema),
  byNature: lenientArray(amountByNameSchema),
  byProduct: lenientArray(amountByNameSchema),
  researchPayments: lenientNumber,
  researchAmount: lenientNumber,
  ownershipInterests: lenientNumber,
  ownershipValue: lenientNumber,
  recentPayments: lenientArray(paymentSchema),
});

export const providerProfileSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  inRegistry: z.boolean().nullish(),
  entityType: lenientString,
  status: lenientString,
  deactivationDate: lenientString,
  name: nameSchema.nullish(),
  sex: lenientString,
  enumerationDate: lenientString,
  lastUpdateDate: lenientString,
  addresses: lenientArray(addressSchema),
  taxonomies: lenientArray(taxonomySchema),
  identifiers: lenientArray(identifierSchema),
  otherNames: lenientArray(otherNameSchema),
  authorizedOfficial: authorizedOfficialSchema.nullish(),
  parentOrganization: z.looseObject({ name: lenientString, tin: lenientString }).nullish(),
  partB: lenientArray(partBYearSchema),
  partD: lenientArray(partDYearSchema),
  openPayments: lenientArray(openPaymentsYearSchema),
  affiliations: lenientArray(affiliationSchema),
});

export type ProviderProfile = z.output<typeof providerProfileSchema>;
export type ProviderAddress = z.output<typeof addressSchema>;
export type PartBYear = z.output<typeof partBYearSchema>;
export type PartDYear = z.output<typeof partDYearSchema>;
export type OpenPaymentsYear = z.output<typeof openPaymentsYearSchema>;
export type AmountByName = z.output<typeof amountByNameSchema>;
export type Payment = z.output<typeof paymentSchema>;
export type Affiliation = z.output<typeof affiliationSchema>;

/** GET /api/v1/providers/{npi}: the profile. 404/400 ProblemDetail otherwise. */
export function getProvider(npi: string, { signal }: { signal?: AbortSignal } = {}): Promise<ProviderProfile> {
  return apiClient.get(`${PROVIDERS_PATH}/${encodeURIComponent(npi)}`, { schema: providerProfileSchema, signal });
}

export function providerQueryOptions(npi: string) {
  return queryOptions({
    queryKey: ['providers', 'profile', npi] as const,
    queryFn: ({ signal }) => getProvider(npi, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useProvider(npi: string) {
  return useQuery(providerQueryOptions(npi));
}
