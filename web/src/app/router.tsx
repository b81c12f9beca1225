import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';

import { paths } from '@/config/paths';

import { IngestionRoute } from './routes/admin/ingestion';
import { IngestionRunRoute } from './routes/admin/ingestion-run';
import { NotFoundRoute } from './routes/not-found';
import { OverviewRoute } from './routes/overview';
import { ProviderRoute } from './routes/provider';
import { ProvidersRoute } from './routes/providers';
import { RootLayout, RootLayoutError } from './routes/root-layout';
import { RouteError } from './routes/route-error';

/**
 * Client-side routes. Any other path is answered by the server with index.html
 * (SPA fallback) and lands on the not-found route below.
 */
export const routes: RouteObject[] = [
  {
    path: paths.overview,
    element: <RootLayout />,
    errorElement: (
      <RootLayoutError>
        <RouteError />
      </RootLayoutError>
    ),
    children: [
      {
        // Pathless route: page errors render inside the shell, navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <OverviewRoute /> },
          { path: paths.providers, element: <ProvidersRoute /> },
          { path: paths.provider, element: <ProviderRoute /> },
          { path: paths.ingestion, element: <IngestionRoute /> },
          { path: paths.ingestionRun, element: <IngestionRunRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

export function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
