import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { formatCount } from '@/lib/format';

import { useTerritoryStats, type TerritoryStats } from '../api/territory-stats';
import styles from './territories.module.css';

const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** The three largest specialties, e.g. "Internal Medicine 12 · Cardiology 4 · Dermatology 2". */
export function topSpecialties(stats: TerritoryStats, howMany = 3): string {
  return [...stats.providersBySpecialty]
    .sort((a, b) => b.count - a.count || a.specialty.localeCompare(b.specialty))
    .slice(0, howMany)
    .map((row) => `${row.specialty} ${formatCount(row.count)}`)
    .join(' · ');
}

function yearOf(rows: readonly TerritoryStats[], pick: (row: TerritoryStats) => number | null): string {
  const year = rows.map(pick).find((value) => value !== null);
  return year ? ` (${year})` : '';
}

/** Every territory's providers, Part B and Part D volume and Open Payments in one table, to compare and balance. */
export function TerritoryStatsTable() {
  const stats = useTerritoryStats();
  return (
    <Panel title="Compare territories" subtitle="Providers practising in each, and their Medicare and Open Payments figures">
      <PanelBody>
        <QueryState
          query={stats}
          loadingLabel="Loading the figures…"
          errorTitle="Could not load the figures"
          onRetry={() => void stats.refetch()}
        >
          {(rows) =>
            rows.length === 0 ? (
              <PanelEmpty title="No territories yet">Create one, or upload an alignment file, to see its figures here.</PanelEmpty>
            ) : (
              <DataTable caption="Figures per territory" testId="territory-stats">
                <thead>
                  <tr>
                    <th scope="col">Territory</th>
                    <th scope="col" className={tableStyles.alignRight}>Providers</th>
                    <th scope="col">Largest specialties</th>
                    <th scope="col" className={tableStyles.alignRight}>Part B services{yearOf(rows, (r) => r.partB.year)}</th>
                    <th scope="col" className={tableStyles.alignRight}>Part B paid</th>
                    <th scope="col" className={tableStyles.alignRight}>Part D claims{yearOf(rows, (r) => r.partD.year)}</th>
                    <th scope="col" className={tableStyles.alignRight}>Part D drug cost</th>
                    <th scope="col" className={tableStyles.alignRight}>
                      Open Payments{yearOf(rows, (r) => r.openPayments.year)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.territoryId}>
                      <th scope="row">
                        {row.name} <span className={styles.muted}>{row.level.toLowerCase()}</span>
                      </th>
                      <td className={right}>{formatCount(row.providers)}</td>
                      <td>{topSpecialties(row) || '—'}</td>
                      <td className={right}>{formatCount(row.partB.services)}</td>
                      <td className={right}>{dollars.format(row.partB.paymentAmount)}</td>
                      <td className={right}>{formatCount(row.partD.claims)}</td>
                      <td className={right}>{dollars.format(row.partD.drugCost)}</td>
                      <td className={right}>
                        {dollars.format(row.openPayments.total)} ({formatCount(row.openPayments.count)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
