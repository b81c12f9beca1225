import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { LoadingState } from '@/components/ui/query-state';
import { formatCount } from '@/lib/format';

import { useOrganization, type OrganizationTotals } from '../api/get-organization';
import { formatMoney, formatNumber } from '../utils/format';
import { AffiliationsTable } from './affiliations-table';
import {
  AddressesSection,
  displayName,
  IdentifiersSection,
  LocationPin,
  OpenPaymentsSection,
  PartBSection,
  PartDSection,
  ProfileError,
  ProfileHeader,
  TaxonomiesSection,
} from './provider-profile';
import styles from './providers.module.css';

function yearNote(year: number | null): string {
  return year === null ? '' : ` (${year})`;
}

function TotalsPanel({ totals }: { totals: OrganizationTotals }) {
  return (
    <Panel title="Organization totals" subtitle="Over every affiliate, each dataset's latest year" testId="organization-totals">
      <PanelBody>
        <dl className={styles.summary}>
          <div>
            <dt>Affiliated providers</dt>
            <dd>
              {formatCount(totals.affiliatedProviders ?? 0)}
              <span className={styles.secondaryLine}>
                {formatCount(totals.affiliatedIndividuals ?? 0)} individuals · {formatCount(totals.affiliatedOrganizations ?? 0)}{' '}
                organizations
              </span>
            </dd>
          </div>
          <div>
            <dt>Part B services{yearNote(totals.partBYear)}</dt>
            <dd>{formatNumber(totals.partBServices)}</dd>
          </div>
          <div>
            <dt>Part D claims{yearNote(totals.partDYear)}</dt>
            <dd>{formatNumber(totals.partDClaims)}</dd>
          </div>
          <div>
            <dt>Open Payments{yearNote(totals.paymentsYear)}</dt>
            <dd>{formatMoney(totals.payments)}</dd>
          </div>
        </dl>
      </PanelBody>
    </Panel>
  );
}

/** An organisation (HCO): its registry facts, the providers affiliated with it (and how we know), and their totals. */
export function OrganizationProfileView({ npi }: { npi: string }) {
  const query = useOrganization(npi);

  if (query.isPending) return <LoadingState label="Loading the organization…" />;
  if (query.isError) return <ProfileError npi={npi} noun="organization" query={query} />;

  const { organization, affiliatedProviders, totals } = query.data;
  const listed = affiliatedProviders.length;
  const all = totals?.affiliatedProviders ?? listed;
  return (
    <>
      <title>{`${displayName(organization)} · MedSales`}</title>
      <ProfileHeader profile={organization} />
      {totals ? <TotalsPanel totals={totals} /> : null}
      <Panel
        title="Affiliated providers"
        subtitle={
          listed < all
            ? `The ${formatCount(listed)} strongest of ${formatCount(all)}, inferred from the registry`
            : 'Inferred from the registry: same practice address, authorised official, or a shared name'
        }
        testId="organization-affiliates"
      >
        <PanelBody>
          {listed ? (
            <AffiliationsTable label="Providers affiliated with this organization" rows={affiliatedProviders} />
          ) : (
            <PanelEmpty title="No affiliated providers found" testId="organization-affiliates-empty">
              <p>No provider shares a practice address, an official or a name with this organization.</p>
            </PanelEmpty>
          )}
        </PanelBody>
      </Panel>
      <div className={styles.columns}>
        <AddressesSection addresses={organization.addresses} />
        <LocationPin profile={organization} affiliates={affiliatedProviders} />
      </div>
      <TaxonomiesSection taxonomies={organization.taxonomies} />
      <IdentifiersSection profile={organization} />
      {organization.partB.length ? <PartBSection years={organization.partB} /> : null}
      {organization.partD.length ? <PartDSection years={organization.partD} /> : null}
      {organization.openPayments.length ? <OpenPaymentsSection years={organization.openPayments} /> : null}
    </>
  );
}
