import { Page, PageHeader } from '@/components/layouts/page';
import { ProviderSearch } from '@/features/providers/components/provider-search';

export function ProvidersRoute() {
  return (
    <Page width="wide">
      <title>Providers · MedSales</title>
      <PageHeader
        title="Providers"
        lead="Find physicians and organizations by name, specialty, place, prescribing or procedures."
      />
      <ProviderSearch />
    </Page>
  );
}
