import { useId } from 'react';

import styles from './providers.module.css';

type Bar = { label: string; value: number };

const WIDTH = 320;
const HEIGHT = 140;
const LABEL_SPACE = 18;
const TOP_SPACE = 14;

/** A small column chart, one bar per label, with its values in the accessible description. */
export function BarChart({ title, bars, format }: { title: string; bars: readonly Bar[]; format: (value: number) => string }) {
  const titleId = useId();
  const descId = useId();
  if (!bars.length) return null;
  const max = Math.max(...bars.map((bar) => bar.value), 0) || 1;
  const slot = WIDTH / bars.length;
  const barWidth = Math.min(48, slot * 0.6);
  const plotHeight = HEIGHT - LABEL_SPACE - TOP_SPACE;

  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{bars.map((bar) => `${bar.label}: ${format(bar.value)}`).join('; ')}</desc>
        {bars.map((bar, index) => {
          const height = Math.max(1, (Math.max(0, bar.value) / max) * plotHeight);
          const x = index * slot + (slot - barWidth) / 2;
          const y = TOP_SPACE + plotHeight - height;
          return (
            <g key={bar.label}>
              <rect x={x} y={y} width={barWidth} height={height} className={styles.bar} />
              <text x={x + barWidth / 2} y={y - 3} textAnchor="middle" className={styles.chartLabel}>
                {format(bar.value)}
              </text>
              <text x={x + barWidth / 2} y={HEIGHT - 4} textAnchor="middle" className={styles.chartLabel}>
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.muted}>{title}</figcaption>
    </figure>
  );
}
