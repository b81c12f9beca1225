import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { contact } from '@/testing/fixtures/crm';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

describe('Log a call', () => {
  function stub(posts: unknown[]) {
    return stubApi((request) => {
      if (request.url === `/api/v1/contacts/${contact.id}` && request.method === 'GET') return { body: contact };
      if (request.url === '/api/v1/activities' && request.method === 'POST') {
        posts.push(request.body);
        return {
          status: 201,
          body: { id: 'a1', version: 0, kind: 'CALL', attendees: [], products: [], followUpTaskId: 't1' },
        };
      }
      return { body: [] };
    });
  }

  it('logs a call with its attendee and a follow-up task, then goes back to the contact', async () => {
    const posts: unknown[] = [];
    stub(posts);
    const user = userEvent.setup();
    const { router } = renderApp(`/contacts/${contact.id}/log-call`, { user: repUser });

    await screen.findByRole('form', { name: 'Log a call' });
    expect(screen.getByRole('radio', { name: 'Call' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Visit' }));
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Product intro');
    await user.type(screen.getByRole('textbox', { name: 'Outcome' }), 'Interested');
    await user.click(screen.getByRole('checkbox', { name: 'Add a follow-up task' }));
    await user.type(screen.getByRole('textbox', { name: 'Follow-up task' }), 'Send the brochure');
    const due = screen.getByLabelText('Due date');
    await user.clear(due);
    await user.type(due, '2026-12-01');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'HIGH');
    await user.click(screen.getByRole('button', { name: 'Log it' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/contacts/${contact.id}`));
    expect(posts).toEqual([
      {
        kind: 'VISIT',
        subject: 'Product intro',
        outcome: 'Interested',
        attendeeIds: [contact.id],
        followUp: { title: 'Send the brochure', dueDate: '2026-12-01', priority: 'HIGH' },
      },
    ]);
  });

  it('asks for a subject, and for the follow-up title when a follow-up is wanted, before sending anything', async () => {
    const posts: unknown[] = [];
    stub(posts);
    const user = userEvent.setup();
    renderApp(`/contacts/${contact.id}/log-call`, { user: repUser });

    await screen.findByRole('form', { name: 'Log a call' });
    await user.click(screen.getByRole('checkbox', { name: 'Add a follow-up task' }));
    await user.click(screen.getByRole('button', { name: 'Log it' }));

    expect(await screen.findByText('Say what it was about.')).toBeInTheDocument();
    expect(screen.getByText('Name the follow-up task.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveFocus();
    expect(posts).toEqual([]);
  });
});
