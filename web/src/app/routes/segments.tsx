import { Page, PageHeader } from '@/components/layouts/page';
import { useSession } from '@/features/auth/api/session';
import { ExportButton } from '@/features/exports/components/export-button';
import { Segments } from '@/features/segments/components/segments';
import { canAccess } from '@/lib/authorization';

export function SegmentsRoute() {
  const roles = useSession().data?.roles ?? [];
  return (
    <Page width="wide">
      <title>Segments · MedSales</title>
      <PageHeader
        title="Segments"
        lead="Market baskets of drugs or procedures, every provider's volume in them and their decile, recomputed after every data load."
      />
      <Segments
        canEdit={canAccess(roles, 'territoryAdmin')}
        listActions={(params) => <ExportButton kind="basket-deciles" params={params} label="the basket's providers" />}
      />
    </Page>
  );
}
