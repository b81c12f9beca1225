import { Button } from '@/components/ui/button';
import { ActionsHeader, DataTable } from '@/components/ui/data-table';
import { FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { getErrorMessage } from '@/lib/api-client';

import { placeOf, useTerritoryZips, type TerritoryZip } from '../api/territory-zips';
import type { Territory } from '../api/territories';
import styles from './territories.module.css';

const HOW: Record<TerritoryZip['via'], string> = { ZIP: 'Its own ZIP', COUNTY: 'By its county', STATE: 'By its state' };

/**
 * The ZIPs a territory holds, by ZIP, with their county and state and how each got there; a ZIP aligned by itself
 * can be taken out (`onRemove`), one that came with a county or state goes with it.
 */
export function TerritoryZipList({
  territory,
  onRemove,
  removing,
}: {
  territory: Territory;
  onRemove?: (zip5: string) => void;
  removing?: boolean;
}) {
  const zips = useTerritoryZips(territory.id);
  const first = zips.data?.pages[0];
  const rows = zips.data?.pages.flatMap((page) => page.items) ?? [];
  const underneath = territory.level !== 'TERRITORY';
  if (zips.isError) return <FormAlert>Could not list its ZIPs: {getErrorMessage(zips.error)}</FormAlert>;
  if (!first) return <p className={styles.muted}>Listing its ZIPs…</p>;
  if (!first.total) return <p className={styles.muted}>{territory.name} holds no ZIPs yet.</p>;
  return (
    <section aria-label={`Postal codes of ${territory.name}`} data-testid="territory-zips">
      <p className={styles.muted}>
        {territory.name} holds {first.total.toLocaleString()} ZIPs, {first.direct.toLocaleString()} aligned one by one
        {first.total > first.direct ? ', the others with their county or state' : ''}.
      </p>
      <DataTable caption={`Postal codes of ${territory.name}`}>
        <thead>
          <tr>
            <th scope="col">ZIP</th>
            <th scope="col">County</th>
            <th scope="col">How</th>
            {underneath ? <th scope="col">Territory</th> : null}
            {onRemove ? <ActionsHeader /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((zip) => (
            <tr key={zip.zip5}>
              <th scope="row">{zip.zip5}</th>
              <td>
                {placeOf(zip) || '—'}
                {zip.knownLocation === false ? <span className={styles.muted}> (no known location)</span> : null}
              </td>
              <td>{HOW[zip.via]}</td>
              {underneath ? <td>{zip.territory}</td> : null}
              {onRemove ? (
                <td>
                  {zip.via === 'ZIP' ? (
                    <Button
                      variant="secondary"
                      size="small"
                      disabled={removing}
                      aria-label={`Take ${zip.zip5} out of ${territory.name}`}
                      onClick={() => onRemove(zip.zip5)}
                    >
                      Remove
                    </Button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </DataTable>
      {zips.hasNextPage ? (
        <div className={formStyles.actions}>
          <Button variant="secondary" disabled={zips.isFetchingNextPage} onClick={() => zips.fetchNextPage()}>
            {zips.isFetchingNextPage ? 'Loading…' : `Show more (${rows.length} of ${first.total.toLocaleString()})`}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
