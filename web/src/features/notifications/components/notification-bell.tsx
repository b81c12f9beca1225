import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useUnreadCount } from '../api/notifications';
import styles from './notifications.module.css';

/** The header's bell: a link to the inbox with the number of unread notifications. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count === 0 ? 'Notifications' : `Notifications, ${count} unread`;
  return (
    <Link to={paths.notifications} className={styles.bell} aria-label={label} data-testid="notification-bell">
      <svg className={styles.bellIcon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.9A1 1 0 0 0 5.3 17h13.4a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 ? (
        <span className={styles.badge} data-testid="notification-count">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
