import { geoContains, geoDistance } from 'd3-geo';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';

import { MapLegend } from '@/components/map/map-legend';
import { stateFips, useCounties } from '@/components/map/us-atlas';
import { UsMap } from '@/components/map/us-map';
import { organizationHref } from '@/config/paths';

import type { Affiliation } from '../api/get-provider';
import styles from './search-map.module.css';

const NEARBY_MILES = 60;
const EARTH_RADIUS_MILES = 3958.8;
const STATE_FILL = '#fdf1d6';
const COUNTY_FILL = '#f8d9a0';

type LocationMapProps = {
  lat: number;
  lon: number;
  label: string;
  /** The practice address's state (two letters), outlined. */
  state?: string | null;
  affiliates: readonly Affiliation[];
  testId?: string;
};

/**
 * A practice location on the Census map: its state and county shaded (the county found by the point, from the
 * boundaries), and the affiliated organisations practising within 60 miles as markers that open their pages.
 */
export function LocationMap({ lat, lon, label, state, affiliates, testId = 'provider-pin' }: LocationMapProps) {
  const navigate = useNavigate();
  const counties = useCounties(true);
  const county = useMemo(
    () => counties?.counties.features.find((feature) => geoContains(feature, [lon, lat])),
    [counties, lat, lon],
  );
  const fips = state ? stateFips(state) : county ? String(county.id).slice(0, 2) : undefined;
  const nearby = useMemo(
    () =>
      affiliates.filter(
        (a): a is Affiliation & { latitude: number; longitude: number } =>
          a.entityType?.toUpperCase() === 'ORGANIZATION' &&
          typeof a.latitude === 'number' &&
          typeof a.longitude === 'number' &&
          geoDistance([lon, lat], [a.longitude, a.latitude]) * EARTH_RADIUS_MILES <= NEARBY_MILES,
      ),
    [affiliates, lat, lon],
  );
  const fit = useMemo(
    () => [
      { lat, lon },
      { lat: lat + 0.25, lon: lon + 0.3 },
      { lat: lat - 0.25, lon: lon - 0.3 },
      ...nearby.map((a) => ({ lat: a.latitude, lon: a.longitude })),
    ],
    [lat, lon, nearby],
  );
  return (
    <UsMap
      title={`Where ${label} is`}
      testId={testId}
      fit={fit}
      fitKey={`${lat},${lon},${nearby.length}`}
      stateFill={(id) => (id === fips ? STATE_FILL : undefined)}
      countyFill={(geoid) => (geoid === county?.id ? COUNTY_FILL : undefined)}
      overlay={({ project }) => (
        <g>
          {nearby.map((a) => {
            const xy = project(a.longitude, a.latitude);
            return xy ? (
              <g
                key={a.npi}
                role="link"
                tabIndex={0}
                aria-label={a.name ?? `NPI ${a.npi}`}
                className={styles.cluster}
                data-testid="map-affiliate"
                onClick={() => void navigate(organizationHref(a.npi))}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void navigate(organizationHref(a.npi));
                }}
              >
                <title>{a.name ?? `NPI ${a.npi}`}</title>
                <rect x={xy[0] - 6} y={xy[1] - 6} width={12} height={12} rx={2} />
              </g>
            ) : null;
          })}
          {(() => {
            const xy = project(lon, lat);
            return xy ? (
              <g className={styles.pin} data-testid="map-point">
                <title>{label}</title>
                <circle cx={xy[0]} cy={xy[1]} r={7} />
              </g>
            ) : null;
          })()}
        </g>
      )}
      legend={
        <MapLegend
          title="Map key"
          entries={[
            { key: 'here', colour: '#b42318', label: 'This location' },
            { key: 'county', colour: COUNTY_FILL, label: county ? `${county.properties.name} County` : 'County' },
            { key: 'state', colour: STATE_FILL, label: state ?? 'State' },
            ...(nearby.length ? [{ key: 'orgs', colour: 'rgb(19 99 168 / 80%)', label: `${nearby.length} affiliated organizations within ${NEARBY_MILES} mi` }] : []),
          ]}
        />
      }
    />
  );
}
