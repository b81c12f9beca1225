import { Page, PageHeader } from '@/components/layouts/page';
import { ExportsList } from '@/features/exports/components/exports-list';

export function ExportsRoute() {
  return (
    <Page width="wide">
      <title>Exports · MedSales</title>
      <PageHeader
        title="Exports"
        lead="Lists you exported to CSV or Excel: how far along they are, and the files while they are kept (7 days)."
      />
      <ExportsList />
    </Page>
  );
}
