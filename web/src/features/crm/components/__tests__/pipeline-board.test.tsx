import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { problemResponse, stubApi } from '@/testing/fetch-stub';
import { board, contact, opportunity } from '@/testing/fixtures/crm';
import { repUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

import { moveOnBoard } from '../../api/opportunities';

describe('moveOnBoard', () => {
  it('moves the card to the target column and recomputes both totals', () => {
    const moved = moveOnBoard(board, opportunity.id, 's2');
    expect(moved[0]!.opportunities).toEqual([]);
    expect(moved[0]!.total).toBe(0);
    expect(moved[1]!.opportunities.map((o) => [o.id, o.stageId])).toEqual([[opportunity.id, 's2']]);
    expect(moved[1]!.total).toBe(120000);
  });

  it('leaves the board as it is for an unknown card or the same stage', () => {
    expect(moveOnBoard(board, 'nope', 's2')).toBe(board);
    expect(moveOnBoard(board, opportunity.id, 's1')).toBe(board);
  });
});

describe('Pipeline page', () => {
  function stub({ failMove = false } = {}) {
    const patches: unknown[] = [];
    const posts: unknown[] = [];
    let current = board;
    stubApi((request) => {
      if (request.url === '/api/v1/opportunities/board') return { body: current };
      if (request.url.startsWith('/api/v1/opportunities/forecast')) {
        return { body: [{ month: '2027-01', opportunities: 1, amount: 120000, weighted: 12000, won: 0 }] };
      }
      if (request.url.startsWith('/api/v1/accounts?')) {
        return { body: [{ id: 'acc-1', version: 0, name: 'NYU Langone', kind: 'HOSPITAL', tags: [], contactCount: 1 }] };
      }
      if (request.url.startsWith('/api/v1/contacts?')) {
        const q = new URL(request.url, 'http://x').searchParams.get('q');
        return { body: { items: !q || 'changping jia'.includes(q.toLowerCase()) ? [contact] : [], nextCursor: null } };
      }
      if (request.method === 'POST' && request.url === '/api/v1/opportunities') {
        posts.push(request.body);
        return { status: 201, body: { ...opportunity, id: 'o-new', ...(request.body as object) } };
      }
      if (request.method === 'PATCH' && request.url === `/api/v1/opportunities/${opportunity.id}`) {
        patches.push(request.body);
        if (failMove) return problemResponse(409, 'Conflict', 'Someone moved it first');
        current = moveOnBoard(board, opportunity.id, 's2');
        return { body: { ...opportunity, version: 6, stageId: 's2' } };
      }
      return undefined;
    });
    return { patches, posts };
  }

  it('shows a column per stage with totals, and moves a deal with its Move to list', async () => {
    const { patches } = stub();
    const user = userEvent.setup();
    renderApp('/pipeline', { user: repUser });

    const qualify = within(await screen.findByTestId('stage-Qualify'));
    expect(qualify.getByText(/1 · \$120,000 · 10%/)).toBeInTheDocument();
    await user.selectOptions(qualify.getByRole('combobox', { name: `Move ${opportunity.name} to` }), 'Evaluate');

    await waitFor(() => expect(within(screen.getByTestId('stage-Evaluate')).getByText(opportunity.name)).toBeInTheDocument());
    expect(patches).toEqual([{ version: 5, stageId: 's2' }]);
    expect(within(await screen.findByTestId('forecast-table')).getByText('2027-01')).toBeInTheDocument();
  });

  it('puts the card back and says why when the move is refused', async () => {
    stub({ failMove: true });
    const user = userEvent.setup();
    renderApp('/pipeline', { user: repUser });

    const qualify = within(await screen.findByTestId('stage-Qualify'));
    await user.selectOptions(qualify.getByRole('combobox', { name: `Move ${opportunity.name} to` }), 'Evaluate');

    expect(await screen.findByText(/Could not move the deal/)).toBeInTheDocument();
    expect(within(screen.getByTestId('stage-Qualify')).getByText(opportunity.name)).toBeInTheDocument();
  });

  it('links each deal to its own page', async () => {
    stub();
    renderApp('/pipeline', { user: repUser });

    const qualify = within(await screen.findByTestId('stage-Qualify'));
    expect(qualify.getByRole('link', { name: opportunity.name })).toHaveAttribute('href', `/deals/${opportunity.id}`);
  });

  it('adds a deal for an account and a contact found by name', async () => {
    const { posts } = stub();
    const user = userEvent.setup();
    renderApp('/pipeline', { user: repUser });

    const form = within(await screen.findByRole('form', { name: 'New deal' }));
    await user.type(form.getByRole('textbox', { name: 'Deal' }), 'Lasers for Langone');
    await user.type(form.getByRole('textbox', { name: 'Amount (USD)' }), '50000');
    await user.selectOptions(await form.findByRole('combobox', { name: 'Account' }), await form.findByRole('option', { name: 'NYU Langone' }));
    await user.type(form.getByRole('searchbox', { name: 'Find a contact' }), 'jia');
    await user.selectOptions(form.getByRole('combobox', { name: 'Contact' }), await form.findByRole('option', { name: contact.displayName }));
    await user.click(form.getByRole('button', { name: 'Add deal' }));

    await waitFor(() =>
      expect(posts).toEqual([{ name: 'Lasers for Langone', amount: 50000, accountId: 'acc-1', contactId: contact.id }]),
    );
  });

  it('draws the forecast with a dollar axis, a month axis and a legend', async () => {
    stub();
    renderApp('/pipeline', { user: repUser });

    const chart = within(await screen.findByRole('img', { name: 'Open, weighted and won amounts by month' }));
    expect(chart.getByTestId('value-axis')).toHaveTextContent(/^\$0\$50K\$100K\$150KAmount \(USD\)$/);
    expect(chart.getByTestId('category-axis')).toHaveTextContent('Month of expected close');
    const legend = within(screen.getByRole('list', { name: 'Legend' }));
    expect(legend.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Open amount',
      'Weighted by stage probability',
      'Won',
    ]);
  });
});
