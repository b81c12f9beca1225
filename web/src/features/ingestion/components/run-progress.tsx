import type { Run } from '@/features/ingestion/api/run-schema';
import { phaseLabel, rowsPerSecond } from '@/features/ingestion/utils/run-labels';
import { formatCount, formatPercent } from '@/lib/format';

import styles from './run-progress.module.css';

type RunProgressProps = {
  run: Pick<Run, 'id' | 'phase' | 'progressPercent' | 'rowsRead' | 'startedAt' | 'finishedAt'>;
  now: Date;
};

/** Phase, percent and a bar for a RUNNING run; indeterminate when the percent is unknown. */
export function RunProgress({ run, now }: RunProgressProps) {
  const phase = phaseLabel(run.phase) ?? 'Working';
  const percent =
    typeof run.progressPercent === 'number' && Number.isFinite(run.progressPercent)
      ? Math.min(100, Math.max(0, run.progressPercent))
      : undefined;
  const percentText = percent === undefined ? undefined : formatPercent(percent);
  const rate = rowsPerSecond(run, now);

  return (
    <div className={styles.progress} data-testid={`run-${run.id}-progress`}>
      <div className={styles.labels} aria-hidden="true">
        <span>{phase}</span>
        {percentText ? <span className={styles.percent}>{percentText}</span> : null}
      </div>
      <div
        className={styles.track}
        role="progressbar"
        aria-label={`Progress of run ${run.id}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={percentText ? `${phase}, ${percentText}` : `${phase}, progress unknown`}
      >
        {percent === undefined ? (
          <div className={styles.indeterminate} />
        ) : (
          <div className={styles.fill} style={{ width: `${percent}%` }} />
        )}
      </div>
      {rate !== undefined ? <span className={styles.rate}>{formatCount(Math.round(rate))} rows/s</span> : null}
    </div>
  );
}
