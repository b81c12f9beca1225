import type { ReactNode } from 'react';

import { PageHeader } from '@/components/layouts/page';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { StatusBadge } from '@/components/ui/status-badge';
import tableStyles from '@/components/ui/data-table.module.css';
import { isApiError } from '@/lib/api-client';
import { formatCount, formatPhone, formatPostalCode } from '@/lib/format';

import {
  useProvider,
  type Affiliation,
  type AmountByName,
  type OpenPaymentsYear,
  type Payment,
  type PartBYear,
  type PartDYear,
  type ProviderAddress,
  type ProviderProfile,
} from '../api/get-provider';
import { credentialSuffix, ENTITY_TYPE_LABELS, formatMoney, formatNumber, share, statusLabel, topPercent } from '../utils/format';
import { AffiliationsTable } from './affiliations-table';
import { BarChart } from './bar-chart';
import { LocationMap } from './location-map';
import styles from './providers.module.css';
import { ProviderBasketsSection } from './provider-baskets';

const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;

function byYearDesc<T extends { year: number | null }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
}

export function displayName(profile: ProviderProfile): string {
  const name = profile.name;
  const fromParts = [name?.first, name?.middle, name?.last].filter(Boolean).join(' ');
  return name?.display || name?.organization || fromParts || `NPI ${profile.npi}`;
}

export function addressLines(address: ProviderAddress): string[] {
  const cityLine = [[address.city, address.state].filter(Boolean).join(', '), formatPostalCode(address.postalCode ?? address.zip5)]
    .filter(Boolean)
    .join(' ');
  return [address.line1, address.line2, cityLine].filter((line): line is string => Boolean(line));
}

export function Table({ label, head, children }: { label: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className={`${tableStyles.wrapper} ${tableStyles.scroll}`} role="region" aria-label={label} tabIndex={0}>
      <table className={`${tableStyles.table} ${tableStyles.narrowColumns} ${tableStyles.compact}`}>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Subsection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.facet}>
      <h3 className={styles.subheading}>{title}</h3>
      {children}
    </section>
  );
}

function AmountTable({ label, rows }: { label: string; rows: readonly AmountByName[] }) {
  if (!rows.length) return <p className={styles.muted}>None reported.</p>;
  return (
    <Table
      label={label}
      head={
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className={tableStyles.alignRight}>Payments</th>
          <th scope="col" className={tableStyles.alignRight}>Amount</th>
        </tr>
      }
    >
      {rows.map((row, index) => (
        <tr key={`${row.name ?? ''}-${index}`}>
          <td>{row.name ?? '—'}</td>
          <td className={right}>{formatNumber(row.payments)}</td>
          <td className={right}>{formatMoney(row.amount)}</td>
        </tr>
      ))}
    </Table>
  );
}

function RecentPaymentsTable({ rows }: { rows: readonly Payment[] }) {
  if (!rows.length) return <p className={styles.muted}>None reported.</p>;
  return (
    <Table
      label="Most recent payments"
      head={
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Paid by</th>
          <th scope="col">Nature</th>
          <th scope="col">Products</th>
          <th scope="col" className={tableStyles.alignRight}>Amount</th>
        </tr>
      }
    >
      {rows.map((row, index) => (
        <tr key={row.recordId ?? index}>
          <td>{row.date ?? '—'}</td>
          <td>{row.payer ?? '—'}</td>
          <td>
            {row.nature ?? '—'}
            {row.form ? <span className={styles.secondaryLine}>{row.form}</span> : null}
          </td>
          <td>{row.products.length ? row.products.join(', ') : '—'}</td>
          <td className={right}>
            {formatMoney(row.amount)}
            {row.disputed ? <span className={styles.secondaryLine}>disputed</span> : null}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** "top 48% of Dermatology in CO", from a percentile within the peer group. */
function percentileText(metric: string, percentile: number | null, peer: string | null, state: string | null) {
  const top = topPercent(percentile);
  if (!top) return null;
  return (
    <li>
      {metric}: {top}
      {peer ? ` of ${peer}` : ''}
      {state ? ` in ${state}` : ''}
    </li>
  );
}

export function AddressesSection({ addresses }: { addresses: ProviderProfile['addresses'] }) {
  return (
    <Panel title="Addresses">
      <PanelBody>
        {addresses.length ? (
          <Table
            label="Addresses"
            head={
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Address</th>
                <th scope="col">Phone</th>
              </tr>
            }
          >
            {addresses.map((address, index) => (
              <tr key={`${address.kind ?? ''}-${index}`}>
                <td>{address.kind ?? '—'}</td>
                <td>
                  {addressLines(address).map((line) => (
                    <span key={line} className={styles.secondaryLine}>
                      {line}
                    </span>
                  ))}
                </td>
                <td>{formatPhone(address.phone) ?? '—'}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <PanelEmpty title="No addresses">
            <p>NPPES lists no address for this NPI.</p>
          </PanelEmpty>
        )}
      </PanelBody>
    </Panel>
  );
}

export function TaxonomiesSection({ taxonomies }: { taxonomies: ProviderProfile['taxonomies'] }) {
  return (
    <Panel title="Taxonomies">
      <PanelBody>
        {taxonomies.length ? (
          <Table
            label="Taxonomies"
            head={
              <tr>
                <th scope="col">Specialty</th>
                <th scope="col">Code</th>
                <th scope="col">License</th>
                <th scope="col">Primary</th>
              </tr>
            }
          >
            {taxonomies.map((taxonomy, index) => (
              <tr key={`${taxonomy.code ?? ''}-${index}`}>
                <td>{taxonomy.displayName ?? '—'}</td>
                <td>{taxonomy.code ?? '—'}</td>
                <td>{[taxonomy.licenseNumber, taxonomy.licenseState].filter(Boolean).join(' · ') || '—'}</td>
                <td>{taxonomy.primary ? 'Primary' : ''}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <PanelEmpty title="No taxonomies">
            <p>NPPES lists no taxonomy for this NPI.</p>
          </PanelEmpty>
        )}
      </PanelBody>
    </Panel>
  );
}

export function PartBSection({ years }: { years: readonly PartBYear[] }) {
  const rows = byYearDesc(years);
  const latest = rows[0];
  return (
    <Panel title="Medicare Part B" subtitle="Physician and other practitioner services, by year" testId="provider-partb">
      <PanelBody>
        {!latest ? (
          <PanelEmpty title="No Medicare Part B data">
            <p>CMS publishes no Part B services for this NPI in the loaded years.</p>
          </PanelEmpty>
        ) : (
          <>
            <Table
              label="Medicare Part B by year"
              head={
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Provider type</th>
                  <th scope="col" className={tableStyles.alignRight}>Services</th>
                  <th scope="col" className={tableStyles.alignRight}>Beneficiaries (summed)</th>
                  <th scope="col" className={tableStyles.alignRight}>Allowed</th>
                  <th scope="col" className={tableStyles.alignRight}>Paid</th>
                </tr>
              }
            >
              {rows.map((row, index) => (
                <tr key={row.year ?? index}>
                  <th scope="row">{row.year ?? '—'}</th>
                  <td>{[row.providerType, row.state].filter(Boolean).join(', ') || '—'}</td>
                  <td className={right}>{formatNumber(row.services)}</td>
                  <td className={right}>{formatNumber(row.beneficiariesSummedOverServices)}</td>
                  <td className={right}>{formatMoney(row.allowedAmount)}</td>
                  <td className={right}>{formatMoney(row.paymentAmount)}</td>
                </tr>
              ))}
            </Table>
            <div className={styles.columns}>
              <BarChart
                title="Part B services by year"
                series="Services"
                bars={[...rows].reverse().flatMap((row) =>
                  row.year !== null && row.services !== null ? [{ label: String(row.year), value: row.services }] : [],
                )}
                format={(value) => formatNumber(value)}
              />
              <Subsection title={`Percentiles in ${latest.year ?? 'the latest year'}`}>
                {latest.servicesPercentile === null && latest.paymentPercentile === null ? (
                  <p className={styles.muted}>No percentile for this year.</p>
                ) : (
                  <ul className={styles.percentiles}>
                    {percentileText('Services', latest.servicesPercentile, latest.providerType, latest.state)}
                    {percentileText('Payments', latest.paymentPercentile, latest.providerType, latest.state)}
                  </ul>
                )}
              </Subsection>
            </div>
            <Subsection title={`Top procedures in ${latest.year ?? 'the latest year'}`}>
              {latest.topProcedures.length ? (
                <Table
                  label="Top procedures"
                  head={
                    <tr>
                      <th scope="col">HCPCS</th>
                      <th scope="col">Description</th>
                      <th scope="col" className={tableStyles.alignRight}>Services</th>
                    </tr>
                  }
                >
                  {latest.topProcedures.map((procedure, index) => (
                    <tr key={`${procedure.hcpcs ?? ''}-${index}`}>
                      <td>{procedure.hcpcs ?? '—'}</td>
                      <td>{procedure.description ?? '—'}</td>
                      <td className={right}>{formatNumber(procedure.services)}</td>
                    </tr>
                  ))}
                </Table>
              ) : (
                <p className={styles.muted}>No procedure detail (rows may be suppressed).</p>
              )}
            </Subsection>
          </>
        )}
      </PanelBody>
    </Panel>
  );
}

export function PartDSection({ years }: { years: readonly PartDYear[] }) {
  const rows = byYearDesc(years);
  const latest = rows[0];
  return (
    <Panel title="Medicare Part D" subtitle="Prescriptions, by year" testId="provider-partd">
      <PanelBody>
        {!latest ? (
          <PanelEmpty title="No Medicare Part D data">
            <p>CMS publishes no Part D prescriptions for this NPI in the loaded years.</p>
          </PanelEmpty>
        ) : (
          <>
            <Table
              label="Medicare Part D by year"
              head={
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Provider type</th>
                  <th scope="col" className={tableStyles.alignRight}>Claims</th>
                  <th scope="col" className={tableStyles.alignRight}>30-day fills</th>
                  <th scope="col" className={tableStyles.alignRight}>Drug cost</th>
                  <th scope="col" className={tableStyles.alignRight}>Brand</th>
                  <th scope="col" className={tableStyles.alignRight}>Generic</th>
                </tr>
              }
            >
              {rows.map((row, index) => (
                <tr key={row.year ?? index}>
                  <th scope="row">{row.year ?? '—'}</th>
                  <td>{[row.providerType, row.state].filter(Boolean).join(', ') || '—'}</td>
                  <td className={right}>{formatNumber(row.claims)}</td>
                  <td className={right}>{formatNumber(row.thirtyDayFills)}</td>
                  <td className={right}>{formatMoney(row.drugCost)}</td>
                  <td className={right}>{share(row.brandClaims, row.claims)}</td>
                  <td className={right}>{share(row.genericClaims, row.claims)}</td>
                </tr>
              ))}
            </Table>
            <div className={styles.columns}>
              <BarChart
                title="Part D claims by year"
                series="Claims"
                bars={[...rows].reverse().flatMap((row) =>
                  row.year !== null && row.claims !== null ? [{ label: String(row.year), value: row.claims }] : [],
                )}
                format={(value) => formatNumber(value)}
              />
              <Subsection title={`Percentiles in ${latest.year ?? 'the latest year'}`}>
                {latest.claimsPercentile === null && latest.costPercentile === null ? (
                  <p className={styles.muted}>No percentile for this year.</p>
                ) : (
                  <ul className={styles.percentiles}>
                    {percentileText('Claims', latest.claimsPercentile, latest.providerType, latest.state)}
                    {percentileText('Drug cost', latest.costPercentile, latest.providerType, latest.state)}
                  </ul>
                )}
              </Subsection>
            </div>
            <Subsection title={`Top drugs in ${latest.year ?? 'the latest year'}`}>
              {latest.topDrugs.length ? (
                <Table
                  label="Top drugs"
                  head={
                    <tr>
                      <th scope="col">Brand</th>
                      <th scope="col">Generic</th>
                      <th scope="col" className={tableStyles.alignRight}>Claims</th>
                      <th scope="col" className={tableStyles.alignRight}>Cost</th>
                    </tr>
                  }
                >
                  {latest.topDrugs.map((drug, index) => (
                    <tr key={`${drug.brandName ?? ''}-${drug.genericName ?? ''}-${index}`}>
                      <td>{drug.brandName ?? '—'}</td>
                      <td>{drug.genericName ?? '—'}</td>
                      <td className={right}>{formatNumber(drug.claims)}</td>
                      <td className={right}>{formatMoney(drug.drugCost)}</td>
                    </tr>
                  ))}
                </Table>
              ) : (
                <p className={styles.muted}>No drug detail (rows may be suppressed).</p>
              )}
            </Subsection>
          </>
        )}
      </PanelBody>
    </Panel>
  );
}

export function OpenPaymentsSection({ years }: { years: readonly OpenPaymentsYear[] }) {
  const rows = byYearDesc(years);
  const latest = rows[0];
  return (
    <Panel title="Open Payments" subtitle="Payments from drug and device manufacturers, by program year" testId="provider-openpayments">
      <PanelBody>
        {!latest ? (
          <PanelEmpty title="No Open Payments data">
            <p>No manufacturer reported a payment to this NPI in the loaded years.</p>
          </PanelEmpty>
        ) : (
          <>
            <Table
              label="Open Payments by year"
              head={
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col" className={tableStyles.alignRight}>Payments</th>
                  <th scope="col" className={tableStyles.alignRight}>Total</th>
                  <th scope="col" className={tableStyles.alignRight}>Disputed</th>
                  <th scope="col" className={tableStyles.alignRight}>Research</th>
                  <th scope="col" className={tableStyles.alignRight}>Ownership</th>
                </tr>
              }
            >
              {rows.map((row, index) => (
                <tr key={row.year ?? index}>
                  <th scope="row">{row.year ?? '—'}</th>
                  <td className={right}>{formatNumber(row.payments)}</td>
                  <td className={right}>{formatMoney(row.totalAmount)}</td>
                  <td className={right}>{formatMoney(row.disputedAmount)}</td>
                  <td className={right}>
                    {formatMoney(row.researchAmount)}
                    {row.researchPayments !== null ? (
                      <span className={styles.secondaryLine}>{formatCount(row.researchPayments)} payments</span>
                    ) : null}
                  </td>
                  <td className={right}>
                    {formatMoney(row.ownershipValue)}
                    {row.ownershipInterests !== null ? (
                      <span className={styles.secondaryLine}>{formatCount(row.ownershipInterests)} interests</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </Table>
            <div className={styles.columns}>
              <Subsection title={`By manufacturer in ${latest.year ?? 'the latest year'}`}>
                <AmountTable label="Payments by manufacturer" rows={latest.byManufacturer} />
              </Subsection>
              <Subsection title={`By nature in ${latest.year ?? 'the latest year'}`}>
                <AmountTable label="Payments by nature" rows={latest.byNature} />
              </Subsection>
            </div>
            <div className={styles.columns}>
              <BarChart
                title="Open Payments by year"
                series="Amount paid"
                money
                bars={[...rows].reverse().flatMap((row) =>
                  row.year !== null && row.totalAmount !== null ? [{ label: String(row.year), value: row.totalAmount }] : [],
                )}
                format={(value) => formatMoney(value)}
              />
              <Subsection title={`By product in ${latest.year ?? 'the latest year'}`}>
                <AmountTable label="Payments by product" rows={latest.byProduct} />
              </Subsection>
            </div>
            <Subsection title={`Most recent payments in ${latest.year ?? 'the latest year'}`}>
              <RecentPaymentsTable rows={latest.recentPayments} />
            </Subsection>
          </>
        )}
      </PanelBody>
    </Panel>
  );
}

function officialName(official: NonNullable<ProviderProfile['authorizedOfficial']>): string {
  return [official.prefix, official.first, official.middle, official.last, official.suffix].filter(Boolean).join(' ');
}

/** Other identifiers (Medicaid, payer ids...), other names (former, doing business as) and the authorised official. */
export function IdentifiersSection({ profile }: { profile: ProviderProfile }) {
  const official = profile.authorizedOfficial;
  const officialText = official ? officialName(official) : '';
  return (
    <Panel title="Identifiers and other names" testId="provider-identifiers">
      <PanelBody>
        <div className={styles.columns}>
          <Subsection title="Identifiers">
            {profile.identifiers.length ? (
              <Table
                label="Identifiers"
                head={
                  <tr>
                    <th scope="col">Identifier</th>
                    <th scope="col">Type</th>
                    <th scope="col">State</th>
                    <th scope="col">Issuer</th>
                  </tr>
                }
              >
                {profile.identifiers.map((row, index) => (
                  <tr key={`${row.identifier ?? ''}-${index}`}>
                    <td>{row.identifier ?? '—'}</td>
                    <td>{row.typeCode ?? '—'}</td>
                    <td>{row.state ?? '—'}</td>
                    <td>{row.issuer ?? '—'}</td>
                  </tr>
                ))}
              </Table>
            ) : (
              <p className={styles.muted}>No other identifiers.</p>
            )}
          </Subsection>
          <Subsection title="Other names">
            {profile.otherNames.length ? (
              <ul className={styles.percentiles}>
                {profile.otherNames.map((row, index) => (
                  <li key={`${row.name ?? ''}-${index}`}>
                    {row.name ?? '—'}
                    {row.typeCode ? <span className={styles.muted}> (type {row.typeCode})</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className={styles.muted}>No other names.</p>
            )}
            {officialText ? (
              <p data-testid="authorized-official">
                Authorised official: {officialText}
                {official?.credential ? `, ${official.credential}` : ''}
                {official?.title ? <span className={styles.secondaryLine}>{official.title}</span> : null}
                {official?.phone ? <span className={styles.secondaryLine}>{formatPhone(official.phone)}</span> : null}
              </p>
            ) : null}
          </Subsection>
        </div>
      </PanelBody>
    </Panel>
  );
}

/** The practice location on the offline Census map (ZIP-centroid precision, as geocoded at ingestion), with its state
 * and county and the nearby affiliated organisations. */
export function LocationPin({ profile, affiliates }: { profile: ProviderProfile; affiliates: readonly Affiliation[] }) {
  const located = profile.addresses.find(
    (address) => address.kind?.toUpperCase() === 'PRACTICE' && address.latitude !== null && address.longitude !== null,
  ) ?? profile.addresses.find((address) => address.latitude !== null && address.longitude !== null);
  if (!located || located.latitude === null || located.longitude === null) return null;
  return (
    <Panel title="Location" subtitle={located.geoPrecision ? `Precision: ${located.geoPrecision.toLowerCase()}` : undefined}>
      <PanelBody>
        <LocationMap
          label={displayName(profile)}
          lat={located.latitude}
          lon={located.longitude}
          state={located.state}
          affiliates={affiliates}
        />
      </PanelBody>
    </Panel>
  );
}

export function ProfileHeader({ profile }: { profile: ProviderProfile }) {
  const primaryTaxonomy = profile.taxonomies.find((taxonomy) => taxonomy.primary) ?? profile.taxonomies[0];
  const practice = profile.addresses.find((address) => address.kind?.toUpperCase() === 'PRACTICE') ?? profile.addresses[0];
  const credential = credentialSuffix(displayName(profile), profile.name?.credential);
  const entityType = profile.entityType ? (ENTITY_TYPE_LABELS[profile.entityType.toUpperCase()] ?? profile.entityType) : undefined;
  return (
    <>
      <PageHeader
        titleTestId="provider-name"
        title={
          <>
            {displayName(profile)}
            {credential ? <span className={styles.muted}>, {credential}</span> : null}
          </>
        }
        lead={primaryTaxonomy?.displayName ?? undefined}
      />
      <Panel title="Summary" actions={profile.status ? <StatusBadge status={profile.status} label={statusLabel(profile.status)} size="large" testId="provider-status" /> : undefined}>
        <PanelBody>
          {profile.status?.toUpperCase() === 'NOT_IN_REGISTRY' || profile.inRegistry === false ? (
            <p className={styles.notice} role="note" data-testid="not-in-registry">
              The loaded NPPES registry does not list NPI {profile.npi}: the name, address and specialty shown are those
              of the latest CMS file that names it (below). When a registry file lists the NPI, its facts replace these.
            </p>
          ) : null}
          <dl className={styles.summary}>
            <div>
              <dt>NPI</dt>
              <dd>{profile.npi}</dd>
            </div>
            {entityType ? (
              <div>
                <dt>Entity type</dt>
                <dd>{entityType}</dd>
              </div>
            ) : null}
            <div>
              <dt>Primary specialty</dt>
              <dd>{primaryTaxonomy ? `${primaryTaxonomy.displayName ?? primaryTaxonomy.code ?? '—'}` : '—'}</dd>
            </div>
            <div>
              <dt>Practice address</dt>
              <dd>
                {practice
                  ? addressLines(practice).map((line) => (
                      <span key={line} className={styles.secondaryLine}>
                        {line}
                      </span>
                    ))
                  : '—'}
                {practice?.phone ? <span className={styles.secondaryLine}>{formatPhone(practice.phone)}</span> : null}
              </dd>
            </div>
            {profile.enumerationDate ? (
              <div>
                <dt>Enumerated</dt>
                <dd>{profile.enumerationDate}</dd>
              </div>
            ) : null}
            {profile.lastUpdateDate ? (
              <div>
                <dt>Last updated</dt>
                <dd>{profile.lastUpdateDate}</dd>
              </div>
            ) : null}
            {profile.deactivationDate ? (
              <div>
                <dt>Deactivated</dt>
                <dd>{profile.deactivationDate}</dd>
              </div>
            ) : null}
          </dl>
        </PanelBody>
      </Panel>
    </>
  );
}

/** A profile that could not be loaded: "No such <noun>" for a 404, else the error with a retry. */
export function ProfileError({
  npi,
  noun,
  query,
}: {
  npi: string;
  noun: string;
  query: { error: unknown; isFetching: boolean; refetch: () => unknown };
}) {
  const notFound = isApiError(query.error) && query.error.status === 404;
  return (
    <>
      <PageHeader titleTestId="provider-name" title={`NPI ${npi}`} />
      <ErrorState
        headingLevel={2}
        title={notFound ? `No such ${noun}` : `Could not load the ${noun}`}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    </>
  );
}

/** Everything MedSales knows about one NPI: registry record, Medicare figures and industry payments. */
export function ProviderProfileView({ npi }: { npi: string }) {
  const query = useProvider(npi);

  if (query.isPending) return <LoadingState label="Loading the provider…" />;
  if (query.isError) return <ProfileError npi={npi} noun="provider" query={query} />;

  const profile = query.data;
  return (
    <>
      <title>{`${displayName(profile)} · MedSales`}</title>
      <ProfileHeader profile={profile} />
      <div className={styles.columns}>
        <AddressesSection addresses={profile.addresses} />
        <LocationPin profile={profile} affiliates={profile.affiliations} />
      </div>
      <TaxonomiesSection taxonomies={profile.taxonomies} />
      <Panel title="Affiliated organizations" subtitle="Inferred from the registry" testId="provider-affiliations">
        <PanelBody>
          {profile.affiliations.length ? (
            <AffiliationsTable label="Organizations this provider is affiliated with" rows={profile.affiliations} />
          ) : (
            <PanelEmpty title="No affiliations found">
              <p>No organisation shares a practice address, an official or a name with this NPI.</p>
            </PanelEmpty>
          )}
        </PanelBody>
      </Panel>
      <ProviderBasketsSection npi={profile.npi} />
      <PartBSection years={profile.partB} />
      <PartDSection years={profile.partD} />
      <OpenPaymentsSection years={profile.openPayments} />
      <IdentifiersSection profile={profile} />
    </>
  );
}
