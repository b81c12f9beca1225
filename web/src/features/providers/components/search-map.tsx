import { geoCircle } from 'd3-geo';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';

import { UsMap, type MapViewport } from '@/components/map/us-map';
import { providerHref } from '@/config/paths';
import { formatCount } from '@/lib/format';

import { useProviderClusters, type MapRequest } from '../api/provider-map';
import type { ProviderSearchCriteria, ProviderSearchItem, SearchCenter } from '../api/search-providers';
import { circleExtent, MILES_PER_DEGREE, parseLatLon } from '../utils/map-view';
import styles from './search-map.module.css';

type SearchMapProps = {
  criteria: ProviderSearchCriteria;
  items: readonly ProviderSearchItem[];
  /** The search centre the server answered (a ZIP's centroid), else the lat,lon given. */
  center?: SearchCenter | null;
  radiusMiles?: number;
  /** The NPI of the result under the pointer in the list, ringed on the map. */
  highlighted?: string;
  /** Searches the view: its centre and half its shorter side. */
  onSearchArea: (center: { lat: number; lon: number }, radiusMiles: number) => void;
};

/**
 * Every provider the search finds, clustered by the server for the view (GET /api/v1/providers/map), on the offline
 * Census map: a cluster zooms in on click, a lone provider opens its page, the radius is drawn around the search's
 * centre, the result under the pointer in the list is ringed, and "Search this area" searches the view.
 */
export function SearchMap({ criteria, items, center, radiusMiles, highlighted, onSearchArea }: SearchMapProps) {
  const navigate = useNavigate();
  const [view, setView] = useState<MapViewport>();
  const onViewChange = useCallback((viewport: MapViewport) => setView(viewport), []);
  const request: MapRequest | undefined = view ? { bbox: view.bbox, zoom: view.zoom } : undefined;
  const clusters = useProviderClusters(criteria, request, true);

  const centre = useMemo(() => {
    if (typeof center?.lat === 'number' && typeof center.lon === 'number') return { lat: center.lat, lon: center.lon };
    return parseLatLon(criteria.near);
  }, [center, criteria.near]);
  const radius = centre && radiusMiles ? { ...centre, miles: radiusMiles } : undefined;

  const fit = useMemo(() => {
    if (radius) return circleExtent(radius.lat, radius.lon, radius.miles);
    return items.flatMap((item) =>
      typeof item.address?.latitude === 'number' && typeof item.address.longitude === 'number'
        ? [{ lat: item.address.latitude, lon: item.address.longitude }]
        : [],
    );
  }, [items, radius?.lat, radius?.lon, radius?.miles]); // eslint-disable-line react-hooks/exhaustive-deps
  const fitKey = JSON.stringify(criteria);

  const hovered = items.find((item) => item.npi === highlighted);
  const data = clusters.data;

  return (
    <UsMap
      title="Where the providers found practise"
      testId="provider-map"
      fit={fit}
      fitKey={fitKey}
      onViewChange={onViewChange}
      controls={
        <button
          type="button"
          className={styles.searchArea}
          disabled={!view}
          onClick={() => view && onSearchArea(view.center, view.radiusMiles)}
          data-testid="search-this-area"
        >
          Search this area
        </button>
      }
      layers={({ path }) =>
        radius ? (
          <path
            d={path(geoCircle().center([radius.lon, radius.lat]).radius(radius.miles / MILES_PER_DEGREE)()) ?? undefined}
            className={styles.radius}
            data-testid="provider-map-radius"
            data-center={`${radius.lat},${radius.lon}`}
          />
        ) : null
      }
      overlay={({ project, zoomAround }) => (
        <g>
          {/* the largest last, drawn on top of the smaller ones near it */}
          {[...(data?.clusters ?? [])].reverse().map((cluster) => {
            const xy = project(cluster.lon, cluster.lat);
            if (!xy) return null;
            const [x, y] = xy;
            if (cluster.count > 1 || !cluster.npi) {
              const r = 9 + Math.min(16, Math.log2(cluster.count) * 2.5);
              const zoomIn = () => zoomAround(cluster.lon, cluster.lat, 2);
              return (
                <g
                  key={`${cluster.lat},${cluster.lon}`}
                  role="button"
                  tabIndex={0}
                  aria-label={`${formatCount(cluster.count)} providers: zoom in`}
                  className={styles.cluster}
                  data-testid="map-cluster"
                  data-count={cluster.count}
                  onClick={zoomIn}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      zoomIn();
                    }
                  }}
                >
                  <circle cx={x} cy={y} r={r} />
                  <text x={x} y={y} dy="0.35em" textAnchor="middle">
                    {cluster.count >= 10_000 ? `${Math.round(cluster.count / 1000)}k` : cluster.count}
                  </text>
                </g>
              );
            }
            const npi = cluster.npi;
            const name = items.find((item) => item.npi === npi)?.name;
            return (
              <g
                key={npi}
                role="link"
                tabIndex={0}
                aria-label={name ?? `NPI ${npi}`}
                className={styles.pin}
                data-testid="map-point"
                onClick={() => void navigate(providerHref(npi))}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void navigate(providerHref(npi));
                }}
              >
                <title>{name ?? `NPI ${npi}`}</title>
                <circle cx={x} cy={y} r={5} />
              </g>
            );
          })}
          {hovered && typeof hovered.address?.latitude === 'number' && typeof hovered.address.longitude === 'number'
            ? (() => {
                const xy = project(hovered.address.longitude, hovered.address.latitude);
                return xy ? (
                  <circle cx={xy[0]} cy={xy[1]} r={12} className={styles.highlight} data-testid="map-highlight" data-npi={hovered.npi} />
                ) : null;
              })()
            : null}
        </g>
      )}
      caption={
        (clusters.isError
          ? 'Could not load the map’s providers.'
          : data
            ? `${formatCount(data.total)} providers in view, in ${formatCount(data.clusters.length)} ${data.clusters.length === 1 ? 'place' : 'places'}.`
            : 'Loading the map…') + (radius ? ` The circle is the ${radius.miles}-mile search radius.` : '')
      }
    />
  );
}
