/** Distances for drawing a search's radius on the map. */

export const MILES_PER_DEGREE = 69.09;
const EARTH_RADIUS_MILES = 3958.8;

/** A circle of `miles` around a point, as its latitude/longitude extent (for fitting a view around it). */
export function circleExtent(lat: number, lon: number, miles: number): { lat: number; lon: number }[] {
  const dLat = (miles / EARTH_RADIUS_MILES) * (180 / Math.PI);
  const dLon = dLat / Math.max(0.05, Math.cos((lat * Math.PI) / 180));
  return [
    { lat: lat + dLat, lon: lon + dLon },
    { lat: lat - dLat, lon: lon - dLon },
  ];
}

/** "40.72,-74.0" as a point; undefined for anything else (a ZIP). */
export function parseLatLon(value: string | undefined): { lat: number; lon: number } | undefined {
  const match = value?.trim().match(/^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/);
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}
