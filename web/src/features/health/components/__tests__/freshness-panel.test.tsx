import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { FreshnessPanel } from '@/features/health/components/freshness-panel';
import { stubFetch } from '@/testing/fetch-stub';
import { databaseDownHealth, freshInstallHealth, healthyHealth } from '@/testing/fixtures/health';
import { renderWithProviders } from '@/testing/test-utils';

const DATASET_NAMES = ['NPPES NPI registry', 'Medicare Part B', 'Medicare Part D', 'Open Payments'];

function row(key: string) {
  return within(screen.getByTestId(`dataset-${key}`));
}

describe('FreshnessPanel', () => {
  it('renders a healthy answer', async () => {
    const fetchMock = stubFetch({ status: 200, body: healthyHealth });

    renderWithProviders(<FreshnessPanel />);

    expect(screen.getByRole('status')).toHaveTextContent(/checking system health/i);
    expect(await screen.findByTestId('database-status')).toHaveTextContent(/^UP$/);
    expect(fetchMock).toHaveBeenCalledWith('/health', expect.objectContaining({ credentials: 'same-origin' }));

    const panel = screen.getByTestId('freshness-panel');
    expect(within(panel).getByRole('heading', { name: 'Data freshness' })).toBeInTheDocument();
    expect(screen.getByTestId('overall-status')).toHaveTextContent(/^UP$/);
    expect(screen.getByText('Response time 12 ms')).toBeInTheDocument();
    expect(screen.getByTestId('redis-status')).toHaveTextContent(/^UP$/);
    expect(screen.getByText('Response time 2 ms')).toBeInTheDocument();
    expect(screen.getByText('80.0 GB free')).toBeInTheDocument();

    const table = within(panel).getByRole('table', { name: 'Source datasets' });
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(rowHeaders).toHaveLength(4);
    DATASET_NAMES.forEach((name, index) => expect(rowHeaders[index]).toHaveTextContent(name));

    expect(row('nppes').getByText('5,234,567 records')).toBeInTheDocument();
    expect(screen.getByTestId('dataset-nppes').querySelector('time')).toHaveAttribute(
      'datetime',
      '2026-02-15T02:00:00.000Z',
    );
    expect(row('partB').getByText('Data year 2024')).toBeInTheDocument();
    expect(row('openPayments').getByText(/Dec (19|20), 2025/)).toBeInTheDocument();
    expect(row('openPayments').getByText(/ago$/)).toBeInTheDocument();
    expect(screen.queryByText('Not loaded yet')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('renders a 503 answer with the database DOWN as a health report, not a failure', async () => {
    stubFetch({ status: 503, body: databaseDownHealth });

    renderWithProviders(<FreshnessPanel />);

    expect(await screen.findByTestId('database-status')).toHaveTextContent(/^DOWN$/);
    expect(screen.getByTestId('overall-status')).toHaveTextContent(/^DOWN$/);
    expect(screen.getByText('Not responding')).toBeInTheDocument();
    expect(screen.getByTestId('redis-status')).toHaveTextContent(/^Not configured$/);
    expect(screen.getByText('80.0 GB free')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getAllByText('Not loaded yet')).toHaveLength(4);
  });

  it('shows datasets that were never ingested as "Not loaded yet"', async () => {
    stubFetch({ status: 200, body: freshInstallHealth });

    renderWithProviders(<FreshnessPanel />);

    await screen.findByTestId('database-status');
    expect(row('nppes').getByText('5,234,567 records')).toBeInTheDocument();
    expect(row('nppes').queryByText('Not loaded yet')).not.toBeInTheDocument();
    for (const key of ['partB', 'partD', 'openPayments']) {
      expect(row(key).getByText('Not loaded yet')).toBeInTheDocument();
      expect(row(key).getByText('—')).toBeInTheDocument();
    }
    expect(screen.getByText('1.0 GB free')).toBeInTheDocument();
  });

  it('shows a readable error with a retry button when the server cannot be reached', async () => {
    const fetchMock = stubFetch(new TypeError('Failed to fetch'), { status: 200, body: healthyHealth });
    const user = userEvent.setup();

    renderWithProviders(<FreshnessPanel />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load system health');
    expect(alert).toHaveTextContent(/could not reach the medsales server/i);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId('database-status')).toHaveTextContent('UP');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('shows the ProblemDetail of a server error', async () => {
    stubFetch({
      status: 500,
      contentType: 'application/problem+json',
      body: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Health check failed.' },
    });

    renderWithProviders(<FreshnessPanel />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Internal Server Error: Health check failed.');
  });
});
