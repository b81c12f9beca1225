import { Page, PageHeader } from '@/components/layouts/page';
import { PasswordChangePanel } from '@/features/account/components/password-change-panel';
import { TokensPanel } from '@/features/account/components/tokens-panel';
import { useSession } from '@/features/auth/api/session';
import { roleLabel } from '@/lib/authorization';

export function ProfileRoute() {
  const user = useSession().data;
  return (
    <Page>
      <title>My profile · MedSales</title>
      <PageHeader
        title="My profile"
        lead={user ? `${user.displayName} (${user.username}), ${user.roles.map(roleLabel).join(', ')}.` : undefined}
      />
      <PasswordChangePanel />
      <TokensPanel />
    </Page>
  );
}
