import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { organization, searchPage1 } from '@/testing/fixtures/providers';
import { renderApp } from '@/testing/test-utils';

describe('Organization profile', () => {
  it('shows the facts, totals and affiliated providers with how each was inferred', async () => {
    stubApi(({ url }) => (url === '/api/v1/organizations/1326066910' ? { body: organization } : undefined));
    renderApp('/organizations/1326066910');

    expect(await screen.findByTestId('provider-name')).toHaveTextContent('GRAND STREET MEDICAL PC');
    expect(screen.getAllByText('Multi-Specialty Clinic/Center').length).toBeGreaterThan(0);

    const totals = within(screen.getByTestId('organization-totals'));
    expect(totals.getByText('1 individuals · 1 organizations')).toBeInTheDocument();
    expect(totals.getByText('Part B services (2023)')).toBeInTheDocument();
    expect(totals.getByText('$450.75')).toBeInTheDocument();

    const affiliates = within(screen.getByRole('region', { name: 'Providers affiliated with this organization' }));
    const jia = within(affiliates.getByTestId('affiliate-1184802050'));
    expect(jia.getByRole('link', { name: 'CHANGPING JIA' })).toHaveAttribute('href', '/providers/1184802050');
    expect(jia.getByText('Internal Medicine Physician')).toBeInTheDocument();
    expect(jia.getByText('Same practice address')).toBeInTheDocument();
    expect(jia.getByText('Authorised official')).toBeInTheDocument();
    expect(jia.getByText('1,520')).toBeInTheDocument();
    const sister = within(affiliates.getByTestId('affiliate-1730000001'));
    expect(sister.getByRole('link', { name: 'GRAND ST MEDICAL' })).toHaveAttribute('href', '/organizations/1730000001');
    expect(sister.getByText('Shared name')).toBeInTheDocument();

    expect(screen.getByText('01234567')).toBeInTheDocument();
    expect(screen.getByTestId('authorized-official')).toHaveTextContent('Authorised official: CHANGPING JIA, MD');
    expect(screen.getByTestId('provider-pin')).toBeInTheDocument();
  });

  it('says when the NPI is not an organization', async () => {
    stubApi(() => undefined);
    renderApp('/organizations/1184802050');
    expect(await screen.findByRole('heading', { name: 'No such organization' })).toBeInTheDocument();
  });

  it('is linked from an organization in the search results', async () => {
    const org = { ...searchPage1.items[0]!, npi: '1326066910', name: 'GRAND STREET MEDICAL PC', entityType: 'ORGANIZATION' };
    stubApi(({ url }) => (url.startsWith('/api/v1/providers?') ? { body: { ...searchPage1, items: [org] } } : undefined));
    renderApp('/providers?entityType=ORGANIZATION&name=grand');
    const table = await screen.findByTestId('provider-results');
    expect(within(table).getByRole('link', { name: 'GRAND STREET MEDICAL PC' })).toHaveAttribute('href', '/organizations/1326066910');
  });
});
