import { useParams } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import { ExportButton } from '@/features/exports/components/export-button';
import { useTargetList } from '@/features/targeting/api/target-lists';
import { TargetListPage } from '@/features/targeting/components/target-list-page';

export function TargetListRoute() {
  const id = useParams().id ?? '';
  const name = useTargetList(id).data?.name;
  return (
    <Page width="wide">
      <title>{`${name ?? 'Target list'} · MedSales`}</title>
      <PageHeader title={name ?? 'Target list'} lead="Members, tiers and goals, calls so far." />
      {id ? <ExportButton kind="target-list-members" params={{ listId: id }} label="the list's members" /> : null}
      <TargetListPage id={id} />
    </Page>
  );
}
