import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useState } from 'react';

/**
 * The Census Bureau's cartographic boundaries (1:10,000,000) as us-atlas ships them: TopoJSON keyed by FIPS codes
 * (a state's two digits, a county's five, as the county table's GEOIDs), bundled with the app and loaded lazily as
 * separate chunks the first time a map needs them, never from a server of tiles.
 */
export type Area = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };
export type Areas = FeatureCollection<Polygon | MultiPolygon, { name: string }> & { features: Area[] };

export type StateShapes = { states: Areas; borders: MultiLineString };
export type CountyShapes = { counties: Areas; borders: MultiLineString };

type Topology = Parameters<typeof import('topojson-client').feature>[0];
type Objects = Record<string, Parameters<typeof import('topojson-client').feature>[1]>;

let statesPromise: Promise<StateShapes> | undefined;
let countiesPromise: Promise<CountyShapes> | undefined;

function topologyOf(module: unknown): { topology: Topology; objects: Objects } {
  const topology = ((module as { default?: unknown }).default ?? module) as Topology;
  return { topology, objects: (topology as unknown as { objects: Objects }).objects };
}

/** State outlines and the lines between states. */
export function loadStates(): Promise<StateShapes> {
  statesPromise ??= Promise.all([import('us-atlas/states-10m.json'), import('topojson-client')]).then(([atlas, topojson]) => {
    const { topology, objects } = topologyOf(atlas);
    return {
      states: topojson.feature(topology, objects.states!) as unknown as Areas,
      borders: topojson.mesh(topology, objects.states! as never, (a, b) => a !== b),
    };
  });
  return statesPromise;
}

/** County outlines (about 3,200, keyed by their five-digit GEOID) and the lines between counties. */
export function loadCounties(): Promise<CountyShapes> {
  countiesPromise ??= Promise.all([import('us-atlas/counties-10m.json'), import('topojson-client')]).then(([atlas, topojson]) => {
    const { topology, objects } = topologyOf(atlas);
    return {
      counties: topojson.feature(topology, objects.counties!) as unknown as Areas,
      borders: topojson.mesh(topology, objects.counties! as never, (a, b) => a !== b),
    };
  });
  return countiesPromise;
}

function useLoaded<T>(load: () => Promise<T>, enabled: boolean): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    load().then(
      (loaded) => live && setValue(loaded),
      () => undefined, // no outlines: the markers are still placed
    );
    return () => {
      live = false;
    };
  }, [load, enabled]);
  return value;
}

export function useStates(): StateShapes | undefined {
  return useLoaded(loadStates, true);
}

/** The counties, once `enabled` (a map loads them when zoomed in far enough to draw them, or when it colours them). */
export function useCounties(enabled: boolean): CountyShapes | undefined {
  return useLoaded(loadCounties, enabled);
}

/** The two-letter postal code of each state FIPS code that us-atlas holds (its names are in full). */
export const STATE_CODES: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC', '12': 'FL',
  '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME',
  '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH',
  '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI',
  '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP', '72': 'PR', '78': 'VI',
};

/** The FIPS code of a two-letter state code. */
export function stateFips(code: string): string | undefined {
  const upper = code.toUpperCase();
  return Object.keys(STATE_CODES).find((fips) => STATE_CODES[fips] === upper);
}
