import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { classBreaks, classColour, SEQUENTIAL } from '../map-legend';
import { UsMap, viewportOf, zoomLevel } from '../us-map';
import { usProjection } from '../us-projection';

describe('US projection', () => {
  const projection = usProjection();

  it('places Alaska, Hawaii and Puerto Rico in insets below the lower 48 and inverts each back', () => {
    const seattle = projection([-122.3, 47.6])!;
    const miami = projection([-80.2, 25.8])!;
    for (const [lon, lat] of [
      [-150, 61.2], // Anchorage
      [-157.8, 21.3], // Honolulu
      [-66.1, 18.4], // San Juan
    ] as const) {
      const xy = projection([lon, lat]);
      expect(xy, `${lon},${lat}`).not.toBeNull();
      expect(xy![1]).toBeGreaterThan(seattle[1]); // below the northern border
      expect(xy![1]).toBeLessThan(500); // and inside the 960 × 500 drawing
      const back = projection.invert!(xy!)!;
      expect(back[0]).toBeCloseTo(lon, 3);
      expect(back[1]).toBeCloseTo(lat, 3);
    }
    // Puerto Rico sits east of Florida, not on top of it
    expect(projection([-66.1, 18.4])![0]).toBeGreaterThan(miami[0] + 20);
  });

  it('has no place for a point outside the country and its insets', () => {
    expect(projection([2.35, 48.86])).toBeNull(); // Paris
  });
});

describe('map view', () => {
  it('reads the whole country at zoom factor 1 and a small box when zoomed in', () => {
    const national = viewportOf({ k: 1, x: 0, y: 0 });
    expect(national.bbox[0]).toBeLessThan(-160); // Hawaii and Alaska in their insets
    expect(national.bbox[2]).toBeGreaterThan(-67);
    expect(national.zoom).toBe(4);
    const zoomed = viewportOf({ k: 64, x: 480 - 64 * 795, y: 250 - 64 * 177 }); // around New York
    expect(zoomed.bbox[2] - zoomed.bbox[0]).toBeLessThan(2);
    expect(zoomed.center.lat).toBeCloseTo(40.7, 0);
    expect(zoomed.zoom).toBe(10);
    expect(zoomed.radiusMiles).toBeLessThan(national.radiusMiles);
  });

  it('maps zoom factors to the endpoint’s zoom levels within 0 to 22', () => {
    expect(zoomLevel(1)).toBe(4);
    expect(zoomLevel(2)).toBe(5);
    expect(zoomLevel(2 ** 30)).toBe(22);
  });
});

describe('choropleth classes', () => {
  it('breaks values at quantiles and shades higher values darker', () => {
    const breaks = classBreaks([0, 5, 10, 20, 40, 80, 160, 320, 640, 1280]);
    expect(breaks).toHaveLength(5);
    expect(breaks.at(-1)).toBe(1280);
    expect(classColour(0, breaks)).toBe(SEQUENTIAL[0]);
    expect(classColour(1280, breaks)).toBe(SEQUENTIAL.at(-1));
    expect(classBreaks([])).toEqual([0]);
  });
});

describe('US map', () => {
  it('draws every state from the bundled boundaries with labels, zooms with its buttons and shows county lines when zoomed', async () => {
    const user = userEvent.setup();
    render(<UsMap title="Test map" testId="map" />);

    const map = screen.getByTestId('map');
    await waitFor(() => expect(within(map).getAllByTestId('map-state').length).toBeGreaterThanOrEqual(52));
    expect(within(map).getAllByTestId('map-state-label').map((label) => label.textContent)).toEqual(
      expect.arrayContaining(['CA', 'TX', 'NY', 'AK', 'HI']),
    );
    expect(within(map).queryByTestId('map-counties')).not.toBeInTheDocument();

    await user.click(within(map).getByRole('button', { name: 'Zoom in' }));
    await user.click(within(map).getByRole('button', { name: 'Zoom in' }));
    expect(map).toHaveAttribute('data-k', '4.00');
    await waitFor(() => expect(within(map).getByTestId('map-counties')).toBeInTheDocument(), { timeout: 10_000 });
    await user.click(within(map).getByRole('button', { name: 'Reset view' }));
    expect(map).toHaveAttribute('data-k', '1.00');
  }, 20_000);
});
