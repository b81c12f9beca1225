import { useMemo, useState } from 'react';

import { MapLegend } from '@/components/map/map-legend';
import { UsMap } from '@/components/map/us-map';

import { useTerritoryMap, type AlignmentPreview } from '../api/territories';
import styles from './territories.module.css';

const GAINED = '#1b7a43';
const LOST = '#b42318';
const MOVED = '#d97706';

type Change = 'gained' | 'lost' | 'moved';
const COLOURS: Record<Change, string> = { gained: GAINED, lost: LOST, moved: MOVED };

/**
 * What an alignment file would change, on the map before it is applied: for one territory the counties and ZIPs it
 * would gain (green) and lose (red); for all of them, what moves between territories (amber) and what is left without
 * one (red). ZIPs are drawn at their centroids (they are aligned today, so the current map knows them).
 */
export function AlignmentPreviewMap({ preview }: { preview: AlignmentPreview }) {
  const currentData = useTerritoryMap().data;
  const current = useMemo(() => currentData ?? [], [currentData]);
  const [territory, setTerritory] = useState('');
  const centroids = useMemo(() => new Map(current.map((p) => [p.zip5, p])), [current]);
  const names = useMemo(
    () => [...new Set(preview.perTerritory.map((row) => row.territory))].sort((a, b) => a.localeCompare(b)),
    [preview],
  );

  const changeOf = (from: string | null, to: string | null): Change | undefined => {
    if (!territory) return to === null ? 'lost' : 'moved';
    if (to === territory) return 'gained';
    if (from === territory) return 'lost';
    return undefined;
  };
  const counties = new Map<string, Change>();
  for (const move of preview.countiesMoved) {
    const change = changeOf(move.from, move.to);
    if (change) counties.set(move.geoid, change);
  }
  for (const county of preview.countiesUnassigned) {
    if (!territory || current.some((p) => p.county === county.geoid && p.territoryName === territory)) counties.set(county.geoid, 'lost');
  }
  const zips: { zip5: string; lat: number; lon: number; change: Change }[] = [];
  for (const move of preview.zipsMoved) {
    const change = changeOf(move.from, move.to);
    const at = centroids.get(move.zip5);
    if (change && at) zips.push({ zip5: move.zip5, lat: at.latitude, lon: at.longitude, change });
  }
  for (const zip5 of preview.zipsUnassigned) {
    const at = centroids.get(zip5);
    if (at && (!territory || at.territoryName === territory)) zips.push({ zip5, lat: at.latitude, lon: at.longitude, change: 'lost' });
  }
  const fit = zips.map((z) => ({ lat: z.lat, lon: z.lon }));

  return (
    <div data-testid="alignment-preview-map">
      <UsMap
        title="What the alignment would change"
        testId="alignment-map"
        fit={fit}
        fitKey={`${territory}:${fit.length}`}
        countyFill={(geoid) => {
          const change = counties.get(geoid);
          return change ? COLOURS[change] : undefined;
        }}
        areaTitle={(kind, id, name) => (kind === 'county' && counties.has(id) ? `${name}: ${counties.get(id)}` : undefined)}
        overlay={({ project }) => (
          <g>
            {zips.map((zip) => {
              const xy = project(zip.lon, zip.lat);
              return xy ? (
                <circle key={zip.zip5} cx={xy[0]} cy={xy[1]} r={4} fill={COLOURS[zip.change]} className={styles.zipDot} data-testid={`alignment-zip-${zip.change}`}>
                  <title>{`${zip.zip5}: ${zip.change}`}</title>
                </circle>
              ) : null;
            })}
          </g>
        )}
        controls={
          <label className={styles.statisticPicker}>
            Show{' '}
            <select value={territory} onChange={(event) => setTerritory(event.target.value)} aria-label="Territory to show gains and losses of">
              <option value="">All territories</option>
              {names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        }
        legend={
          <MapLegend
            title="Changes"
            testId="alignment-legend"
            entries={
              territory
                ? [
                    { key: 'gained', colour: GAINED, label: `Gained by ${territory}` },
                    { key: 'lost', colour: LOST, label: `Lost by ${territory}` },
                  ]
                : [
                    { key: 'moved', colour: MOVED, label: 'Moves to another territory' },
                    { key: 'lost', colour: LOST, label: 'Left without a territory' },
                  ]
            }
          />
        }
        caption={`${counties.size} counties and ${zips.length} ZIPs change${territory ? ` for ${territory}` : ''}.`}
      />
    </div>
  );
}
