import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { ActionsHeader, DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { contactHref, logCallHref, providerHref } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { formatCount, formatShortDateTime, parseDate } from '@/lib/format';

import {
  useAttainment,
  useBulkUpdateMembers,
  useCreateContactsFor,
  useListChanges,
  useMembers,
  useTargetList,
  useUpdateMember,
  type Member,
  type MemberSort,
  type Totals,
} from '../api/target-lists';
import { AttainmentBar } from './attainment-bar';
import styles from './targeting.module.css';

const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;

/** One target list: attainment, members with tiers and goals editable in place, bulk actions, and a dynamic list's changes. */
export function TargetListPage({ id }: { id: string }) {
  const list = useTargetList(id);
  return (
    <QueryState query={list} loadingLabel="Loading the list…" errorTitle="Could not load the list" onRetry={() => void list.refetch()}>
      {(data) => (
        <>
          <p className={styles.muted} data-testid="target-list-summary">
            {data.periodStart} to {data.periodEnd} · {data.ownerName} · {formatCount(data.memberCount)} members
            {data.rule ? <> · dynamic: <code>{data.rule}</code></> : null}
          </p>
          <AttainmentPanel listId={id} />
          <MembersPanel listId={id} />
          {data.rule ? <ChangesPanel listId={id} /> : null}
        </>
      )}
    </QueryState>
  );
}

function tierLabel(tier: string | null): string {
  return tier === null ? 'Overall' : tier === 'none' ? 'No tier' : `Tier ${tier}`;
}

function AttainmentPanel({ listId }: { listId: string }) {
  const attainment = useAttainment(listId);
  return (
    <Panel title="Attainment" subtitle="Calls, visits, lunches and in-services of the period" testId="attainment">
      <PanelBody>
        <QueryState query={attainment} loadingLabel="Counting calls…" errorTitle="Could not count the calls" onRetry={() => void attainment.refetch()}>
          {(data) => (
            <DataTable caption="Attainment overall and by tier">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col" className={tableStyles.alignRight}>Targets</th>
                  <th scope="col">Reach</th>
                  <th scope="col" className={tableStyles.alignRight}>Calls</th>
                  <th scope="col">Calls of goal</th>
                  <th scope="col" className={tableStyles.alignRight}>Frequency</th>
                </tr>
              </thead>
              <tbody>
                {[data.overall, ...data.byTier].map((totals: Totals) => (
                  <tr key={totals.tier ?? 'overall'} data-testid={`attainment-${totals.tier ?? 'overall'}`}>
                    <th scope="row">{tierLabel(totals.tier)}</th>
                    <td className={right}>{formatCount(totals.targets)}</td>
                    <td>
                      <AttainmentBar value={totals.targets ? totals.reached / totals.targets : null} label={`Reach of ${tierLabel(totals.tier)}`} />
                    </td>
                    <td className={right}>{formatCount(totals.calls)}</td>
                    <td>
                      <AttainmentBar value={totals.goal ? totals.calls / totals.goal : null} label={`Calls of goal, ${tierLabel(totals.tier)}`} />
                    </td>
                    <td className={right}>{totals.frequency}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function location(member: Member): string {
  const a = member.address;
  if (!a) return '—';
  return [[a.city, a.state].filter(Boolean).join(', '), a.zip5].filter(Boolean).join(' ') || '—';
}

function MembersPanel({ listId }: { listId: string }) {
  const [sort, setSort] = useState<MemberSort>('tier');
  const members = useMembers(listId, sort);
  const update = useUpdateMember(listId);
  const bulk = useBulkUpdateMembers(listId);
  const createContacts = useCreateContactsFor();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkTier, setBulkTier] = useState('A');
  const [bulkGoal, setBulkGoal] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  const total = members.data?.pages[0]?.total ?? 0;
  const chosen = items.filter((member) => selected.has(member.npi));

  const toggle = (npi: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(npi)) next.delete(npi);
      else next.add(npi);
      return next;
    });

  const run = async (work: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage(await work());
    } catch (e) {
      setMessage(getErrorMessage(e));
    }
  };

  return (
    <Panel
      title="Members"
      subtitle={`${formatCount(total)} providers`}
      busy={members.isFetching}
      testId="target-members"
      actions={
        <label>
          Sort{' '}
          <select className={styles.inlineSelect} value={sort} onChange={(event) => setSort(event.target.value as MemberSort)}>
            <option value="tier">Tier</option>
            <option value="name">Name</option>
            <option value="calls">Calls</option>
            <option value="attainment">Attainment</option>
            <option value="lastCallAt">Last call</option>
          </select>
        </label>
      }
    >
      <PanelBody>
        <div className={styles.toolbar} role="group" aria-label="Bulk actions">
          <span>{formatCount(chosen.length)} selected</span>
          <select className={styles.inlineSelect} aria-label="Tier for the selected" value={bulkTier} onChange={(event) => setBulkTier(event.target.value)}>
            <option value="A">A</option>
            <option value="B">B</option>
            <option value="C">C</option>
          </select>
          <Button
            size="small"
            variant="secondary"
            disabled={!chosen.length || bulk.isPending}
            onClick={() =>
              void run(async () => {
                const result = await bulk.mutateAsync({ npis: chosen.map((m) => m.npi), tier: bulkTier });
                return `Tier ${bulkTier} set on ${formatCount(result.changed)} members.`;
              })
            }
          >
            Set tier
          </Button>
          <input
            className={styles.inlineNumber}
            type="number"
            min={0}
            max={1000}
            aria-label="Call goal for the selected"
            value={bulkGoal}
            onChange={(event) => setBulkGoal(event.target.value)}
          />
          <Button
            size="small"
            variant="secondary"
            disabled={!chosen.length || bulkGoal === '' || bulk.isPending}
            onClick={() =>
              void run(async () => {
                const result = await bulk.mutateAsync({ npis: chosen.map((m) => m.npi), callGoal: Number(bulkGoal) });
                return `Goal ${bulkGoal} set on ${formatCount(result.changed)} members.`;
              })
            }
          >
            Set goal
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={!chosen.some((m) => !m.contactId) || createContacts.isPending}
            onClick={() =>
              void run(async () => {
                const created = await createContacts.mutateAsync(chosen.filter((m) => !m.contactId).map((m) => m.npi));
                return `${formatCount(created)} contacts created.`;
              })
            }
          >
            Create contacts
          </Button>
          {message ? <span role="status">{message}</span> : null}
        </div>
        <QueryState query={members} loadingLabel="Loading members…" errorTitle="Could not load the members" onRetry={() => void members.refetch()}>
          {() =>
            items.length === 0 ? (
              <PanelEmpty title="No members yet">
                <p>Add providers from a search: select rows, or add all results.</p>
              </PanelEmpty>
            ) : (
              <DataTable caption="Members of the list" testId="target-member-table">
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Select all members shown"
                        checked={items.length > 0 && chosen.length === items.length}
                        onChange={(event) => setSelected(event.target.checked ? new Set(items.map((m) => m.npi)) : new Set())}
                      />
                    </th>
                    <th scope="col">Provider</th>
                    <th scope="col">Location</th>
                    <th scope="col">Tier</th>
                    <th scope="col">Goal</th>
                    <th scope="col" className={tableStyles.alignRight}>Calls</th>
                    <th scope="col">Attainment</th>
                    <th scope="col">Last call</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {items.map((member) => {
                    const last = parseDate(member.lastCallAt);
                    return (
                      <tr key={member.npi} data-testid={`member-row-${member.npi}`}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Select ${member.name}`}
                            checked={selected.has(member.npi)}
                            onChange={() => toggle(member.npi)}
                          />
                        </td>
                        <td>
                          <Link to={providerHref(member.npi)}>{member.name}</Link>
                          <span className={styles.muted}> {member.primarySpecialty ?? ''}</span>
                        </td>
                        <td>{location(member)}</td>
                        <td>
                          <select
                            className={styles.inlineSelect}
                            aria-label={`Tier of ${member.name}`}
                            value={member.tier ?? ''}
                            onChange={(event) => update.mutate({ npi: member.npi, tier: event.target.value || null })}
                          >
                            <option value="">—</option>
                            <option value="A">A</option>
                            <option value="B">B</option>
                            <option value="C">C</option>
                          </select>
                        </td>
                        <td>
                          <input
                            key={`${member.npi}-${member.callGoal ?? ''}`}
                            className={styles.inlineNumber}
                            type="number"
                            min={0}
                            max={1000}
                            aria-label={`Call goal of ${member.name}`}
                            defaultValue={member.callGoal ?? ''}
                            onBlur={(event) => {
                              const value = event.target.value === '' ? null : Number(event.target.value);
                              if (value !== member.callGoal) update.mutate({ npi: member.npi, callGoal: value });
                            }}
                          />
                        </td>
                        <td className={right}>{formatCount(member.calls)}</td>
                        <td>
                          <AttainmentBar value={member.attainment} label={`Attainment of ${member.name}`} />
                        </td>
                        <td>{last ? formatShortDateTime(last) : '—'}</td>
                        <td>
                          {member.contactId ? (
                            <>
                              <Link to={logCallHref(member.contactId)}>Log a call</Link>{' '}
                              <Link to={contactHref(member.contactId)} className={styles.muted}>
                                Contact
                              </Link>
                            </>
                          ) : (
                            <span className={styles.muted}>Not a contact</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </DataTable>
            )
          }
        </QueryState>
        {update.isError ? <p role="alert">Could not save: {getErrorMessage(update.error)}</p> : null}
        {members.hasNextPage ? (
          <Button variant="secondary" onClick={() => void members.fetchNextPage()} disabled={members.isFetchingNextPage}>
            {members.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        ) : null}
      </PanelBody>
    </Panel>
  );
}

function ChangesPanel({ listId }: { listId: string }) {
  const changes = useListChanges(listId, true);
  return (
    <Panel title="Changes" subtitle="Each re-evaluation of the rule that moved someone" testId="list-changes">
      <PanelBody>
        <QueryState query={changes} loadingLabel="Loading changes…" errorTitle="Could not load the changes" onRetry={() => void changes.refetch()}>
          {(data) =>
            data.length === 0 ? (
              <PanelEmpty title="No changes yet">
                <p>The rule is re-evaluated after every data publish.</p>
              </PanelEmpty>
            ) : (
              <ul className={styles.list}>
                {data.map((change) => (
                  <li key={change.id}>
                    {formatShortDateTime(parseDate(change.evaluatedAt) ?? new Date())} · {change.trigger}: {change.joinedCount} joined,{' '}
                    {change.leftCount} left
                    <ul className={styles.list}>
                      {[...change.joined, ...change.left].slice(0, 50).map((m) => (
                        <li key={`${change.id}-${m.npi}`}>
                          <Link to={providerHref(m.npi)}>{m.name}</Link> — {m.reason}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
