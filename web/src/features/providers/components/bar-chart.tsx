import { useId } from 'react';

import { formatTick, niceTicks } from '@/lib/chart-scale';

import styles from './providers.module.css';

type Bar = { label: string; value: number };

type BarChartProps = {
  title: string;
  bars: readonly Bar[];
  format: (value: number) => string;
  /** What the bars measure, for the value axis and the legend ("Services"). */
  series: string;
  /** What the bars are, for the category axis ("Year"). */
  category?: string;
  /** Money: ticks with a dollar sign. */
  money?: boolean;
};

const WIDTH = 360;
const HEIGHT = 170;
const LEFT = 48;
const RIGHT = 8;
const TOP = 16;
const BOTTOM = 34;

/**
 * A small column chart, one bar per label: a value axis with round ticks, a category axis with its title, a legend,
 * and the values in the accessible description.
 */
export function BarChart({ title, bars, format, series, category = 'Year', money = false }: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  if (!bars.length) return null;
  const ticks = niceTicks(Math.max(...bars.map((bar) => bar.value), 0));
  const top = ticks[ticks.length - 1]!;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / bars.length;
  const barWidth = Math.min(40, slot * 0.6);
  const y = (value: number) => TOP + plotHeight - (Math.max(0, value) / top) * plotHeight;

  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{bars.map((bar) => `${bar.label}: ${format(bar.value)}`).join('; ')}</desc>
        <g data-testid="value-axis" aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} className={styles.gridLine} />
              <text x={LEFT - 4} y={y(tick) + 3} textAnchor="end" className={styles.chartLabel}>
                {formatTick(tick, money)}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotHeight} className={styles.axisLine} />
          <text
            transform={`translate(10 ${TOP + plotHeight / 2}) rotate(-90)`}
            textAnchor="middle"
            className={styles.chartLabel}
          >
            {series}
          </text>
        </g>
        {bars.map((bar, index) => {
          const x = LEFT + index * slot + (slot - barWidth) / 2;
          const barTop = Math.min(y(bar.value), TOP + plotHeight - 1);
          return (
            <g key={bar.label}>
              <rect x={x} y={barTop} width={barWidth} height={TOP + plotHeight - barTop} className={styles.bar}>
                <title>{`${bar.label}: ${format(bar.value)}`}</title>
              </rect>
              <text x={x + barWidth / 2} y={TOP + plotHeight + 12} textAnchor="middle" className={styles.chartLabel}>
                {bar.label}
              </text>
            </g>
          );
        })}
        <g data-testid="category-axis" aria-hidden="true">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotHeight} y2={TOP + plotHeight} className={styles.axisLine} />
          <text x={LEFT + plotWidth / 2} y={HEIGHT - 3} textAnchor="middle" className={styles.chartLabel}>
            {category}
          </text>
        </g>
      </svg>
      <figcaption className={styles.chartCaption}>
        <span>{title}</span>
        <span className={styles.legend} data-testid="chart-legend">
          <span className={styles.legendSwatch} aria-hidden="true" />
          {series}
        </span>
      </figcaption>
    </figure>
  );
}
