import { useSearchParams } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import { isDeletedKind } from '@/features/crm/api/deleted';
import { DeletedKindLinks } from '@/features/crm/components/deleted-kind-links';
import { DeletedRecords } from '@/features/crm/components/deleted-records';

/** Tasks, deals and activities deleted in the last 30 days (?kind=tasks|opportunities|activities), to restore. */
export function RecentlyDeletedRoute() {
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('kind');
  const kind = isDeletedKind(requested) ? requested : 'tasks';
  return (
    <Page width="wide">
      <title>Recently deleted · MedSales</title>
      <PageHeader
        title="Recently deleted"
        lead="Tasks, deals, calls and visits deleted in the last 30 days. Contacts and accounts have their own list."
      />
      <DeletedKindLinks current={kind} />
      <DeletedRecords key={kind} kind={kind} />
    </Page>
  );
}
