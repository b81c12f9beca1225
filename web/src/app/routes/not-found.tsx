import { Link, useLocation } from 'react-router';

import { buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <>
      <title>Page not found · MedSales</title>
      <div data-testid="not-found">
        <EmptyState
          eyebrow="404"
          title="Page not found"
          actions={
            <Link className={buttonClassName()} to="/">
              Back to overview
            </Link>
          }
        >
          <p>
            There is no page at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
          </p>
        </EmptyState>
      </div>
    </>
  );
}
