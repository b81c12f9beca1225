import { describe, expect, it } from 'vitest';

import { circleExtent, parseLatLon } from '../map-view';

describe('map view', () => {
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

