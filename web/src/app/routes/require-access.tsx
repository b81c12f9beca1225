import { Link, Outlet } from 'react-router';

import { buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useSession } from '@/features/auth/api/session';
import { canAccess, roleLabel, rolesFor, type RestrictedArea } from '@/lib/authorization';

/** What a user without access can do about it: the platform's own pages are no tenant role's to give. */
function whatToDo(area: RestrictedArea): string {
  if (area === 'ingestion')
    return (
      'The platform operators run data ingestion: they load the public datasets for every organisation on the ' +
      'platform, so no role in your organisation opens it. The overview shows how fresh each dataset is.'
    );
  return 'Ask an administrator if you need it.';
}

/** A layout route: its pages when the user's roles open `area`, a "not available" page otherwise. */
export function RequireAccess({ area }: { area: RestrictedArea }) {
  const roles = useSession().data?.roles ?? [];
  if (canAccess(roles, area)) return <Outlet />;
  return (
    <>
      <title>Not available · MedSales</title>
      <div data-testid="forbidden">
        <EmptyState
          eyebrow="403"
          title="This page is not available to you"
          actions={
            <Link className={buttonClassName()} to="/">
              Back to overview
            </Link>
          }
        >
          <p>
            It is for the {rolesFor(area).map(roleLabel).join(' or ')} role; you are signed in as{' '}
            {roles.length ? roles.map(roleLabel).join(', ') : 'a user without roles'}. {whatToDo(area)}
          </p>
        </EmptyState>
      </div>
    </>
  );
}
