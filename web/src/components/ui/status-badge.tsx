import styles from './status-badge.module.css';

export type StatusTone = 'ok' | 'warn' | 'error' | 'info' | 'neutral';

export function statusTone(status: string): StatusTone {
  switch (status.toUpperCase()) {
    case 'UP':
    case 'OK':
    case 'PUBLISHED':
    case 'ACTIVE':
    case 'SUCCESS':
    case 'ACCEPTED':
      return 'ok';
    case 'DEGRADED':
    case 'WARNING':
    case 'NOT_IN_REGISTRY':
    case 'DENIED':
      return 'warn';
    case 'DOWN':
    case 'ERROR':
    case 'OUT_OF_SERVICE':
    case 'FAILED':
    case 'DEACTIVATED':
    case 'FAILURE':
      return 'error';
    case 'RUNNING':
    case 'OPEN':
      return 'info';
    default:
      return 'neutral';
  }
}

const ICON_PATHS: Record<StatusTone, string> = {
  // check mark
  ok: 'M3.5 8.5l3 3 6-7',
  // exclamation
  warn: 'M8 3.5v5.5M8 12v.5',
  // cross
  error: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  // clock hands (in progress)
  info: 'M8 4.5V8l2.5 1.75',
  // dash
  neutral: 'M4 8h8',
};

export function StatusIcon({ tone }: { tone: StatusTone }) {
  return (
    <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d={ICON_PATHS[tone]} fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

type StatusBadgeProps = {
  status: string;
  /** Text shown instead of the raw status (e.g. "Not configured" for DISABLED). */
  label?: string;
  size?: 'default' | 'large';
  /** Goes on the element whose text is exactly the label, for tests. */
  testId?: string;
};

/** Status shown by text and icon shape, with colour only as a reinforcement. */
export function StatusBadge({ status, label, size = 'default', testId }: StatusBadgeProps) {
  const tone = statusTone(status);
  const className = [styles.badge, styles[tone], size === 'large' ? styles.large : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={className} data-tone={tone}>
      <StatusIcon tone={tone} />
      <span data-testid={testId}>{label ?? status}</span>
    </span>
  );
}
