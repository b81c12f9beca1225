import { useParams } from 'react-router';

import { AuthLayout } from '@/components/layouts/auth-layout';
import { InvitationAcceptance } from '@/features/auth/components/invitation-acceptance';

/** /invitation/:token, the link an administrator sends: open to visitors who are not signed in. */
export function InvitationRoute() {
  const token = useParams().token ?? '';
  return (
    <AuthLayout title="Join MedSales">
      <title>Invitation · MedSales</title>
      <InvitationAcceptance key={token} token={token} />
    </AuthLayout>
  );
}
