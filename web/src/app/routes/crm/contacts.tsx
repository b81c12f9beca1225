import { Link, useSearchParams } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import { buttonClassName } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/api/session';
import { ExportButton } from '@/features/exports/components/export-button';
import type { ContactFilters } from '@/features/crm/api/contacts';
import { ContactList } from '@/features/crm/components/contact-list';
import { NewContactForm } from '@/features/crm/components/new-contact-form';
import { useTerritories } from '@/features/territories/api/territories';

const KEYS = ['q', 'tag', 'ownerId', 'accountId', 'territoryId'] as const;

/** The filters in the URL (?q=&tag=&ownerId=&deleted=true), so a filtered list can be bookmarked and shared. */
export function contactFiltersOf(params: URLSearchParams): ContactFilters {
  const filters: ContactFilters = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  if (params.get('deleted') === 'true') filters.deleted = true;
  return filters;
}

export function filtersToParams(filters: Record<string, string | boolean | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === true) params.set(key, 'true');
    else if (typeof value === 'string' && value) params.set(key, value);
  }
  return params;
}

export function ContactsRoute() {
  const user = useSession().data;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = contactFiltersOf(searchParams);
  // The territory filter is offered once there are territories; a failed load only hides it.
  const territories = useTerritories().data ?? [];
  if (!user) return null;
  return (
    <Page width="wide">
      <title>Contacts · MedSales</title>
      <PageHeader title="Contacts" lead="The providers and people you work with." />
      <div>
        <Link to={paths.contactImport} className={buttonClassName({ variant: 'secondary' })}>
          Import contacts from a CSV
        </Link>
      </div>
      <ExportButton kind="contacts" params={filters} label="contacts" />
      {filters.deleted ? null : <NewContactForm />}
      <ContactList
        key={searchParams.toString()}
        user={user}
        territories={territories.filter((territory) => territory.level === 'TERRITORY')}
        filters={filters}
        onFiltersChange={(next) => setSearchParams(filtersToParams(next))}
      />
    </Page>
  );
}
