import { useSearchParams } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import { useSession } from '@/features/auth/api/session';
import { ExportButton } from '@/features/exports/components/export-button';
import { ProviderSearch } from '@/features/providers/components/provider-search';
import { criteriaFromParams } from '@/features/providers/utils/search-criteria';
import { AddToList } from '@/features/targeting/components/add-to-list';
import { canAccess } from '@/lib/authorization';

export function ProvidersRoute() {
  const crm = canAccess(useSession().data?.roles ?? [], 'crm');
  const [searchParams] = useSearchParams();
  // the search's own parameters: the export holds every page of these results
  const { size: _size, ...criteria } = criteriaFromParams(searchParams);
  return (
    <Page width="wide">
      <title>Providers · MedSales</title>
      <PageHeader
        title="Providers"
        lead="Find physicians and organizations by name, specialty, place, prescribing or procedures."
      />
      {searchParams.size > 0 ? <ExportButton kind="providers" params={criteria} label="search results" /> : null}
      <ProviderSearch
        selectionActions={
          crm ? (selection) => <AddToList selected={selection.selected} search={selection.search} total={selection.total} /> : undefined
        }
      />
    </Page>
  );
}
