import { Link } from 'react-router';

import tableStyles from '@/components/ui/data-table.module.css';
import { organizationHref, providerHref } from '@/config/paths';

import type { Affiliation } from '../api/get-provider';
import { ENTITY_TYPE_LABELS, formatMoney, formatNumber } from '../utils/format';
import styles from './providers.module.css';

/** How an affiliation was inferred, as the API names it, in words. */
export const INFERENCE_LABELS: Record<string, string> = {
  SAME_PRACTICE_ADDRESS: 'Same practice address',
  AUTHORIZED_OFFICIAL: 'Authorised official',
  OTHER_NAME: 'Shared name',
};

export function inferenceLabel(method: string): string {
  return INFERENCE_LABELS[method.toUpperCase()] ?? method;
}

export function affiliateHref(affiliation: Pick<Affiliation, 'npi' | 'entityType'>): string {
  return affiliation.entityType?.toUpperCase() === 'ORGANIZATION' ? organizationHref(affiliation.npi) : providerHref(affiliation.npi);
}

/** Affiliated providers or organisations: who, their specialty, how the link was inferred, their latest volumes. */
export function AffiliationsTable({ label, rows }: { label: string; rows: readonly Affiliation[] }) {
  const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;
  return (
    <div className={`${tableStyles.wrapper} ${tableStyles.scroll}`} role="region" aria-label={label} tabIndex={0}>
      <table className={`${tableStyles.table} ${tableStyles.narrowColumns} ${tableStyles.compact}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Specialty</th>
            <th scope="col">Inferred from</th>
            <th scope="col" className={tableStyles.alignRight}>Part B services</th>
            <th scope="col" className={tableStyles.alignRight}>Part D claims</th>
            <th scope="col" className={tableStyles.alignRight}>Open Payments</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.npi} data-testid={`affiliate-${row.npi}`}>
              <td>
                <Link to={affiliateHref(row)}>{row.name || `NPI ${row.npi}`}</Link>
                <span className={styles.secondaryLine}>
                  NPI {row.npi}
                  {row.entityType ? ` · ${ENTITY_TYPE_LABELS[row.entityType.toUpperCase()] ?? row.entityType}` : ''}
                </span>
              </td>
              <td>{row.primarySpecialty?.name ?? row.primarySpecialty?.code ?? '—'}</td>
              <td>
                <ul className={styles.tags}>
                  {row.inferredBy.map((method) => (
                    <li key={method} className={styles.tag}>
                      {inferenceLabel(method)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className={right}>{formatNumber(row.partBServices)}</td>
              <td className={right}>{formatNumber(row.partDClaims)}</td>
              <td className={right}>{row.payments === null ? '—' : formatMoney(row.payments)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
