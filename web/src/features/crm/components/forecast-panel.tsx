import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';

import { useForecast, type ForecastMonth } from '../api/opportunities';
import { formatAmount } from '../utils/labels';
import styles from './crm.module.css';

const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;

/** Open amount, weighted by stage probability, and won, by month of expected close: a chart and its table. */
export function ForecastPanel() {
  const forecast = useForecast(6);
  return (
    <Panel title="Forecast" subtitle="The next six months by expected close" testId="forecast">
      <PanelBody>
        <QueryState
          query={forecast}
          loadingLabel="Loading the forecast…"
          errorTitle="Could not load the forecast"
          onRetry={() => void forecast.refetch()}
        >
          {(months) =>
            months.length ? (
              <>
                <ForecastChart months={months} />
                <DataTable caption="Forecast by month" testId="forecast-table">
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col" className={tableStyles.alignRight}>Deals</th>
                      <th scope="col" className={tableStyles.alignRight}>Amount</th>
                      <th scope="col" className={tableStyles.alignRight}>Weighted</th>
                      <th scope="col" className={tableStyles.alignRight}>Won</th>
                    </tr>
                  </thead>
                  <tbody>
                    {months.map((month) => (
                      <tr key={month.month}>
                        <th scope="row">{month.month}</th>
                        <td className={right}>{month.opportunities ?? 0}</td>
                        <td className={right}>{formatAmount(month.amount)}</td>
                        <td className={right}>{formatAmount(month.weighted)}</td>
                        <td className={right}>{formatAmount(month.won)}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              </>
            ) : (
              <PanelEmpty title="Nothing expected to close">
                <p>Give deals an expected close date to see them here.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

const WIDTH = 480;
const HEIGHT = 160;

function ForecastChart({ months }: { months: ForecastMonth[] }) {
  const max = Math.max(1, ...months.map((m) => Math.max(m.amount ?? 0, m.won ?? 0)));
  const slot = WIDTH / months.length;
  const bar = Math.max(4, slot / 3);
  const height = (value: number | null) => ((value ?? 0) / max) * (HEIGHT - 20);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Amount and weighted amount by month">
      {months.map((month, index) => {
        const x = index * slot + slot / 2 - bar;
        return (
          <g key={month.month}>
            <rect className={styles.bar} x={x} y={HEIGHT - 16 - height(month.amount)} width={bar} height={height(month.amount)}>
              <title>{`${month.month}: ${formatAmount(month.amount)}`}</title>
            </rect>
            <rect
              className={styles.barWeighted}
              x={x + bar}
              y={HEIGHT - 16 - height(month.weighted)}
              width={bar}
              height={height(month.weighted)}
            >
              <title>{`${month.month} weighted: ${formatAmount(month.weighted)}`}</title>
            </rect>
            <text x={index * slot + slot / 2} y={HEIGHT - 2} textAnchor="middle" fontSize="11">
              {month.month}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
