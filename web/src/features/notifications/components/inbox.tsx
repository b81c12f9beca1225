import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { DateTime } from '@/components/ui/date-time';
import { Field, FormAlert } from '@/components/ui/form';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { getErrorMessage } from '@/lib/api-client';

import {
  NOTIFICATION_TYPES,
  useInbox,
  useMarkAllRead,
  useMarkRead,
  type InboxFilters,
  type NotificationType,
} from '../api/notifications';
import { typeLabel } from '../utils/labels';
import styles from './notifications.module.css';

/** My notifications, newest first: filter by type or unread, mark read, follow the link. */
export function Inbox() {
  const [filters, setFilters] = useState<InboxFilters>({});
  const inbox = useInbox(filters);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;
  return (
    <Panel
      title="Inbox"
      subtitle={`${unread} unread`}
      testId="inbox"
      busy={inbox.isFetching}
      actions={
        <Button size="small" variant="secondary" onClick={() => markAll.mutate()} disabled={unread === 0 || markAll.isPending}>
          Mark all read
        </Button>
      }
    >
      <PanelBody>
        <div className={styles.toolbar}>
          <Field label="Type">
            {(control) => (
              <select
                {...control}
                value={filters.type ?? ''}
                onChange={(event) =>
                  setFilters({ ...filters, type: (event.target.value || undefined) as NotificationType | undefined })
                }
              >
                <option value="">All types</option>
                {NOTIFICATION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {typeLabel(type)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label>
            <input
              type="checkbox"
              checked={filters.unread === true}
              onChange={(event) => setFilters({ ...filters, unread: event.target.checked || undefined })}
            />{' '}
            Unread only
          </label>
        </div>
        {markRead.isError ? <FormAlert>Could not mark it read: {getErrorMessage(markRead.error)}</FormAlert> : null}
        <QueryState
          query={inbox}
          loadingLabel="Loading notifications…"
          errorTitle="Could not load your notifications"
          onRetry={() => void inbox.refetch()}
        >
          {(data) => {
            const items = data.pages.flatMap((page) => page.items);
            if (!items.length)
              return (
                <PanelEmpty title="No notifications" testId="inbox-empty">
                  Changes to your contacts, tasks assigned to you and reminders will show here.
                </PanelEmpty>
              );
            return (
              <>
                <ul className={styles.list} data-testid="inbox-items">
                  {items.map((item) => (
                    <li
                      key={item.id}
                      className={item.readAt ? styles.item : `${styles.item} ${styles.unread}`}
                      data-testid="inbox-item"
                    >
                      <div className={styles.content}>
                        <p className={styles.title}>
                          {item.link ? (
                            <Link to={item.link} onClick={() => item.readAt || markRead.mutate(item.id)}>
                              {item.title}
                            </Link>
                          ) : (
                            item.title
                          )}
                        </p>
                        <p className={styles.body}>{item.body}</p>
                        <p className={styles.meta}>
                          {typeLabel(item.type)} · <DateTime value={item.createdAt} />
                        </p>
                      </div>
                      {item.readAt ? null : (
                        <Button size="small" variant="secondary" onClick={() => markRead.mutate(item.id)}>
                          Mark read
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
                {inbox.hasNextPage ? (
                  <Button variant="secondary" onClick={() => void inbox.fetchNextPage()} disabled={inbox.isFetchingNextPage}>
                    {inbox.isFetchingNextPage ? 'Loading…' : 'Show more'}
                  </Button>
                ) : null}
              </>
            );
          }}
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
