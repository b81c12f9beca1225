import { Page, PageHeader } from '@/components/layouts/page';
import { OrganizationSearch } from '@/features/providers/components/organization-search';

export function OrganizationsRoute() {
  return (
    <Page width="wide">
      <title>Organizations · MedSales</title>
      <PageHeader
        title="Organizations"
        lead="Hospitals, groups and clinics, with what their affiliated providers bill, prescribe and are paid."
      />
      <OrganizationSearch />
    </Page>
  );
}
