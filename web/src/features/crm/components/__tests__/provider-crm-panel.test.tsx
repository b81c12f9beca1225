import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi, type StubRequest, type StubResponse } from '@/testing/fetch-stub';
import { contact } from '@/testing/fixtures/crm';
import { operatorUser, repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const NPI = contact.npi;

function stub(onCreate: (request: StubRequest) => StubResponse) {
  const posts: unknown[] = [];
  const fetchMock = stubApi((request) => {
    if (request.url === `/api/v1/contacts?npi=${NPI}&size=1`) return { body: { items: [], nextCursor: null } };
    if (request.url === '/api/v1/contacts' && request.method === 'POST') {
      posts.push(request.body);
      return onCreate(request);
    }
    if (request.url === `/api/v1/providers/${NPI}/timeline`) {
      return {
        body: [{ at: '2020-01-01T00:00:00Z', source: 'NPPES', type: 'REGISTRY_NEW', title: 'Enumerated', detail: null, recordId: null }],
      };
    }
    return undefined;
  });
  return { posts, fetchMock };
}

describe('CRM on the provider page', () => {
  it('adds the provider as a contact in one click, then links to it and to Log a call', async () => {
    const { posts } = stub(() => ({ status: 201, body: contact }));
    const user = userEvent.setup();
    renderApp(`/providers/${NPI}`, { user: repUser });

    const panel = within(await screen.findByTestId('provider-crm'));
    await user.click(await panel.findByRole('button', { name: 'Add as contact' }));

    expect(await panel.findByRole('link', { name: 'Open the contact' })).toHaveAttribute('href', `/contacts/${contact.id}`);
    expect(panel.getByRole('link', { name: 'Log a call' })).toHaveAttribute('href', `/contacts/${contact.id}/log-call`);
    expect(posts).toEqual([{ npi: NPI }]);
    expect(await within(screen.getByTestId('timeline')).findByText('Enumerated')).toBeInTheDocument();
  });

  it('links to the existing contact when the provider already is one (409 with its id)', async () => {
    stub(() => ({
      ...problemResponse(409, 'Conflict', 'Already a contact'),
      body: { title: 'Conflict', status: 409, detail: 'Already a contact', current: { id: contact.id } },
    }));
    const user = userEvent.setup();
    renderApp(`/providers/${NPI}`, { user: repUser });

    const panel = within(await screen.findByTestId('provider-crm'));
    await user.click(await panel.findByRole('button', { name: 'Add as contact' }));

    expect(await panel.findByRole('link', { name: 'Open the contact' })).toHaveAttribute('href', `/contacts/${contact.id}`);
    expect(panel.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says whose contact the provider is when a colleague holds them, and what to do about it', async () => {
    const detail = 'This provider is already a contact of Dana Whitfield, which you cannot open.';
    stub(() => ({
      ...problemResponse(409, 'Conflict', detail),
      body: { title: 'Conflict', status: 409, detail, current: { ownerId: 'u-2', ownerName: 'Dana Whitfield' } },
    }));
    const user = userEvent.setup();
    renderApp(`/providers/${NPI}`, { user: repUser });

    const panel = within(await screen.findByTestId('provider-crm'));
    expect(await panel.findByText('Not among the contacts you can open.')).toBeInTheDocument();
    await user.click(panel.getByRole('button', { name: 'Add as contact' }));

    const notice = await panel.findByTestId('colleagues-contact');
    expect(notice).toHaveTextContent('Already a contact of Dana Whitfield, which you cannot open.');
    expect(notice).toHaveTextContent('Ask Dana Whitfield or your manager to reassign the contact to you');
    expect(panel.queryByRole('button', { name: 'Add as contact' })).not.toBeInTheDocument();
    expect(panel.queryByRole('link', { name: 'Open the contact' })).not.toBeInTheDocument();
    expect(panel.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is not shown to the platform operator, who has no tenant', async () => {
    const { fetchMock } = stub(() => ({ status: 201, body: contact }));
    renderApp(`/providers/${NPI}`, { user: operatorUser });
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByTestId('provider-crm')).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('contacts'))).toEqual([]);
  });
});
