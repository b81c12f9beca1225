import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { requestsOf, stubApi } from '@/testing/fetch-stub';
import { adminUser, auditEvent, operatorUser } from '@/testing/fixtures/identity';
import { renderApp } from '@/testing/test-utils';

const AUDIT = '/api/v1/admin/audit';

function queryOf(url: string): URLSearchParams {
  return new URL(url, 'http://localhost').searchParams;
}

describe('Audit trail page', () => {
  it('lists the events newest first and loads more by cursor', async () => {
    const fetchMock = stubApi(({ url }) => {
      if (!url.startsWith(`${AUDIT}?`)) return undefined;
      return queryOf(url).get('cursor') === '41'
        ? { body: { items: [auditEvent(40, { action: 'token.create', details: { name: 'CI', scope: 'READ' } })], nextCursor: null } }
        : {
            body: {
              items: [
                auditEvent(42, { action: 'user.roles', target: 'rep', details: { roles: ['MANAGER', 'REP'] } }),
                auditEvent(41, { outcome: 'FAILURE', actor: 'rep', actorId: null }),
              ],
              nextCursor: '41',
            },
          };
    });
    const user = userEvent.setup();

    renderApp('/admin/audit', { user: adminUser });

    const table = await screen.findByTestId('audit-table');
    const first = within(screen.getByTestId('audit-42'));
    expect(first.getByText('user.roles')).toBeInTheDocument();
    expect(first.getByText('rep')).toBeInTheDocument();
    expect(first.getByText('Success')).toBeInTheDocument();
    expect(first.getByText('roles: ["MANAGER","REP"]')).toBeInTheDocument();
    expect(within(screen.getByTestId('audit-41')).getByText('Failure')).toBeInTheDocument();
    expect(queryOf(requestsOf(fetchMock)[0]!.replace('GET ', '')).get('size')).toBe('50');

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(table).findByText('token.create')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(requestsOf(fetchMock).filter((call) => call.includes('cursor=41'))).toHaveLength(1);
  });

  it('filters by action, actor, outcome and time, kept in the page URL', async () => {
    const fetchMock = stubApi(({ url }) => (url.startsWith(`${AUDIT}?`) ? { body: { items: [], nextCursor: null } } : undefined));
    const user = userEvent.setup();

    const { router } = renderApp('/admin/audit', { user: operatorUser });
    await screen.findByTestId('audit-empty');
    const form = within(screen.getByRole('search', { name: 'Audit filters' }));
    await user.type(form.getByRole('textbox', { name: 'Action' }), 'user');
    await user.type(form.getByRole('textbox', { name: 'Actor' }), 'admin');
    await user.selectOptions(form.getByRole('combobox', { name: 'Outcome' }), 'Denied');
    await user.type(form.getByLabelText('From'), '2026-11-01T08:00');
    await user.click(form.getByRole('button', { name: 'Apply filters' }));

    await screen.findByTestId('audit-empty');
    expect(router.state.location.search).toBe('?action=user&actor=admin&outcome=DENIED&from=2026-11-01T08%3A00');
    const last = queryOf(requestsOf(fetchMock).at(-1)!.replace('GET ', ''));
    expect(last.get('action')).toBe('user');
    expect(last.get('actor')).toBe('admin');
    expect(last.get('outcome')).toBe('DENIED');
    expect(last.get('from')).toBe(new Date('2026-11-01T08:00').toISOString());
    expect(last.has('to')).toBe(false);

    // The form is rebuilt from the URL after each change.
    const applied = within(screen.getByRole('search', { name: 'Audit filters' }));
    expect(applied.getByRole('textbox', { name: 'Action' })).toHaveValue('user');
    await user.click(applied.getByRole('button', { name: 'Clear' }));
    expect(router.state.location.search).toBe('');
  });

  it('refuses a time range that ends before it starts', async () => {
    stubApi(({ url }) => (url.startsWith(`${AUDIT}?`) ? { body: { items: [], nextCursor: null } } : undefined));
    const user = userEvent.setup();

    const { router } = renderApp('/admin/audit', { user: adminUser });
    await screen.findByTestId('audit-empty');
    const form = within(screen.getByRole('search', { name: 'Audit filters' }));
    await user.type(form.getByLabelText('From'), '2026-11-02T08:00');
    await user.type(form.getByLabelText('To'), '2026-11-01T08:00');
    await user.click(form.getByRole('button', { name: 'Apply filters' }));

    expect(form.getByLabelText('To')).toHaveAccessibleDescription('Must be after From.');
    expect(router.state.location.search).toBe('');
  });

  it('verifies the chain on request and says whether it is intact', async () => {
    let intact = true;
    const fetchMock = stubApi(({ url }) => {
      if (url.startsWith(`${AUDIT}?`)) return { body: { items: [], nextCursor: null } };
      if (url === `${AUDIT}/verify`) {
        return {
          body: intact
            ? { eventsChecked: 1234, intact: true, firstBrokenEventId: null, reason: null }
            : { eventsChecked: 17, intact: false, firstBrokenEventId: 17, reason: 'hash mismatch' },
        };
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp('/admin/audit', { user: adminUser });
    const result = await screen.findByTestId('audit-verify-result');
    expect(result).toHaveTextContent('Not verified yet.');
    expect(requestsOf(fetchMock)).not.toContain(`GET ${AUDIT}/verify`);

    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(await within(result).findByText(/All 1,234 events check out/)).toBeInTheDocument();
    expect(result).toHaveTextContent('Intact');

    intact = false;
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(await within(result).findByText(/The chain breaks at event #17: hash mismatch/)).toBeInTheDocument();
  });
});
