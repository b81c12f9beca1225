import type { ReactNode } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';

import { AppShell } from '@/components/layouts/app-shell';

export function RootLayout() {
  return (
    <AppShell>
      <Outlet />
      <ScrollRestoration />
    </AppShell>
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
