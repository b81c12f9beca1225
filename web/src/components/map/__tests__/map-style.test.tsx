import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';

import { UsMap } from '../us-map';

// MapLibre needs WebGL, which jsdom has not: the basemap is replaced by a stand-in that shows what it was given
vi.mock('../basemap', () => ({
  default: ({ styleUrl, center, worldUnits }: { styleUrl: string; center: [number, number]; worldUnits: number }) => (
    <div data-testid="basemap" data-style={styleUrl} data-center={center.map((v) => v.toFixed(1)).join(',')} data-world={worldUnits} />
  ),
}));

describe('US map with a deployment’s basemap (MAP_STYLE_URL)', () => {
  it('draws the style under the boundaries in Web Mercator, following the view, without the insets', async () => {
    stubApi(({ url }) => (url === '/api/v1/map/settings' ? { body: { styleUrl: 'https://tiles.example.test/style.json' } } : undefined));
    render(<UsMap title="Test map" testId="map" />);

    const basemap = await screen.findByTestId('basemap');
    expect(basemap).toHaveAttribute('data-style', 'https://tiles.example.test/style.json');
    const [lon, lat] = basemap.getAttribute('data-center')!.split(',').map(Number);
    expect(lon).toBeGreaterThan(-110); // the lower 48 in view
    expect(lon).toBeLessThan(-85);
    expect(lat).toBeGreaterThan(30);
    const map = screen.getByTestId('map');
    await waitFor(() => expect(within(map).getAllByTestId('map-state').length).toBeGreaterThanOrEqual(50));
    expect(map.querySelector('title')?.textContent).toBe('Test map');
    expect(within(map).queryByText('Alaska (inset)')).not.toBeInTheDocument();
  });
});
