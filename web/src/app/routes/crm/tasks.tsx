import { Page, PageHeader } from '@/components/layouts/page';
import { TasksPanel } from '@/features/crm/components/tasks-panel';

export function TasksRoute() {
  return (
    <Page width="wide">
      <title>My tasks · MedSales</title>
      <PageHeader title="My tasks" lead="Overdue first, then by due date." />
      <TasksPanel filters={{ mine: true, status: 'OPEN' }} title="Open tasks" />
    </Page>
  );
}
