import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { contact, contactTimeline, openTask } from '@/testing/fixtures/crm';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const ACCOUNT_ID = 'b0000000-0000-4000-8000-000000000001';
const account = {
  id: ACCOUNT_ID,
  version: 0,
  name: 'Grand Street Clinic',
  kind: 'PRACTICE',
  tags: [],
  contactCount: 0,
};

/** The CRM's answers, recording the tasks posted; the task list shows what was posted. */
function stubCrm(onPost: (request: StubRequest) => { status?: number; body?: unknown } = (request) => ({ status: 201, body: { ...openTask, ...(request.body as object), id: 't-new', overdue: false } })) {
  const posted: unknown[] = [];
  const tasks: unknown[] = [];
  stubApi((request) => {
    if (request.url === '/api/v1/tasks' && request.method === 'POST') {
      posted.push(request.body);
      const answer = onPost(request);
      if ((answer.status ?? 200) < 300) tasks.push(answer.body);
      return answer;
    }
    if (request.url.startsWith('/api/v1/tasks?')) return { body: tasks };
    if (request.url === `/api/v1/contacts/${contact.id}`) return { body: contact };
    if (request.url === `/api/v1/contacts/${contact.id}/timeline`) return { body: contactTimeline };
    if (request.url === `/api/v1/contacts/${contact.id}/history`) return { body: [] };
    if (request.url === `/api/v1/accounts/${ACCOUNT_ID}`) return { body: account };
    if (request.url.startsWith('/api/v1/accounts/')) return { body: [] };
    if (request.url.startsWith('/api/v1/contacts?')) return { body: { items: [], nextCursor: null } };
    return undefined;
  });
  return posted;
}

async function addTask(title: string) {
  const user = userEvent.setup();
  const panel = within(await screen.findByTestId('tasks'));
  await user.click(await panel.findByRole('button', { name: 'New task' }));
  const form = within(panel.getByRole('form', { name: 'New task' }));
  await user.type(form.getByRole('textbox', { name: 'Task' }), title);
  await user.clear(form.getByLabelText('Due date'));
  await user.type(form.getByLabelText('Due date'), '2026-12-24');
  await user.selectOptions(form.getByRole('combobox', { name: 'Priority' }), 'HIGH');
  await user.click(form.getByRole('button', { name: 'Add task' }));
  return { user, panel };
}

describe('New task', () => {
  it('makes a task of my own on the tasks page, without a logged call', async () => {
    const posted = stubCrm();
    renderApp('/tasks', { user: repUser });

    const { panel } = await addTask('Call the hospital buyer');

    expect(await panel.findByText('Call the hospital buyer')).toBeInTheDocument();
    expect(posted).toEqual([{ title: 'Call the hospital buyer', dueDate: '2026-12-24', priority: 'HIGH' }]);
    expect(panel.queryByRole('form', { name: 'New task' })).not.toBeInTheDocument();
  });

  it('makes a task about the contact on the contact page', async () => {
    const posted = stubCrm();
    renderApp(`/contacts/${contact.id}`, { user: repUser });

    await addTask('Send the study');

    await waitFor(() => expect(posted).toEqual([{ contactId: contact.id, title: 'Send the study', dueDate: '2026-12-24', priority: 'HIGH' }]));
  });

  it('makes a task about the account on the account page', async () => {
    const posted = stubCrm();
    renderApp(`/accounts/${ACCOUNT_ID}`, { user: repUser });

    await addTask('Book the in-service');

    await waitFor(() => expect(posted).toEqual([{ accountId: ACCOUNT_ID, title: 'Book the in-service', dueDate: '2026-12-24', priority: 'HIGH' }]));
  });

  it('asks for a title before asking the server, and shows why the server refused', async () => {
    const posted = stubCrm(() => problemResponse(400, 'Bad Request', 'The request has invalid fields.'));
    const user = userEvent.setup();
    renderApp('/tasks', { user: repUser });

    const panel = within(await screen.findByTestId('tasks'));
    await user.click(await panel.findByRole('button', { name: 'New task' }));
    await user.click(panel.getByRole('button', { name: 'Add task' }));
    expect(await panel.findByText('Say what is to be done.')).toBeInTheDocument();
    expect(posted).toEqual([]);

    await user.type(panel.getByRole('textbox', { name: 'Task' }), 'Anything');
    await user.click(panel.getByRole('button', { name: 'Add task' }));
    expect(await panel.findByRole('alert')).toHaveTextContent('Could not add the task');
  });
  it('sends a reminder time as an instant, for the notification worker to remind me then', async () => {
    const posted = stubCrm();
    renderApp('/tasks', { user: repUser });
    const user = userEvent.setup();
    const panel = within(await screen.findByTestId('tasks'));
    await user.click(await panel.findByRole('button', { name: 'New task' }));
    const form = within(panel.getByRole('form', { name: 'New task' }));
    await user.type(form.getByRole('textbox', { name: 'Task' }), 'Call back');
    await user.type(form.getByLabelText('Remind me'), '2026-12-24T09:30');
    await user.click(form.getByRole('button', { name: 'Add task' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ title: 'Call back', remindAt: new Date('2026-12-24T09:30').toISOString() });
  });
});
