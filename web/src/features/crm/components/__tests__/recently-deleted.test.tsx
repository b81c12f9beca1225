import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { board, contact, contactTimeline, openTask, opportunity } from '@/testing/fixtures/crm';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const TASK = `/api/v1/tasks/${openTask.id}`;
const OPPORTUNITY = `/api/v1/opportunities/${opportunity.id}`;
const ACTIVITY = `/api/v1/activities/${contactTimeline[0]!.recordId}`;

/** A server whose task, deal and activity are gone from their lists while deleted, and back once restored. */
function stubServer({ refuseRestore = false } = {}) {
  const requests: StubRequest[] = [];
  const deleted = new Set<string>();
  stubApi((request) => {
    const { method, url } = request;
    if (method !== 'GET') requests.push(request);
    for (const path of [TASK, OPPORTUNITY, ACTIVITY]) {
      if (method === 'DELETE' && url === path) {
        deleted.add(path);
        return { status: 204 };
      }
      if (method === 'POST' && url === `${path}/restore`) {
        if (refuseRestore) return problemResponse(404, 'Not found', 'Deleted more than 30 days ago');
        deleted.delete(path);
        return { body: {} };
      }
    }
    if (url.startsWith('/api/v1/tasks?')) return { body: deleted.has(TASK) ? [] : [openTask] };
    if (url === '/api/v1/opportunities/board') {
      return { body: deleted.has(OPPORTUNITY) ? board.map((column) => ({ ...column, opportunities: [], total: 0 })) : board };
    }
    if (url.startsWith('/api/v1/opportunities/forecast')) return { body: [] };
    if (url === `/api/v1/contacts/${contact.id}`) return { body: contact };
    if (url === `/api/v1/contacts/${contact.id}/timeline`) {
      return { body: deleted.has(ACTIVITY) ? contactTimeline.slice(1) : contactTimeline };
    }
    if (url === `/api/v1/contacts/${contact.id}/history`) return { body: [] };
    return undefined;
  });
  return requests;
}

const calls = (requests: StubRequest[]) => requests.map((request) => `${request.method} ${request.url}`);

describe('Delete and restore of tasks, deals and activities', () => {
  it('deletes a task from my tasks and brings it back with Restore', async () => {
    const requests = stubServer();
    const user = userEvent.setup();
    renderApp('/tasks', { user: repUser });

    const tasks = within(await screen.findByTestId('tasks'));
    await user.click(await tasks.findByRole('button', { name: 'Delete Send the brochure' }));
    expect(await tasks.findByText('Send the brochure is deleted (restorable for 30 days).')).toBeInTheDocument();
    expect(await tasks.findByTestId('tasks-empty')).toBeInTheDocument();

    await user.click(tasks.getByRole('button', { name: 'Restore Send the brochure' }));
    expect(await tasks.findByRole('button', { name: 'Delete Send the brochure' })).toBeInTheDocument();
    expect(tasks.queryByRole('list', { name: 'Deleted here' })).not.toBeInTheDocument();
    expect(calls(requests)).toEqual([`DELETE ${TASK}`, `POST ${TASK}/restore`]);
  });

  it('deletes a deal from the pipeline board and restores it to its column', async () => {
    const requests = stubServer();
    const user = userEvent.setup();
    renderApp('/pipeline', { user: repUser });

    const qualify = within(await screen.findByTestId('stage-Qualify'));
    await user.click(qualify.getByRole('button', { name: `Delete ${opportunity.name}` }));
    await waitFor(() => expect(qualify.queryByText(opportunity.name)).not.toBeInTheDocument());

    await user.click(await screen.findByRole('button', { name: `Restore ${opportunity.name}` }));
    expect(await qualify.findByText(opportunity.name)).toBeInTheDocument();
    expect(calls(requests)).toEqual([`DELETE ${OPPORTUNITY}`, `POST ${OPPORTUNITY}/restore`]);
  });

  it('deletes a call from a contact timeline, and shows why a restore was refused', async () => {
    const requests = stubServer({ refuseRestore: true });
    const user = userEvent.setup();
    renderApp(`/contacts/${contact.id}`, { user: repUser });

    const timeline = within(await screen.findByTestId('timeline'));
    await user.click(await timeline.findByRole('button', { name: 'Delete Call: product intro' }));
    expect(timeline.queryByRole('button', { name: /Delete Food and beverage/ })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('timeline-ACTIVITY_CALL')).not.toBeInTheDocument());

    await user.click(timeline.getByRole('button', { name: 'Restore Call: product intro' }));
    expect(
      await timeline.findByText('Could not restore Call: product intro: Not found: Deleted more than 30 days ago'),
    ).toBeInTheDocument();
    expect(timeline.getByRole('button', { name: 'Restore Call: product intro' })).toBeInTheDocument();
    expect(calls(requests)).toEqual([`DELETE ${ACTIVITY}`, `POST ${ACTIVITY}/restore`]);
  });
});
