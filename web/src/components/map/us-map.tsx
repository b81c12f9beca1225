import { geoDistance, geoMercator, geoPath, type GeoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';

import { useMapStyle } from './map-style';
import styles from './us-map.module.css';
import { STATE_CODES, useCounties, useStates } from './us-atlas';
import { insetOutlines, usProjection } from './us-projection';

const Basemap = lazy(() => import('./basemap'));

/** The drawing's own units: the projection fits the country (insets included) into this box at zoom factor 1. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
const EARTH_RADIUS_MILES = 3958.8;

/** What the map shows: the drawing scaled by k, then moved by (x, y). */
export type MapTransform = { k: number; x: number; y: number };

/** What the map shows, in the terms of the map endpoint: the box, a slippy-map zoom level, centre and reach. */
export type MapViewport = {
  bbox: [number, number, number, number];
  zoom: number;
  center: { lat: number; lon: number };
  /** Half the shorter side of the view, in miles: the radius of a search of "this area". */
  radiusMiles: number;
};

/** What the layers and overlay of a map draw with. */
export type MapContext = {
  /** Outlines in the drawing's units, for the scaled layer group. */
  path: GeoPath<unknown, GeoPermissibleObjects>;
  /** A place on screen (in the map box's units), or null where the projection has no place for it. */
  project: (lon: number, lat: number) => [number, number] | null;
  transform: MapTransform;
  zoom: number;
  /** Zooms in (or out, negative) by `levels` halvings around a place. */
  zoomAround: (lon: number, lat: number, levels: number) => void;
};

export type UsMapProps = {
  title: string;
  testId?: string;
  /** Places the first view fits (the whole country when none). */
  fit?: readonly { lon: number; lat: number }[];
  /** Changing it fits the view to `fit` again. */
  fitKey?: string;
  /** County lines: from a zoom factor of 3 on (the default), always, or never. */
  countyLines?: 'zoomed' | 'always' | 'never';
  stateFill?: (fips: string) => string | undefined;
  countyFill?: (geoid: string) => string | undefined;
  /** A title (tooltip) for a state or county, when the map says something about it. */
  areaTitle?: (kind: 'state' | 'county', id: string, name: string) => string | undefined;
  onAreaClick?: (kind: 'state' | 'county', id: string) => void;
  /** Drawn in the drawing's units, under the labels (outlines, circles). */
  layers?: (context: MapContext) => ReactNode;
  /** Drawn on screen, over everything (markers that keep their size). */
  overlay?: (context: MapContext) => ReactNode;
  /** SVG definitions (patterns) the fills refer to; a function gets the view (to keep a hatch's spacing on screen). */
  defs?: ReactNode | ((context: MapContext) => ReactNode);
  onViewChange?: (viewport: MapViewport) => void;
  /** More buttons in the map's toolbar. */
  controls?: ReactNode;
  legend?: ReactNode;
  caption?: ReactNode;
  height?: number;
};

/**
 * How places are drawn: the composite US projection with its insets (the default), or Web Mercator under a
 * deployment's tiled basemap (tiles are Mercator; Alaska and Hawaii are then where they are).
 */
type Geometry = {
  projection: GeoProjection;
  path: GeoPath<unknown, GeoPermissibleObjects>;
  maxK: number;
  /** log2 of the zoom factor plus this is about the slippy-map zoom drawn as densely. */
  zoomOffset: number;
  insets: boolean;
};

function geometry(projection: GeoProjection, maxK: number, zoomOffset: number, insets: boolean): Geometry {
  return { projection, path: geoPath(projection), maxK, zoomOffset, insets };
}

const ALBERS = geometry(usProjection().translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]), 4096, 4, true);
// the world MAP_WIDTH wide at zoom factor 1; centred on the lower 48 by the default view
const MERCATOR = geometry(
  geoMercator()
    .scale(MAP_WIDTH / (2 * Math.PI))
    .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]),
  2 ** 17,
  1,
  false,
);

/** The zoom level of the map endpoint (a slippy map's) that a zoom factor draws about as densely as. */
export function zoomLevel(k: number, geo: Geometry = ALBERS): number {
  return Math.max(0, Math.min(22, Math.round(Math.log2(k) + geo.zoomOffset)));
}

const LOWER_48 = [
  { lon: -124.7, lat: 48.4 },
  { lon: -67, lat: 25 },
];

function fitTransform(places: readonly { lon: number; lat: number }[], geo: Geometry = ALBERS): MapTransform {
  const { projection } = geo;
  if (!places.length && !geo.insets) return fitTransform(LOWER_48, geo);
  const points = places.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [xy] : [];
  });
  if (!points.length) return { k: 1, x: 0, y: 0 };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.max(1, Math.min((points.length === 1 ? 48 : 256) * (geo.insets ? 1 : 8), 0.8 / Math.max((maxX - minX) / MAP_WIDTH, (maxY - minY) / MAP_HEIGHT, 1e-4)));
  return { k, x: MAP_WIDTH / 2 - k * ((minX + maxX) / 2), y: MAP_HEIGHT / 2 - k * ((minY + maxY) / 2) };
}

/** The view's box in longitude and latitude: the inverse of a grid of screen points (insets included). */
export function viewportOf(t: MapTransform, geo: Geometry = ALBERS): MapViewport {
  const { projection } = geo;
  const lons: number[] = [];
  const lats: number[] = [];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const sx = (MAP_WIDTH * i) / steps;
      const sy = (MAP_HEIGHT * j) / steps;
      const ll = projection.invert?.([(sx - t.x) / t.k, (sy - t.y) / t.k]);
      if (ll && Number.isFinite(ll[0]) && Number.isFinite(ll[1]) && Math.abs(ll[1]) <= 90) {
        lons.push(ll[0]);
        lats.push(ll[1]);
      }
    }
  }
  const centre = projection.invert?.([(MAP_WIDTH / 2 - t.x) / t.k, (MAP_HEIGHT / 2 - t.y) / t.k]) ?? [-98.5, 39.5];
  const clampLon = (v: number) => Math.max(-180, Math.min(180, v));
  const clampLat = (v: number) => Math.max(-90, Math.min(90, v));
  const bbox: [number, number, number, number] = lons.length
    ? [clampLon(Math.min(...lons)), clampLat(Math.min(...lats)), clampLon(Math.max(...lons)), clampLat(Math.max(...lats))]
    : [-180, -90, 180, 90];
  const half = (MAP_HEIGHT / 2 - t.y) / t.k;
  const edge = projection.invert?.([(MAP_WIDTH / 2 - t.x) / t.k, half - MAP_HEIGHT / 2 / t.k]);
  const radiusMiles = edge ? geoDistance(centre, edge) * EARTH_RADIUS_MILES : 250;
  return {
    bbox,
    zoom: zoomLevel(t.k, geo),
    center: { lat: Math.round(centre[1] * 1e5) / 1e5, lon: Math.round(centre[0] * 1e5) / 1e5 },
    radiusMiles: Math.max(1, Math.min(250, Math.round(radiusMiles))),
  };
}

/**
 * The United States from the Census cartographic boundaries, drawn as SVG with no tiles and no network: states
 * (labelled by their postal codes while they are big enough to read), county lines from a zoom on, Alaska, Hawaii and
 * Puerto Rico as insets; zoom with the wheel or the buttons, pan by dragging. Features fill states or counties and
 * draw layers (in the map's units) and an overlay (screen units, for markers) over them.
 */
export function UsMap({
  title,
  testId = 'us-map',
  fit,
  fitKey,
  countyLines = 'zoomed',
  stateFill,
  countyFill,
  areaTitle,
  onAreaClick,
  layers,
  overlay,
  defs,
  onViewChange,
  controls,
  legend,
  caption,
  height,
}: UsMapProps) {
  const titleId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const style = useMapStyle();
  const geo = style ? MERCATOR : ALBERS;
  const { projection, path: basePath, maxK } = geo;
  const viewKey = `${style ? 'mercator' : 'albers'}:${fitKey}`;
  const fitted = useMemo(() => fitTransform(fit ?? [], geo), [viewKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const [chosen, setChosen] = useState<{ key: string | undefined; t: MapTransform }>();
  const transform = chosen && chosen.key === viewKey ? chosen.t : fitted;
  const setTransform = useCallback(
    (next: MapTransform | ((t: MapTransform) => MapTransform)) =>
      setChosen((current) => {
        const base = current && current.key === viewKey ? current.t : fitted;
        const t = typeof next === 'function' ? next(base) : next;
        return { key: viewKey, t: { ...t, k: Math.max(1, Math.min(maxK, t.k)) } };
      }),
    [viewKey, fitted, maxK],
  );

  const states = useStates();
  const showCounties = countyLines === 'always' || (countyLines === 'zoomed' && transform.k >= 3) || Boolean(countyFill);
  const counties = useCounties(showCounties);

  const statePaths = useMemo(
    () =>
      states?.states.features.map((feature) => ({
        id: String(feature.id),
        name: feature.properties.name,
        d: basePath(feature) ?? '',
        centroid: basePath.centroid(feature),
        area: basePath.area(feature),
      })) ?? [],
    [states, basePath],
  );
  const stateBorders = useMemo(() => (states ? (basePath(states.borders) ?? '') : ''), [states, basePath]);
  const countyPaths = useMemo(
    () =>
      counties?.counties.features.map((feature) => ({
        id: String(feature.id),
        name: feature.properties.name,
        d: basePath(feature) ?? '',
      })) ?? [],
    [counties, basePath],
  );
  const countyBorders = useMemo(() => (counties ? (basePath(counties.borders) ?? '') : ''), [counties, basePath]);

  // the view, to whoever fetches for it: once the view has settled
  useEffect(() => {
    if (!onViewChange) return undefined;
    if (style === undefined) return undefined; // which projection is not known yet
    const timer = setTimeout(() => onViewChange(viewportOf(transform, geo)), 200);
    return () => clearTimeout(timer);
  }, [transform, onViewChange, geo, style]);

  const toMapUnits = (clientX: number, clientY: number): [number, number] => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM?.();
    if (!svg || !matrix || typeof DOMPoint === 'undefined') return [MAP_WIDTH / 2, MAP_HEIGHT / 2];
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return [point.x, point.y];
  };

  const zoomAt = useCallback(
    (sx: number, sy: number, factor: number) =>
      setTransform((t) => {
        const k = Math.max(1, Math.min(maxK, t.k * factor));
        const f = k / t.k;
        return { k, x: sx - (sx - t.x) * f, y: sy - (sy - t.y) * f };
      }),
    [setTransform, maxK],
  );

  const zoomAround = useCallback(
    (lon: number, lat: number, levels: number) => {
      const xy = projection([lon, lat]);
      if (!xy) return;
      setTransform((t) => {
        const k = Math.max(1, Math.min(maxK, t.k * 2 ** levels));
        return { k, x: MAP_WIDTH / 2 - xy[0] * k, y: MAP_HEIGHT / 2 - xy[1] * k };
      });
    },
    [setTransform, maxK, projection],
  );

  // the wheel, as a non-passive listener so that zooming the map does not scroll the page
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return undefined;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const [sx, sy] = toMapUnits(event.clientX, event.clientY);
      zoomAt(sx, sy, 2 ** (-event.deltaY / 300));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const drag = useRef<{ x: number; y: number; t: MapTransform; moved: boolean } | null>(null);
  const onPointerDown = (event: React.PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const [x, y] = toMapUnits(event.clientX, event.clientY);
    drag.current = { x, y, t: transform, moved: false };
  };
  const onPointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start) return;
    const [x, y] = toMapUnits(event.clientX, event.clientY);
    if (!start.moved && Math.hypot(x - start.x, y - start.y) < 3) return;
    if (!start.moved) svgRef.current?.setPointerCapture?.(event.pointerId);
    start.moved = true;
    setTransform({ k: start.t.k, x: start.t.x + x - start.x, y: start.t.y + y - start.y });
  };
  const endDrag = (event: React.PointerEvent<SVGSVGElement>) => {
    const moved = drag.current?.moved;
    drag.current = null;
    if (moved) {
      svgRef.current?.releasePointerCapture?.(event.pointerId);
      // a drag is not a click on what it ended over
      const swallow = (click: Event) => click.stopPropagation();
      window.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    }
  };

  const zoom = zoomLevel(transform.k, geo);
  const context: MapContext = {
    path: basePath,
    project: (lon, lat) => {
      const xy = projection([lon, lat]);
      return xy ? [xy[0] * transform.k + transform.x, xy[1] * transform.k + transform.y] : null;
    },
    transform,
    zoom,
    zoomAround,
  };
  const insets = geo.insets ? insetOutlines(projection.scale(), projection.translate()) : [];
  // the basemap's camera for the view: its centre, and the world MAP_WIDTH · k units wide (Mercator at k = 1)
  const centre = projection.invert?.([(MAP_WIDTH / 2 - transform.x) / transform.k, (MAP_HEIGHT / 2 - transform.y) / transform.k]) ?? [-98.5, 39.5];
  const clickable = Boolean(onAreaClick);

  return (
    <figure className={styles.map} data-testid={testId} data-zoom={zoom} data-k={transform.k.toFixed(2)}>
      <div className={styles.toolbar} role="group" aria-label="Map view">
        <button type="button" className={styles.button} onClick={() => zoomAt(MAP_WIDTH / 2, MAP_HEIGHT / 2, 2)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className={styles.button} onClick={() => zoomAt(MAP_WIDTH / 2, MAP_HEIGHT / 2, 0.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={styles.button} onClick={() => setChosen(undefined)} disabled={!chosen || chosen.key !== viewKey}>
          Reset view
        </button>
        {controls}
      </div>
      <div className={styles.frame}>
      {style ? (
        <Suspense fallback={null}>
          <Basemap styleUrl={style} center={[centre[0], centre[1]]} worldUnits={MAP_WIDTH * transform.k} drawingUnits={MAP_WIDTH} />
        </Suspense>
      ) : null}
      <svg
        ref={svgRef}
        className={style ? `${styles.canvas} ${styles.overBasemap}` : styles.canvas}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        style={height ? { height } : undefined}
        role="group"
        aria-labelledby={titleId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <title id={titleId}>{title}</title>
        <defs>{typeof defs === 'function' ? defs(context) : defs}</defs>
        <rect x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} className={styles.water} />
        <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
          <g data-testid="map-states">
            {statePaths.map((state) => (
              <path
                key={state.id}
                d={state.d}
                className={styles.state}
                data-testid="map-state"
                data-fips={state.id}
                style={stateFill?.(state.id) ? { fill: stateFill(state.id) } : undefined}
                onClick={clickable ? () => onAreaClick?.('state', state.id) : undefined}
              >
                <title>{areaTitle?.('state', state.id, state.name) ?? state.name}</title>
              </path>
            ))}
          </g>
          {countyPaths.length && (countyFill || showCounties) ? (
            <g data-testid="map-counties">
              {countyFill
                ? countyPaths.map((county) => {
                    const fill = countyFill(county.id);
                    return fill ? (
                      <path
                        key={county.id}
                        d={county.d}
                        className={styles.countyFilled}
                        data-testid="map-county"
                        data-geoid={county.id}
                        style={{ fill }}
                        onClick={clickable ? () => onAreaClick?.('county', county.id) : undefined}
                      >
                        <title>{areaTitle?.('county', county.id, county.name) ?? county.name}</title>
                      </path>
                    ) : null;
                  })
                : null}
              {showCounties ? <path d={countyBorders} className={styles.countyLines} /> : null}
            </g>
          ) : null}
          <path d={stateBorders} className={styles.stateLines} />
          {layers?.(context)}
        </g>
        {transform.k < 2
          ? insets.map((inset) => (
              <rect
                key={inset.name}
                x={inset.x * transform.k + transform.x}
                y={inset.y * transform.k + transform.y}
                width={inset.width * transform.k}
                height={inset.height * transform.k}
                className={styles.inset}
              >
                <title>{inset.name} (inset)</title>
              </rect>
            ))
          : null}
        <g className={styles.labels} aria-hidden="true">
          {statePaths.map((state) => {
            const code = STATE_CODES[state.id];
            if (!code || !Number.isFinite(state.centroid[0]) || state.area * transform.k ** 2 < 250) return null;
            const x = state.centroid[0] * transform.k + transform.x;
            const y = state.centroid[1] * transform.k + transform.y;
            if (x < -20 || y < -20 || x > MAP_WIDTH + 20 || y > MAP_HEIGHT + 20) return null;
            return (
              <text key={state.id} x={x} y={y} dy="0.35em" textAnchor="middle" data-testid="map-state-label">
                {code}
              </text>
            );
          })}
        </g>
        {overlay?.(context)}
      </svg>
      </div>
      {legend}
      {caption ? <figcaption className={styles.caption}>{caption}</figcaption> : null}
    </figure>
  );
}
