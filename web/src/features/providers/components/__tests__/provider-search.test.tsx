import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { searchPage1, searchPage2 } from '@/testing/fixtures/providers';
import { renderApp } from '@/testing/test-utils';

const PROVIDERS = '/api/v1/providers';

function queryOf(url: string): URLSearchParams {
  return new URL(url, 'http://localhost').searchParams;
}

describe('Provider search', () => {
  it('shows a prompt and no request without filters, and has a nav entry', async () => {
    const fetchMock = stubApi(() => undefined);
    renderApp('/providers');
    expect(await screen.findByRole('heading', { name: 'Search for providers' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Providers' })).toHaveAttribute('aria-current', 'page');
    expect(requestsOf(fetchMock)).toEqual([]);
  });

  it('searches from the form, renders the results and loads more with nextCursor', async () => {
    const fetchMock = stubApi(({ method, url }) => {
      if (method !== 'GET' || !url.startsWith(`${PROVIDERS}?`)) return undefined;
      return { body: queryOf(url).get('cursor') === 'cursor-2' ? searchPage2 : searchPage1 };
    });
    const user = userEvent.setup();
    const { router } = renderApp('/providers');

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'jia{Enter}');

    const table = await screen.findByTestId('provider-results');
    expect(router.state.location.search).toBe('?name=jia');
    expect(within(table).getByRole('link', { name: 'CHANGPING JIA' })).toHaveAttribute('href', '/providers/1184802050');
    expect(within(table).getByText('Internal Medicine Physician')).toBeInTheDocument();
    expect(within(table).getByText('NEW YORK, NY 10013')).toBeInTheDocument();
    expect(within(table).getByText('0 mi')).toBeInTheDocument();
    expect(within(table).getByText('1,520')).toBeInTheDocument();
    expect(within(table).getByText('Active')).toBeInTheDocument();
    expect(screen.getByText('About 1,200 providers')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Where the providers found practise' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('link', { name: 'ANNA SMITH' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'CHANGPING JIA' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    const searches = requestsOf(fetchMock)
      .filter((call) => call.startsWith(`GET ${PROVIDERS}?`))
      .map((call) => queryOf(call.slice(4)));
    expect(searches).toHaveLength(2);
    expect(searches[0]?.get('name')).toBe('jia');
    expect(searches[0]?.has('cursor')).toBe(false);
    expect(searches[1]?.get('name')).toBe('jia');
    expect(searches[1]?.get('cursor')).toBe('cursor-2');
  });

  it('draws the radius around the ZIP centre the server answers', async () => {
    stubApi(({ method, url }) =>
      method === 'GET' && url.startsWith(`${PROVIDERS}?`)
        ? { body: { ...searchPage2, center: { lat: 40.720051, lon: -74.004809 } } }
        : undefined,
    );
    renderApp('/providers?specialty=Internal%20Medicine&near=10013&radiusMiles=25');

    await screen.findByTestId('provider-results');
    expect(screen.getByTestId('provider-map-radius')).toHaveAttribute('data-center', '40.720051,-74.004809');
    expect(screen.getByTestId('provider-map')).toHaveTextContent('The circle is the 25-mile search radius.');
  });

  it("draws the server's clusters for the view with the search's filters, and zooms into a cluster on click", async () => {
    const fetchMock = stubApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith(`${PROVIDERS}/map?`))
        return {
          body: {
            clusters: [
              { lat: 40.72, lon: -74.0, count: 12 },
              { lat: 40.69, lon: -73.99, count: 1, npi: '1234567893' },
            ],
            total: 13,
          },
        };
      return method === 'GET' && url.startsWith(`${PROVIDERS}?`) ? { body: searchPage2 } : undefined;
    });
    const user = userEvent.setup();
    renderApp('/providers?specialty=Internal%20Medicine&state=NY');

    const map = await screen.findByTestId('provider-map');
    const cluster = await within(map).findByRole('button', { name: '12 providers: zoom in' });
    expect(within(map).getByTestId('map-point')).toBeInTheDocument();
    expect(map).toHaveTextContent('13 providers in view, in 2 places.');
    const request = queryOf(requestsOf(fetchMock).find((call) => call.startsWith(`GET ${PROVIDERS}/map?`))!.slice(4));
    expect(request.get('specialty')).toBe('Internal Medicine');
    expect(request.get('state')).toBe('NY');
    expect(request.get('bbox')?.split(',')).toHaveLength(4);
    expect(Number(request.get('zoom'))).toBeGreaterThanOrEqual(0);
    expect(request.has('cursor')).toBe(false);

    const before = Number(map.getAttribute('data-k'));
    await user.click(cluster);
    expect(Number(map.getAttribute('data-k'))).toBe(before * 4);
  });

  it('rings the result under the pointer on the map, and searches the area in view', async () => {
    stubApi(({ method, url }) => (method === 'GET' && url.startsWith(`${PROVIDERS}?`) ? { body: searchPage2 } : undefined));
    const user = userEvent.setup();
    const { router } = renderApp('/providers?specialty=Internal%20Medicine&state=NY');

    const table = await screen.findByTestId('provider-results');
    const row = table.querySelector('tbody tr')!;
    await user.hover(row);
    const npi = row.getAttribute('data-testid')!.replace('provider-row-', '');
    expect(screen.getByTestId('map-highlight')).toHaveAttribute('data-npi', npi);
    await user.unhover(row);
    expect(screen.queryByTestId('map-highlight')).not.toBeInTheDocument();

    const searchArea = screen.getByRole('button', { name: 'Search this area' });
    await waitFor(() => expect(searchArea).toBeEnabled());
    await user.click(searchArea);
    const params = queryOf(router.state.location.search);
    expect(params.get('near')).toMatch(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/);
    expect(Number(params.get('radiusMiles'))).toBeGreaterThan(0);
    expect(params.get('state')).toBeNull();
    expect(params.get('specialty')).toBe('Internal Medicine');
  });

  it('restores the filters from the URL, searches with them, and narrows by facet', async () => {
    const fetchMock = stubApi(({ method, url }) =>
      method === 'GET' && url.startsWith(`${PROVIDERS}?`) ? { body: { ...searchPage2, center: { lat: 40.720051, lon: -74.004809 } } } : undefined,
    );
    const user = userEvent.setup();
    const { router } = renderApp('/providers?specialty=Internal%20Medicine&near=10013&radiusMiles=25');

    expect(screen.getByRole('combobox', { name: 'Specialty' })).toHaveValue('Internal Medicine');
    expect(screen.getByRole('textbox', { name: 'Near ZIP' })).toHaveValue('10013');
    expect(screen.getByRole('textbox', { name: 'Radius (miles)' })).toHaveValue('25');
    await screen.findByTestId('provider-results');
    expect(screen.getByTestId('provider-map-radius')).toBeInTheDocument();

    const searches = () => requestsOf(fetchMock).filter((call) => call.startsWith(`GET ${PROVIDERS}?`));
    const first = queryOf(searches()[0]!.slice(4));
    expect(first.get('specialty')).toBe('Internal Medicine');
    expect(first.get('near')).toBe('10013');
    expect(first.get('radiusMiles')).toBe('25');

    await user.click(screen.getByRole('button', { name: /^NY/ }));
    expect(queryOf(router.state.location.search).get('state')).toBe('NY');
    expect(await screen.findByRole('textbox', { name: 'State' })).toHaveValue('NY');
    expect(queryOf(searches().at(-1)!.slice(4)).get('state')).toBe('NY');
  });

  it('shows "No providers match" for an empty page', async () => {
    stubApi(() => ({ body: { items: [], nextCursor: null, total: 0, totalIsEstimate: false, facets: null } }));
    renderApp('/providers?name=nobody');
    expect(await screen.findByRole('heading', { name: 'No providers match' })).toBeInTheDocument();
    expect(screen.queryByTestId('provider-results')).not.toBeInTheDocument();
  });

  it('shows the field errors of a 400 ProblemDetail by their inputs', async () => {
    stubApi(() => ({
      status: 400,
      contentType: 'application/problem+json',
      body: {
        title: 'Bad Request',
        status: 400,
        detail: 'Invalid search.',
        errors: [
          { field: 'specialty', message: 'not a taxonomy code or specialty name' },
          { field: 'near', message: 'unknown ZIP 00000' },
          { field: 'sort', message: 'unknown sort' },
          { field: 'size', message: 'must be at most 100' },
        ],
      },
    }));
    renderApp('/providers?specialty=Nope&near=00000');

    const specialty = screen.getByRole('combobox', { name: 'Specialty' });
    expect(await screen.findByText('not a taxonomy code or specialty name')).toBeInTheDocument();
    expect(specialty).toHaveAttribute('aria-invalid', 'true');
    expect(specialty).toHaveAccessibleDescription(expect.stringContaining('not a taxonomy code or specialty name'));
    expect(screen.getByRole('textbox', { name: 'Near ZIP' })).toHaveAccessibleDescription('unknown ZIP 00000');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Check the filters: Bad Request: Invalid search.');
    expect(alert).toHaveTextContent('size: must be at most 100');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveAccessibleDescription('unknown sort');
  });

  it('offers a retry when the search fails', async () => {
    stubApi(() => ({ status: 500, body: { title: 'Server error', status: 500 }, contentType: 'application/problem+json' }));
    renderApp('/providers?name=jia');
    expect(await screen.findByRole('heading', { name: 'Could not search providers' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows the common filters and folds the others under More filters, open when one of them is in use', async () => {
    stubApi(({ url }) => (url.startsWith(`${PROVIDERS}?`) ? { body: searchPage1 } : undefined));
    renderApp('/providers');

    const form = screen.getByRole('search', { name: 'Provider filters' });
    const more = screen.getByTestId('more-filters');
    expect(more).not.toHaveAttribute('open');
    expect(within(more).getByText('More filters')).toBeInTheDocument();
    const outside = Array.from(form.querySelectorAll('label')).filter((label) => !more.contains(label)).map((label) => label.textContent);
    expect(outside).toEqual(['Name', 'Specialty', 'State', 'City', 'Near ZIP', 'Radius (miles)', 'Sort by']);
    expect(within(more).getByRole('group', { name: 'Medicare Part D' })).toContainElement(within(more).getByLabelText('Drug (Part D)'));
  });

  it('opens More filters when the URL uses one of them, and says how many', async () => {
    stubApi(({ url }) => (url.startsWith(`${PROVIDERS}?`) ? { body: searchPage1 } : undefined));
    renderApp('/providers?drug=ELIQUIS&state=NY');

    const more = screen.getByTestId('more-filters');
    expect(more).toHaveAttribute('open');
    expect(within(more).getByText('More filters (1 in use)')).toBeInTheDocument();
    expect(screen.getByLabelText('Drug (Part D)')).toHaveValue('ELIQUIS');
  });

  it('offers the taxonomy names as the user types a specialty, asking for them once the field is used', async () => {
    const fetchMock = stubApi(({ url }) =>
      url === '/api/v1/taxonomies'
        ? {
            body: [
              { code: '207N00000X', grouping: 'Allopathic', classification: 'Dermatology', specialization: null, displayName: 'Dermatology Physician' },
              { code: '207ND0101X', grouping: 'Allopathic', classification: 'Dermatology', specialization: 'MOHS-Micrographic Surgery', displayName: 'MOHS-Micrographic Surgery Physician' },
            ],
          }
        : undefined,
    );
    const user = userEvent.setup();
    renderApp('/providers');
    expect(requestsOf(fetchMock)).toEqual([]);

    const specialty = screen.getByRole('combobox', { name: 'Specialty' });
    await user.click(specialty);

    const names = screen.getByTestId('specialty-names');
    expect(specialty).toHaveAttribute('list', names.id);
    await vi.waitFor(() =>
      expect(Array.from(names.querySelectorAll('option')).map((option) => option.value)).toEqual([
        'Dermatology',
        'Dermatology Physician',
        'MOHS-Micrographic Surgery',
        'MOHS-Micrographic Surgery Physician',
      ]),
    );
    expect(requestsOf(fetchMock)).toEqual(['GET /api/v1/taxonomies']);
  });

  it('clears the filters and the results with Clear', async () => {
    stubApi(({ url }) => (url.startsWith(`${PROVIDERS}?`) ? { body: searchPage1 } : undefined));
    const user = userEvent.setup();
    const { router } = renderApp('/providers?name=jia&state=NY');
    expect(await screen.findByTestId('provider-results')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear' }));

    expect(router.state.location.search).toBe('');
    expect(screen.queryByTestId('provider-results')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Search for providers' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'State' })).toHaveValue('');
  });
});
