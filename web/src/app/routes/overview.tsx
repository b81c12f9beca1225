import { Page, PageHeader } from '@/components/layouts/page';
import { useSession } from '@/features/auth/api/session';
import { ForecastPanel } from '@/features/crm/components/forecast-panel';
import { FreshnessPanel } from '@/features/health/components/freshness-panel';
import { ManagerHome } from '@/features/targeting/components/manager-home';
import { RepHome } from '@/features/targeting/components/rep-home';

/**
 * Each role's first page: a rep's day, a manager's team (with the pipeline forecast), and for an
 * administrator the team view with the data-status overview as a panel; the platform operator keeps the
 * data status alone.
 */
export function OverviewRoute() {
  const roles = useSession().data?.roles ?? [];
  const admin = roles.includes('ADMIN');
  const manager = admin || roles.includes('MANAGER');
  const rep = !manager && roles.includes('REP');
  return (
    <Page width={manager ? 'wide' : undefined}>
      <title>Overview · MedSales</title>
      <PageHeader
        title="Overview"
        lead={
          rep
            ? 'Tasks due, targets still to see this period, and what changed since your last visit.'
            : manager
              ? "Your team's reach and frequency, overdue tasks and the pipeline forecast."
              : 'The state of the MedSales platform and the public datasets it is built on.'
        }
      />
      {rep ? <RepHome /> : null}
      {manager ? (
        <>
          <ManagerHome />
          <ForecastPanel />
        </>
      ) : null}
      {admin || (!rep && !manager) ? <FreshnessPanel /> : null}
    </Page>
  );
}
