import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';

import { AuthLayout } from '@/components/layouts/auth-layout';
import { AppShell } from '@/components/layouts/app-shell';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { paths, signInHref } from '@/config/paths';
import { sessionQueryKey, useSession } from '@/features/auth/api/session';
import { useSignOut } from '@/features/auth/api/sign-out';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { onUnauthorized } from '@/lib/api-client';

/** Why the sign-in page is shown, as the location state of the redirect to it. */
export type SignInNotice = { notice?: 'expired' | 'signed-out' };

/**
 * The signed-in part of the app: the shell around the pages. Signed-out visitors go to the
 * sign-in page, which brings them back here; so does any 401 from the API (the session ended).
 */
export function RootLayout() {
  const queryClient = useQueryClient();
  const location = useLocation();
  const session = useSession();
  const signOut = useSignOut();
  const [ending, setEnding] = useState<SignInNotice['notice']>();

  useEffect(
    () =>
      onUnauthorized(() => {
        setEnding((current) => current ?? 'expired');
        queryClient.setQueryData(sessionQueryKey, null);
      }),
    [queryClient],
  );

  if (session.data?.mustChangePassword && location.pathname !== paths.profile) {
    // the API answers nothing else until the password is changed, and the profile page is where that is done
    return <Navigate to={paths.profile} replace />;
  }

  if (session.data) {
    return (
      <AppShell
        user={session.data}
        signingOut={signOut.isPending}
        headerExtras={session.data.mustChangePassword ? undefined : <NotificationBell />}
        onSignOut={() => {
          setEnding('signed-out');
          signOut.mutate();
        }}
      >
        <Outlet />
        <ScrollRestoration />
      </AppShell>
    );
  }

  if (session.data === null) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    const state: SignInNotice = { notice: ending };
    return <Navigate to={ending === 'signed-out' ? paths.signIn : signInHref(here)} replace state={state} />;
  }

  return (
    <AuthLayout title="MedSales">
      {session.isError ? (
        <ErrorState
          title="Could not check your session"
          error={session.error}
          onRetry={() => void session.refetch()}
          retrying={session.isFetching}
          headingLevel={2}
        />
      ) : (
        <LoadingState label="Checking your session…" />
      )}
    </AuthLayout>
  );
}

/** Used only when the shell itself fails: the error without the (broken) chrome. */
export function RootLayoutError({ children }: { children: ReactNode }) {
  return (
    <main id="main-content" style={{ padding: 'var(--space-5)' }}>
      {children}
    </main>
  );
}
