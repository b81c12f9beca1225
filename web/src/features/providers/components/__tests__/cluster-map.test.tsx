import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '@/testing/test-utils';

import { ClusterMap } from '../cluster-map';

const points = [
  { id: 'a', label: 'A', lat: 40.72, lon: -74.0, href: '/providers/a' },
  { id: 'b', label: 'B', lat: 40.721, lon: -74.001 },
  { id: 'c', label: 'C', lat: 40.719, lon: -73.999 },
  { id: 'd', label: 'D', lat: 41.88, lon: -87.63 },
];

describe('ClusterMap', () => {
  it('shows a counted cluster that zooms in when clicked, the radius circle and the state outlines', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <MemoryRouter>
        <ClusterMap points={points} radius={{ lat: 40.72, lon: -74.0, miles: 25 }} title="Results" />
      </MemoryRouter>,
    );

    const map = screen.getByRole('group', { name: 'Results' });
    const cluster = screen.getByRole('button', { name: '3 places: zoom in' });
    expect(cluster).toHaveTextContent('3');
    expect(screen.getByTestId('provider-map-radius').getAttribute('d')).toMatch(/^M/);
    const before = Number(map.getAttribute('data-zoom'));

    await user.click(cluster);
    expect(Number(map.getAttribute('data-zoom'))).toBeGreaterThan(before);
    expect(screen.queryByRole('button', { name: '3 places: zoom in' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'A' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fit all' }));
    expect(Number(map.getAttribute('data-zoom'))).toBe(before);
    await waitFor(() => expect(screen.getByTestId('map-states').children.length).toBeGreaterThan(40));
  });

  it('zooms with the keyboard on a cluster and with the zoom buttons', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <MemoryRouter>
        <ClusterMap points={points} title="Results" />
      </MemoryRouter>,
    );
    const map = screen.getByRole('group', { name: 'Results' });
    const before = Number(map.getAttribute('data-zoom'));
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(Number(map.getAttribute('data-zoom'))).toBe(before - 1);
    screen.getByRole('button', { name: '3 places: zoom in' }).focus();
    await user.keyboard('{Enter}');
    expect(Number(map.getAttribute('data-zoom'))).toBeGreaterThan(before);
  });
});
