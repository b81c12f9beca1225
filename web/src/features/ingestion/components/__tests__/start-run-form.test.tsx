import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { queuedRun } from '@/testing/fixtures/ingestion';
import { renderApp } from '@/testing/test-utils';

const RUNS_PATH = '/api/v1/admin/ingestion/runs';

function form() {
  return within(screen.getByTestId('start-run'));
}

describe('Start a run form', () => {
  it('offers the NPPES and CMS kinds and posts the dataset and source', async () => {
    const posted: StubRequest[] = [];
    let queued = false;
    const fetchMock = stubApi((request) => {
      if (request.method === 'GET' && request.url.startsWith(`${RUNS_PATH}?`)) {
        return { body: { items: queued ? [queuedRun] : [] } };
      }
      if (request.method === 'POST' && request.url === RUNS_PATH) {
        posted.push(request);
        queued = true;
        return { status: 202, body: queuedRun };
      }
      return undefined;
    });
    document.cookie = 'XSRF-TOKEN=token-1; path=/';
    const user = userEvent.setup();

    renderApp('/admin/ingestion');
    await screen.findByTestId('ingestion-runs-empty');

    const dataset = form().getByRole('combobox', { name: 'Dataset' });
    expect(within(dataset).getAllByRole('option').map((option) => (option as HTMLOptionElement).value)).toEqual([
      'nppes',
      'nppes-weekly',
      'nppes-deactivations',
      'partb',
      'partd',
      'openpayments',
      'openpayments-research',
      'openpayments-ownership',
    ]);
    await user.selectOptions(dataset, 'nppes-deactivations');
    const source = form().getByRole('textbox', { name: 'Source' });
    await user.type(source, '  https://download.cms.gov/nppes/NPPES_Deactivated_NPI_Report_20251110.zip ');
    await user.click(form().getByRole('button', { name: 'Start run' }));

    expect(await form().findByRole('status')).toHaveTextContent(
      'Run #13 queued for NPPES_Deactivated_NPI_Report_20251110.xlsx.',
    );
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body).toEqual({
      dataset: 'nppes-deactivations',
      source: 'https://download.cms.gov/nppes/NPPES_Deactivated_NPI_Report_20251110.zip',
    });
    expect(posted[0]?.headers.get('X-XSRF-TOKEN')).toBe('token-1');
    expect(source).toHaveValue('');
    // The list is refreshed and shows the queued run.
    expect(await screen.findByTestId('run-13')).toBeInTheDocument();
    expect(requestsOf(fetchMock).filter((call) => call.startsWith('GET '))).toHaveLength(2);
  });

  it('shows the field errors of a 400 ProblemDetail next to their fields', async () => {
    stubApi(({ method, url }) => {
      if (method === 'GET') return url.startsWith(`${RUNS_PATH}?`) ? { body: { items: [] } } : undefined;
      if (method === 'POST' && url === RUNS_PATH) {
        return {
          status: 400,
          contentType: 'application/problem+json',
          body: {
            type: 'https://medsales.example/problems/validation',
            title: 'Bad Request',
            status: 400,
            detail: 'Invalid ingestion request.',
            errors: [
              { field: 'source', message: 'File not found on the server: /data/missing.csv' },
              { field: 'dataset', message: 'Unknown dataset.' },
              { message: 'Another run is being prepared.' },
            ],
          },
        };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/ingestion');
    await screen.findByTestId('ingestion-runs-empty');

    const source = form().getByRole('textbox', { name: 'Source' });
    await user.type(source, '/data/missing.csv');
    await user.click(form().getByRole('button', { name: 'Start run' }));

    const summary = await form().findByRole('alert');
    expect(summary).toHaveTextContent('Could not start the run: Bad Request: Invalid ingestion request.');
    expect(summary).toHaveTextContent('Another run is being prepared.');

    expect(source).toHaveAttribute('aria-invalid', 'true');
    expect(source).toHaveAccessibleDescription(
      'A path on the MedSales server, or an http(s) URL the server downloads. File not found on the server: /data/missing.csv',
    );
    const dataset = form().getByRole('combobox', { name: 'Dataset' });
    expect(dataset).toHaveAttribute('aria-invalid', 'true');
    expect(dataset).toHaveAccessibleDescription('Unknown dataset.');
    expect(dataset).toHaveFocus();

    // Editing a field clears its error.
    await user.type(source, 'x');
    expect(source).not.toHaveAttribute('aria-invalid');
    expect(form().queryByText(/File not found/)).not.toBeInTheDocument();
    expect(dataset).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for a source before posting', async () => {
    const fetchMock = stubApi(({ method, url }) =>
      method === 'GET' && url.startsWith(`${RUNS_PATH}?`) ? { body: { items: [] } } : undefined,
    );
    const user = userEvent.setup();

    renderApp('/admin/ingestion');
    await screen.findByTestId('ingestion-runs-empty');
    await user.type(form().getByRole('textbox', { name: 'Source' }), '   ');
    await user.click(form().getByRole('button', { name: 'Start run' }));

    expect(form().getByRole('textbox', { name: 'Source' })).toHaveAttribute('aria-invalid', 'true');
    expect(form().getByRole('textbox', { name: 'Source' })).toHaveFocus();
    expect(form().getByText('Enter a server-side path or an http(s) URL.')).toBeInTheDocument();
    expect(requestsOf(fetchMock).filter((call) => call.startsWith('POST'))).toEqual([]);
  });
});
