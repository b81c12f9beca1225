import { geoCircle, geoGraticule10, geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';

import {
  clampZoom,
  circleExtent,
  fitView,
  MILES_PER_DEGREE,
  PointClusters,
  toScreen,
  worldSize,
  worldX,
  worldY,
  type MapBox,
  type MapPoint,
  type MapView,
} from '../utils/map-view';
import styles from './providers.module.css';

const BOX: MapBox = { width: 480, height: 320 };

type StateShapes = FeatureCollection<Polygon | MultiPolygon>;
let statesPromise: Promise<StateShapes> | undefined;

/** US state outlines from the Census cartographic boundaries bundled in us-atlas: loaded once, lazily, never from a server. */
function loadStates(): Promise<StateShapes> {
  statesPromise ??= Promise.all([import('us-atlas/states-10m.json'), import('topojson-client')]).then(
    ([atlas, topojson]) => {
      const topology = (atlas.default ?? atlas) as unknown as Parameters<typeof topojson.feature>[0];
      const objects = (topology as unknown as { objects: Record<string, Parameters<typeof topojson.feature>[1]> }).objects;
      return topojson.feature(topology, objects.states!) as unknown as StateShapes;
    },
  );
  return statesPromise;
}

function useStates(): StateShapes | undefined {
  const [states, setStates] = useState<StateShapes>();
  useEffect(() => {
    let live = true;
    loadStates().then(
      (shapes) => live && setStates(shapes),
      () => undefined, // No outlines: the graticule alone still orients the reader.
    );
    return () => {
      live = false;
    };
  }, []);
  return states;
}

export type RadiusCircle = { lat: number; lon: number; miles: number; approximate?: boolean };

type ClusterMapProps = {
  points: readonly MapPoint[];
  radius?: RadiusCircle;
  title: string;
  testId?: string;
};

/**
 * An offline map: state outlines and a graticule in Web Mercator, points clustered per zoom level (a cluster shows
 * its count; clicking it zooms in to where it splits), the search radius as a geodesic circle, and zoom controls.
 * No tiles: nothing is fetched from the internet.
 */
export function ClusterMap({ points, radius, title, testId = 'provider-map' }: ClusterMapProps) {
  const titleId = useId();
  const descId = useId();
  const navigate = useNavigate();
  const states = useStates();
  const clusters = useMemo(() => new PointClusters(points), [points]);
  const fitted = useMemo(() => {
    const places = points.map((p) => ({ lat: p.lat, lon: p.lon }));
    if (radius) places.push(...circleExtent(radius.lat, radius.lon, radius.miles));
    return fitView(places, BOX);
  }, [points, radius]);
  const [chosen, setChosen] = useState<MapView>();
  const view = chosen ?? fitted;

  const path = useMemo(() => {
    const size = worldSize(view.zoom);
    const projection = geoMercator()
      .scale(size / (2 * Math.PI))
      .translate([size / 2 - view.x * size + BOX.width / 2, size / 2 - view.y * size + BOX.height / 2])
      .clipExtent([
        [-10, -10],
        [BOX.width + 10, BOX.height + 10],
      ]);
    return geoPath(projection);
  }, [view]);

  const markers = clusters.markers(view, BOX);
  const zoomTo = (zoom: number, lat?: number, lon?: number) => {
    const next = clampZoom(zoom);
    setChosen({
      x: lon === undefined ? view.x : worldX(lon),
      y: lat === undefined ? view.y : worldY(lat),
      zoom: next,
    });
  };

  const circlePath = radius
    ? path(geoCircle().center([radius.lon, radius.lat]).radius(radius.miles / MILES_PER_DEGREE)())
    : null;
  const clusterCount = markers.filter((m) => m.kind === 'cluster').length;
  const description =
    `${points.length} places at zoom ${view.zoom}: ${markers.length} markers, ${clusterCount} of them clusters.` +
    (radius ? ` The circle is the ${radius.miles}-mile search radius${radius.approximate ? ' (centre approximate)' : ''}.` : '');

  return (
    <figure className={styles.map} data-testid={testId}>
      <div className={styles.mapControls} role="group" aria-label="Map zoom">
        <button type="button" className={styles.mapButton} onClick={() => zoomTo(view.zoom + 1)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className={styles.mapButton} onClick={() => zoomTo(view.zoom - 1)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={styles.mapButton} onClick={() => setChosen(undefined)} disabled={!chosen}>
          Fit all
        </button>
      </div>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="group" aria-labelledby={titleId} aria-describedby={descId} data-zoom={view.zoom}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <rect x="0" y="0" width={BOX.width} height={BOX.height} className={styles.mapBackground} />
        <path d={path(geoGraticule10()) ?? undefined} className={styles.mapGraticule} />
        {states ? (
          <g data-testid="map-states">
            {states.features.map((feature, index) => (
              <path key={String(feature.id ?? index)} d={path(feature) ?? undefined} className={styles.mapState} />
            ))}
          </g>
        ) : null}
        {circlePath ? <path
            d={circlePath}
            className={styles.mapRadius}
            data-testid="provider-map-radius"
            data-center={radius ? `${radius.lat},${radius.lon}` : undefined}
          /> : null}
        {markers.map((marker) => {
          const { x, y } = toScreen(marker.lat, marker.lon, view, BOX);
          if (marker.kind === 'cluster') {
            const r = 10 + Math.min(14, Math.log2(marker.count) * 3);
            return (
              <g
                key={`c${marker.id}`}
                role="button"
                tabIndex={0}
                aria-label={`${marker.count} places: zoom in`}
                className={styles.mapCluster}
                data-testid="map-cluster"
                onClick={() => zoomTo(marker.expansionZoom, marker.lat, marker.lon)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    zoomTo(marker.expansionZoom, marker.lat, marker.lon);
                  }
                }}
              >
                <circle cx={x} cy={y} r={r} />
                <text x={x} y={y} dy="0.35em" textAnchor="middle">
                  {marker.count}
                </text>
              </g>
            );
          }
          const href = marker.point.href;
          return (
            <g
              key={`p${marker.point.id}`}
              role={href ? 'link' : 'img'}
              tabIndex={href ? 0 : undefined}
              aria-label={marker.point.label}
              className={styles.mapPin}
              data-testid="map-point"
              onClick={href ? () => void navigate(href) : undefined}
              onKeyDown={
                href
                  ? (event) => {
                      if (event.key === 'Enter') void navigate(href);
                    }
                  : undefined
              }
            >
              <title>{marker.point.label}</title>
              <circle cx={x} cy={y} r={5} />
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.muted}>{description}</figcaption>
    </figure>
  );
}
