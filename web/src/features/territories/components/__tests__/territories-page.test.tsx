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
    counties: [{ geoid: '36061', name: 'New York County', state: 'NY' }],
    assignments: [{ userId: repUser.id, displayName: 'Riley Rep', kind: 'PRIMARY' }],
    version: 0,
  },
  { id: 't2', parentId: 'r1', level: 'TERRITORY', name: 'Chelsea', code: null, zipCount: 3, states: [], assignments: [], version: 4 },
];

const map = [
  { zip5: '10013', latitude: 40.72, longitude: -74.0, territoryId: 't1', territoryName: 'Manhattan', county: '36061', via: 'ZIP' },
  { zip5: '10001', latitude: 40.75, longitude: -73.99, territoryId: 't1', territoryName: 'Manhattan', county: '36061', via: 'ZIP' },
  { zip5: '11201', latitude: 40.69, longitude: -73.99, territoryId: 't2', territoryName: 'Brooklyn', county: '36047', via: 'ZIP' },
  { zip5: '11209', latitude: 40.62, longitude: -74.03, territoryId: 't3', territoryName: 'Bay Ridge', county: '36047', via: 'ZIP' },
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

const manhattanZips = {
  items: [
    { zip5: '10001', via: 'COUNTY', territoryId: 't1', territory: 'Manhattan', countyGeoid: '36061', county: 'New York County', state: 'NY', knownLocation: true },
    { zip5: '10013', via: 'ZIP', territoryId: 't1', territory: 'Manhattan', countyGeoid: '36061', county: 'New York County', state: 'NY', knownLocation: true },
  ],
  total: 2,
  direct: 1,
  nextCursor: null,
};

const zipPlaces = [
  { zip5: '10010', countyGeoid: '36061', county: 'New York County', state: 'NY', knownLocation: true, territoryId: 't1', territory: 'Manhattan', via: 'COUNTY' },
  { zip5: '10011', countyGeoid: '36061', county: 'New York County', state: 'NY', knownLocation: true, territoryId: 't2', territory: 'Chelsea', via: 'ZIP' },
];

const kings = [
  { geoid: '06031', name: 'Kings County', state: 'CA', zips: 12, territoryId: null, territory: null },
  { geoid: '36047', name: 'Kings County', state: 'NY', zips: 37, territoryId: 't2', territory: 'Chelsea' },
];

function stub(requests: StubRequest[]) {
  return stubApi((request) => {
    requests.push(request);
    if (request.url === '/api/v1/territories/t1/zips?size=100') return { body: manhattanZips };
    if (request.url.startsWith('/api/v1/territories/zips?prefix=100')) return { body: zipPlaces };
    if (request.url.startsWith('/api/v1/territories/zips?prefix=')) return { body: [] };
    if (request.url.startsWith('/api/v1/territories/counties?q=')) return { body: request.url.includes('q=ki') ? kings : [] };
    if (request.method === 'PUT' && request.url === '/api/v1/territories/t1/counties') return { body: territories[1] };
    if (request.url === '/api/v1/users') return { body: tenantUsers };
    if (request.method === 'POST' && request.url === '/api/v1/territories') return { status: 201, body: territories[1] };
    if (request.method === 'PUT' && request.url === '/api/v1/territories/t1/assignments') return { body: territories[1] };
    if (request.method === 'POST' && request.url === '/api/v1/territories/t1/zips/10011')
      return { body: { zip5: '10011', territoryId: 't1', previousTerritoryId: 't2', knownZip: true } };
    if (request.method === 'DELETE' && request.url === '/api/v1/territories/t1/zips/10013') return { status: 204 };
    if (request.method === 'DELETE' && request.url === '/api/v1/territories/t1/zips/10099')
      return { status: 404, contentType: 'application/problem+json', body: { status: 404, title: 'Not found', detail: 'ZIP 10099 in this territory' } };
    if (request.method === 'PATCH' && request.url === '/api/v1/territories/t1')
      return { body: { ...territories[1], name: 'Lower Manhattan', version: 1 } };
    if (request.method === 'DELETE' && request.url === '/api/v1/territories/t1') return { status: 204 };
    if (request.method === 'PATCH' && request.url === '/api/v1/territories/t2')
      return {
        status: 409,
        contentType: 'application/problem+json',
        body: { status: 409, title: 'Conflict', detail: 'The territory changed since version 4.', currentVersion: 5 },
      };
    if (request.method === 'DELETE' && request.url === '/api/v1/territories/r1')
      return {
        status: 409,
        contentType: 'application/problem+json',
        body: { status: 409, title: 'Conflict', detail: 'The territory has 1 territories under it; move or delete them first.' },
      };
    if (request.url === '/api/v1/territories') return { body: territories };
    if (request.url === '/api/v1/territories/map') return { body: map };
    if (request.url.startsWith('/api/v1/territories/t1/providers'))
      return {
        body: {
          items: [{ npi: 1184802050, name: 'CHANGPING JIA', credential: 'MD', primarySpecialty: { code: '207R00000X', name: 'Internal Medicine' }, zip5: '10013', city: 'NEW YORK', state: 'NY' }],
          total: 1,
          nextCursor: null,
        },
      };
    if (request.url === '/api/v1/territories/stats') return { body: stats };
    if (request.url.startsWith('/api/v1/territories/alignment/preview')) return { body: preview };
    if (request.url.startsWith('/api/v1/territories/alignment/apply')) return { body: preview };
    return undefined;
  });
}

/** The page as an administrator, with Manhattan picked in "Change a territory". */
async function changeManhattanAsAdmin() {
  const requests: StubRequest[] = [];
  stub(requests);
  const user = userEvent.setup();
  renderApp('/territories', { user: adminUser });
  const changes = within(await screen.findByRole('form', { name: 'Change a territory' }));
  await user.selectOptions(await changes.findByRole('combobox', { name: 'Territory to change' }), 't1');
  return { requests, user, changes };
}

describe('Territories page', () => {
  it('shows the tree with who is assigned, and the map, to a rep without the upload', async () => {
    stub([]);
    renderApp('/territories', { user: repUser });

    const tree = within(await screen.findByRole('list', { name: 'Territory tree' }));
    expect(tree.getByText('Manhattan').closest('li')).toHaveTextContent('2 ZIPs in NY · Riley Rep (primary)');
    expect(await screen.findByRole('group', { name: 'Territories by county' })).toBeInTheDocument();
    expect(screen.queryByTestId('alignment')).not.toBeInTheDocument();
  });

  it('colours counties by territory and hatches a county split by ZIP, with its ZIPs in their colours', async () => {
    stub([]);
    renderApp('/territories', { user: repUser });

    const areas = await screen.findByTestId('territory-areas');
    // the county outlines load lazily (a chunk of their own)
    await waitFor(() => expect(areas.querySelector('[data-geoid="36061"]')).not.toBeNull(), { timeout: 10_000 });
    const manhattan = areas.querySelector('[data-geoid="36061"]') as SVGPathElement;
    const brooklyn = areas.querySelector('[data-geoid="36047"]') as SVGPathElement;
    expect(manhattan.style.fill).not.toMatch(/url/);
    expect(brooklyn.style.fill).toMatch(/url\("?#territory-split-county"?\)/);
    const dots = within(areas).getAllByTestId('map-split-zip');
    expect(dots.map((dot) => dot.textContent)).toEqual(['11201: Brooklyn', '11209: Bay Ridge']);
    expect(dots[0]!.getAttribute('fill')).not.toBe(dots[1]!.getAttribute('fill'));
    expect(areas.querySelectorAll('[data-testid="map-state"]').length).toBeGreaterThanOrEqual(50);
  }, 20_000);

  it("shades territories by a statistic with a legend, and opens a territory's providers and figures", async () => {
    stub([]);
    const user = userEvent.setup();
    renderApp('/territories', { user: repUser });

    const areas = await screen.findByTestId('territory-areas');
    await user.selectOptions(within(areas).getByTestId('territory-statistic'), 'providers');
    const legend = within(areas).getByTestId('choropleth-legend');
    expect(within(legend).getByRole('list', { name: 'Providers by territory' })).toBeInTheDocument();
    expect(within(legend).getAllByRole('listitem').length).toBeGreaterThanOrEqual(1);

    await user.selectOptions(within(areas).getByTestId('territory-statistic'), 'territories');
    await user.click(within(areas).getByRole('button', { name: 'Manhattan' }));
    const details = await screen.findByTestId('territory-details');
    expect(within(details).getByRole('heading', { name: 'Manhattan' })).toBeInTheDocument();
    expect(await within(details).findByRole('link', { name: 'CHANGPING JIA' })).toHaveAttribute('href', '/providers/1184802050');
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

  it('lets an administrator add one ZIP to a territory (moved from another) and take one out, showing a refusal', async () => {
    const { requests, user, changes } = await changeManhattanAsAdmin();
    await user.type(changes.getByRole('textbox', { name: 'ZIP' }), '1001');
    await user.click(changes.getByRole('button', { name: 'Add ZIP' }));
    expect(await changes.findByText('A ZIP has 5 digits.')).toBeInTheDocument();

    await user.clear(changes.getByRole('textbox', { name: 'ZIP' }));
    await user.type(changes.getByRole('textbox', { name: 'ZIP' }), '10011');
    await user.click(changes.getByRole('button', { name: 'Add ZIP' }));
    expect(await changes.findByText('ZIP 10011 is now in Manhattan, moved from Chelsea.')).toBeInTheDocument();

    await user.type(changes.getByRole('textbox', { name: 'ZIP' }), '10013');
    await user.click(changes.getByRole('button', { name: 'Remove ZIP' }));
    expect(await changes.findByText('ZIP 10013 is no longer in Manhattan.')).toBeInTheDocument();

    await user.type(changes.getByRole('textbox', { name: 'ZIP' }), '10099');
    await user.click(changes.getByRole('button', { name: 'Remove ZIP' }));
    expect(await changes.findByText('Could not change it: Not found: ZIP 10099 in this territory')).toBeInTheDocument();
    expect(changes.queryByText('ZIP 10013 is no longer in Manhattan.')).not.toBeInTheDocument();

    expect(requests.filter((request) => request.method !== 'GET').map((request) => [request.method, request.url])).toEqual([
      ['POST', '/api/v1/territories/t1/zips/10011'],
      ['DELETE', '/api/v1/territories/t1/zips/10013'],
      ['DELETE', '/api/v1/territories/t1/zips/10099'],
    ]);
  });

  it('lets an administrator rename a territory with its version and delete one, and says why a region cannot go', async () => {
    const { requests, user, changes } = await changeManhattanAsAdmin();
    const name = changes.getByRole('textbox', { name: 'New name' });
    expect(name).toHaveValue('Manhattan');
    await user.clear(name);
    await user.type(name, 'Lower Manhattan');
    await user.click(changes.getByRole('button', { name: 'Rename' }));
    expect(await changes.findByText('Renamed to Lower Manhattan.')).toBeInTheDocument();

    await user.click(changes.getByRole('button', { name: 'Delete Manhattan' }));
    await user.click(changes.getByRole('button', { name: 'Yes, delete' }));
    expect(await changes.findByText('Manhattan is deleted.')).toBeInTheDocument();

    await user.selectOptions(changes.getByRole('combobox', { name: 'Territory to change' }), 'r1');
    expect(changes.queryByRole('textbox', { name: 'ZIP' })).not.toBeInTheDocument();
    await user.click(changes.getByRole('button', { name: 'Delete East' }));
    await user.click(changes.getByRole('button', { name: 'Yes, delete' }));
    expect(
      await changes.findByText('Could not change it: Conflict: The territory has 1 territories under it; move or delete them first.'),
    ).toBeInTheDocument();

    expect(requests.filter((request) => request.method !== 'GET').map((request) => [request.method, request.url, request.body])).toEqual([
      ['PATCH', '/api/v1/territories/t1', { name: 'Lower Manhattan', version: 0 }],
      ['DELETE', '/api/v1/territories/t1', undefined],
      ['DELETE', '/api/v1/territories/r1', undefined],
    ]);
  });

  it('still confirms the deletion of the last territory, when no territory is left to change', async () => {
    let deleted = false;
    stubApi((request) => {
      if (request.method === 'DELETE' && request.url === '/api/v1/territories/t2') {
        deleted = true;
        return { status: 204 };
      }
      if (request.url === '/api/v1/territories') return { body: deleted ? [] : [{ ...territories[2], parentId: null }] };
      if (request.url === '/api/v1/territories/map') return { body: [] };
      if (request.url === '/api/v1/territories/stats') return { body: [] };
      if (request.url === '/api/v1/users') return { body: tenantUsers };
      return undefined;
    });
    const user = userEvent.setup();
    renderApp('/territories', { user: adminUser });
    const changes = within(await screen.findByRole('form', { name: 'Change a territory' }));
    await user.selectOptions(await changes.findByRole('combobox', { name: 'Territory to change' }), 't2');

    await user.click(changes.getByRole('button', { name: 'Delete Chelsea' }));
    await user.click(changes.getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByText('Chelsea is deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Change a territory' })).not.toBeInTheDocument());
    expect(screen.getByText('Chelsea is deleted.')).toBeInTheDocument();
  });

  it('lists the ZIPs of a territory with their county and how they got there, and takes a ZIP aligned by itself out', async () => {
    const { requests, user, changes } = await changeManhattanAsAdmin();

    const list = within(await screen.findByTestId('territory-zips'));
    expect(list.getByText('Manhattan holds 2 ZIPs, 1 aligned one by one, the others with their county or state.')).toBeInTheDocument();
    expect(list.getByText('10001').closest('tr')).toHaveTextContent('10001New York County, NYBy its county');
    expect(list.getByText('10013').closest('tr')).toHaveTextContent('10013New York County, NYIts own ZIP');
    expect(list.queryByRole('button', { name: 'Take 10001 out of Manhattan' })).not.toBeInTheDocument();

    await user.click(list.getByRole('button', { name: 'Take 10013 out of Manhattan' }));
    expect(await changes.findByText('ZIP 10013 is no longer in Manhattan.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method !== 'GET').map((request) => [request.method, request.url])).toEqual([
      ['DELETE', '/api/v1/territories/t1/zips/10013'],
    ]);
  });

  it('offers the ZIPs that start with what is typed, says where the picked one lies and which territory holds it', async () => {
    const { requests, user, changes } = await changeManhattanAsAdmin();
    const zip = changes.getByRole('textbox', { name: 'ZIP' });

    await user.type(zip, '1001');
    const matches = within(await changes.findByRole('list', { name: 'Matching postal codes' }));
    expect(matches.getByText('10011').closest('li')).toHaveTextContent('10011 New York County, NY · Chelsea');
    await user.click(matches.getByRole('button', { name: '10011' }));
    expect(zip).toHaveValue('10011');
    expect(await changes.findByText('10011: New York County, NY, now in Chelsea (by ZIP).')).toBeInTheDocument();
    expect(zip).toHaveAccessibleDescription('10011: New York County, NY, now in Chelsea (by ZIP).');
    await user.click(changes.getByRole('button', { name: 'Add ZIP' }));
    expect(await changes.findByText('ZIP 10011 is now in Manhattan, moved from Chelsea.')).toBeInTheDocument();

    await user.type(zip, '99999');
    expect(await changes.findByText('99999 is not in the Census ZIP list: it can be aligned, but shows on no map.')).toBeInTheDocument();
    await user.clear(zip);
    await user.type(zip, '10a');
    expect(await changes.findByText('Type or pick a 5-digit ZIP.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method !== 'GET').map((request) => [request.method, request.url])).toEqual([
      ['POST', '/api/v1/territories/t1/zips/10011'],
    ]);
    expect(requests.some((request) => request.url.includes('prefix=10a') || request.url.includes('prefix=1&'))).toBe(false);
  });

  it('aligns a county found by name to a territory and takes one out, sending the whole county list', async () => {
    const { requests, user } = await changeManhattanAsAdmin();
    const picker = within(await screen.findByRole('form', { name: 'Counties of Manhattan' }));
    expect(picker.getByRole('list', { name: 'Counties aligned to Manhattan' })).toHaveTextContent('New York County, NY');

    await user.type(picker.getByRole('searchbox', { name: 'Find a county' }), 'kings');
    const found = within(await picker.findByRole('list', { name: 'Counties found' }));
    expect(found.getByRole('button', { name: 'Align Kings County, NY to Manhattan' }).closest('li')).toHaveTextContent(
      'Kings County, NY (36047, 37 ZIPs, now in Chelsea)',
    );
    await user.click(found.getByRole('button', { name: 'Align Kings County, NY to Manhattan' }));
    expect(await picker.findByText('Kings County, NY is now in Manhattan, moved from Chelsea.')).toBeInTheDocument();

    await user.click(picker.getByRole('button', { name: 'Take New York County, NY out of Manhattan' }));
    expect(await picker.findByText('New York County, NY is no longer in Manhattan.')).toBeInTheDocument();
    await user.clear(picker.getByRole('searchbox', { name: 'Find a county' }));
    await user.type(picker.getByRole('searchbox', { name: 'Find a county' }), 'zz');
    expect(await picker.findByText('No county matches “zz”.')).toBeInTheDocument();

    expect(requests.filter((request) => request.method === 'PUT').map((request) => [request.url, request.body])).toEqual([
      ['/api/v1/territories/t1/counties', { counties: ['36061', '36047'] }],
      ['/api/v1/territories/t1/counties', { counties: [] }],
    ]);
  });

  it('shows what a county file changes: counties moved and the ZIPs that counties bring, per territory', async () => {
    const requests: StubRequest[] = [];
    stub(requests);
    const countyPreview = {
      ...preview,
      rejects: [],
      zipsMoved: [],
      countiesAdded: 1,
      countiesMoved: [{ geoid: '36087', county: 'Rockland County', state: 'NY', from: 'Manhattan', to: 'Chelsea' }],
      countiesUnassigned: [{ geoid: '36061', name: 'New York County', state: 'NY' }],
      perTerritory: [
        { territory: 'Chelsea', zipsBefore: 0, zipsAfter: 0, providersGained: 6, providersLost: 0, countiesBefore: 0, countiesAfter: 2, countyZipsBefore: 0, countyZipsAfter: 31 },
      ],
    };
    stubApi((request) => {
      requests.push(request);
      if (request.url.startsWith('/api/v1/territories/alignment/preview')) return { body: countyPreview };
      if (request.url === '/api/v1/territories') return { body: territories };
      return { body: [] };
    });
    const user = userEvent.setup();
    renderApp('/territories', { user: adminUser });

    const csv = 'county,state,territory\nRockland,NY,Chelsea\n';
    await user.upload(await screen.findByLabelText('Alignment file'), new File([csv], 'counties.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const result = within(await screen.findByTestId('alignment-preview'));
    expect(result.getByText(/1 counties added · 1 moved · 1 left without a territory \(New York County, NY\)/)).toBeInTheDocument();
    const table = within(result.getByTestId('alignment-territories'));
    expect(table.getByRole('columnheader', { name: 'ZIPs by county after' })).toBeInTheDocument();
    expect(table.getByText('Chelsea').closest('tr')).toHaveTextContent('Chelsea006002031');
    expect(within(result.getByTestId('alignment-counties-moved')).getByText('Rockland County, NY').closest('tr')).toHaveTextContent(
      'Rockland County, NYManhattanChelsea',
    );
  });

  it('shows no county columns for a tenant aligned by ZIP alone', async () => {
    stub([]);
    const user = userEvent.setup();
    renderApp('/territories', { user: adminUser });
    await user.upload(await screen.findByLabelText('Alignment file'), new File(['zip,territory\n10001,Chelsea\n'], 'a.csv'));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const result = within(await screen.findByTestId('alignment-preview'));
    expect(result.queryByRole('columnheader', { name: 'Counties after' })).not.toBeInTheDocument();
    expect(result.queryByText(/counties added/)).not.toBeInTheDocument();
  });

  it('offers no territory changes to a rep', async () => {
    stub([]);
    renderApp('/territories', { user: repUser });
    await screen.findByRole('list', { name: 'Territory tree' });
    expect(screen.queryByRole('form', { name: 'Change a territory' })).not.toBeInTheDocument();
  });

  it('shows why a rename was refused when someone changed the territory first', async () => {
    const { requests, user, changes } = await changeManhattanAsAdmin();
    await user.selectOptions(changes.getByRole('combobox', { name: 'Territory to change' }), 't2');
    await user.type(changes.getByRole('textbox', { name: 'New name' }), ' West');
    await user.click(changes.getByRole('button', { name: 'Rename' }));

    expect(await changes.findByText('Could not change it: Conflict: The territory changed since version 4.')).toBeInTheDocument();
    expect(changes.queryByText(/Renamed to/)).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([
      { name: 'Chelsea West', version: 4 },
    ]);
  });
});
