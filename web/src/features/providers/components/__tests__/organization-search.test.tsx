import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/test-utils';

const grandStreet = {
  npi: '1326066910',
  name: 'GRAND STREET MEDICAL PC',
  entityType: 'ORGANIZATION',
  status: 'ACTIVE',
  credential: null,
  primarySpecialty: { code: '261QM1300X', name: 'Multi-Specialty Clinic/Center' },
  address: { line1: '217 GRAND ST', city: 'NEW YORK', state: 'NY', zip5: '10013', latitude: 40.72, longitude: -74.0 },
  distanceMiles: null,
  services: null,
  claims: null,
  payments: null,
};
const mayo = { ...grandStreet, npi: '1861459920', name: 'MAYO CLINIC', address: { ...grandStreet.address, city: 'ROCHESTER', state: 'MN', zip5: '55905' } };

function queryOf(call: string): URLSearchParams {
  return new URL(call.slice(4), 'http://localhost').searchParams;
}

describe('Organizations', () => {
  it('lists organisations at once, each linking to its profile, and has a nav entry', async () => {
    const fetchMock = stubApi(({ url }) =>
      url.startsWith('/api/v1/organizations?')
        ? { body: { items: [grandStreet], nextCursor: 'next', total: 2, totalIsEstimate: false, facets: null } }
        : undefined,
    );
    renderApp('/organizations');

    const results = within(await screen.findByRole('region', { name: 'Matching organizations' }));
    expect(results.getByRole('link', { name: 'GRAND STREET MEDICAL PC' })).toHaveAttribute('href', '/organizations/1326066910');
    expect(results.getByText('Multi-Specialty Clinic/Center')).toBeInTheDocument();
    expect(screen.getByText('2 organizations')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Organizations' })).toHaveAttribute('aria-current', 'page');
    expect(requestsOf(fetchMock).map((call) => queryOf(call).get('size'))).toEqual(['25']);
  });

  it('searches by name and state, keeping the filters in the URL, and loads more', async () => {
    const fetchMock = stubApi(({ url }) => {
      if (!url.startsWith('/api/v1/organizations?')) return undefined;
      const query = new URL(url, 'http://localhost').searchParams;
      if (query.get('cursor') === 'next') return { body: { items: [mayo], nextCursor: null, total: 2, totalIsEstimate: false } };
      return { body: { items: query.get('state') ? [grandStreet] : [], nextCursor: query.get('state') ? 'next' : null, total: 2, totalIsEstimate: false } };
    });
    const user = userEvent.setup();
    const { router } = renderApp('/organizations');

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'grand');
    await user.type(screen.getByRole('textbox', { name: 'State' }), 'NY{Enter}');

    expect(await screen.findByRole('link', { name: 'GRAND STREET MEDICAL PC' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?name=grand&state=NY');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'MAYO CLINIC' })).toHaveAttribute('href', '/organizations/1861459920');
    const last = queryOf(requestsOf(fetchMock).at(-1)!);
    expect([last.get('name'), last.get('state'), last.get('cursor')]).toEqual(['grand', 'NY', 'next']);
  });

  it('says when nothing matches', async () => {
    stubApi(() => ({ body: { items: [], nextCursor: null, total: 0, totalIsEstimate: false } }));
    renderApp('/organizations?name=nothing');
    expect(await screen.findByRole('heading', { name: 'No organizations match' })).toBeInTheDocument();
  });
});
