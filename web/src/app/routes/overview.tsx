import { Page, PageHeader } from '@/components/layouts/page';
import { FreshnessPanel } from '@/features/health/components/freshness-panel';

export function OverviewRoute() {
  return (
    <Page>
      <title>Overview · MedSales</title>
      <PageHeader
        title="Overview"
        lead="The state of the MedSales platform and the public datasets it is built on."
      />
      <FreshnessPanel />
    </Page>
  );
}
