import { Page, PageHeader } from '@/components/layouts/page';
import { useSession } from '@/features/auth/api/session';
import { AlignmentUpload } from '@/features/territories/components/alignment-upload';
import { TerritoryMap } from '@/features/territories/components/territory-map';
import { TerritoryTree } from '@/features/territories/components/territory-tree';
import { canAccess } from '@/lib/authorization';

export function TerritoriesRoute() {
  const roles = useSession().data?.roles ?? [];
  return (
    <Page width="wide">
      <title>Territories · MedSales</title>
      <PageHeader title="Territories" lead="Regions, districts and territories, the ZIPs in them and who covers them." />
      <TerritoryTree />
      <TerritoryMap />
      {canAccess(roles, 'territoryAdmin') ? <AlignmentUpload /> : null}
    </Page>
  );
}
