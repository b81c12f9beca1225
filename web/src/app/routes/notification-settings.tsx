import { Page, PageHeader } from '@/components/layouts/page';
import { NotificationSettingsPanel } from '@/features/notifications/components/settings-form';

export function NotificationSettingsRoute() {
  return (
    <Page>
      <title>Notification settings · MedSales</title>
      <PageHeader title="Notification settings" lead="Which notifications reach you, and how." />
      <NotificationSettingsPanel />
    </Page>
  );
}
