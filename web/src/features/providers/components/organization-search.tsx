import { useId, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { Button } from '@/components/ui/button';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { getErrorMessage, isApiError } from '@/lib/api-client';
import { fieldErrorsOf } from '@/lib/field-errors';

import { useOrganizationSearch } from '../api/search-providers';
import { ProviderResultsTable, totalLabel } from './provider-results';
import styles from './providers.module.css';

/** The filters GET /api/v1/organizations takes, as the page URL keeps them. */
const FIELDS = [
  { name: 'name', label: 'Name', placeholder: 'e.g. Mayo Clinic', size: 'grow' },
  { name: 'specialty', label: 'Specialty', placeholder: 'e.g. Clinic/Center or 261Q00000X', size: 'grow' },
  { name: 'state', label: 'State', placeholder: 'MN', size: 'small' },
  { name: 'city', label: 'City' },
  { name: 'zip', label: 'ZIP', size: 'small' },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];
const SORTS: Record<string, string> = { '': 'Relevance / name', name: 'Name', services: 'Part B services', claims: 'Part D claims', payments: 'Open Payments' };
const PARAMS: readonly string[] = [...FIELDS.map((field) => field.name), 'sort'];

/** Organisations (hospitals, groups, clinics): listed at once, narrowed by name and place, each linking to its profile. */
export function OrganizationSearch() {
  const [searchParams, setSearchParams] = useSearchParams();
  const paramString = searchParams.toString();
  const criteria = useMemo(() => {
    const params = new URLSearchParams(paramString);
    return Object.fromEntries(PARAMS.flatMap((name) => (params.get(name)?.trim() ? [[name, params.get(name)!.trim()]] : [])));
  }, [paramString]);
  const search = useOrganizationSearch(criteria);
  const invalid = isApiError(search.error) && search.error.status === 400;
  const { fields: fieldErrors } = invalid ? fieldErrorsOf(search.error, PARAMS) : { fields: {} as Record<string, string[]> };
  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = search.data?.pages[0];

  const apply = (values: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const name of PARAMS) if (values[name]?.trim()) next.set(name, values[name]!.trim());
    if (next.toString() === paramString) void search.refetch();
    else setSearchParams(next);
  };

  return (
    <>
      <Panel title="Find organizations" subtitle="Hospitals, groups and clinics of the NPI registry. Press Enter to search.">
        <OrganizationFilters
          key={paramString}
          initial={criteria}
          errors={fieldErrors}
          searching={search.isFetching && !search.isFetchingNextPage}
          onSearch={apply}
        />
      </Panel>
      <Panel
        title="Organizations"
        subtitle={firstPage ? totalLabel(firstPage.total, firstPage.totalIsEstimate, items.length, ['organization', 'organizations']) : undefined}
        busy={search.isFetching}
        testId="organization-search-results"
      >
        <PanelBody>
          {search.isPending ? (
            <LoadingState label="Looking for organizations…" />
          ) : search.isError && !search.data ? (
            invalid ? (
              <div className={styles.formError} role="alert">
                <p>Check the filters: {getErrorMessage(search.error)}</p>
              </div>
            ) : (
              <ErrorState
                title="Could not search organizations"
                error={search.error}
                onRetry={() => void search.refetch()}
                retrying={search.isFetching}
              />
            )
          ) : items.length === 0 ? (
            <PanelEmpty title="No organizations match" testId="organization-results-empty">
              <p>Try fewer filters or another spelling.</p>
            </PanelEmpty>
          ) : (
            <>
              <ProviderResultsTable items={items} label="Matching organizations" />
              {search.hasNextPage ? (
                <div>
                  <Button variant="secondary" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
                    {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </PanelBody>
      </Panel>
    </>
  );
}

type FiltersProps = {
  initial: Record<string, string>;
  errors: Partial<Record<string, string[]>>;
  searching: boolean;
  onSearch: (values: Record<string, string>) => void;
};

function OrganizationFilters({ initial, errors, searching, onSearch }: FiltersProps) {
  const baseId = useId();
  const [values, setValues] = useState<Record<string, string>>(initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(values);
  };
  const control = (name: FieldName | 'sort') => {
    const id = `${baseId}-${name}`;
    const invalid = Boolean(errors[name]?.length);
    return {
      id,
      name,
      className: styles.control,
      value: values[name] ?? '',
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': invalid ? `${id}-error` : undefined,
    };
  };
  const error = (name: string) =>
    errors[name]?.length ? (
      <p id={`${baseId}-${name}-error`} className={styles.fieldError}>
        {errors[name]!.join(' ')}
      </p>
    ) : null;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate role="search" aria-label="Organization filters">
      {FIELDS.map((field) => (
        <div key={field.name} className={[styles.field, 'size' in field ? styles[field.size] : undefined].filter(Boolean).join(' ')}>
          <label htmlFor={`${baseId}-${field.name}`} className={styles.label}>
            {field.label}
          </label>
          <input
            {...control(field.name)}
            type="text"
            placeholder={'placeholder' in field ? field.placeholder : undefined}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
          />
          {error(field.name)}
        </div>
      ))}
      <div className={styles.field}>
        <label htmlFor={`${baseId}-sort`} className={styles.label}>
          Sort by
        </label>
        <select {...control('sort')} onChange={(event) => setValues({ ...values, sort: event.target.value })}>
          {Object.entries(SORTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {error('sort')}
      </div>
      <div className={styles.formActions}>
        <Button type="submit" disabled={searching}>
          {searching ? 'Searching…' : 'Search'}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setValues({});
            onSearch({});
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
