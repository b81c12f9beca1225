import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { targetListHref } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { formatCount } from '@/lib/format';

import { useCreateTargetList, useTargetLists } from '../api/target-lists';
import { currentQuarter } from '../utils/period';
import styles from './targeting.module.css';

/** The target lists I may see, and a form for a new one (static, or dynamic with a rule). */
export function TargetLists() {
  const lists = useTargetLists();
  const create = useCreateTargetList();
  const navigate = useNavigate();
  const quarter = currentQuarter();
  const [name, setName] = useState('');
  const [periodStart, setPeriodStart] = useState(quarter.periodStart);
  const [periodEnd, setPeriodEnd] = useState(quarter.periodEnd);
  const [rule, setRule] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() || 'New target list', periodStart, periodEnd, rule: rule.trim() || undefined },
      { onSuccess: (created) => void navigate(targetListHref(created.id)) },
    );
  };

  return (
    <>
      <Panel title="Your target lists" testId="target-lists">
        <PanelBody>
          <QueryState query={lists} loadingLabel="Loading lists…" errorTitle="Could not load the lists" onRetry={() => void lists.refetch()}>
            {(data) =>
              data.length === 0 ? (
                <PanelEmpty title="No target lists yet">
                  <p>Create one below, or add providers to a new list from a search.</p>
                </PanelEmpty>
              ) : (
                <DataTable caption="Target lists">
                  <thead>
                    <tr>
                      <th scope="col">List</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Period</th>
                      <th scope="col" className={tableStyles.alignRight}>Members</th>
                      <th scope="col">Kind</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.map((list) => (
                      <tr key={list.id}>
                        <td>
                          <Link to={targetListHref(list.id)}>{list.name}</Link>
                        </td>
                        <td>{list.ownerName}</td>
                        <td>
                          {list.periodStart} to {list.periodEnd}
                        </td>
                        <td className={`${tableStyles.numeric} ${tableStyles.alignRight}`}>{formatCount(list.memberCount)}</td>
                        <td>{list.rule ? 'Dynamic' : 'Static'}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
      <Panel title="New target list">
        <PanelBody>
          <form className={styles.toolbar} onSubmit={onSubmit} aria-label="New target list" noValidate>
            <input aria-label="Name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />
            <input aria-label="Period start" type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />
            <input aria-label="Period end" type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />
            <input
              aria-label="Rule"
              placeholder="Rule (optional), e.g. state=OH&specialty=Cardiology"
              value={rule}
              onChange={(e) => setRule(e.target.value)}
            />
            <Button type="submit" size="small" disabled={create.isPending}>
              Create
            </Button>
            {create.isError ? <span role="alert">{getErrorMessage(create.error)}</span> : null}
          </form>
        </PanelBody>
      </Panel>
    </>
  );
}
