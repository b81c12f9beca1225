import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi, type StubRequest } from '@/testing/fetch-stub';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const ID = 'a0000000-0000-4000-8000-000000000001';
const list = {
  id: ID,
  name: 'Q1 plan',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  ownerId: 'u1',
  ownerName: 'Rep',
  rule: 'zip=30115',
  memberCount: 2,
  evaluatedAt: null,
  version: 0,
};
const called = {
  npi: '1184802050',
  name: 'CHANGPING JIA',
  primarySpecialty: 'Internal Medicine',
  address: { line1: null, city: 'NEW YORK', state: 'NY', zip5: '10013' },
  tier: 'A',
  callGoal: 4,
  calls: 2,
  attainment: 0.5,
  lastCallAt: '2026-02-01T10:00:00Z',
  contactId: 'c1',
  manual: true,
  byRule: false,
};
const notContact = { ...called, npi: '1669586954', name: 'MOYOSORE ONIFADE', tier: null, callGoal: null, calls: 0, attainment: null, lastCallAt: null, contactId: null };
const totals = (tier: string | null, targets: number, reached: number) => ({ tier, targets, reached, reachPercent: (100 * reached) / targets, calls: 2, goal: 4, frequency: 2 });

function stubList() {
  const writes: StubRequest[] = [];
  stubApi((request) => {
    if (request.method !== 'GET') {
      writes.push(request);
      if (request.url === '/api/v1/contacts') return { status: 201, body: { id: 'c2' } };
      if (request.url.endsWith('/bulk')) return { body: { changed: 2 } };
      return { body: called };
    }
    if (request.url === `/api/v1/target-lists/${ID}`) return { body: list };
    if (request.url.startsWith(`/api/v1/target-lists/${ID}/members?`)) return { body: { items: [called, notContact], nextCursor: null, total: 2 } };
    if (request.url === `/api/v1/target-lists/${ID}/attainment`) return { body: { listId: ID, overall: totals(null, 2, 1), byTier: [totals('A', 1, 1), totals('none', 1, 0)] } };
    if (request.url === `/api/v1/target-lists/${ID}/changes`) {
      return {
        body: [
          { id: 7, evaluatedAt: '2026-02-02T00:00:00Z', trigger: 'published NPPES (run 3)', joinedCount: 0, leftCount: 1, joined: [], left: [{ npi: '1518941608', name: 'DOUGLAS CARDILLO', reason: 'left: deactivated' }] },
        ],
      };
    }
    return undefined;
  });
  return writes;
}

describe('A target list page', () => {
  it('shows attainment, members with a log-a-call link, and the changes of a dynamic list', async () => {
    stubList();
    renderApp(`/target-lists/${ID}`, { user: repUser });

    const row = within(await screen.findByTestId('member-row-1184802050'));
    expect(row.getByRole('link', { name: 'Log a call' })).toHaveAttribute('href', '/contacts/c1/log-call');
    expect(row.getByRole('meter', { name: 'Attainment of CHANGPING JIA' })).toHaveAttribute('aria-valuenow', '50');
    expect(within(screen.getByTestId('member-row-1669586954')).getByText('Not a contact')).toBeInTheDocument();
    expect(within(await screen.findByTestId('attainment-overall')).getByRole('meter', { name: 'Reach of Overall' })).toHaveAttribute('aria-valuenow', '50');
    expect(await screen.findByText(/left: deactivated/)).toBeInTheDocument();
  });

  it('edits a tier in place and sets a goal and contacts for the selected members', async () => {
    const writes = stubList();
    renderApp(`/target-lists/${ID}`, { user: repUser });
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Tier of MOYOSORE ONIFADE' }), 'B');
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'PATCH', url: `/api/v1/target-lists/${ID}/members/1669586954`, body: { tier: 'B' } });

    await user.click(screen.getByRole('checkbox', { name: 'Select all members shown' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Call goal for the selected' }), '6');
    await user.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]?.body).toEqual({ npis: ['1184802050', '1669586954'], callGoal: 6 });

    await user.click(screen.getByRole('button', { name: 'Create contacts' }));
    await waitFor(() => expect(writes).toHaveLength(3));
    expect(writes[2]).toMatchObject({ method: 'POST', url: '/api/v1/contacts', body: { npi: '1669586954' } });
  });
});
