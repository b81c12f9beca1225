import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi, type StubRequest } from '@/testing/fetch-stub';
import { adminUser, repUser, tenantUsers } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const territories = [
  { id: 'r1', parentId: null, level: 'REGION', name: 'East', code: 'E', zipCount: 2, states: ['NY'], assignments: [], version: 0 },
  {
    id: 't1',
    parentId: 'r1',
    level: 'TERRITORY',
    name: 'Manhattan',
    code: 'E-01',
    zipCount: 2,
    states: ['NY'],
    assignments: [{ userId: repUser.id, displayName: 'Riley Rep', kind: 'PRIMARY' }],
    version: 0,
  },
];

const map = [
  { zip5: '10013', latitude: 40.72, longitude: -74.0, territoryId: 't1', territoryName: 'Manhattan' },
  { zip5: '10001', latitude: 40.75, longitude: -73.99, territoryId: 't1', territoryName: 'Manhattan' },
];

const preview = {
  rowsRead: 2,
  rejects: [{ line: 3, reason: 'zip must be 5 digits' }],
  warnings: [],
  territoriesCreated: ['Chelsea'],
  zipsUnassigned: [],
  zipsAdded: 1,
  zipsMoved: [{ zip5: '10001', from: 'Manhattan', to: 'Chelsea' }],
  perTerritory: [
    { territory: 'Manhattan', zipsBefore: 2, zipsAfter: 1, providersGained: 0, providersLost: 4 },
    { territory: 'Chelsea', zipsBefore: 0, zipsAfter: 2, providersGained: 6, providersLost: 0 },
  ],
  checksum: 'abc123',
};

const stats = [
  {
    territoryId: 't1',
    parentId: 'r1',
    level: 'TERRITORY',
    name: 'Manhattan',
    providers: 18,
    providersBySpecialty: [
      { code: '207R00000X', specialty: 'Internal Medicine', count: 9 },
      { code: '207N00000X', specialty: 'Dermatology', count: 5 },
      { code: '207RC0000X', specialty: 'Cardiovascular Disease', count: 3 },
      { code: null, specialty: 'Unknown', count: 1 },
    ],
    partB: { year: 2023, providers: 6, services: 1204, beneficiaries: 310, allowedAmount: '98000.50', paymentAmount: '81234.49' },
    partD: { year: 2023, providers: 4, claims: 2210, drugCost: 150000 },
    openPayments: { year: 2024, providers: 7, count: 42, total: '12345.67' },
  },
  {
    territoryId: 'r1',
    parentId: null,
    level: 'REGION',
    name: 'East',
    providers: 0,
    providersBySpecialty: [],
    partB: { year: null, providers: 0, services: 0, beneficiaries: null, allowedAmount: 0, paymentAmount: 0 },
    partD: { year: null, providers: 0, claims: 0, drugCost: 0 },
    openPayments: { year: null, providers: 0, count: 0, total: 0 },
  },
];

function stub(requests: StubRequest[]) {
  return stubApi((request) => {
    requests.push(request);
    if (request.url === '/api/v1/admin/users') return { body: tenantUsers };
    if (request.method === 'POST' && request.url === '/api/v1/territories') return { status: 201, body: territories[1] };
    if (request.method === 'PUT' && request.url === '/api/v1/territories/t1/assignments') return { body: territories[1] };
    if (request.url === '/api/v1/territories') return { body: territories };
    if (request.url === '/api/v1/territories/map') return { body: map };
    if (request.url === '/api/v1/territories/stats') return { body: stats };
    if (request.url.startsWith('/api/v1/territories/alignment/preview')) return { body: preview };
    if (request.url.startsWith('/api/v1/territories/alignment/apply')) return { body: preview };
    return undefined;
  });
}

describe('Territories page', () => {
  it('shows the tree with who is assigned, and the map, to a rep without the upload', async () => {
    stub([]);
    renderApp('/territories', { user: repUser });

    const tree = within(await screen.findByRole('list', { name: 'Territory tree' }));
    expect(tree.getByText('Manhattan').closest('li')).toHaveTextContent('2 ZIPs in NY · Riley Rep (primary)');
    expect(await screen.findByRole('img', { name: '2 ZIPs by territory' })).toBeInTheDocument();
    expect(screen.queryByTestId('alignment')).not.toBeInTheDocument();
  });

  it('compares territories side by side: providers, largest specialties, Part B, Part D and Open Payments', async () => {
    stub([]);
    renderApp('/territories', { user: repUser });

    const table = within(await screen.findByTestId('territory-stats'));
    const manhattan = table.getByText('Manhattan').closest('tr');
    expect(manhattan).toHaveTextContent('Internal Medicine 9 · Dermatology 5 · Cardiovascular Disease 3');
    expect(manhattan).not.toHaveTextContent('Unknown');
    expect(manhattan).toHaveTextContent('1,204$81,234');
    expect(manhattan).toHaveTextContent('2,210$150,000');
    expect(manhattan).toHaveTextContent('$12,346 (42)');
    expect(table.getByRole('columnheader', { name: 'Part B services (2023)' })).toBeInTheDocument();
    expect(table.getByText('East').closest('tr')).toHaveTextContent('—');
  });

  it('previews an alignment file (moved ZIPs, providers gained and lost) before applying it', async () => {
    const requests: StubRequest[] = [];
    stub(requests);
    const user = userEvent.setup();
    renderApp('/territories', { user: adminUser });

    const csv = 'zip,territory\n10001,Chelsea\n10011,Chelsea\n1234,Bad\n';
    await user.upload(await screen.findByLabelText('Alignment file'), new File([csv], 'alignment.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const result = within(await screen.findByTestId('alignment-preview'));
    expect(within(result.getByTestId('alignment-moved')).getByText('10001').closest('tr')).toHaveTextContent('10001ManhattanChelsea');
    expect(within(result.getByTestId('alignment-territories')).getByText('Chelsea').closest('tr')).toHaveTextContent('Chelsea0260');
    expect(result.getByText('Line 3: zip must be 5 digits')).toBeInTheDocument();
    expect(result.getByText(/1 new territories \(Chelsea\)/)).toBeInTheDocument();

    await user.click(result.getByRole('button', { name: 'Apply' }));
    expect(await result.findByText('The alignment is applied.')).toBeInTheDocument();
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.url)).toEqual([
      '/api/v1/territories/alignment/preview?mode=merge',
      '/api/v1/territories/alignment/apply?mode=merge',
    ]);
    await waitFor(() => expect(posts.every((request) => request.body === csv)).toBe(true));
  });

  it('lets an administrator add a territory under a district and staff it', async () => {
    const requests: StubRequest[] = [];
    stub(requests);
    const user = userEvent.setup();
    renderApp('/territories', { user: adminUser });

    const editor = within(await screen.findByTestId('territory-editor'));
    await user.type(editor.getByRole('textbox', { name: 'Name' }), 'Chelsea');
    await user.click(editor.getByRole('button', { name: 'Add' }));
    await user.selectOptions(await editor.findByRole('combobox', { name: 'Territory to staff' }), 'Manhattan');
    expect(editor.getByRole('combobox', { name: 'Riley Rep' })).toHaveValue('PRIMARY');
    await user.selectOptions(editor.getByRole('combobox', { name: 'Morgan Manager' }), 'SECONDARY');
    await user.click(editor.getByRole('button', { name: 'Save assignments' }));

    expect(await editor.findByText('Assignments saved.')).toBeInTheDocument();
    const changes = requests.filter((request) => request.method !== 'GET').map((request) => [request.method, request.url, request.body]);
    expect(changes).toEqual([
      ['POST', '/api/v1/territories', { name: 'Chelsea', level: 'TERRITORY' }],
      [
        'PUT',
        '/api/v1/territories/t1/assignments',
        {
          assignments: [
            { userId: repUser.id, kind: 'PRIMARY' },
            { userId: tenantUsers[1]!.id, kind: 'SECONDARY' },
          ],
        },
      ],
    ]);
  });
});
