import { Page, PageHeader } from '@/components/layouts/page';
import { ForecastPanel } from '@/features/crm/components/forecast-panel';
import { PipelineBoard } from '@/features/crm/components/pipeline-board';

export function PipelineRoute() {
  return (
    <Page width="wide">
      <title>Pipeline · MedSales</title>
      <PageHeader title="Pipeline" lead="Deals by stage, and what is expected to close when." />
      <PipelineBoard />
      <ForecastPanel />
    </Page>
  );
}
