import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi, type StubRequest, type StubResponse } from '@/testing/fetch-stub';
import { board, contact, contactTimeline, openTask, opportunity } from '@/testing/fixtures/crm';
import { managerUser, repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const deletedTask = { ...openTask, deletedAt: '2026-11-26T09:30:00Z', deletedByName: repUser.displayName };
const deletedDeal = { ...opportunity, deletedAt: '2026-11-26T08:00:00Z', deletedByName: managerUser.displayName };
const deletedCall = {
  id: contactTimeline[0]!.recordId,
  version: 2,
  kind: 'CALL',
  occurredAt: '2026-11-25T10:00:00Z',
  subject: 'Product intro',
  notes: null,
  outcome: 'Interested',
  nextStep: null,
  products: [],
  accountId: null,
  accountName: null,
  attendees: [{ contactId: contact.id, name: contact.displayName }],
  ownerId: repUser.id,
  ownerName: repUser.displayName,
  followUpTaskId: null,
  deletedAt: '2026-11-26T07:00:00Z',
  deletedByName: repUser.displayName,
};

type Lists = { tasks: unknown[]; opportunities: unknown[]; activities: unknown[] };

/**
 * A server with one deleted record of each kind: the deleted list (?deleted=true) holds it until it is restored,
 * then the current list does. `answer` overrides a deleted list's answer (an error, or a request held pending).
 */
function stubServer({
  refuseRestore = false,
  answer,
}: { refuseRestore?: boolean; answer?: (kind: keyof Lists) => StubResponse | Promise<StubResponse> | undefined } = {}) {
  const requests: StubRequest[] = [];
  const deleted: Lists = { tasks: [deletedTask], opportunities: [deletedDeal], activities: [deletedCall] };
  const current: Lists = { tasks: [], opportunities: [], activities: [] };
  stubApi((request) => {
    const { method, url } = request;
    requests.push(request);
    const [path, query = ''] = url.split('?');
    const kind = path!.split('/')[3] as keyof Lists;
    if (method === 'GET' && new URLSearchParams(query).get('deleted') === 'true' && kind in deleted) {
      return answer?.(kind) ?? { body: deleted[kind] };
    }
    const restore = /^\/api\/v1\/(tasks|opportunities|activities)\/([^/]+)\/restore$/.exec(url);
    if (method === 'POST' && restore) {
      if (refuseRestore) return problemResponse(410, 'Gone', 'This task was deleted more than 30 days ago.');
      const list = restore[1] as keyof Lists;
      const record = deleted[list].find((r) => (r as { id: string }).id === restore[2]);
      deleted[list] = deleted[list].filter((r) => r !== record);
      current[list].push({ ...(record as object), deletedAt: null, deletedByName: null });
      return { body: record };
    }
    if (path === '/api/v1/tasks') return { body: current.tasks };
    if (url === '/api/v1/opportunities/board') {
      return { body: board.map((column) => ({ ...column, opportunities: current.opportunities.length ? column.opportunities : [] })) };
    }
    if (url.startsWith('/api/v1/opportunities/forecast')) return { body: [] };
    if (url === `/api/v1/contacts/${contact.id}`) return { body: contact };
    if (url === `/api/v1/contacts/${contact.id}/timeline`) return { body: current.activities.length ? contactTimeline : [] };
    if (url === `/api/v1/contacts/${contact.id}/history`) return { body: [] };
    return undefined;
  });
  return requests;
}

const calls = (requests: StubRequest[]) =>
  requests.filter((r) => r.url.includes('deleted=true') || r.method !== 'GET').map((r) => `${r.method} ${r.url}`);

describe('Recently deleted tasks, deals and activities', () => {
  it('restores a deleted task from the link on my tasks, and the task is back in my tasks', async () => {
    const requests = stubServer();
    const user = userEvent.setup();
    renderApp('/tasks', { user: repUser });

    await user.click(await screen.findByRole('link', { name: 'Recently deleted tasks' }));
    const page = within(await screen.findByTestId('deleted-records'));
    const row = within(await page.findByTestId(`deleted-${openTask.id}`));
    expect(row.getByText('Send the brochure')).toBeInTheDocument();
    expect(row.getByText(`due Nov 20, 2026 · ${contact.displayName} · for ${repUser.displayName}`)).toBeInTheDocument();
    expect(row.getByText(`by ${repUser.displayName}`)).toBeInTheDocument();
    expect(row.getByText((_, element) => element?.tagName === 'TIME')).toHaveAttribute(
      'datetime',
      new Date(deletedTask.deletedAt).toISOString(),
    );
    expect(screen.getByRole('link', { name: 'Tasks' })).toHaveAttribute('aria-current', 'page');

    await user.click(row.getByRole('button', { name: 'Restore Send the brochure' }));

    expect(await page.findByTestId('deleted-empty')).toBeInTheDocument();
    expect(page.getByRole('status')).toHaveTextContent('Send the brochure is restored: see it in My tasks.');
    await user.click(page.getByRole('link', { name: 'My tasks' }));
    expect(await within(await screen.findByTestId('tasks')).findByText('Send the brochure')).toBeInTheDocument();
    expect(calls(requests)).toEqual([
      'GET /api/v1/tasks?deleted=true&size=200',
      `POST /api/v1/tasks/${openTask.id}/restore`,
      'GET /api/v1/tasks?deleted=true&size=200',
    ]);
  });

  it('restores a deal from the link on the pipeline, and it is back in its column', async () => {
    stubServer();
    const user = userEvent.setup();
    renderApp('/pipeline', { user: repUser });

    await user.click(await screen.findByRole('link', { name: 'Recently deleted deals' }));
    const row = within(await screen.findByTestId(`deleted-${opportunity.id}`));
    expect(row.getByText('Qualify · $120,000')).toBeInTheDocument();
    expect(row.getByText(`by ${managerUser.displayName}`)).toBeInTheDocument();
    await user.click(row.getByRole('button', { name: `Restore ${opportunity.name}` }));
    await waitFor(() => expect(screen.queryByTestId(`deleted-${opportunity.id}`)).not.toBeInTheDocument());

    await user.click(screen.getByRole('link', { name: 'the pipeline' }));
    expect(await within(await screen.findByTestId('stage-Qualify')).findByText(opportunity.name)).toBeInTheDocument();
  });

  it('lists deleted calls from the link on a contact timeline, and says why a restore was refused', async () => {
    const requests = stubServer({ refuseRestore: true });
    const user = userEvent.setup();
    renderApp(`/contacts/${contact.id}`, { user: repUser });

    await user.click(await within(await screen.findByTestId('timeline')).findByRole('link', { name: 'Recently deleted calls' }));
    const row = within(await screen.findByTestId(`deleted-${deletedCall.id}`));
    expect(row.getByText('Call: Product intro')).toBeInTheDocument();
    expect(row.getByText(`Nov 25, 2026 · ${contact.displayName}`)).toBeInTheDocument();
    await user.click(row.getByRole('button', { name: 'Restore Call: Product intro' }));

    expect(
      await screen.findByText('Could not restore Call: Product intro: Gone: This task was deleted more than 30 days ago.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId(`deleted-${deletedCall.id}`)).toBeInTheDocument();
    expect(calls(requests)).toContain(`POST /api/v1/activities/${deletedCall.id}/restore`);
  });

  it('shows loading, then nothing deleted lately for deals', async () => {
    let release: (answer: StubResponse) => void = () => {};
    stubServer({ answer: () => new Promise<StubResponse>((resolve) => (release = resolve)) });
    renderApp('/recently-deleted?kind=opportunities', { user: repUser });

    expect(await screen.findByText('Loading what was deleted…')).toBeInTheDocument();
    release({ body: [] });
    const empty = await screen.findByTestId('deleted-empty');
    expect(empty).toHaveTextContent('No deal was deleted in the last 30 days.');
  });

  it('says when the deleted list could not be loaded, and loads it again on Try again', async () => {
    let fail = true;
    stubServer({ answer: () => (fail ? problemResponse(503, 'Service Unavailable', 'The database is busy') : undefined) });
    const user = userEvent.setup();
    renderApp('/recently-deleted?kind=activities', { user: repUser });

    expect(await screen.findByText('Could not load what was deleted')).toBeInTheDocument();
    fail = false;
    expect(screen.getByRole('alert')).toHaveTextContent('The database is busy');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId(`deleted-${deletedCall.id}`)).toBeInTheDocument();
  });

  it('shows deleted tasks for a kind it does not know, and is in the navigation', async () => {
    stubServer();
    renderApp('/recently-deleted?kind=contacts', { user: repUser });

    expect(await screen.findByTestId(`deleted-${openTask.id}`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Recently deleted' })).toHaveAttribute('href', '/recently-deleted');
  });
});
