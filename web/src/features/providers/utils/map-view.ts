import Supercluster, { type ClusterProperties } from 'supercluster';

/**
 * The arithmetic of the offline maps: Web Mercator (as map tiles use, so that zoom levels mean what they mean on a
 * slippy map) into an SVG box, a view that fits some points, and clustering of points per zoom level (supercluster).
 */

/** A place to draw: an id (an NPI), a label and WGS84 coordinates. */
export type MapPoint = { id: string; label: string; lat: number; lon: number; href?: string };

/** What the map shows: the centre in world units (0..1 both ways, Mercator) and an integer zoom (world = 256·2^zoom px). */
export type MapView = { x: number; y: number; zoom: number };

export type MapBox = { width: number; height: number };

export const MIN_ZOOM = 2;
export const MAX_ZOOM = 16;
const TILE = 256;
export const MILES_PER_DEGREE = 69.09;
const EARTH_RADIUS_MILES = 3958.8;

export function worldX(lon: number): number {
  return lon / 360 + 0.5;
}

export function worldY(lat: number): number {
  const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

function lonOf(x: number): number {
  return (x - 0.5) * 360;
}

function latOf(y: number): number {
  const y2 = ((180 - y * 360) * Math.PI) / 180;
  return (360 * Math.atan(Math.exp(y2))) / Math.PI - 90;
}

export function worldSize(zoom: number): number {
  return TILE * 2 ** zoom;
}

/** A point's position in the box for a view. */
export function toScreen(lat: number, lon: number, view: MapView, box: MapBox): { x: number; y: number } {
  const size = worldSize(view.zoom);
  return { x: (worldX(lon) - view.x) * size + box.width / 2, y: (worldY(lat) - view.y) * size + box.height / 2 };
}

/** The longitude/latitude bounds a view shows: [west, south, east, north]. */
export function viewBounds(view: MapView, box: MapBox): [number, number, number, number] {
  const size = worldSize(view.zoom);
  const halfW = box.width / 2 / size;
  const halfH = box.height / 2 / size;
  return [
    Math.max(-180, lonOf(view.x - halfW)),
    Math.max(-85, latOf(view.y + halfH)),
    Math.min(180, lonOf(view.x + halfW)),
    Math.min(85, latOf(view.y - halfH)),
  ];
}

export function clampZoom(zoom: number): number {
  return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.round(zoom)));
}

/** A circle of `miles` around a point, as its latitude/longitude extent (for fitting a view around it). */
export function circleExtent(lat: number, lon: number, miles: number): { lat: number; lon: number }[] {
  const dLat = (miles / EARTH_RADIUS_MILES) * (180 / Math.PI);
  const dLon = dLat / Math.max(0.05, Math.cos((lat * Math.PI) / 180));
  return [
    { lat: lat + dLat, lon: lon + dLon },
    { lat: lat - dLat, lon: lon - dLon },
  ];
}

/** The largest zoom at which every place fits in the box (with a margin), centred on their extent. */
export function fitView(places: readonly { lat: number; lon: number }[], box: MapBox, margin = 24): MapView {
  if (!places.length) return { x: worldX(-98.5), y: worldY(39.5), zoom: 3 };
  const xs = places.map((p) => worldX(p.lon));
  const ys = places.map((p) => worldY(p.lat));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const fit = Math.min((box.width - 2 * margin) / (spanX * TILE), (box.height - 2 * margin) / (spanY * TILE));
  const zoom = Math.max(MIN_ZOOM, Math.min(places.length === 1 ? 8 : MAX_ZOOM, Math.floor(Math.log2(fit))));
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, zoom };
}

export type Marker =
  | { kind: 'point'; point: MapPoint; lat: number; lon: number }
  | { kind: 'cluster'; id: number; count: number; lat: number; lon: number; expansionZoom: number };

/** Clusters of points per zoom level: points closer than `radius` pixels at a zoom are one marker with a count. */
export class PointClusters {
  private readonly index: Supercluster<{ point: MapPoint }>;

  constructor(points: readonly MapPoint[], radius = 60) {
    this.index = new Supercluster<{ point: MapPoint }>({ radius, maxZoom: MAX_ZOOM, minZoom: 0 });
    this.index.load(
      points.map((point) => ({
        type: 'Feature' as const,
        properties: { point },
        geometry: { type: 'Point' as const, coordinates: [point.lon, point.lat] },
      })),
    );
  }

  /** The markers a view shows: single points and clusters, each with where a click on it should zoom to. */
  markers(view: MapView, box: MapBox): Marker[] {
    return this.index.getClusters(viewBounds(view, box), view.zoom).map((feature) => {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties as Partial<ClusterProperties> & { point?: MapPoint };
      if (props.cluster && typeof props.cluster_id === 'number') {
        return {
          kind: 'cluster',
          id: props.cluster_id,
          count: props.point_count ?? 0,
          lat,
          lon,
          expansionZoom: Math.min(MAX_ZOOM, this.index.getClusterExpansionZoom(props.cluster_id)),
        };
      }
      return { kind: 'point', point: props.point!, lat, lon };
    });
  }
}

/** "40.72,-74.0" as a point; undefined for anything else (a ZIP). */
export function parseLatLon(value: string | undefined): { lat: number; lon: number } | undefined {
  const match = value?.trim().match(/^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/);
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}
