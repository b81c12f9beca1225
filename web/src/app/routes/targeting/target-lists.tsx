import { Page, PageHeader } from '@/components/layouts/page';
import { TargetLists } from '@/features/targeting/components/target-lists';

export function TargetListsRoute() {
  return (
    <Page width="wide">
      <title>Target lists · MedSales</title>
      <PageHeader title="Target lists" lead="Whom to see this period, how often, and how far along you are." />
      <TargetLists />
    </Page>
  );
}
