import tableStyles from '@/components/ui/data-table.module.css';
import { StatusBadge } from '@/components/ui/status-badge';
import type { DatasetKey, Health } from '@/features/health/api/get-health';
import { formatCount, formatDateTime, formatRelative, parseDate } from '@/lib/format';

import styles from './dataset-freshness-table.module.css';

type DatasetInfo = { key: DatasetKey; name: string; source: string };

export const DATASETS: readonly DatasetInfo[] = [
  { key: 'nppes', name: 'NPPES NPI registry', source: 'CMS National Plan and Provider Enumeration System' },
  { key: 'partB', name: 'Medicare Part B', source: 'Physician & other practitioners, by provider and service' },
  { key: 'partD', name: 'Medicare Part D', source: 'Prescribers, by provider and drug' },
  { key: 'openPayments', name: 'Open Payments', source: 'Industry payments to physicians and hospitals' },
];

type Freshness = NonNullable<Health['dataFreshness'][DatasetKey]>;

function coverage(entry: Freshness): string {
  if ('recordCount' in entry && typeof entry.recordCount === 'number') {
    return `${formatCount(entry.recordCount)} records`;
  }
  if ('dataYear' in entry && typeof entry.dataYear === 'number') {
    return `Data year ${entry.dataYear}`;
  }
  return '—';
}

function LastIngested({ value, now }: { value: string | null | undefined; now: Date }) {
  const date = parseDate(value);
  if (!date) {
    return value ? <span>{value}</span> : <StatusBadge status="NOT_LOADED" label="Not loaded yet" />;
  }
  return (
    <>
      <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>
      <span className={styles.age}>{formatRelative(date, now)}</span>
    </>
  );
}

export function DatasetFreshnessTable({ freshness, now }: { freshness: Health['dataFreshness']; now: Date }) {
  return (
    <div className={`${tableStyles.wrapper} ${styles.wrapper}`}>
      <table className={`${tableStyles.table} ${styles.table}`}>
        <caption className={tableStyles.caption}>Source datasets</caption>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Last ingested</th>
            <th scope="col">Records / data year</th>
          </tr>
        </thead>
        <tbody>
          {DATASETS.map(({ key, name, source }) => {
            const entry = freshness[key];
            return (
              <tr key={key} data-testid={`dataset-${key}`}>
                <th scope="row">
                  {name}
                  <span className={styles.source}>{source}</span>
                </th>
                <td data-label="Last ingested">
                  <LastIngested value={entry?.lastIngested} now={now} />
                </td>
                <td className={tableStyles.numeric} data-label="Records / data year">{entry ? coverage(entry) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
