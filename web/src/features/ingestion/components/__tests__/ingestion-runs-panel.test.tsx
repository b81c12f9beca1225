import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { failedRun, publishedRun, queuedRun, runningRun } from '@/testing/fixtures/ingestion';
import { renderApp } from '@/testing/test-utils';

const RUNS_URL = '/api/v1/admin/ingestion/runs?limit=50';

function runRow(id: number) {
  return within(screen.getByTestId(`run-${id}`));
}

describe('Data ingestion page', () => {
  it('lists the runs, with a progress bar for the RUNNING one', async () => {
    const fetchMock = stubApi(({ method, url }) =>
      method === 'GET' && url === RUNS_URL
        ? { body: { items: [runningRun, failedRun, publishedRun] } }
        : undefined,
    );

    renderApp('/admin/ingestion');

    expect(screen.getByRole('heading', { level: 1, name: 'Data ingestion' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data ingestion' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('Loading ingestion runs…')).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: 'Latest runs, newest first' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(3);
    expect(requestsOf(fetchMock)).toContain(`GET ${RUNS_URL}`);

    // Exactly one progress bar, on the running run: phase and percent.
    const progress = screen.getByRole('progressbar');
    expect(runRow(12).getByRole('progressbar')).toBe(progress);
    expect(progress).toHaveAttribute('aria-valuenow', '42.5');
    expect(progress).toHaveAttribute('aria-valuetext', 'Parsing, 42.5%');
    expect(progress).toHaveAccessibleName('Progress of run 12');
    expect(runRow(12).getByText('Parsing')).toBeInTheDocument();
    expect(runRow(12).getByText('42.5%')).toBeInTheDocument();
    expect(screen.getByTestId('run-12-status')).toHaveTextContent(/^Running$/);
    expect(runRow(12).getByText('9.8 GB')).toBeInTheDocument();
    expect(runRow(12).getByText('Weekly update')).toBeInTheDocument();
    expect(screen.getByText(/A run is in progress: refreshing every 2 seconds/)).toBeInTheDocument();

    // Failed: error text; published: counts, changes, duration.
    expect(screen.getByTestId('run-11-status')).toHaveTextContent(/^Failed$/);
    expect(runRow(11).getByText('Missing required column: NPI (file npidata.csv)')).toBeInTheDocument();
    expect(screen.getByTestId('run-10-status')).toHaveTextContent(/^Published$/);
    expect(runRow(10).getByText('5,234,570')).toBeInTheDocument();
    expect(runRow(10).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '10 new',
      '20 updated',
      '3 deactivated',
      '1 reactivated',
    ]);
    expect(runRow(10).getByText('1 h 12 min')).toBeInTheDocument();
    expect(screen.getByTestId('run-10').querySelector('time')).toHaveAttribute('datetime', '2026-11-20T02:00:00.000Z');
  });

  it('shows Retry only on FAILED runs, posts to the retry endpoint and refreshes the list', async () => {
    let retried = false;
    const retriedRun = { ...queuedRun, id: 14, kind: failedRun.kind, sourceName: failedRun.sourceName };
    const fetchMock = stubApi(({ method, url }) => {
      if (method === 'GET' && url === RUNS_URL) {
        return { body: { items: retried ? [retriedRun, failedRun, publishedRun] : [failedRun, publishedRun] } };
      }
      if (method === 'POST' && url === '/api/v1/admin/ingestion/runs/11/retry') {
        retried = true;
        return { status: 202, body: retriedRun };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/ingestion');
    await screen.findByTestId('run-11');

    expect(screen.getAllByRole('button', { name: /^Retry/ })).toHaveLength(1);
    const retry = runRow(11).getByRole('button', { name: 'Retry run #11' });
    expect(runRow(10).queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();

    await user.click(retry);

    expect(await screen.findByTestId('run-14')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toContain('POST /api/v1/admin/ingestion/runs/11/retry');
    expect(runRow(11).getByRole('status')).toHaveTextContent('Queued as run #14');
    expect(runRow(11).getByRole('link', { name: 'run #14' })).toHaveAttribute('href', '/admin/ingestion/runs/14');
    // The new QUEUED run gets no Retry button.
    expect(runRow(14).queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });

  it('disables Retry while the request is pending and shows why it failed', async () => {
    let answerRetry: (() => void) | undefined;
    const retryAnswered = new Promise<void>((resolve) => (answerRetry = resolve));
    stubApi(async ({ method, url }) => {
      if (method === 'GET' && url === RUNS_URL) return { body: { items: [failedRun] } };
      if (method === 'POST' && url === '/api/v1/admin/ingestion/runs/11/retry') {
        await retryAnswered;
        return {
          status: 409,
          contentType: 'application/problem+json',
          body: { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Run 11 is not FAILED.' },
        };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/ingestion');
    await user.click(await screen.findByRole('button', { name: 'Retry run #11' }));

    const pending = runRow(11).getByRole('button', { name: 'Retrying run #11' });
    expect(pending).toBeDisabled();

    answerRetry?.();

    expect(await runRow(11).findByRole('alert')).toHaveTextContent('Retry failed: Conflict: Run 11 is not FAILED.');
    expect(runRow(11).getByRole('button', { name: 'Retry run #11' })).toBeEnabled();
  });

  it('shows "No ingestion runs yet" when there are none', async () => {
    stubApi(({ url }) => (url === RUNS_URL ? { body: { items: [] } } : undefined));

    renderApp('/admin/ingestion');

    const empty = await screen.findByTestId('ingestion-runs-empty');
    expect(within(empty).getByRole('heading', { name: 'No ingestion runs yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText(/Refreshes every 30 seconds/)).toBeInTheDocument();
  });

  it('shows a readable error with a retry button when the runs cannot be loaded', async () => {
    let fail = true;
    stubApi(({ url }) => {
      if (url !== RUNS_URL) return undefined;
      if (fail) {
        return {
          status: 403,
          contentType: 'application/problem+json',
          body: { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Administrators only.' },
        };
      }
      return { body: { items: [publishedRun] } };
    });
    const user = userEvent.setup();

    renderApp('/admin/ingestion');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load ingestion runs');
    expect(alert).toHaveTextContent('Forbidden: Administrators only.');

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId('run-10')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('opens the detail view when a run is clicked', async () => {
    stubApi(({ url }) => {
      if (url === RUNS_URL) return { body: { items: [publishedRun] } };
      if (url === '/api/v1/admin/ingestion/runs/10') return { body: { ...publishedRun, rejects: [] } };
      return undefined;
    });
    const user = userEvent.setup();

    const { router } = renderApp('/admin/ingestion');
    await screen.findByTestId('run-10');
    await user.click(runRow(10).getByText('npidata_pfile_20050523-20251109.csv'));

    expect(router.state.location.pathname).toBe('/admin/ingestion/runs/10');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingestion run #10' })).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.getByRole('link', { name: 'Data ingestion' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link'));
    expect(router.state.location.pathname).toBe('/admin/ingestion');
    await user.click(await screen.findByRole('link', { name: 'Run #10' }));
    expect(router.state.location.pathname).toBe('/admin/ingestion/runs/10');
  });
});
