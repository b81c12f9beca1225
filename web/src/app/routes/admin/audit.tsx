import { Page, PageHeader } from '@/components/layouts/page';
import { AuditTrail } from '@/features/audit/components/audit-trail';

export function AuditRoute() {
  return (
    <Page width="wide">
      <title>Audit trail · MedSales</title>
      <PageHeader title="Audit trail" lead="Who did what, when and from where: tamper-evident, newest first." />
      <AuditTrail />
    </Page>
  );
}
