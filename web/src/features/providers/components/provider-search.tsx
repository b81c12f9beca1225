import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';

import { Button } from '@/components/ui/button';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { getErrorMessage, isApiError } from '@/lib/api-client';
import { fieldErrorsOf } from '@/lib/field-errors';

import { useProviderSearch } from '../api/search-providers';
import {
  criteriaFromParams,
  formValuesFrom,
  paramsFromCriteria,
  FORM_FIELDS,
  type FormValues,
} from '../utils/search-criteria';
import { ProviderSearchForm } from './provider-search-form';
import { FacetList, ProviderResultsTable, totalLabel } from './provider-results';
import { SearchMap } from './search-map';
import styles from './providers.module.css';

/** What an action on the results is given: the rows picked, the search as a query string, its total. */
export type ResultsSelection = { selected: readonly string[]; search: string; total: number | null };

/**
 * The provider search: filters kept in the page URL, results with facets and a location sketch.
 * With `selectionActions`, rows can be picked and the actions it renders act on them (or on every result).
 */
export function ProviderSearch({ selectionActions }: { selectionActions?: (selection: ResultsSelection) => ReactNode } = {}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const paramString = searchParams.toString();
  const criteria = useMemo(() => criteriaFromParams(new URLSearchParams(paramString)), [paramString]);
  const hasCriteria = Object.keys(criteria).length > 0;
  const search = useProviderSearch(criteria, hasCriteria);
  const [hovered, setHovered] = useState<string>();
  const [picked, setPicked] = useState<{ search: string; npis: ReadonlySet<string> }>({ search: paramString, npis: new Set() });
  // a new search starts with nothing picked
  const selected = picked.search === paramString ? picked.npis : new Set<string>();
  const onSelectionChange = (npis: readonly string[], checked: boolean) => {
    const next = new Set(selected);
    for (const npi of npis) {
      if (checked) next.add(npi);
      else next.delete(npi);
    }
    setPicked({ search: paramString, npis: next });
  };

  const isInvalid = isApiError(search.error) && search.error.status === 400;
  const { fields: fieldErrors, other: otherErrors } = isInvalid ? fieldErrorsOf(search.error, FORM_FIELDS) : { fields: {}, other: [] };

  const applyCriteria = (next: Record<string, string | undefined>) => {
    const cleaned = Object.fromEntries(
      Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]?.trim())),
    );
    const nextParams = paramsFromCriteria(cleaned);
    if (nextParams.toString() === paramString) void search.refetch();
    else setSearchParams(nextParams);
  };

  const onSearch = (values: FormValues) => applyCriteria({ ...criteria, ...values });
  const narrow = (name: 'specialty' | 'state') => (value: string | undefined) => applyCriteria({ ...criteria, [name]: value });

  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = search.data?.pages[0];
  const facets = firstPage?.facets;
  const radius = Number(criteria.radiusMiles);
  // "Search this area": the view's centre and reach replace the place filters
  const searchArea = (center: { lat: number; lon: number }, miles: number) =>
    applyCriteria({ ...criteria, near: `${center.lat},${center.lon}`, radiusMiles: String(miles), radiusKm: undefined, state: undefined, city: undefined, zip: undefined });

  return (
    <>
      <Panel title="Find providers" subtitle="Search the NPPES registry with Medicare and Open Payments figures. Press Enter to search.">
        {/* Keyed by the URL, so that back/forward and facet clicks show the filters in effect. */}
        <ProviderSearchForm
          key={paramString}
          initialValues={formValuesFrom(criteria)}
          fieldErrors={fieldErrors}
          searching={search.isFetching && !search.isFetchingNextPage}
          onSearch={onSearch}
          onClear={() => setSearchParams(new URLSearchParams())}
        />
      </Panel>

      <Panel
        title="Results"
        subtitle={firstPage ? totalLabel(firstPage.total, firstPage.totalIsEstimate, items.length) : undefined}
        busy={search.isFetching}
        testId="provider-search-results"
      >
        <PanelBody>
          {!hasCriteria ? (
            <PanelEmpty title="Search for providers">
              <p>Enter a name, a specialty, a place or another filter, then press Enter.</p>
            </PanelEmpty>
          ) : search.isPending ? (
            <LoadingState label="Searching providers…" />
          ) : search.isError && !search.data ? (
            isInvalid ? (
              <div className={styles.formError} role="alert">
                <p>Check the filters: {getErrorMessage(search.error)}</p>
                {otherErrors.length ? (
                  <ul>
                    {otherErrors.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : (
              <ErrorState
                title="Could not search providers"
                error={search.error}
                onRetry={() => void search.refetch()}
                retrying={search.isFetching}
              />
            )
          ) : items.length === 0 ? (
            <PanelEmpty title="No providers match" testId="provider-results-empty">
              <p>Try fewer filters, a wider radius or another spelling.</p>
            </PanelEmpty>
          ) : (
            <div className={styles.resultsLayout}>
              <div className={styles.resultsMain}>
                {selectionActions
                  ? selectionActions({
                      selected: [...selected],
                      search: paramsFromCriteria(criteria).toString(),
                      total: firstPage?.totalIsEstimate ? null : (firstPage?.total ?? null),
                    })
                  : null}
                <ProviderResultsTable
                  items={items}
                  onHover={setHovered}
                  selection={selectionActions ? { selected, onChange: onSelectionChange } : undefined}
                />
                {search.isFetchNextPageError ? (
                  <p role="alert" className={styles.fieldError}>
                    Could not load more: {getErrorMessage(search.error)}
                  </p>
                ) : null}
                {search.hasNextPage ? (
                  <div>
                    <Button variant="secondary" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
                      {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
                    </Button>
                  </div>
                ) : null}
              </div>
              <aside className={styles.resultsSide} aria-label="Refine and locate">
                <SearchMap
                  criteria={criteria}
                  items={items}
                  center={firstPage?.center}
                  radiusMiles={Number.isFinite(radius) && radius > 0 ? radius : undefined}
                  highlighted={hovered}
                  onSearchArea={searchArea}
                />
                <FacetList
                  title="Specialty"
                  facets={facets?.specialty ?? []}
                  selected={criteria.specialty}
                  onSelect={narrow('specialty')}
                />
                <FacetList title="State" facets={facets?.state ?? []} selected={criteria.state} onSelect={narrow('state')} />
              </aside>
            </div>
          )}
        </PanelBody>
      </Panel>
    </>
  );
}
