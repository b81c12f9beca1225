import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody } from '@/components/ui/panel';

import { useProviderBaskets } from '../api/get-provider-baskets';
import { formatNumber } from '../utils/format';

/** The provider's decile and volume in each of the tenant's market baskets, the latest year first, with the trend. */
export function ProviderBasketsSection({ npi }: { npi: string }) {
  const baskets = useProviderBaskets(npi);
  const rows = baskets.data ?? [];
  if (rows.length === 0) return null;
  const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;
  return (
    <Panel title="Market baskets" subtitle="Decile and volume in each of your baskets, by year" testId="provider-baskets">
      <PanelBody>
        <DataTable caption="Deciles in market baskets" testId="provider-basket-deciles">
          <thead>
            <tr>
              <th scope="col">Basket</th>
              <th scope="col" className={tableStyles.alignRight}>Latest decile</th>
              <th scope="col" className={tableStyles.alignRight}>Volume</th>
              <th scope="col">Deciles by year</th>
            </tr>
          </thead>
          <tbody>
          {rows.map((basket) => {
            const latest = basket.years.at(-1);
            return (
              <tr key={basket.basketId}>
                <th scope="row">{basket.name}</th>
                <td className={right}>{latest ? `${latest.decile}${latest.year ? ` (${latest.year})` : ''}` : '—'}</td>
                <td className={right}>{latest ? formatNumber(latest.volume) : '—'}</td>
                <td>{basket.years.map((y) => `${y.year}: ${y.decile}`).join(' · ') || '—'}</td>
              </tr>
            );
          })}
          </tbody>
        </DataTable>
      </PanelBody>
    </Panel>
  );
}
