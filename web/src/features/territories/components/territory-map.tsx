import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';

import { useTerritoryMap, type MapPoint } from '../api/territories';
import styles from './territories.module.css';

const WIDTH = 640;
const HEIGHT = 400;
const PADDING = 12;
const PALETTE = ['#1363a8', '#1b7a43', '#b42318', '#8a5a00', '#6941c6', '#0e7490', '#c11574', '#4b5866'];

/** A colour per territory, stable for a given list of territory ids. */
export function territoryColours(points: readonly MapPoint[]): Map<string, string> {
  const ids = [...new Set(points.map((p) => p.territoryId ?? ''))].sort();
  return new Map(ids.map((id, index) => [id, PALETTE[index % PALETTE.length]!]));
}

/** ZIP centroids coloured by territory, projected equirectangularly into a box (no map tiles). */
export function TerritoryMap() {
  const map = useTerritoryMap();
  return (
    <Panel title="Map" subtitle="Each dot is a ZIP's centre, coloured by its territory" testId="territory-map">
      <PanelBody>
        <QueryState
          query={map}
          loadingLabel="Loading the map…"
          errorTitle="Could not load the map"
          onRetry={() => void map.refetch()}
        >
          {(points) =>
            points.length ? (
              <ZipMap points={points} />
            ) : (
              <PanelEmpty title="No ZIPs aligned">
                <p>Upload an alignment file to place ZIPs in territories.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function ZipMap({ points }: { points: MapPoint[] }) {
  const colours = territoryColours(points);
  const meanLat = points.reduce((sum, p) => sum + p.latitude, 0) / points.length;
  const cos = Math.max(0.1, Math.cos((meanLat * Math.PI) / 180));
  const xs = points.map((p) => p.longitude * cos);
  const ys = points.map((p) => -p.latitude);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(Math.max(...xs) - minX, 0.01);
  const spanY = Math.max(Math.max(...ys) - minY, 0.01);
  const scale = Math.min((WIDTH - 2 * PADDING) / spanX, (HEIGHT - 2 * PADDING) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  const names = new Map(points.map((p) => [p.territoryId ?? '', p.territoryName ?? 'Unassigned']));
  return (
    <figure className={styles.map}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${points.length} ZIPs by territory`}>
        {points.map((point, index) => (
          <circle
            key={point.zip5}
            cx={offsetX + (xs[index]! - minX) * scale}
            cy={offsetY + (ys[index]! - minY) * scale}
            r={3}
            fill={colours.get(point.territoryId ?? '')}
          >
            <title>{`${point.zip5}: ${point.territoryName ?? 'unassigned'}`}</title>
          </circle>
        ))}
      </svg>
      <ul className={styles.legend}>
        {[...colours].map(([id, colour]) => (
          <li key={id}>
            <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />
            {names.get(id)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
