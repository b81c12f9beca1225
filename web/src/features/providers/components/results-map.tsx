import { useMemo } from 'react';

import { organizationHref, providerHref } from '@/config/paths';

import type { ProviderSearchItem, SearchCenter } from '../api/search-providers';
import { parseLatLon, type MapPoint } from '../utils/map-view';
import { ClusterMap, type RadiusCircle } from './cluster-map';
import styles from './providers.module.css';

type ResultsMapProps = {
  items: readonly ProviderSearchItem[];
  near?: string;
  radiusMiles?: number;
  /** The search centre the server answered (the ZIP's centroid for a ZIP). */
  center?: SearchCenter | null;
};

/** The page of results on the offline map, clustered, with the search radius around `near`. */
export function ResultsMap({ items, near, radiusMiles, center }: ResultsMapProps) {
  const points = useMemo<MapPoint[]>(
    () =>
      items.flatMap((item) =>
        typeof item.address?.latitude === 'number' && typeof item.address.longitude === 'number'
          ? [
              {
                id: item.npi,
                label: item.name ?? `NPI ${item.npi}`,
                lat: item.address.latitude,
                lon: item.address.longitude,
                href: item.entityType?.toUpperCase() === 'ORGANIZATION' ? organizationHref(item.npi) : providerHref(item.npi),
              },
            ]
          : [],
      ),
    [items],
  );
  const radius = useMemo(() => radiusCircle(items, near, radiusMiles, center), [items, near, radiusMiles, center]);
  if (!points.length) return <p className={styles.muted}>No coordinates to map for these results.</p>;
  return <ClusterMap points={points} radius={radius} title="Locations of the results" />;
}

/**
 * The radius circle: around the centre the server answered (a ZIP's centroid), else around the given lat,lon, else
 * (a server without `center`) for a ZIP around the result nearest to it (its distance says how far off that centre
 * may be, so the circle is marked approximate unless that result is at the centre).
 */
function radiusCircle(
  items: readonly ProviderSearchItem[],
  near: string | undefined,
  miles: number | undefined,
  center: SearchCenter | null | undefined,
): RadiusCircle | undefined {
  if (!near || !miles || miles <= 0) return undefined;
  if (typeof center?.lat === 'number' && typeof center.lon === 'number') return { lat: center.lat, lon: center.lon, miles };
  const given = parseLatLon(near);
  if (given) return { ...given, miles };
  let nearest: ProviderSearchItem | undefined;
  for (const item of items) {
    if (item.distanceMiles === null || typeof item.address?.latitude !== 'number' || typeof item.address.longitude !== 'number') continue;
    if (!nearest || item.distanceMiles < (nearest.distanceMiles ?? Infinity)) nearest = item;
  }
  if (!nearest?.address || nearest.address.latitude === null || nearest.address.longitude === null) return undefined;
  return { lat: nearest.address.latitude, lon: nearest.address.longitude, miles, approximate: (nearest.distanceMiles ?? 0) > 0.5 };
}
