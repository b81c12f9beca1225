import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi, type StubRequest } from '@/testing/fetch-stub';
import { changpingJia, secondProvider } from '@/testing/fixtures/providers';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const LIST = {
  id: 'a0000000-0000-4000-8000-000000000001',
  name: 'Q1 cardiology',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  ownerId: 'u1',
  ownerName: 'Rep',
  rule: null,
  memberCount: 0,
  evaluatedAt: null,
  version: 0,
};

function stubSearchAndLists() {
  const posted: StubRequest[] = [];
  stubApi((request) => {
    if (request.url.startsWith('/api/v1/providers?')) {
      return {
        body: { items: [changpingJia, secondProvider], nextCursor: null, total: 2, totalIsEstimate: false, facets: null },
      };
    }
    if (request.url === '/api/v1/target-lists' && request.method === 'GET') return { body: [LIST] };
    if (request.url === '/api/v1/target-lists' && request.method === 'POST') {
      posted.push(request);
      return { status: 201, body: { ...LIST, id: 'new-list', name: (request.body as { name: string }).name } };
    }
    if (request.url.endsWith('/members') && request.method === 'POST') {
      posted.push(request);
      return { body: { added: 2, alreadyMembers: 0, memberCount: 2 } };
    }
    return undefined;
  });
  return posted;
}

describe('Adding search results to a target list', () => {
  it('adds the selected rows to a new list', async () => {
    const posted = stubSearchAndLists();
    renderApp('/providers?state=NY', { user: repUser });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('checkbox', { name: 'Select CHANGPING JIA' }));
    const bar = within(screen.getByTestId('add-to-list'));
    await user.type(bar.getByRole('textbox', { name: 'New list name' }), 'Grand Street');
    await user.click(bar.getByRole('button', { name: 'Add 1 selected' }));

    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[0]?.body).toMatchObject({ name: 'Grand Street' });
    expect(posted[1]?.url).toBe('/api/v1/target-lists/new-list/members');
    expect(posted[1]?.body).toEqual({ npis: [changpingJia.npi] });
    expect(await bar.findByRole('link', { name: 'Open the list' })).toHaveAttribute('href', '/target-lists/new-list');
  });

  it('adds every result of the search to an existing list, by its query string', async () => {
    const posted = stubSearchAndLists();
    renderApp('/providers?state=NY', { user: repUser });
    const user = userEvent.setup();

    const bar = within(await screen.findByTestId('add-to-list'));
    await user.selectOptions(await bar.findByRole('combobox', { name: 'Target list' }), LIST.id);
    await user.click(bar.getByRole('button', { name: 'Add all 2 results' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.url).toBe(`/api/v1/target-lists/${LIST.id}/members`);
    expect(posted[0]?.body).toEqual({ search: 'state=NY' });
    expect(await bar.findByRole('status')).toHaveTextContent('Added 2; the list has 2 members.');
  });
});
