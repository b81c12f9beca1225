import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { routes } from '@/app/router';
import { sessionQueryKey, type SessionUser } from '@/features/auth/api/session';
import { unreadQueryKey } from '@/features/notifications/api/notifications';

import { operatorUser } from './fixtures/identity';

/** A QueryClient for one test: no retries, no cache carried between tests. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** Renders a component with the app's data providers. */
export function renderWithProviders(ui: ReactElement, options?: Omit<RenderOptions, 'wrapper'>) {
  const queryClient = createTestQueryClient();
  const result = render(ui, {
    ...options,
    wrapper: ({ children }) => <Providers client={queryClient}>{children}</Providers>,
  });
  return { ...result, queryClient };
}

type RenderAppOptions = {
  /**
   * Who is signed in: the session the app starts with (no GET /api/v1/auth/session is made).
   * `null` for a visitor who is not signed in; omitted: the session comes from the API stub.
   * Defaults to the platform operator, who sees the data ingestion pages.
   */
  user?: SessionUser | null | 'fetch';
  /** The header bell's unread count: none, known (so screens' own request lists hold no bell), unless 'fetch'. */
  unread?: 'fetch';
};

/** Renders the whole app (shell + routes) at a given URL. */
export function renderApp(url = '/', { user = operatorUser, unread }: RenderAppOptions = {}) {
  const queryClient = createTestQueryClient();
  if (user !== 'fetch') queryClient.setQueryData(sessionQueryKey, user);
  if (unread !== 'fetch') queryClient.setQueryData(unreadQueryKey, { items: [], unreadCount: 0, nextCursor: null });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const result = render(
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, queryClient, router };
}
