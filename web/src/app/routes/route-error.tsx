import { isRouteErrorResponse, useRouteError } from 'react-router';

import { ErrorFallback } from '@/components/errors/error-fallback';

import { NotFoundRoute } from './not-found';

/** errorElement of the routes: a readable error state inside the shell. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <>
      <title>Error · MedSales</title>
      <ErrorFallback error={shown} />
    </>
  );
}
