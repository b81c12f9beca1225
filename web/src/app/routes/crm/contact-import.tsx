import { Page, PageHeader } from '@/components/layouts/page';
import { ContactImport } from '@/features/crm/components/contact-import';

export function ContactImportRoute() {
  return (
    <Page width="wide">
      <title>Import contacts · MedSales</title>
      <PageHeader
        title="Import contacts"
        lead="Bring your contacts from another CRM: each row is matched to a provider by name, specialty and ZIP."
      />
      <ContactImport />
    </Page>
  );
}
