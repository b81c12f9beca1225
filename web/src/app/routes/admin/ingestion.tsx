import { Page, PageHeader } from '@/components/layouts/page';
import { IngestionRunsPanel } from '@/features/ingestion/components/ingestion-runs-panel';
import { StartRunForm } from '@/features/ingestion/components/start-run-form';

export function IngestionRoute() {
  return (
    <Page width="wide">
      <title>Data ingestion · MedSales</title>
      <PageHeader
        title="Data ingestion"
        lead="Load the public source datasets into MedSales and follow each run, from parsing to publishing."
      />
      <StartRunForm />
      <IngestionRunsPanel />
    </Page>
  );
}
