import styles from './spinner.module.css';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <span className={styles.wrapper} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}
