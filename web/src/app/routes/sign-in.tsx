import { Navigate, useLocation, useSearchParams } from 'react-router';

import { AuthLayout } from '@/components/layouts/auth-layout';
import { FormSuccess } from '@/components/ui/form';
import { LoadingState } from '@/components/ui/query-state';
import { safeNextPath } from '@/config/paths';
import { useSession } from '@/features/auth/api/session';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { SsoSignInForm } from '@/features/auth/components/sso-sign-in-form';

import type { SignInNotice } from './root-layout';

const NOTICES = {
  expired: 'Your session has ended. Sign in again to go on where you were.',
  'signed-out': 'You have signed out.',
} as const;

/** /sign-in?next=/where/you/were: once signed in (or already), goes on to `next`. */
export function SignInRoute() {
  const [searchParams] = useSearchParams();
  const notice = (useLocation().state as SignInNotice | null)?.notice;
  const session = useSession();
  const next = safeNextPath(searchParams.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  return (
    <AuthLayout title="Sign in to MedSales">
      <title>Sign in · MedSales</title>
      {session.isPending ? (
        <LoadingState label="Checking your session…" />
      ) : (
        <>
          {notice ? <FormSuccess>{NOTICES[notice]}</FormSuccess> : null}
          <SignInForm initialUsername={searchParams.get('username') ?? ''} />
          <SsoSignInForm failed={searchParams.get('error') === 'sso'} />
        </>
      )}
    </AuthLayout>
  );
}
