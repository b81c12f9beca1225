import { Page, PageHeader } from '@/components/layouts/page';
import { InvitationsPanel } from '@/features/admin/components/invitations-panel';

export function InvitationsRoute() {
  return (
    <Page width="wide">
      <title>Invitations · MedSales</title>
      <PageHeader title="Invitations" lead="Bring new people in: each gets a link to choose their user name and password." />
      <InvitationsPanel />
    </Page>
  );
}
