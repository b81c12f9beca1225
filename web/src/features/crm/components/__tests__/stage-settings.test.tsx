import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi, type StubRequest } from '@/testing/fetch-stub';
import { adminUser, repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const STAGES = [
  { id: 's1', name: 'Prospect', position: 1, probability: 10, outcome: 'OPEN' },
  { id: 's2', name: 'Proposal', position: 2, probability: 70, outcome: 'OPEN' },
  { id: 's3', name: 'Won', position: 3, probability: 100, outcome: 'WON' },
];

function stubServer({ refuse = false } = {}) {
  const puts: StubRequest[] = [];
  stubApi((request) => {
    if (request.url === '/api/v1/opportunities/stages' && request.method === 'GET') return { body: STAGES };
    if (request.url === '/api/v1/opportunities/stages' && request.method === 'PUT') {
      puts.push(request);
      if (refuse) {
        return problemResponse(400, 'Bad Request', 'Invalid request', [
          { field: 'stages', message: 'a stage that still holds opportunities cannot be removed; move them first' },
        ]);
      }
      return { body: STAGES };
    }
    if (request.url === '/api/v1/opportunities/board') return { body: [] };
    if (request.url.startsWith('/api/v1/opportunities/forecast')) return { body: [] };
    return undefined;
  });
  return puts;
}

describe('Pipeline stage settings', () => {
  it('lets an administrator rename, move, add and remove stages and saves the whole list in order', async () => {
    const puts = stubServer();
    const user = userEvent.setup();
    renderApp('/pipeline', { user: adminUser });

    const form = within(await screen.findByRole('form', { name: 'Pipeline stages' }));
    const name = await form.findByLabelText('Stage 2 name');
    await user.clear(name);
    await user.type(name, 'Quote');
    await user.click(form.getByRole('button', { name: 'Move Quote up' }));
    await user.click(form.getByRole('button', { name: 'Remove Won' }));
    await user.click(form.getByRole('button', { name: 'Add a stage' }));
    await user.click(form.getByRole('button', { name: 'Save stages' }));

    expect(await form.findByText('The stages are saved.')).toBeInTheDocument();
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toEqual([
      { id: 's2', name: 'Quote', probability: 70, outcome: 'OPEN' },
      { id: 's1', name: 'Prospect', probability: 10, outcome: 'OPEN' },
      { name: 'New stage', probability: 50, outcome: 'OPEN' },
    ]);
  });

  it('shows the refusal when a removed stage still holds deals', async () => {
    stubServer({ refuse: true });
    const user = userEvent.setup();
    renderApp('/pipeline', { user: adminUser });

    const form = within(await screen.findByRole('form', { name: 'Pipeline stages' }));
    await user.click(await form.findByRole('button', { name: 'Remove Proposal' }));
    await user.click(form.getByRole('button', { name: 'Save stages' }));

    expect(await form.findByRole('alert')).toHaveTextContent('still holds opportunities');
    expect(form.queryByText('The stages are saved.')).not.toBeInTheDocument();
  });

  it('is not offered to a rep', async () => {
    stubServer();
    renderApp('/pipeline', { user: repUser });
    expect(await screen.findByRole('heading', { name: 'Pipeline', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Pipeline stages' })).not.toBeInTheDocument();
  });
});
