import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp, renderWithProviders } from '@/testing/test-utils';

import { ExportButton } from '../export-button';

const ID = '5a7c0d1e-0000-4000-8000-0000000000e1';

function view(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: ID,
    kind: 'contacts',
    format: 'CSV',
    status,
    rows: status === 'DONE' ? 42 : 10,
    progress: status === 'DONE' ? 100 : 25,
    createdAt: '2026-12-08T00:00:00Z',
    expiresAt: '2026-12-15T00:00:00Z',
    error: null,
    downloadUrl: status === 'DONE' ? `/api/v1/exports/${ID}/download` : null,
    ...extra,
  };
}

describe('ExportButton', () => {
  it('sends the list’s own filters, shows progress, then offers the download', async () => {
    const requests: StubRequest[] = [];
    let polls = 0;
    stubApi((request) => {
      requests.push(request);
      if (request.method === 'POST' && request.url === '/api/v1/exports') return { status: 202, body: { id: ID, status: 'QUEUED' } };
      if (request.url === `/api/v1/exports/${ID}`) return { body: view(polls++ === 0 ? 'RUNNING' : 'DONE') };
      return undefined;
    });
    renderWithProviders(
      <MemoryRouter>
        <ExportButton kind="contacts" params={{ q: 'smith', tag: '', deleted: true }} label="contacts" />
      </MemoryRouter>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export contacts to CSV' }));

    expect(await screen.findByRole('progressbar', { name: 'Export progress' })).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: /Download CSV \(42 rows\)/ }, { timeout: 3000 });
    expect(link).toHaveAttribute('href', `/api/v1/exports/${ID}/download`);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'contacts',
      format: 'CSV',
      params: { q: 'smith', deleted: true },
    });
  });

  it('says why an export was refused, the row cap for instance', async () => {
    stubApi((request) =>
      request.method === 'POST'
        ? problemResponse(400, 'Bad Request', 'The export would hold 30,000 rows; a rep may export at most 25,000. Narrow the filters.')
        : undefined,
    );
    renderWithProviders(
      <MemoryRouter>
        <ExportButton kind="providers" label="search results" />
      </MemoryRouter>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export search results to Excel' }));

    expect(await screen.findByText(/a rep may export at most 25,000/)).toBeInTheDocument();
  });
});

describe('Exports page', () => {
  it('lists my exports with progress, rows, expiry and the download while it is kept', async () => {
    stubApi((request) =>
      request.url === '/api/v1/exports'
        ? {
            body: [
              view('DONE'),
              view('RUNNING', { id: 'r', kind: 'providers', format: 'XLSX' }),
              view('FAILED', { id: 'f', error: 'The export failed (IOException); try again.' }),
            ],
          }
        : undefined,
    );
    renderApp('/exports', { user: repUser });

    const table = await screen.findByTestId('exports-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByRole('link', { name: 'Download' })).toHaveAttribute('href', `/api/v1/exports/${ID}/download`);
    expect(within(rows[1]!).getByText('42')).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('progressbar', { name: 'Progress of the Providers export' })).toHaveAttribute('value', '25');
    expect(within(rows[3]!).getByText(/Failed: The export failed/)).toBeInTheDocument();
  });
});
