import type { AuditFilters } from '../api/audit';

/** The filter form's fields; each is a query-string parameter of the page. */
export const FILTER_FIELDS = ['action', 'actor', 'outcome', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
/** As typed: `from` and `to` are datetime-local values ("2026-11-26T14:30") in the viewer's time zone. */
export type FilterValues = Record<FilterField, string>;

export function filterValuesFromParams(params: URLSearchParams): FilterValues {
  return Object.fromEntries(FILTER_FIELDS.map((name) => [name, params.get(name)?.trim() ?? ''])) as FilterValues;
}

export function paramsFromFilterValues(values: FilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_FIELDS) {
    const value = values[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

/** A datetime-local value as an ISO instant; undefined when blank or not a date. */
export function localToInstant(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** What the API is asked: blank fields left out, times as instants. */
export function apiFiltersFrom(values: FilterValues): AuditFilters {
  const filters: AuditFilters = {};
  if (values.action.trim()) filters.action = values.action.trim();
  if (values.actor.trim()) filters.actor = values.actor.trim();
  if (values.outcome.trim()) filters.outcome = values.outcome.trim();
  const from = localToInstant(values.from);
  const to = localToInstant(values.to);
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}

/** The problems with the typed values that the API would refuse. */
export function filterProblems(values: FilterValues): Partial<Record<FilterField, string[]>> {
  const problems: Partial<Record<FilterField, string[]>> = {};
  for (const name of ['from', 'to'] as const) {
    if (values[name].trim() && !localToInstant(values[name])) problems[name] = ['Enter a date and time.'];
  }
  const from = localToInstant(values.from);
  const to = localToInstant(values.to);
  if (from && to && from > to) problems.to = ['Must be after From.'];
  return problems;
}

/** Details as "key: value" pairs, for a table cell. */
export function detailPairs(details: Record<string, unknown> | null | undefined): string[] {
  if (!details) return [];
  return Object.entries(details).map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
}
