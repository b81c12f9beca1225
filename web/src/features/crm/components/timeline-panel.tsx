import { DateTime } from '@/components/ui/date-time';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';

import { useTimeline } from '../api/records';
import { TIMELINE_SOURCES } from '../utils/labels';
import styles from './crm.module.css';

type TimelineSource = Parameters<typeof useTimeline>[0];

/** CRM activity mixed with public-data events (registry changes, Open Payments), newest first. */
export function TimelinePanel({ source }: { source: TimelineSource }) {
  const timeline = useTimeline(source);
  return (
    <Panel title="Timeline" subtitle="Calls, tasks and deals beside registry and Open Payments events" testId="timeline">
      <PanelBody>
        <QueryState
          query={timeline}
          loadingLabel="Loading the timeline…"
          errorTitle="Could not load the timeline"
          onRetry={() => void timeline.refetch()}
        >
          {(events) =>
            events.length ? (
              <ol className={styles.timeline}>
                {events.map((event, index) => (
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
                  </li>
                ))}
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
