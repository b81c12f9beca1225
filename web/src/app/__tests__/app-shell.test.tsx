import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubFetch } from '@/testing/fetch-stub';
import { healthyHealth } from '@/testing/fixtures/health';
import { renderApp } from '@/testing/test-utils';

describe('app shell', () => {
  it('renders header, navigation and the overview at /', async () => {
    stubFetch({ status: 200, body: healthyHealth });

    renderApp('/');

    expect(screen.getByRole('banner')).toHaveTextContent('MedSales');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(screen.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    expect(nav).toContainElement(screen.getByRole('link', { name: /API reference/ }));
    expect(screen.getByRole('link', { name: 'Data ingestion' })).toHaveAttribute('href', '/admin/ingestion');
    expect(screen.getByRole('link', { name: 'Data ingestion' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: /API reference/ })).toHaveAttribute('href', '/swagger-ui/index.html');
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { level: 1, name: 'Overview' }));
    expect(await screen.findByTestId('database-status')).toHaveTextContent('UP');
  });

  it('shows a not-found page for unknown routes, with a way home', async () => {
    stubFetch({ status: 200, body: healthyHealth });
    const user = userEvent.setup();

    const { router } = renderApp('/some/unknown/route');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/some/unknown/route')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Back to overview' }));

    expect(router.state.location.pathname).toBe('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
  });
});
