import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { stubApi } from '@/testing/fetch-stub';
import { contact } from '@/testing/fixtures/crm';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const nurse = { ...contact, id: 'c0000000-0000-4000-8000-000000000002', npi: null, displayName: 'Dana Nurse' };
const fellow = { ...contact, id: 'c0000000-0000-4000-8000-000000000003', npi: null, displayName: 'Dana Fellow' };

describe('Log a call', () => {
  function stub(posts: unknown[], searches: unknown[] = []) {
    return stubApi((request) => {
      if (request.url === `/api/v1/contacts/${contact.id}` && request.method === 'GET') return { body: contact };
      if (request.url.startsWith('/api/v1/contacts?')) {
        searches.push(new URL(request.url, 'http://localhost').searchParams.get('q'));
        return { body: { items: [contact, nurse, fellow], nextCursor: null } };
      }
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

  it('logs a call with several attendees: the contact and others found by name, one removed again', async () => {
    const posts: unknown[] = [];
    const searches: unknown[] = [];
    stub(posts, searches);
    const user = userEvent.setup();
    renderApp(`/contacts/${contact.id}/log-call`, { user: repUser });

    await screen.findByRole('form', { name: 'Log a call' });
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'In-service for the ward');
    const search = screen.getByRole('searchbox', { name: 'Add an attendee' });
    await user.type(search, 'D');
    expect(screen.queryByRole('list', { name: 'Matching contacts' })).not.toBeInTheDocument();
    await user.type(search, 'ana{Enter}');
    const matches = within(await screen.findByRole('list', { name: 'Matching contacts' }));
    expect(matches.queryByRole('button', { name: `Add ${contact.displayName}` })).not.toBeInTheDocument();
    await user.click(matches.getByRole('button', { name: 'Add Dana Nurse' }));
    expect(search).toHaveValue('');
    await user.type(search, 'Dana');
    await user.click(await screen.findByRole('button', { name: 'Add Dana Fellow' }));
    await user.type(search, 'Dana');
    expect(await screen.findByText('No other contact matches “Dana”.')).toBeInTheDocument();

    const attendees = within(screen.getByRole('list', { name: 'Attendees' }));
    expect(attendees.getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual([
      contact.displayName,
      'Dana Nurse',
      'Dana Fellow',
    ]);
    expect(attendees.queryByRole('button', { name: `Remove ${contact.displayName}` })).not.toBeInTheDocument();
    await user.click(attendees.getByRole('button', { name: 'Remove Dana Nurse' }));
    expect(posts).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Log it' }));

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ subject: 'In-service for the ward', attendeeIds: [contact.id, fellow.id] });
    expect(searches.every((q) => typeof q === 'string' && q.length >= 2)).toBe(true);
  });
});
