import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { failedRunDetail, publishedRunDetail, queuedRun, runningRun } from '@/testing/fixtures/ingestion';
import { renderApp } from '@/testing/test-utils';

describe('Ingestion run detail', () => {
  it('shows all the fields of the run and its rejected rows', async () => {
    stubApi(({ url }) => (url === '/api/v1/admin/ingestion/runs/10' ? { body: publishedRunDetail } : undefined));

    renderApp('/admin/ingestion/runs/10');

    expect(screen.getByRole('heading', { level: 1, name: 'Ingestion run #10' })).toBeInTheDocument();
    const detail = within(await screen.findByTestId('run-detail'));
    expect(detail.getByTestId('run-status')).toHaveTextContent('Published');
    expect(detail.getByTestId('run-source')).toHaveTextContent('npidata_pfile_20050523-20251109.csv');
    expect(detail.getAllByText('9.8 GB')).toHaveLength(2); // source size, bytes read
    expect(detail.getAllByText('(10,485,760,000 bytes)')).toHaveLength(2);
    expect(detail.getByText('NPPES NPI registry')).toBeInTheDocument();
    expect(detail.getByText('Full monthly file')).toBeInTheDocument();
    expect(detail.getAllByText('5,234,567')).toHaveLength(2); // rows loaded, records in the registry
    expect(detail.getByTestId('run-rows-rejected')).toHaveTextContent('3');
    expect(detail.getByText('1 h 12 min')).toBeInTheDocument();
    expect(detail.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();

    const rejects = within(screen.getByTestId('run-rejects'));
    const table = rejects.getByRole('table', { name: 'Rejected rows' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Line',
      'Column',
      'Reason',
      'Value',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('12NPINPI check digit is wrong1234567890');
    expect(rows[2]).toHaveTextContent('77Provider Last NameRequired for individuals(no value)');
    expect(rejects.queryByText('No rejected rows')).not.toBeInTheDocument();
  });

  it('shows "No rejected rows", the error and a Retry button for a failed run', async () => {
    const fetchMock = stubApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/admin/ingestion/runs/11') return { body: failedRunDetail };
      if (method === 'POST' && url === '/api/v1/admin/ingestion/runs/11/retry') {
        return { status: 202, body: { ...queuedRun, id: 14 } };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/ingestion/runs/11');

    expect(await screen.findByTestId('run-error')).toHaveTextContent('Missing required column: NPI (file npidata.csv)');
    const rejects = within(screen.getByTestId('run-rejects'));
    expect(rejects.getByRole('heading', { name: 'No rejected rows' })).toBeInTheDocument();
    expect(rejects.queryByRole('table')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry run #11' }));

    expect(await screen.findByRole('link', { name: 'run #14' })).toHaveAttribute('href', '/admin/ingestion/runs/14');
    expect(requestsOf(fetchMock)).toContain('POST /api/v1/admin/ingestion/runs/11/retry');
  });

  it('shows the progress of a running run', async () => {
    stubApi(({ url }) =>
      url === '/api/v1/admin/ingestion/runs/12' ? { body: { ...runningRun, rejects: [] } } : undefined,
    );

    renderApp('/admin/ingestion/runs/12');

    const progress = await screen.findByRole('progressbar', { name: 'Progress of run 12' });
    expect(progress).toHaveAttribute('aria-valuenow', '42.5');
    expect(screen.getByText(/Refreshing every 2 seconds/)).toBeInTheDocument();
    expect(within(screen.getByTestId('run-rejects')).getByText('No rejected rows')).toBeInTheDocument();
  });

  it('says so when the run does not exist', async () => {
    stubApi(() => undefined); // every request answers a 404 ProblemDetail

    renderApp('/admin/ingestion/runs/999');

    const notFound = within(await screen.findByTestId('run-not-found'));
    expect(notFound.getByRole('heading', { name: 'Run not found' })).toBeInTheDocument();
    expect(notFound.getByRole('link', { name: 'Back to data ingestion' })).toHaveAttribute('href', '/admin/ingestion');
  });

  it('treats a non-numeric id as an unknown page without calling the server', () => {
    const fetchMock = stubApi(() => undefined);

    renderApp('/admin/ingestion/runs/abc');

    expect(screen.getByTestId('not-found')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
