import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { formatTick, niceTicks } from '@/lib/chart-scale';

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

const WIDTH = 520;
const HEIGHT = 200;
const LEFT = 56;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 36;

const SERIES = [
  { key: 'amount', label: 'Open amount', className: styles.bar },
  { key: 'weighted', label: 'Weighted by stage probability', className: styles.barWeighted },
  { key: 'won', label: 'Won', className: styles.barWon },
] as const;

/** Open, weighted and won amounts as grouped columns per month, on a dollar axis, with a legend. */
function ForecastChart({ months }: { months: ForecastMonth[] }) {
  const ticks = niceTicks(Math.max(0, ...months.flatMap((m) => SERIES.map((series) => m[series.key] ?? 0))));
  const top = ticks[ticks.length - 1]!;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / months.length;
  const bar = Math.max(4, Math.min(28, (slot * 0.75) / SERIES.length));
  const y = (value: number | null | undefined) => TOP + plotHeight - (Math.max(0, value ?? 0) / top) * plotHeight;
  return (
    <figure className={styles.chartFigure}>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Open, weighted and won amounts by month">
        <g data-testid="value-axis" aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} className={styles.gridLine} />
              <text x={LEFT - 4} y={y(tick) + 3} textAnchor="end" className={styles.chartLabel}>
                {formatTick(tick, true)}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotHeight} className={styles.axisLine} />
          <text transform={`translate(11 ${TOP + plotHeight / 2}) rotate(-90)`} textAnchor="middle" className={styles.chartLabel}>
            Amount (USD)
          </text>
        </g>
        {months.map((month, index) => {
          const left = LEFT + index * slot + (slot - bar * SERIES.length) / 2;
          return (
            <g key={month.month}>
              {SERIES.map((series, s) => (
                <rect
                  key={series.key}
                  className={series.className}
                  x={left + s * bar}
                  y={y(month[series.key])}
                  width={bar}
                  height={TOP + plotHeight - y(month[series.key])}
                >
                  <title>{`${month.month} ${series.label.toLowerCase()}: ${formatAmount(month[series.key])}`}</title>
                </rect>
              ))}
              <text x={LEFT + index * slot + slot / 2} y={TOP + plotHeight + 13} textAnchor="middle" className={styles.chartLabel}>
                {month.month}
              </text>
            </g>
          );
        })}
        <g data-testid="category-axis" aria-hidden="true">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotHeight} y2={TOP + plotHeight} className={styles.axisLine} />
          <text x={LEFT + plotWidth / 2} y={HEIGHT - 3} textAnchor="middle" className={styles.chartLabel}>
            Month of expected close
          </text>
        </g>
      </svg>
      <figcaption>
        <ul className={styles.legend} aria-label="Legend" data-testid="forecast-legend">
          {SERIES.map((series) => (
            <li key={series.key}>
              <svg className={styles.legendSwatch} viewBox="0 0 10 10" aria-hidden="true">
                <rect className={series.className} width="10" height="10" rx="2" />
              </svg>
              {series.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
