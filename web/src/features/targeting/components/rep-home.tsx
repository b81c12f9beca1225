import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { logCallHref, paths, providerHref, targetListHref } from '@/config/paths';
import { formatCount, formatShortDateTime, parseDate } from '@/lib/format';

import { useMarkVisited, useRepHome } from '../api/home';
import styles from './targeting.module.css';

/** A rep's first page: tasks due, targets not reached this period, what changed since the last visit, calls this week. */
export function RepHome() {
  const home = useRepHome();
  const visited = useMarkVisited();
  return (
    <QueryState query={home} loadingLabel="Loading your day…" errorTitle="Could not load your home page" onRetry={() => void home.refetch()}>
      {(data) => (
        <>
          <Panel title="Today's and overdue tasks" testId="home-tasks">
            <PanelBody>
              {data.tasks.length === 0 ? (
                <PanelEmpty title="Nothing due">
                  <p>No open task is due today or overdue.</p>
                </PanelEmpty>
              ) : (
                <ul className={styles.list}>
                  {data.tasks.map((task) => (
                    <li key={task.id}>
                      {task.title} · {task.overdue ? <strong>overdue since {task.dueDate}</strong> : 'due today'}
                    </li>
                  ))}
                </ul>
              )}
              <p className={styles.message}>
                <Link to={paths.tasks}>All my tasks</Link>
              </p>
            </PanelBody>
          </Panel>
          <Panel
            title="Targets not reached this period"
            subtitle={`${formatCount(data.notReachedCount)} to see, by tier`}
            testId="home-not-reached"
          >
            <PanelBody>
              {data.notReached.length === 0 ? (
                <PanelEmpty title="Everyone reached">
                  <p>
                    Every target of your current lists has had a call, or you have no current list. <Link to={paths.targetLists}>Target lists</Link>
                  </p>
                </PanelEmpty>
              ) : (
                <ul className={styles.list}>
                  {data.notReached.map((target) => (
                    <li key={`${target.listId}-${target.npi}`} data-testid={`not-reached-${target.npi}`}>
                      <Link to={providerHref(target.npi)}>{target.name}</Link> · {target.tier ? `tier ${target.tier}` : 'no tier'} ·{' '}
                      <Link to={targetListHref(target.listId)}>{target.listName}</Link>
                      {target.contactId ? (
                        <>
                          {' '}
                          · <Link to={logCallHref(target.contactId)}>Log a call</Link>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </PanelBody>
          </Panel>
          <Panel
            title="What changed since your last visit"
            subtitle={data.lastVisit ? `Since ${formatShortDateTime(parseDate(data.lastVisit) ?? new Date())}` : 'In the last week'}
            testId="home-changes"
            actions={
              <Button size="small" variant="secondary" onClick={() => visited.mutate()} disabled={visited.isPending}>
                Mark as seen
              </Button>
            }
          >
            <PanelBody>
              {data.changes.length === 0 ? (
                <PanelEmpty title="Nothing new">
                  <p>No registry, payment or list change for your contacts and targets.</p>
                </PanelEmpty>
              ) : (
                <ul className={styles.list}>
                  {data.changes.map((change, index) => (
                    <li key={`${change.kind}-${change.npi}-${index}`}>
                      <Link to={providerHref(change.npi)}>{change.name}</Link>: {change.text}
                    </li>
                  ))}
                </ul>
              )}
            </PanelBody>
          </Panel>
          <Panel title="My calls this week" subtitle={`Since ${data.callsThisWeek.since}`} testId="home-calls">
            <PanelBody>
              <p>
                <strong data-testid="home-calls-count">{formatCount(data.callsThisWeek.calls)}</strong> calls
                {Object.entries(data.callsThisWeek.byKind).length
                  ? ` (${Object.entries(data.callsThisWeek.byKind)
                      .map(([kind, n]) => `${formatCount(n)} ${kind.toLowerCase().replace('_', '-')}`)
                      .join(', ')})`
                  : ''}
              </p>
            </PanelBody>
          </Panel>
        </>
      )}
    </QueryState>
  );
}
