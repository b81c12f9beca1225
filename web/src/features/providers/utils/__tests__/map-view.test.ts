import { describe, expect, it } from 'vitest';

import { circleExtent, fitView, parseLatLon, PointClusters, toScreen, viewBounds, worldX, worldY, type MapPoint } from '../map-view';

const BOX = { width: 480, height: 320 };

function point(id: string, lat: number, lon: number): MapPoint {
  return { id, label: id, lat, lon };
}

// Three practices in lower Manhattan (a few hundred metres apart) and one in Chicago.
const manhattan = [point('a', 40.72, -74.0), point('b', 40.721, -74.001), point('c', 40.719, -73.999)];
const chicago = point('d', 41.88, -87.63);

describe('map view', () => {
  it('puts the centre of a fitted view in the middle of the box and every point inside it', () => {
    const view = fitView([...manhattan, chicago], BOX);
    for (const p of [...manhattan, chicago]) {
      const { x, y } = toScreen(p.lat, p.lon, view, BOX);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(BOX.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(BOX.height);
    }
    // New York lies east of Chicago and (in Mercator, y downwards) south of it: right of it and lower.
    const ny = toScreen(40.72, -74.0, view, BOX);
    const chi = toScreen(chicago.lat, chicago.lon, view, BOX);
    expect(ny.x).toBeGreaterThan(chi.x);
    expect(ny.y).toBeGreaterThan(chi.y);
  });

  it('zooms further in on nearby points than on points far apart, and bounds contain them', () => {
    const near = fitView(manhattan, BOX);
    const far = fitView([...manhattan, chicago], BOX);
    expect(near.zoom).toBeGreaterThan(far.zoom);
    const [west, south, east, north] = viewBounds(far, BOX);
    expect(west).toBeLessThan(-87.63);
    expect(east).toBeGreaterThan(-74.0);
    expect(south).toBeLessThan(40.72);
    expect(north).toBeGreaterThan(41.88);
  });

  it('extends a radius of 25 miles by about 0.36 degrees of latitude', () => {
    const [northEast, southWest] = circleExtent(40.72, -74.0, 25);
    expect(northEast!.lat - 40.72).toBeCloseTo(0.3618, 3);
    expect(northEast!.lon + 74.0).toBeGreaterThan(northEast!.lat - 40.72); // longitude degrees are shorter
    expect(southWest!.lat).toBeCloseTo(40.72 - 0.3618, 3);
  });

  it('reads lat,lon but not a ZIP', () => {
    expect(parseLatLon('40.72, -74.0')).toEqual({ lat: 40.72, lon: -74.0 });
    expect(parseLatLon('10013')).toBeUndefined();
    expect(parseLatLon('95,10')).toBeUndefined();
  });
});

describe('point clusters', () => {
  it('groups close points into one counted cluster at a national zoom and splits it at its expansion zoom', () => {
    const clusters = new PointClusters([...manhattan, chicago]);
    const national = clusters.markers({ ...fitView([...manhattan, chicago], BOX) }, BOX);
    const cluster = national.find((marker) => marker.kind === 'cluster');
    expect(cluster).toMatchObject({ kind: 'cluster', count: 3 });
    expect(national.filter((marker) => marker.kind === 'point').map((m) => m.kind === 'point' && m.point.id)).toEqual(['d']);

    if (cluster?.kind !== 'cluster') throw new Error('no cluster');
    const zoomedIn = clusters.markers(
      { x: worldX(cluster.lon), y: worldY(cluster.lat), zoom: cluster.expansionZoom },
      BOX,
    );
    const counts = zoomedIn.map((marker) => (marker.kind === 'cluster' ? marker.count : 1));
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('shows every point alone when none are close', () => {
    const clusters = new PointClusters([point('a', 40.72, -74.0), chicago, point('e', 34.05, -118.24)]);
    const markers = clusters.markers({ x: 0.25, y: 0.38, zoom: 4 }, { width: 2000, height: 1200 });
    expect(markers.map((marker) => marker.kind)).toEqual(['point', 'point', 'point']);
  });
});
