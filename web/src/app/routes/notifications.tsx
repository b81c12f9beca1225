import { Link } from 'react-router';

import { Page, PageHeader } from '@/components/layouts/page';
import { paths } from '@/config/paths';
import { Inbox } from '@/features/notifications/components/inbox';

export function NotificationsRoute() {
  return (
    <Page>
      <title>Notifications · MedSales</title>
      <PageHeader title="Notifications" lead="What changed for your providers, records and tasks." />
      <p>
        <Link to={paths.notificationSettings}>Notification settings</Link>
      </p>
      <Inbox />
    </Page>
  );
}
