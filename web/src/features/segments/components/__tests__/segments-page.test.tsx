import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { adminUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

import { topDecilesSearchHref } from '../segments';

const mohs = {
  id: 'b1',
  name: 'Mohs surgery',
  source: 'PARTB',
  metric: 'SERVICES',
  items: [
    { code: '17311', role: 'OWN' },
    { code: '17313', role: 'COMPETITOR' },
  ],
  status: 'FRESH',
  computedAt: '2026-12-08T00:00:00Z',
  years: [
    { year: 2019, providers: 10, totalVolume: 900 },
    { year: 2021, providers: 12, totalVolume: 1000 },
  ],
  version: 0,
};

const summary = {
  year: 2021,
  status: 'FRESH',
  providers: 12,
  volume: 1000,
  deciles: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((decile) => ({ decile, providers: decile === 10 ? 1 : 1, volume: decile * 10 })),
  comparedWithYear: 2019,
  enteredCount: 1,
  leftCount: 0,
  entered: [{ npi: '1234567893', name: 'Dr. Risen', previousDecile: 5, decile: 9, volume: 90 }],
  left: [],
};

const page = {
  items: [
    {
      npi: '1234567893',
      name: 'Dr. Risen',
      primarySpecialty: { code: '207N00000X', name: 'Dermatology' },
      address: { city: 'St. Louis', state: 'MO', zip5: '63110' },
      volume: 300,
      ownVolume: 150,
      ownShare: 0.5,
      decile: 10,
      suppressedCells: 0,
    },
  ],
  nextCursor: null,
  total: 1,
  year: 2021,
  scope: { kind: 'NATION' },
  status: 'FRESH',
};

function stub(requests: StubRequest[]) {
  return stubApi((request) => {
    requests.push(request);
    if (request.method === 'GET' && request.url === '/api/v1/baskets') return { body: [mohs] };
    if (request.url.startsWith('/api/v1/baskets/b1/summary')) return { body: summary };
    if (request.url.startsWith('/api/v1/baskets/b1/deciles')) return { body: page };
    if (request.url.startsWith('/api/v1/baskets/codes')) return { body: [{ code: 'LISINOPRIL', label: 'generic', rows: 78 }] };
    if (request.url === '/api/v1/territories') return { body: [] };
    if (request.method === 'POST' && request.url === '/api/v1/baskets')
      return problemResponse(400, 'Invalid request', 'The request has invalid fields: items[0].code.', [
        { field: 'items[0].code', message: 'NOPE matches no Part D drug in any loaded year' },
      ]);
    return undefined;
  });
}

describe('Segments page', () => {
  it('shows the chosen basket with its deciles, providers and movers, and links to its top deciles in search', async () => {
    const requests: StubRequest[] = [];
    stub(requests);
    renderApp('/segments', { user: adminUser });

    const chart = await screen.findByTestId('decile-chart');
    expect(within(chart).getByTestId('decile-10')).toBeInTheDocument();
    expect(await screen.findByTestId('segment-providers')).toHaveTextContent('Dr. Risen');
    expect(screen.getByTestId('movers-entered')).toHaveTextContent('decile 5 → 9');
    expect(screen.getByTestId('top-deciles-search')).toHaveAttribute('href', '/providers?basket=b1&minDecile=8&sort=basketVolume');

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('State'), 'mo');
    await waitFor(() => expect(requests.some((r) => r.url.includes('/deciles?') && r.url.includes('state=MO'))).toBe(true));
  });

  it('names the item a new basket cannot use', async () => {
    stub([]);
    renderApp('/segments', { user: adminUser });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New basket' }));
    const editor = screen.getByTestId('basket-editor');
    await user.type(within(editor).getByLabelText('Basket name'), 'Bad');
    await user.type(within(editor).getByLabelText('Add a drug (generic or brand name)'), 'NOPE{Enter}');
    expect(within(editor).getByTestId('basket-item')).toHaveTextContent('NOPE');
    await user.click(within(editor).getByRole('button', { name: 'Create basket' }));
    expect(await within(editor).findByRole('alert')).toHaveTextContent('NOPE matches no Part D drug');
  });

  it('builds the provider search link for deciles 8 to 10', () => {
    expect(topDecilesSearchHref('x y')).toBe('/providers?basket=x+y&minDecile=8&sort=basketVolume');
  });
});
