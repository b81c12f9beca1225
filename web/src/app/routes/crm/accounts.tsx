import { useSearchParams } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import type { AccountFilters } from '@/features/crm/api/accounts';
import { AccountList } from '@/features/crm/components/account-list';
import { ExportButton } from '@/features/exports/components/export-button';

import { filtersToParams } from './contacts';

export function AccountsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: AccountFilters = {
    q: searchParams.get('q') || undefined,
    tag: searchParams.get('tag') || undefined,
    ownerId: searchParams.get('ownerId') || undefined,
    deleted: searchParams.get('deleted') === 'true' || undefined,
  };
  return (
    <Page width="wide">
      <title>Accounts · MedSales</title>
      <PageHeader title="Accounts" lead="Hospitals, practices, groups and health systems." />
      <ExportButton kind="accounts" params={filters} label="accounts" />
      <AccountList
        key={searchParams.toString()}
        filters={filters}
        onFiltersChange={(next) => setSearchParams(filtersToParams(next))}
      />
    </Page>
  );
}
