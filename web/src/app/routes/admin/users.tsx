import { Page, PageHeader } from '@/components/layouts/page';
import { UsersPanel } from '@/features/admin/components/users-panel';
import { useSession } from '@/features/auth/api/session';

export function UsersRoute() {
  const currentUserId = useSession().data?.id;
  return (
    <Page width="wide">
      <title>Users · MedSales</title>
      <PageHeader title="Users" lead="Who can sign in to your organisation's MedSales, and with which roles." />
      <UsersPanel currentUserId={currentUserId} />
    </Page>
  );
}
