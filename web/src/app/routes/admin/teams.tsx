import { Page, PageHeader } from '@/components/layouts/page';
import { TeamsPanel } from '@/features/admin/components/teams-panel';

export function TeamsRoute() {
  return (
    <Page width="wide">
      <title>Teams · MedSales</title>
      <PageHeader title="Teams" lead="Managers and the reps they lead." />
      <TeamsPanel />
    </Page>
  );
}
