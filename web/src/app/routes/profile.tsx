import { useQueryClient } from '@tanstack/react-query';

import { Page, PageHeader } from '@/components/layouts/page';
import { FormAlert } from '@/components/ui/form';
import { PasswordChangePanel } from '@/features/account/components/password-change-panel';
import { TokensPanel } from '@/features/account/components/tokens-panel';
import { sessionQueryKey, useSession } from '@/features/auth/api/session';
import { roleLabel } from '@/lib/authorization';

export function ProfileRoute() {
  const queryClient = useQueryClient();
  const user = useSession().data;
  const mustChange = user?.mustChangePassword === true;
  return (
    <Page>
      <title>My profile · MedSales</title>
      <PageHeader
        title="My profile"
        lead={user ? `${user.displayName} (${user.username}), ${user.roles.map(roleLabel).join(', ')}.` : undefined}
      />
      {mustChange ? (
        <FormAlert>An administrator reset your password. Choose a new one to continue.</FormAlert>
      ) : null}
      <PasswordChangePanel
        onChanged={() => {
          if (mustChange) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        }}
      />
      {mustChange ? null : <TokensPanel />}
    </Page>
  );
}
