import { Page, PageHeader } from '@/components/layouts/page';
import { useSession } from '@/features/auth/api/session';
import { RecentlyDeletedLink } from '@/features/crm/components/deleted-kind-links';
import { ForecastPanel } from '@/features/crm/components/forecast-panel';
import { PipelineBoard } from '@/features/crm/components/pipeline-board';
import { StageSettings } from '@/features/crm/components/stage-settings';
import { ExportButton } from '@/features/exports/components/export-button';

export function PipelineRoute() {
  const admin = useSession().data?.roles.includes('ADMIN') ?? false;
  return (
    <Page width="wide">
      <title>Pipeline · MedSales</title>
      <PageHeader title="Pipeline" lead="Deals by stage, and what is expected to close when." />
      <div>
        <RecentlyDeletedLink kind="opportunities" label="Recently deleted deals" />
      </div>
      <ExportButton kind="opportunities" label="the pipeline" />
      <PipelineBoard />
      <ForecastPanel />
      {admin ? <StageSettings /> : null}
    </Page>
  );
}
