import { Page, PageHeader } from '@/components/layouts/page';
import { RecentlyDeletedLink } from '@/features/crm/components/deleted-kind-links';
import { TasksPanel } from '@/features/crm/components/tasks-panel';
import { ExportButton } from '@/features/exports/components/export-button';

export function TasksRoute() {
  return (
    <Page width="wide">
      <title>My tasks · MedSales</title>
      <PageHeader title="My tasks" lead="Overdue first, then by due date." />
      <div>
        <RecentlyDeletedLink kind="tasks" label="Recently deleted tasks" />
      </div>
      <ExportButton kind="tasks" params={{ mine: true, status: 'OPEN' }} label="open tasks" />
      <TasksPanel filters={{ mine: true, status: 'OPEN' }} title="Open tasks" newTask={{}} />
    </Page>
  );
}
