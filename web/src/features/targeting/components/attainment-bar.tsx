import styles from './targeting.module.css';

/** A bar of `value` out of 1 (capped at full), with its percentage; a dash without a goal. */
export function AttainmentBar({ value, label }: { value: number | null; label?: string }) {
  if (value === null) return <span className={styles.muted}>—</span>;
  const percent = Math.round(value * 100);
  return (
    <span>
      <span
        className={styles.bar}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(percent, 100)}
        aria-label={label ?? 'Attainment'}
      >
        <span className={styles.barFill} style={{ width: `${Math.min(percent, 100)}%` }} />
      </span>
      <span className={styles.barLabel}>{percent}%</span>
    </span>
  );
}
