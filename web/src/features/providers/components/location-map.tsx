import { useId } from 'react';

import type { ProviderSearchItem } from '../api/search-providers';
import styles from './providers.module.css';

const WIDTH = 320;
const HEIGHT = 240;
const PADDING = 16;
const MILES_PER_DEGREE_LATITUDE = 69;

type Point = { npi: string; name: string; lat: number; lon: number; distance: number | null };

type LocationMapProps = {
  items: readonly ProviderSearchItem[];
  near?: string;
  radiusMiles?: number;
};

/**
 * Where the results are: their coordinates projected equirectangularly (longitude scaled
 * by the cosine of the mean latitude) into a box, and the search radius as a circle. No tiles.
 * The radius is centred on the nearest result, the best estimate of the "near" ZIP available here.
 */
export function LocationMap({ items, near, radiusMiles }: LocationMapProps) {
  const titleId = useId();
  const descId = useId();
  const points: Point[] = items.flatMap((item) =>
    typeof item.address?.latitude === 'number' && typeof item.address.longitude === 'number'
      ? [{ npi: item.npi, name: item.name ?? item.npi, lat: item.address.latitude, lon: item.address.longitude, distance: item.distanceMiles }]
      : [],
  );

  if (!points.length) {
    return <p className={styles.muted}>No coordinates to map for these results.</p>;
  }

  const meanLat = points.reduce((sum, point) => sum + point.lat, 0) / points.length;
  const cos = Math.max(0.1, Math.cos((meanLat * Math.PI) / 180));
  // Projected units are degrees of latitude on both axes.
  const project = (lat: number, lon: number) => ({ x: lon * cos, y: -lat });

  const nearest = points.reduce((best, point) =>
    (point.distance ?? Number.POSITIVE_INFINITY) < (best.distance ?? Number.POSITIVE_INFINITY) ? point : best,
  );
  const circle =
    near && radiusMiles && radiusMiles > 0 && nearest.distance !== null
      ? { ...project(nearest.lat, nearest.lon), r: radiusMiles / MILES_PER_DEGREE_LATITUDE }
      : undefined;

  const projected = points.map((point) => ({ ...point, ...project(point.lat, point.lon) }));
  const xs = projected.map((p) => p.x);
  const ys = projected.map((p) => p.y);
  if (circle) xs.push(circle.x - circle.r, circle.x + circle.r), ys.push(circle.y - circle.r, circle.y + circle.r);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const spanX = Math.max(maxX - minX, 0.01);
  const spanY = Math.max(maxY - minY, 0.01);
  const scale = Math.min((WIDTH - 2 * PADDING) / spanX, (HEIGHT - 2 * PADDING) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  const toBox = (x: number, y: number) => ({ cx: offsetX + (x - minX) * scale, cy: offsetY + (y - minY) * scale });

  const latitudes = points.map((p) => p.lat);
  const longitudes = points.map((p) => p.lon);
  const description =
    `${points.length} of ${items.length} results plotted, latitudes ${Math.min(...latitudes).toFixed(2)} to ` +
    `${Math.max(...latitudes).toFixed(2)}, longitudes ${Math.min(...longitudes).toFixed(2)} to ${Math.max(...longitudes).toFixed(2)}.` +
    (circle ? ` The circle is the ${radiusMiles}-mile radius around ZIP ${near}, centred on the nearest result (approximate).` : '');

  return (
    <figure className={styles.map}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        data-testid="provider-map"
      >
        <title id={titleId}>Locations of the results</title>
        <desc id={descId}>{description}</desc>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} className={styles.mapBackground} />
        {circle ? (
          <circle {...toBox(circle.x, circle.y)} r={circle.r * scale} className={styles.mapRadius} data-testid="provider-map-radius" />
        ) : null}
        {projected.map((point) => (
          <circle key={point.npi} {...toBox(point.x, point.y)} r={4} className={styles.mapPoint}>
            <title>{point.name}</title>
          </circle>
        ))}
      </svg>
      <figcaption className={styles.muted}>{description}</figcaption>
    </figure>
  );
}
