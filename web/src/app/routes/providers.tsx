import { Page, PageHeader } from '@/components/layouts/page';
import { useSession } from '@/features/auth/api/session';
import { ProviderSearch } from '@/features/providers/components/provider-search';
import { AddToList } from '@/features/targeting/components/add-to-list';
import { canAccess } from '@/lib/authorization';

export function ProvidersRoute() {
  const crm = canAccess(useSession().data?.roles ?? [], 'crm');
  return (
    <Page width="wide">
      <title>Providers · MedSales</title>
      <PageHeader
        title="Providers"
        lead="Find physicians and organizations by name, specialty, place, prescribing or procedures."
      />
      <ProviderSearch
        selectionActions={
          crm ? (selection) => <AddToList selected={selection.selected} search={selection.search} total={selection.total} /> : undefined
        }
      />
    </Page>
  );
}
