import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi, type StubRequest } from '@/testing/fetch-stub';
import { contact, contactTimeline, openTask } from '@/testing/fixtures/crm';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const CONTACT = `/api/v1/contacts/${contact.id}`;

function stubContact(onPatch: (request: StubRequest) => { status?: number; body: unknown; contentType?: string }) {
  let current: unknown = contact;
  return stubApi((request) => {
    if (request.url === CONTACT && request.method === 'GET') return { body: current };
    if (request.url === CONTACT && request.method === 'PATCH') {
      const answer = onPatch(request);
      if (!answer.status || answer.status < 300) current = answer.body;
      return answer;
    }
    if (request.url === `${CONTACT}/timeline`) return { body: contactTimeline };
    if (request.url === `${CONTACT}/history`) return { body: [] };
    if (request.url.startsWith('/api/v1/tasks?')) return { body: [openTask] };
    return undefined;
  });
}

describe('Contact page', () => {
  it('shows the CRM fields, open tasks and a timeline mixing CRM and public-data events', async () => {
    stubContact(() => ({ body: contact }));
    renderApp(`/contacts/${contact.id}`, { user: repUser });

    expect(await screen.findByTestId('contact-name')).toHaveTextContent('CHANGPING JIA');
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toHaveValue('cjia@example.com');
    expect(screen.getByRole('link', { name: 'Log a call' })).toHaveAttribute('href', `/contacts/${contact.id}/log-call`);
    const timeline = within(screen.getByTestId('timeline'));
    expect(await timeline.findByText('Call: product intro')).toBeInTheDocument();
    expect(timeline.getByText('Food and beverage $23')).toBeInTheDocument();
    expect(screen.getByTestId('timeline-PAYMENT')).toHaveTextContent('Open Payments');
    const tasks = within(screen.getByTestId('tasks'));
    expect(await tasks.findByText('Send the brochure')).toBeInTheDocument();
    expect(tasks.getByText(/overdue/)).toBeInTheDocument();
  });

  it('saves only the changed fields with the version it read', async () => {
    const patches: unknown[] = [];
    stubContact((request) => {
      patches.push(request.body);
      return { body: { ...contact, version: 4, title: 'Chief of medicine' } };
    });
    const user = userEvent.setup();
    renderApp(`/contacts/${contact.id}`, { user: repUser });

    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Chief of medicine');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(patches).toEqual([{ version: 3, title: 'Chief of medicine' }]));
  });

  it('on a conflict offers Reload and Keep my changes, which re-applies my edit on the current version', async () => {
    const theirs = { ...contact, version: 7, phone: '212-555-0100' };
    const patches: unknown[] = [];
    stubContact((request) => {
      patches.push(request.body);
      if (patches.length === 1) {
        return {
          status: 409,
          contentType: 'application/problem+json',
          body: { title: 'Conflict', status: 409, detail: 'Changed since version 3', current: theirs },
        };
      }
      return { body: { ...theirs, version: 8, title: 'Chief' } };
    });
    const user = userEvent.setup();
    renderApp(`/contacts/${contact.id}`, { user: repUser });

    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Chief');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const conflict = await screen.findByTestId('edit-conflict');
    expect(conflict).toHaveTextContent('Someone changed this');
    expect(within(conflict).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    await user.click(within(conflict).getByRole('button', { name: 'Keep my changes' }));

    await waitFor(() => expect(patches[1]).toEqual({ version: 7, title: 'Chief' }));
    // Their phone number stays: only my field went on top of their version.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveValue('212-555-0100'));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Chief');
    expect(screen.queryByTestId('edit-conflict')).not.toBeInTheDocument();
  });

  it('Reload takes their version and drops my edit', async () => {
    const theirs = { ...contact, version: 7, title: 'Their title' };
    stubContact(() => ({
      status: 409,
      contentType: 'application/problem+json',
      body: { title: 'Conflict', status: 409, current: theirs },
    }));
    const user = userEvent.setup();
    renderApp(`/contacts/${contact.id}`, { user: repUser });

    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(within(await screen.findByTestId('edit-conflict')).getByRole('button', { name: 'Reload' }));

    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Their title');
  });
});
