import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { contact, opportunity, stages } from '@/testing/fixtures/crm';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const DEAL = `/api/v1/opportunities/${opportunity.id}`;
const linked = { ...opportunity, accountId: 'acc-1', accountName: 'NYU Langone', contactId: contact.id };

function stubDeal({ contactVisible = true } = {}) {
  const patches: unknown[] = [];
  let current: Record<string, unknown> = linked;
  stubApi((request) => {
    if (request.url === DEAL && request.method === 'GET') return { body: current };
    if (request.url === DEAL && request.method === 'PATCH') {
      patches.push(request.body);
      current = { ...current, ...(request.body as object), version: 6 };
      return { body: current };
    }
    if (request.url === '/api/v1/opportunities/stages') return { body: stages };
    if (request.url === `/api/v1/contacts/${contact.id}`) return contactVisible ? { body: contact } : undefined;
    if (request.url.startsWith('/api/v1/contacts?')) return { body: { items: [contact], nextCursor: null } };
    if (request.url.startsWith('/api/v1/accounts?')) {
      return {
        body: [
          { id: 'acc-1', version: 0, name: 'NYU Langone', kind: 'HOSPITAL', tags: [], contactCount: 1 },
          { id: 'acc-2', version: 0, name: 'Mount Sinai', kind: 'HOSPITAL', tags: [], contactCount: 0 },
        ],
      };
    }
    if (request.url.startsWith('/api/v1/tasks?')) return { body: [] };
    return undefined;
  });
  return patches;
}

describe('Deal page', () => {
  it('shows where the deal stands and links to its account and contact', async () => {
    stubDeal();
    renderApp(`/deals/${opportunity.id}`, { user: repUser });

    expect(await screen.findByTestId('opportunity-name')).toHaveTextContent(opportunity.name);
    const summary = within(screen.getByTestId('opportunity-summary'));
    expect(summary.getByText('Qualify (10%)')).toBeInTheDocument();
    expect(summary.getByRole('link', { name: 'NYU Langone' })).toHaveAttribute('href', '/accounts/acc-1');
    expect(await summary.findByRole('link', { name: contact.displayName })).toHaveAttribute('href', `/contacts/${contact.id}`);
    expect(within(screen.getByTestId('tasks')).getByRole('button', { name: 'New task' })).toBeInTheDocument();
  });

  it('says so when the contact is one the user cannot open', async () => {
    stubDeal({ contactVisible: false });
    renderApp(`/deals/${opportunity.id}`, { user: repUser });

    const summary = within(await screen.findByTestId('opportunity-summary'));
    expect(await summary.findByText('A contact you cannot open')).toBeInTheDocument();
  });

  it('links the deal to another account and saves only that, with the version it read', async () => {
    const patches = stubDeal();
    const user = userEvent.setup();
    renderApp(`/deals/${opportunity.id}`, { user: repUser });

    const details = within(await screen.findByTestId('opportunity-details'));
    await user.selectOptions(details.getByRole('combobox', { name: 'Account' }), await details.findByRole('option', { name: 'Mount Sinai' }));
    await user.click(details.getByRole('button', { name: /save/i }));

    await waitFor(() => expect(patches).toEqual([{ version: 5, accountId: 'acc-2' }]));
  });
});
