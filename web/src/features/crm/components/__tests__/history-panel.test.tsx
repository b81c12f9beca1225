import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { renderWithProviders } from '@/testing/test-utils';

import { HistoryPanel } from '../history-panel';

const OLD_OWNER = '8a7d2f3e-1b2c-4d5e-8f90-123456789abc';
const NEW_OWNER = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const ACCOUNT = '0c9b8a7f-6e5d-4c3b-9a21-0fedcba98765';

describe('Change history', () => {
  it('names the owner and the account an id stands for, and keeps other values as they are', async () => {
    stubApi(({ url }) =>
      url === '/api/v1/contacts/c-1/history'
        ? {
            body: [
              { id: 3, field: 'owner_id', oldValue: OLD_OWNER, newValue: NEW_OWNER, oldName: 'Riley Rep', newName: 'Dana Whitfield', changedByName: 'Riley Rep', changedAt: '2026-03-02T10:00:00Z' },
              { id: 2, field: 'account_id', oldValue: null, newValue: ACCOUNT, oldName: null, newName: 'Grand Street Clinic', changedByName: 'Riley Rep', changedAt: '2026-03-01T10:00:00Z' },
              { id: 1, field: 'email', oldValue: null, newValue: 'jia@example.org', changedByName: 'Riley Rep', changedAt: '2026-03-01T09:00:00Z' },
            ],
          }
        : undefined,
    );
    renderWithProviders(<HistoryPanel kind="contacts" id="c-1" />);

    const table = within(await screen.findByRole('table', { name: 'Changes to this record' }));
    const rows = table.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').slice(1).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Riley Rep', 'owner', 'Riley Rep', 'Dana Whitfield'],
      ['Riley Rep', 'account', '—', 'Grand Street Clinic'],
      ['Riley Rep', 'email', '—', 'jia@example.org'],
    ]);
    expect(screen.queryByText(OLD_OWNER)).not.toBeInTheDocument();
    expect(screen.queryByText(ACCOUNT)).not.toBeInTheDocument();
  });
});
