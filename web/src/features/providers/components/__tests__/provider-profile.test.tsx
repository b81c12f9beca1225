import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { emptyProfile, organization, profile } from '@/testing/fixtures/providers';
import { renderApp } from '@/testing/test-utils';

describe('Provider profile', () => {
  it('renders the header and the Part B, Part D and Open Payments sections', async () => {
    stubApi(({ url }) => (url === '/api/v1/providers/1184802050' ? { body: profile } : undefined));
    renderApp('/providers/1184802050');

    const name = await screen.findByTestId('provider-name');
    expect(name).toHaveTextContent('CHANGPING JIA, MD');
    expect(screen.getByTestId('provider-status')).toHaveTextContent('Active');
    expect(screen.getAllByText('Internal Medicine Physician').length).toBeGreaterThan(0);
    expect(screen.getAllByText('217 GRAND ST STE 401').length).toBeGreaterThan(0);
    expect(screen.getByText('123456 · NY')).toBeInTheDocument();

    const partB = within(screen.getByTestId('provider-partb'));
    const partBYears = within(partB.getByRole('region', { name: 'Medicare Part B by year' }));
    expect(partBYears.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'YearProvider typeServicesBeneficiaries (summed)AllowedPaid',
      '2023Internal Medicine, NY1,520900$61,000.00$48,000.25',
      '2022Internal Medicine, NY1,200800$50,000.50$40,000.00',
    ]);
    expect(partB.getByText('Services: top 48% of Internal Medicine in NY')).toBeInTheDocument();
    expect(partB.getByText('Payments: top 25% of Internal Medicine in NY')).toBeInTheDocument();
    expect(partB.getByText('Established patient office visit')).toBeInTheDocument();
    expect(partB.getByRole('img', { name: 'Part B services by year' })).toHaveAccessibleDescription(
      '2022: 1,200; 2023: 1,520',
    );
    const partBChart = within(partB.getByRole('img', { name: 'Part B services by year' }));
    expect(partBChart.getByTestId('value-axis')).toHaveTextContent(/^05001K1\.5K2KServices$/);
    expect(partBChart.getByTestId('category-axis')).toHaveTextContent('Year');
    expect(partB.getByTestId('chart-legend')).toHaveTextContent('Services');

    const partD = within(screen.getByTestId('provider-partd'));
    expect(partD.getByText('25%')).toBeInTheDocument();
    expect(partD.getByText('75%')).toBeInTheDocument();
    expect(partD.getByText('ELIQUIS')).toBeInTheDocument();
    expect(partD.getByText('Claims: top 10% of Internal Medicine in NY')).toBeInTheDocument();

    const payments = within(screen.getByTestId('provider-openpayments'));
    expect(within(payments.getByRole('region', { name: 'Open Payments by year' })).getByText('$450.75')).toBeInTheDocument();
    expect(within(payments.getByRole('img', { name: 'Open Payments by year' })).getByTestId('value-axis')).toHaveTextContent(/^\$0.*Amount paid$/);
    expect(payments.getByText('Pfizer Inc.')).toBeInTheDocument();
    expect(payments.getByText('Food and Beverage')).toBeInTheDocument();
    expect(payments.getByText('$1,000.00')).toBeInTheDocument();
    const recent = within(payments.getByRole('region', { name: 'Most recent payments' }));
    expect(recent.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'DatePaid byNatureProductsAmount',
      '2023-12-17Pfizer Laboratories Div Pfizer IncEducationIn-kind items and servicesELIQUIS, PREVNAR 20$11.41disputed',
    ]);
    expect(screen.queryByTestId('not-in-registry')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No affiliations found' })).toBeInTheDocument();
    expect(screen.getByTestId('provider-pin')).toBeInTheDocument();
  });

  it('links the affiliated organizations to their pages, with how each was inferred', async () => {
    const affiliation = {
      ...organization.affiliatedProviders[0]!,
      npi: '1326066910',
      name: 'GRAND STREET MEDICAL PC',
      entityType: 'ORGANIZATION',
      latitude: 40.71,
      longitude: -73.99,
    };
    stubApi(({ url }) => (url === '/api/v1/providers/1184802050' ? { body: { ...profile, affiliations: [affiliation] } } : undefined));
    renderApp('/providers/1184802050');

    const table = within(await screen.findByRole('region', { name: 'Organizations this provider is affiliated with' }));
    expect(table.getByRole('link', { name: 'GRAND STREET MEDICAL PC' })).toHaveAttribute('href', '/organizations/1326066910');
    expect(table.getByText('Same practice address')).toBeInTheDocument();
    expect(table.getByText('Authorised official')).toBeInTheDocument();

    // on the map: the practice, its county and state shaded, the nearby organisation as a marker to its page
    const map = screen.getByTestId('provider-pin');
    expect(within(map).getByRole('link', { name: 'GRAND STREET MEDICAL PC' })).toBeInTheDocument();
    await waitFor(() => expect(map.querySelector('[data-geoid="36061"]')).not.toBeNull(), { timeout: 10_000 });
    expect((map.querySelector('[data-fips="36"]') as SVGPathElement).style.fill).not.toBe('');
  }, 20_000);

  it('shows the empty states and the NOT_IN_REGISTRY notice', async () => {
    stubApi(({ url }) => (url === '/api/v1/providers/1999999999' ? { body: emptyProfile } : undefined));
    renderApp('/providers/1999999999');

    expect(await screen.findByTestId('provider-name')).toHaveTextContent('NPI 1999999999');
    expect(screen.getByTestId('not-in-registry')).toHaveTextContent('The loaded NPPES registry does not list NPI 1999999999');
    expect(screen.getByRole('heading', { name: 'No Medicare Part B data' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No Medicare Part D data' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No Open Payments data' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No addresses' })).toBeInTheDocument();
  });

  it('names a provider once with the credential, and writes ZIP+4 and phone numbers as people do', async () => {
    const cms = {
      ...profile,
      name: { ...profile.name, display: 'JOHN SMITSON II, M.D.', first: 'JOHN', last: 'SMITSON', credential: 'M.D.' },
      addresses: [
        { ...profile.addresses[1]!, postalCode: '757513446', zip5: '75751', phone: '9035550123' },
        { ...profile.addresses[0]!, postalCode: '757513446', phone: '903.555.0199' },
      ],
    };
    stubApi(({ url }) => (url === '/api/v1/providers/1184802050' ? { body: cms } : undefined));
    renderApp('/providers/1184802050');

    expect(await screen.findByTestId('provider-name')).toHaveTextContent(/^JOHN SMITSON II, M\.D\.$/);
    const addresses = within(screen.getAllByRole('region', { name: 'Addresses' }).at(-1)!);
    expect(addresses.getAllByText('NEW YORK, NY 75751-3446')).toHaveLength(2);
    expect(addresses.getByText('(903) 555-0123')).toBeInTheDocument();
    expect(addresses.getByText('(903) 555-0199')).toBeInTheDocument();
    expect(screen.queryByText('757513446', { exact: false })).not.toBeInTheDocument();
  });

  it('says when the server does not know the NPI', async () => {
    stubApi(() => undefined);
    renderApp('/providers/123');
    expect(await screen.findByRole('heading', { name: 'No such provider' })).toBeInTheDocument();
  });
});
