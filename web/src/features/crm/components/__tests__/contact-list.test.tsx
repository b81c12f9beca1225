import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { contact } from '@/testing/fixtures/crm';
import { adminUser, repUser, tenantUsers } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const other = { ...contact, id: 'c0000000-0000-4000-8000-000000000002', npi: null, displayName: 'Pat Plain', tags: [] };

describe('Contacts page', () => {
  it('reads its filters from the URL and puts new ones there', async () => {
    const fetchMock = stubApi(({ url }) =>
      url.startsWith('/api/v1/contacts?') ? { body: { items: [contact], nextCursor: null } } : undefined,
    );
    const user = userEvent.setup();
    const { router } = renderApp('/contacts?tag=kol', { user: repUser });

    expect(await screen.findByRole('link', { name: 'CHANGPING JIA' })).toHaveAttribute('href', `/contacts/${contact.id}`);
    expect(screen.getByRole('textbox', { name: 'Tag' })).toHaveValue('kol');
    // A rep can only pick themselves: there is no user directory for reps.
    expect(within(screen.getByRole('combobox', { name: 'Owner' })).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Anyone',
      'Riley Rep',
    ]);

    await user.type(screen.getByRole('searchbox', { name: 'Name, e-mail or NPI' }), 'jia');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ q: 'jia', tag: 'kol' }),
    );
    await waitFor(() =>
      expect(requestsOf(fetchMock).filter((r) => r.includes('q=jia')).map((r) => new URL(r.slice(4), 'http://x').searchParams.get('tag'))).toEqual(['kol']),
    );
  });

  it('gives the selected contacts an owner and tags in one request', async () => {
    const bulk: unknown[] = [];
    stubApi((request) => {
      if (request.url.startsWith('/api/v1/contacts?')) return { body: { items: [contact, other], nextCursor: null } };
      if (request.url === '/api/v1/users') return { body: tenantUsers };
      if (request.url === '/api/v1/contacts/bulk') {
        bulk.push(request.body);
        return { body: { updated: 2 } };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp('/contacts', { user: adminUser });

    await user.click(await screen.findByRole('checkbox', { name: 'Select all contacts on this page' }));
    const bar = within(screen.getByTestId('bulk-bar'));
    await user.selectOptions(bar.getByRole('combobox', { name: 'Assign to' }), 'Riley Rep');
    await user.type(bar.getByRole('textbox', { name: 'Add tags' }), 'east, kol');
    await user.click(bar.getByRole('button', { name: 'Apply to selected' }));

    expect(await bar.findByText('2 contacts updated.')).toBeInTheDocument();
    expect(bulk).toEqual([{ ids: [contact.id, other.id], ownerId: tenantUsers[2]!.id, addTags: ['east', 'kol'] }]);
  });

  it('lists the recently deleted with Restore', async () => {
    const restored: string[] = [];
    stubApi((request) => {
      if (request.url === '/api/v1/contacts?deleted=true&size=50') return { body: { items: [other], nextCursor: null } };
      if (request.method === 'POST' && request.url.endsWith('/restore')) {
        restored.push(request.url);
        return { body: other };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp('/contacts?deleted=true', { user: repUser });

    expect(await screen.findByRole('heading', { name: 'Recently deleted contacts' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Restore Pat Plain' }));
    await waitFor(() => expect(restored).toEqual([`/api/v1/contacts/${other.id}/restore`]));
  });
});
