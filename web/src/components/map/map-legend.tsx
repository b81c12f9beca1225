import type { ReactNode } from 'react';

import styles from './us-map.module.css';

export type LegendEntry = { key: string; colour: string; label: ReactNode };

/** The key to a map's colours: a swatch and a label for each. */
export function MapLegend({ title, entries, testId = 'map-legend' }: { title: string; entries: readonly LegendEntry[]; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ul className={styles.legend} aria-label={title}>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span className={styles.swatch} style={{ background: entry.colour }} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sequential colours, light to dark, for a choropleth's classes. */
export const SEQUENTIAL = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

/**
 * Class breaks of values for a choropleth: up to five classes at quantiles of the distinct positive values, each an
 * upper bound (inclusive). Zero gets the lightest class.
 */
export function classBreaks(values: readonly number[], classes = SEQUENTIAL.length): number[] {
  const sorted = [...new Set(values.filter((v) => Number.isFinite(v) && v > 0))].sort((a, b) => a - b);
  if (!sorted.length) return [0];
  const n = Math.min(classes, sorted.length);
  const breaks: number[] = [];
  for (let i = 1; i <= n; i++) breaks.push(sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / n) - 1)]!);
  return [...new Set(breaks)];
}

/** The class colour of a value for given breaks. */
export function classColour(value: number, breaks: readonly number[]): string {
  const index = breaks.findIndex((upper) => value <= upper);
  const classIndex = index < 0 ? breaks.length - 1 : index;
  return SEQUENTIAL[Math.round((classIndex * (SEQUENTIAL.length - 1)) / Math.max(1, breaks.length - 1))]!;
}
