import { Link } from 'react-router';

import { StatusBadge } from '@/components/ui/status-badge';
import tableStyles from '@/components/ui/data-table.module.css';
import { organizationHref, providerHref } from '@/config/paths';
import { formatCount } from '@/lib/format';

import type { FacetCount, ProviderSearchItem } from '../api/search-providers';
import { credentialSuffix, formatMoney, formatNumber, statusLabel } from '../utils/format';
import styles from './providers.module.css';

/** "1 provider", "about 1,200 providers" (or organizations). */
export function totalLabel(
  total: number | null,
  isEstimate: boolean | null | undefined,
  shown: number,
  nouns: readonly [string, string] = ['provider', 'providers'],
): string {
  const count = total ?? shown;
  const noun = count === 1 ? nouns[0] : nouns[1];
  return `${isEstimate ? 'About ' : ''}${formatCount(count)} ${noun}`;
}

function location(item: ProviderSearchItem): string {
  const address = item.address;
  if (!address) return '—';
  const cityState = [address.city, address.state].filter(Boolean).join(', ');
  return [cityState, address.zip5].filter(Boolean).join(' ') || '—';
}

/** Rows the user picked, for an action on them (adding them to a target list). */
export type RowSelection = {
  selected: ReadonlySet<string>;
  onChange: (npis: readonly string[], checked: boolean) => void;
};

/** One page after another of matching providers; optional columns appear when some row has a value. */
export function ProviderResultsTable({
  items,
  label = 'Matching providers',
  onHover,
  selection,
}: {
  items: readonly ProviderSearchItem[];
  label?: string;
  /** The NPI of the row under the pointer or focus (undefined when none), to highlight it on the map. */
  onHover?: (npi: string | undefined) => void;
  selection?: RowSelection;
}) {
  const hasDistance = items.some((item) => item.distanceMiles !== null);
  const hasServices = items.some((item) => item.services !== null);
  const hasClaims = items.some((item) => item.claims !== null);
  const hasPayments = items.some((item) => item.payments !== null);
  const hasBasket = items.some((item) => item.basketVolume !== null);
  const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;

  return (
    <div
      className={`${tableStyles.wrapper} ${tableStyles.scroll}`}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <table className={`${tableStyles.table} ${tableStyles.narrowColumns} ${tableStyles.compact}`} data-testid="provider-results">
        <thead>
          <tr>
            {selection ? (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all providers shown"
                  checked={items.length > 0 && items.every((item) => selection.selected.has(item.npi))}
                  onChange={(event) => selection.onChange(items.map((item) => item.npi), event.target.checked)}
                />
              </th>
            ) : null}
            <th scope="col">Provider</th>
            <th scope="col">Specialty</th>
            <th scope="col">Location</th>
            {hasDistance ? <th scope="col" className={tableStyles.alignRight}>Distance</th> : null}
            {hasServices ? <th scope="col" className={tableStyles.alignRight}>Part B services</th> : null}
            {hasClaims ? <th scope="col" className={tableStyles.alignRight}>Part D claims</th> : null}
            {hasPayments ? <th scope="col" className={tableStyles.alignRight}>Open Payments</th> : null}
            {hasBasket ? <th scope="col" className={tableStyles.alignRight}>Basket volume</th> : null}
            {hasBasket ? <th scope="col" className={tableStyles.alignRight}>Decile</th> : null}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.npi}
              data-testid={`provider-row-${item.npi}`}
              onMouseEnter={onHover ? () => onHover(item.npi) : undefined}
              onMouseLeave={onHover ? () => onHover(undefined) : undefined}
              onFocus={onHover ? () => onHover(item.npi) : undefined}
              onBlur={onHover ? () => onHover(undefined) : undefined}
            >
              {selection ? (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${item.name || `NPI ${item.npi}`}`}
                    checked={selection.selected.has(item.npi)}
                    onChange={(event) => selection.onChange([item.npi], event.target.checked)}
                  />
                </td>
              ) : null}
              <td>
                <Link to={item.entityType?.toUpperCase() === 'ORGANIZATION' ? organizationHref(item.npi) : providerHref(item.npi)}>{item.name || `NPI ${item.npi}`}</Link>
                {credentialSuffix(item.name ?? '', item.credential) ? (
                  <span className={styles.muted}>, {credentialSuffix(item.name ?? '', item.credential)}</span>
                ) : null}
                <span className={styles.secondaryLine}>NPI {item.npi}</span>
              </td>
              <td>{item.primarySpecialty?.name ?? item.primarySpecialty?.code ?? '—'}</td>
              <td>{location(item)}</td>
              {hasDistance ? (
                <td className={right}>{item.distanceMiles === null ? '—' : `${formatNumber(item.distanceMiles)} mi`}</td>
              ) : null}
              {hasServices ? <td className={right}>{formatNumber(item.services)}</td> : null}
              {hasClaims ? <td className={right}>{formatNumber(item.claims)}</td> : null}
              {hasPayments ? <td className={right}>{item.payments === null ? '—' : formatMoney(item.payments)}</td> : null}
              {hasBasket ? <td className={right}>{formatNumber(item.basketVolume)}</td> : null}
              {hasBasket ? <td className={right}>{item.decile ?? '—'}</td> : null}
              <td>{item.status ? <StatusBadge status={item.status} label={statusLabel(item.status)} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type FacetListProps = {
  title: string;
  facets: readonly FacetCount[];
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
};

/** Counts by one dimension of the results; a click narrows the search to that value (a second click widens it again). */
export function FacetList({ title, facets, selected, onSelect }: FacetListProps) {
  if (!facets.length) return null;
  return (
    <div className={styles.facet}>
      <h3 className={styles.facetTitle}>{title}</h3>
      <ul className={styles.facetList}>
        {facets.map((facet) => {
          const active = selected?.toUpperCase() === facet.value.toUpperCase();
          return (
            <li key={facet.value}>
              <button
                type="button"
                className={styles.facetButton}
                aria-pressed={active}
                onClick={() => onSelect(active ? undefined : facet.value)}
              >
                <span>{facet.label ?? facet.value}</span>
                {facet.count !== null ? <span className={styles.facetCount}>{formatCount(facet.count)}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
