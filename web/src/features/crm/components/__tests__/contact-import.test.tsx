import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const CSV = 'first_name,last_name,specialty,zip\nChangping,Jia,Internal Medicine,10013\nJ,Smith,Cardiology,10001\n';

const preview = {
  rowsRead: 2,
  rejects: [],
  counts: { MATCHED: 1, REVIEW: 1 },
  rows: [
    {
      line: 2,
      input: { first_name: 'Changping', last_name: 'Jia' },
      status: 'MATCHED',
      confidence: 0.97,
      match: { npi: '1184802050', name: 'CHANGPING JIA', specialty: 'Internal Medicine', zip5: '10013', confidence: 0.97 },
      candidates: [],
      existingContactId: null,
    },
    {
      line: 3,
      input: { first_name: 'J', last_name: 'Smith' },
      status: 'REVIEW',
      confidence: 0.62,
      match: { npi: '1000000001', name: 'JOHN SMITH', specialty: 'Cardiology', zip5: '10001', confidence: 0.62 },
      candidates: [
        { npi: '1000000001', name: 'JOHN SMITH', specialty: 'Cardiology', zip5: '10001', confidence: 0.62 },
        { npi: '1000000002', name: 'JANE SMITH', specialty: 'Cardiology', zip5: '10002', confidence: 0.58 },
      ],
      existingContactId: null,
    },
  ],
};

describe('Contact import', () => {
  it('previews the matches with their confidence, lets the user settle the uncertain ones, then imports', async () => {
    const bodies: unknown[] = [];
    stubApi((request) => {
      if (request.url === '/api/v1/contacts/import/preview') {
        bodies.push(request.body);
        return { body: preview };
      }
      if (request.url === '/api/v1/contacts/import') {
        bodies.push(request.body);
        return { status: 201, body: { created: 2, linked: 2, plain: 0, mergedIntoExisting: 0, rejected: 0 } };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp('/contacts/import', { user: repUser });

    await user.click(screen.getByRole('textbox', { name: 'Or paste the CSV' }));
    await user.paste(CSV);
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const rows = within(await screen.findByTestId('import-rows'));
    expect(rows.getByText('97%')).toBeInTheDocument();
    expect(rows.getByText('Review')).toBeInTheDocument();
    const choice = rows.getByRole('combobox', { name: 'Provider for line 3' });
    expect(choice).toHaveValue('1000000001');
    await user.selectOptions(choice, '1000000002');
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText(/2 contacts created \(2 linked to a provider, 0 plain\)/)).toBeInTheDocument();
    await waitFor(() => expect(bodies).toEqual([{ csv: CSV }, { csv: CSV, decisions: { '3': '1000000002' } }]));
  });
});
