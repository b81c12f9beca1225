import { Page, PageHeader } from '@/components/layouts/page';
import { useSession } from '@/features/auth/api/session';
import { useOwners } from '@/features/crm/api/owners';
import { ExportButton } from '@/features/exports/components/export-button';
import { AlignmentUpload } from '@/features/territories/components/alignment-upload';
import { TerritoryEditor } from '@/features/territories/components/territory-editor';
import { TerritoryMap } from '@/features/territories/components/territory-map';
import { TerritoryStatsTable } from '@/features/territories/components/territory-stats-table';
import { TerritoryTree } from '@/features/territories/components/territory-tree';
import { canAccess } from '@/lib/authorization';

export function TerritoriesRoute() {
  const user = useSession().data;
  const roles = user?.roles ?? [];
  const people = useOwners(user ?? { id: '', displayName: '', roles: [] }).filter((person) => person.id);
  return (
    <Page width="wide">
      <title>Territories · MedSales</title>
      <PageHeader title="Territories" lead="Regions, districts and territories, the ZIPs in them and who covers them." />
      <TerritoryTree />
      <TerritoryMap />
      <ExportButton kind="territory-stats" label="the territory comparison" />
      <TerritoryStatsTable />
      {canAccess(roles, 'territoryAdmin') ? (
        <>
          <TerritoryEditor people={people} />
          <AlignmentUpload />
        </>
      ) : null}
    </Page>
  );
}
