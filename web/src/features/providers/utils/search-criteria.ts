import type { ProviderSearchCriteria } from '../api/search-providers';

/** The filters of the search form, in form order. Each is a query-string parameter of the page and of the API. */
export const FORM_FIELDS = [
  'name',
  'npi',
  'specialty',
  'credential',
  'entityType',
  'status',
  'state',
  'city',
  'zip',
  'near',
  'radiusMiles',
  'hcpcs',
  'minServices',
  'minBeneficiaries',
  'drug',
  'minClaims',
  'manufacturer',
  'nature',
  'minPayment',
  'maxPayment',
  'year',
  'sort',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;

/** API parameters the form does not show, kept when they arrive in the page URL (bookmarks, links). */
const OTHER_PARAMS = ['radiusKm', 'size', 'basket', 'minDecile'] as const;

export const SEARCH_PARAMS: readonly string[] = [...FORM_FIELDS, ...OTHER_PARAMS];

/** The criteria in a page URL: known parameters with a non-blank value, trimmed. */
export function criteriaFromParams(params: URLSearchParams): ProviderSearchCriteria {
  const criteria: ProviderSearchCriteria = {};
  for (const name of SEARCH_PARAMS) {
    const value = params.get(name)?.trim();
    if (value) criteria[name] = value;
  }
  return criteria;
}

export function formValuesFrom(criteria: ProviderSearchCriteria): FormValues {
  return Object.fromEntries(FORM_FIELDS.map((name) => [name, criteria[name] ?? ''])) as FormValues;
}

/** The page URL's query string for some criteria, in a stable order. */
export function paramsFromCriteria(criteria: ProviderSearchCriteria): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const value = criteria[name]?.trim();
    if (value) params.set(name, value);
  }
  return params;
}

/** "specialty", "/specialty", "request.specialty" and "search.specialty" all name the specialty field. */
