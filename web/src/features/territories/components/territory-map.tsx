import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import { classBreaks, classColour, MapLegend, SEQUENTIAL } from '@/components/map/map-legend';
import { stateFips } from '@/components/map/us-atlas';
import { UsMap } from '@/components/map/us-map';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { providerHref } from '@/config/paths';
import { formatCount } from '@/lib/format';

import { useTerritories, useTerritoryMap, type MapPoint, type Territory } from '../api/territories';
import { useTerritoryProviders } from '../api/territory-providers';
import { useTerritoryStats, type TerritoryStats } from '../api/territory-stats';
import styles from './territories.module.css';

const PALETTE = ['#1363a8', '#1b7a43', '#b42318', '#8a5a00', '#6941c6', '#0e7490', '#c11574', '#4b5866'];
const HATCH_ID = 'territory-split-county';

/** A colour per territory, stable for a given list of territory ids. */
export function territoryColours(points: readonly { territoryId?: string | null }[]): Map<string, string> {
  const ids = [...new Set(points.map((p) => p.territoryId ?? ''))].sort();
  return new Map(ids.map((id, index) => [id, PALETTE[index % PALETTE.length]!]));
}

/** The statistics of GET /api/v1/territories/stats that the map can shade territories by. */
export const STATISTICS = [
  { key: 'territories', label: 'Territories', value: undefined },
  { key: 'providers', label: 'Providers', value: (s: TerritoryStats) => s.providers },
  { key: 'partB', label: 'Part B services', value: (s: TerritoryStats) => s.partB.services },
  { key: 'partD', label: 'Part D claims', value: (s: TerritoryStats) => s.partD.claims },
  { key: 'payments', label: 'Open Payments', value: (s: TerritoryStats) => s.openPayments.total },
] as const;
type StatisticKey = (typeof STATISTICS)[number]['key'];

/**
 * Where each county sits: the territories of its aligned ZIPs. A county of one territory is filled with it; a county
 * split between territories by ZIP is hatched, its ZIPs' centroids drawn in their territories' colours.
 */
export function countyTerritories(points: readonly MapPoint[]): Map<string, Set<string>> {
  const counties = new Map<string, Set<string>>();
  for (const point of points) {
    if (!point.county || !point.territoryId) continue;
    const set = counties.get(point.county) ?? new Set<string>();
    set.add(point.territoryId);
    counties.set(point.county, set);
  }
  return counties;
}

/** The territories on the Census map: counties (and whole states) coloured by territory or shaded by a statistic. */
export function TerritoryMap() {
  const map = useTerritoryMap();
  return (
    <Panel title="Map" subtitle="Counties coloured by territory; click one for its providers and figures" testId="territory-map">
      <PanelBody>
        <QueryState query={map} loadingLabel="Loading the map…" errorTitle="Could not load the map" onRetry={() => void map.refetch()}>
          {(points) => <TerritoryAreas points={points} />}
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function TerritoryAreas({ points }: { points: MapPoint[] }) {
  const territoriesData = useTerritories().data;
  const statsData = useTerritoryStats().data;
  const territories = useMemo(() => territoriesData ?? [], [territoriesData]);
  const stats = useMemo(() => statsData ?? [], [statsData]);
  const [statistic, setStatistic] = useState<StatisticKey>('territories');
  const [selected, setSelected] = useState<string>();

  const byId = useMemo(() => new Map(territories.map((t) => [t.id, t])), [territories]);
  const colours = useMemo(
    () => territoryColours([...points, ...territories.filter((t) => t.states.length || t.counties.length).map((t) => ({ territoryId: t.id }))]),
    [points, territories],
  );
  const counties = useMemo(() => countyTerritories(points), [points]);
  const explicitCounties = useMemo(() => {
    const owners = new Map<string, string>();
    for (const t of territories) for (const c of t.counties) owners.set(c.geoid, t.id);
    return owners;
  }, [territories]);
  const stateOwners = useMemo(() => {
    const owners = new Map<string, string>();
    for (const t of territories) for (const code of t.states) {
      const fips = stateFips(code);
      if (fips) owners.set(fips, t.id);
    }
    return owners;
  }, [territories]);

  const measure = STATISTICS.find((s) => s.key === statistic)!;
  const values = useMemo(() => {
    if (!measure.value) return undefined;
    return new Map(stats.map((s) => [s.territoryId, measure.value!(s)]));
  }, [stats, measure]);
  const breaks = useMemo(() => (values ? classBreaks([...values.values()]) : []), [values]);
  const colourOf = (territoryId: string) =>
    values ? classColour(values.get(territoryId) ?? 0, breaks) : (colours.get(territoryId) ?? PALETTE[0]!);

  const nameOf = (id: string) => byId.get(id)?.name ?? points.find((p) => p.territoryId === id)?.territoryName ?? 'Territory';
  const splitPoints = points.filter((p) => p.county && (counties.get(p.county)?.size ?? 0) > 1);
  const territoryOfCounty = (geoid: string): string | undefined => {
    const set = counties.get(geoid);
    if (set && set.size === 1) return [...set][0];
    return explicitCounties.get(geoid);
  };

  if (!points.length && !stateOwners.size && !explicitCounties.size) {
    return (
      <PanelEmpty title="No areas aligned">
        <p>Upload an alignment file to place ZIPs, counties or states in territories.</p>
      </PanelEmpty>
    );
  }

  const legendTerritories = [...colours.keys()].filter(Boolean);
  return (
    <div className={styles.mapLayout}>
      <UsMap
        title="Territories by county"
        testId="territory-areas"
        fit={points.length ? points.map((p) => ({ lat: p.latitude, lon: p.longitude })) : undefined}
        fitKey={String(points.length)}
        defs={({ transform }) => {
          // 6 pixels apart on screen whatever the zoom (the pattern is drawn in the map's scaled units)
          const size = 6 / transform.k;
          return (
            <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width={size} height={size} patternTransform="rotate(45)">
              <rect width={size} height={size} fill="#f3f4f6" />
              <line x1="0" y1="0" x2="0" y2={size} stroke="#6b7280" strokeWidth={size / 3} />
            </pattern>
          );
        }}
        stateFill={(fips) => {
          const owner = stateOwners.get(fips);
          return owner ? colourOf(owner) : undefined;
        }}
        countyFill={(geoid) => {
          const set = counties.get(geoid);
          if (set && set.size > 1) return `url(#${HATCH_ID})`;
          const owner = territoryOfCounty(geoid);
          return owner ? colourOf(owner) : undefined;
        }}
        areaTitle={(kind, id, name) => {
          if (kind === 'state') {
            const owner = stateOwners.get(id);
            return owner ? `${name}: ${nameOf(owner)}` : name;
          }
          const set = counties.get(id);
          if (set && set.size > 1) return `${name}: split by ZIP between ${[...set].map(nameOf).join(', ')}`;
          const owner = territoryOfCounty(id);
          return owner ? `${name}: ${nameOf(owner)}${values ? ` (${formatCount(values.get(owner) ?? 0)})` : ''}` : name;
        }}
        onAreaClick={(kind, id) => {
          const owner = kind === 'state' ? stateOwners.get(id) : territoryOfCounty(id);
          if (owner) setSelected(owner);
        }}
        overlay={({ project, transform }) => (
          <g>
            {splitPoints.map((point) => {
              const xy = project(point.longitude, point.latitude);
              return xy ? (
                <circle
                  key={point.zip5}
                  cx={xy[0]}
                  cy={xy[1]}
                  r={Math.min(6, 1.5 + transform.k / 8)}
                  className={styles.zipDot}
                  fill={colourOf(point.territoryId ?? '')}
                  data-testid="map-split-zip"
                  onClick={() => point.territoryId && setSelected(point.territoryId)}
                >
                  <title>{`${point.zip5}: ${point.territoryName ?? 'unassigned'}`}</title>
                </circle>
              ) : null;
            })}
          </g>
        )}
        controls={
          <label className={styles.statisticPicker}>
            Colour by{' '}
            <select value={statistic} onChange={(event) => setStatistic(event.target.value as StatisticKey)} data-testid="territory-statistic">
              {STATISTICS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        }
        legend={
          values ? (
            <MapLegend
              title={`${measure.label} by territory`}
              testId="choropleth-legend"
              entries={breaks.map((upper, index) => ({
                key: String(upper),
                colour: classColour(upper, breaks),
                label: `${index === 0 ? '0' : formatCount(Math.floor(breaks[index - 1]!) + 1)} – ${formatCount(upper)}`,
              }))}
            />
          ) : (
            <MapLegend
              title="Territories"
              testId="territory-legend"
              entries={[
                ...legendTerritories.map((id) => ({
                  key: id,
                  colour: colours.get(id)!,
                  label: (
                    <button type="button" className={styles.linkButton} onClick={() => setSelected(id)}>
                      {nameOf(id)}
                    </button>
                  ),
                })),
                ...(splitPoints.length ? [{ key: 'split', colour: 'repeating-linear-gradient(45deg, #6b7280 0 2px, #f3f4f6 2px 5px)', label: 'County split by ZIP' }] : []),
              ]}
            />
          )
        }
        caption={values ? `Shaded by ${measure.label.toLowerCase()}, ${SEQUENTIAL.length} classes at most, lightest lowest.` : undefined}
      />
      {selected ? (
        <TerritoryDetails territory={byId.get(selected)} id={selected} name={nameOf(selected)} stats={stats.find((s) => s.territoryId === selected)} onClose={() => setSelected(undefined)} />
      ) : null}
    </div>
  );
}

function TerritoryDetails({
  id,
  name,
  territory,
  stats,
  onClose,
}: {
  id: string;
  name: string;
  territory: Territory | undefined;
  stats: TerritoryStats | undefined;
  onClose: () => void;
}) {
  const providers = useTerritoryProviders(id);
  return (
    <aside className={styles.details} aria-label={`Territory ${name}`} data-testid="territory-details">
      <div className={styles.detailsHeader}>
        <h3>{name}</h3>
        <button type="button" className={styles.linkButton} onClick={onClose}>
          Close
        </button>
      </div>
      {territory ? <p className={styles.muted}>{territory.level.toLowerCase()} · {formatCount(territory.zipCount)} ZIPs</p> : null}
      {stats ? (
        <dl className={styles.figures}>
          <dt>Providers</dt>
          <dd>{formatCount(stats.providers)}</dd>
          <dt>Part B services{stats.partB.year ? ` (${stats.partB.year})` : ''}</dt>
          <dd>{formatCount(stats.partB.services)}</dd>
          <dt>Part D claims{stats.partD.year ? ` (${stats.partD.year})` : ''}</dt>
          <dd>{formatCount(stats.partD.claims)}</dd>
          <dt>Open Payments{stats.openPayments.year ? ` (${stats.openPayments.year})` : ''}</dt>
          <dd>${formatCount(Math.round(stats.openPayments.total))}</dd>
        </dl>
      ) : null}
      {providers.data ? (
        <>
          <p className={styles.muted}>
            {providers.data.total > providers.data.items.length
              ? `The first ${providers.data.items.length} of ${formatCount(providers.data.total)} providers`
              : `${formatCount(providers.data.total)} providers`}
          </p>
          <ul className={styles.providerList}>
            {providers.data.items.map((p) => (
              <li key={p.npi}>
                <Link to={providerHref(p.npi)}>{p.name}</Link>
                <span className={styles.muted}> {p.primarySpecialty?.name ?? ''} {p.city ? `· ${p.city}` : ''}</span>
              </li>
            ))}
          </ul>
        </>
      ) : providers.isError ? (
        <p role="alert">Could not load its providers.</p>
      ) : (
        <p className={styles.muted}>Loading its providers…</p>
      )}
    </aside>
  );
}
