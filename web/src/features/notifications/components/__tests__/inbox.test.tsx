import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

type Item = {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string;
  npi: number | null;
  createdAt: string;
  readAt: string | null;
};

const changed: Item = {
  id: 'n-1',
  type: 'PROVIDER_CHANGED',
  title: 'CAPE FEAR VALLEY changed',
  body: 'Practice location: 3418 VILLAGE DR, FAYETTEVILLE, NC, 28304 → 1 MEDICAL CENTER DR, FAYETTEVILLE, NC, 28304',
  link: '/providers/1497758544',
  npi: 1497758544,
  createdAt: '2026-12-08T00:10:00Z',
  readAt: null,
};
const assigned: Item = {
  id: 'n-2',
  type: 'ASSIGNED',
  title: 'Task assigned to you: Bring samples',
  body: 'No due date',
  link: '/tasks',
  npi: null,
  createdAt: '2026-12-07T10:00:00Z',
  readAt: '2026-12-07T11:00:00Z',
};

const due: Item = {
  id: 'n-3',
  type: 'TASK_DUE',
  title: 'Reminder: Call Dr. Jia back',
  body: 'Task reminder',
  link: '/tasks',
  npi: null,
  createdAt: '2026-12-06T09:00:00Z',
  readAt: null,
};

function stubInbox() {
  let items: Item[] = [changed, assigned, due];
  const requests: string[] = [];
  stubApi((request) => {
    requests.push(`${request.method} ${request.url}`);
    const unreadCount = items.filter((item) => !item.readAt).length;
    if (request.method === 'POST' && request.url === '/api/v1/notifications/n-1/read') {
      items = items.map((item) => (item.id === 'n-1' ? { ...item, readAt: '2026-12-08T00:11:00Z' } : item));
      return { body: items[0] };
    }
    if (request.method === 'POST' && request.url === '/api/v1/notifications/read-all') {
      items = items.map((item) => ({ ...item, readAt: item.readAt ?? '2026-12-08T00:12:00Z' }));
      return { body: { marked: 1, unreadCount: 0 } };
    }
    if (request.url.startsWith('/api/v1/notifications?')) {
      const params = new URL(request.url, 'http://x').searchParams;
      let shown = items;
      if (params.get('unread') === 'true') shown = shown.filter((item) => !item.readAt);
      if (params.get('type')) shown = shown.filter((item) => item.type === params.get('type'));
      return { body: { items: shown.slice(0, Number(params.get('size') ?? 20)), unreadCount, nextCursor: null } };
    }
    return undefined;
  });
  return requests;
}

describe('Notifications', () => {
  it('shows the unread count on the bell, which opens the inbox', async () => {
    const requests = stubInbox();
    renderApp('/', { user: repUser, unread: 'fetch' });

    await waitFor(() => expect(requests).toContain('GET /api/v1/notifications?unread=true&size=1'));
    const bell = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    expect(within(bell).getByTestId('notification-count')).toHaveTextContent('2');
    await userEvent.setup().click(bell);

    const inbox = await screen.findByTestId('inbox');
    expect(await within(inbox).findByText(changed.body)).toBeInTheDocument();
    expect(within(inbox).getByRole('link', { name: changed.title })).toHaveAttribute('href', changed.link);
  });

  it('marks one read, filters by type, and marks all read', async () => {
    const requests = stubInbox();
    const user = userEvent.setup();
    renderApp('/notifications', { user: repUser, unread: 'fetch' });

    const inbox = within(await screen.findByTestId('inbox'));
    await user.click((await inbox.findAllByRole('button', { name: 'Mark read' }))[0]);
    await waitFor(() => expect(requests).toContain('POST /api/v1/notifications/n-1/read'));
    expect(await screen.findByRole('link', { name: 'Notifications, 1 unread' })).toBeInTheDocument();

    await user.selectOptions(inbox.getByRole('combobox', { name: 'Type' }), 'ASSIGNED');
    await waitFor(() => expect(inbox.queryByText(changed.body)).not.toBeInTheDocument());
    expect(inbox.getByText(assigned.body)).toBeInTheDocument();
    expect(requests.some((r) => r.includes('type=ASSIGNED'))).toBe(true);

    await user.selectOptions(inbox.getByRole('combobox', { name: 'Type' }), '');
    await user.click(await inbox.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(requests).toContain('POST /api/v1/notifications/read-all'));
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeInTheDocument();
  });
});
