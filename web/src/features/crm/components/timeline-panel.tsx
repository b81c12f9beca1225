import { DateTime } from '@/components/ui/date-time';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';

import { useTimeline } from '../api/records';
import { TIMELINE_SOURCES } from '../utils/labels';
import styles from './crm.module.css';
import { RecentlyDeletedLink } from './deleted-kind-links';
import { DeleteButton, useRecentlyDeleted, type WorkKind } from './recently-deleted';

/** The CRM record behind a timeline event (activity, task or deal), which can be deleted from here. */
function recordKind(type: string): WorkKind | undefined {
  if (type.startsWith('ACTIVITY_')) return 'activities';
  if (type.startsWith('TASK')) return 'tasks';
  if (type === 'OPPORTUNITY') return 'opportunities';
  return undefined;
}

type TimelineSource = Parameters<typeof useTimeline>[0];

/** CRM activity mixed with public-data events (registry changes, Open Payments), newest first. */
export function TimelinePanel({ source }: { source: TimelineSource }) {
  const timeline = useTimeline(source);
  const deleted = useRecentlyDeleted();
  return (
    <Panel
      title="Timeline"
      subtitle="Calls, tasks and deals beside registry and Open Payments events"
      actions={<RecentlyDeletedLink kind="activities" label="Recently deleted calls" />}
      testId="timeline"
    >
      <PanelBody>
        {deleted.notice}
        <QueryState
          query={timeline}
          loadingLabel="Loading the timeline…"
          errorTitle="Could not load the timeline"
          onRetry={() => void timeline.refetch()}
        >
          {(events) =>
            events.length ? (
              <ol className={styles.timeline}>
                {events.map((event, index) => {
                  const kind = event.source === 'CRM' ? recordKind(event.type) : undefined;
                  const id = event.recordId;
                  return (
                    <li
                      key={`${event.at}-${event.type}-${index}`}
                      className={event.source === 'CRM' ? `${styles.event} ${styles.eventCRM}` : styles.event}
                      data-testid={`timeline-${event.type}`}
                    >
                      <span className={styles.eventMeta}>
                        <DateTime value={event.at} /> · {TIMELINE_SOURCES[event.source] ?? event.source}
                      </span>
                      <strong>{event.title}</strong>
                      {event.detail ? <span>{event.detail}</span> : null}
                      {kind && id ? (
                        <span>
                          <DeleteButton
                            name={event.title}
                            disabled={deleted.pending(id)}
                            onClick={() => deleted.remove({ kind, id, name: event.title })}
                          />
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            ) : (
              <PanelEmpty title="Nothing yet">
                <p>Log a call or add a task and it shows here.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
