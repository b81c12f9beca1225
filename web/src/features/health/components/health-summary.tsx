import { StatusBadge } from '@/components/ui/status-badge';
import type { Health, HealthComponent } from '@/features/health/api/get-health';
import { formatBytes } from '@/lib/format';

import styles from './health-summary.module.css';

const OVERALL_TEXT: Record<string, string> = {
  UP: 'All systems operational.',
  DEGRADED: 'Running with reduced capacity: some services need attention.',
  DOWN: 'The system is down: data shown elsewhere may be unavailable.',
};

function responseTime(component: HealthComponent): string {
  if (component.responseTimeMs === null || component.responseTimeMs === undefined) {
    return component.status.toUpperCase() === 'UP' ? 'Responding' : 'Not responding';
  }
  return `Response time ${Math.round(component.responseTimeMs)} ms`;
}

type ComponentCardProps = {
  name: string;
  status: string;
  statusLabel?: string;
  detail: string;
  testId?: string;
};

function ComponentCard({ name, status, statusLabel, detail, testId }: ComponentCardProps) {
  return (
    <li className={styles.component}>
      <div className={styles.componentHeader}>
        <h3 className={styles.componentName}>{name}</h3>
        <StatusBadge status={status} label={statusLabel} testId={testId} />
      </div>
      <p className={styles.componentDetail}>{detail}</p>
    </li>
  );
}

export function HealthSummary({ health }: { health: Health }) {
  const { database, redis, diskSpace } = health.components;
  const redisDisabled = redis?.status.toUpperCase() === 'DISABLED';

  return (
    <>
      <p className={styles.overall}>
        <span className={styles.overallLabel}>Overall status</span>
        <StatusBadge status={health.status} size="large" testId="overall-status" />
        <span className={styles.overallText}>{OVERALL_TEXT[health.status.toUpperCase()] ?? ''}</span>
      </p>

      <ul className={styles.components} aria-label="Service components">
        <ComponentCard
          name="Database"
          status={database?.status ?? 'UNKNOWN'}
          detail={database ? responseTime(database) : 'No report'}
          testId="database-status"
        />
        <ComponentCard
          name="Cache (Redis)"
          status={redis?.status ?? 'UNKNOWN'}
          statusLabel={redisDisabled ? 'Not configured' : undefined}
          detail={redis ? (redisDisabled ? 'Optional: the app runs without a cache.' : responseTime(redis)) : 'No report'}
          testId="redis-status"
        />
        <ComponentCard
          name="Disk space"
          status={diskSpace?.status ?? 'UNKNOWN'}
          detail={
            diskSpace?.freeBytes !== null && diskSpace?.freeBytes !== undefined
              ? `${formatBytes(diskSpace.freeBytes)} free`
              : 'Free space unknown'
          }
          testId="disk-status"
        />
      </ul>
    </>
  );
}
