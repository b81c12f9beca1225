import { geoAlbers, geoConicEqualArea, type GeoProjection, type GeoStream } from 'd3-geo';

/**
 * The United States on one screen: the lower 48 in Albers equal-area, with Alaska (at a third of the scale), Hawaii
 * and Puerto Rico as insets below them, as the Census Bureau's own maps place them. d3's geoAlbersUsa with a Puerto
 * Rico inset added (d3 has none): each region is projected and clipped to its own box, a point is drawn by the first
 * region that takes it, and a screen point inverts through the region whose box holds it.
 *
 * Scale 1070 and translate (480, 250) fit a 960 × 500 box, as d3's default.
 */
export type UsProjection = GeoProjection;

const EPSILON = 1e-6;

/** The insets' boxes, in units of the scale, relative to the translate (x0, y0, x1, y1). */
const ALASKA_BOX = [-0.425, 0.12, -0.214, 0.234] as const;
const HAWAII_BOX = [-0.214, 0.166, -0.115, 0.234] as const;
const PUERTO_RICO_BOX = [0.29, 0.19, 0.37, 0.234] as const;

function inBox(box: readonly number[], x: number, y: number): boolean {
  return x >= box[0]! && x < box[2]! && y >= box[1]! && y < box[3]!;
}

export function usProjection(): UsProjection {
  const lower48 = geoAlbers();
  const alaska = geoConicEqualArea().rotate([154, 0]).center([-2, 58.5]).parallels([55, 65]);
  const hawaii = geoConicEqualArea().rotate([157, 0]).center([-3, 19.9]).parallels([8, 18]);
  const puertoRico = geoConicEqualArea().rotate([66, 0]).center([0, 18]).parallels([8, 18]);
  const regions = [lower48, alaska, hawaii, puertoRico];
  let found: [number, number] | null = null;
  const pointStream = {
    point(x: number, y: number) {
      found = [x, y];
    },
  } as unknown as GeoStream;
  let pointStreams: GeoStream[] = [];
  let cache: GeoStream | null = null;
  let cacheStream: GeoStream | null = null;

  const projection = ((coordinates: [number, number]) => {
    const [x, y] = coordinates;
    for (const stream of pointStreams) {
      found = null;
      stream.point(x, y);
      if (found) return found;
    }
    return null;
  }) as unknown as UsProjection;

  const self = projection as unknown as Record<string, unknown>;

  self.invert = (coordinates: [number, number]) => {
    const k = lower48.scale();
    const t = lower48.translate();
    const x = (coordinates[0] - t[0]) / k;
    const y = (coordinates[1] - t[1]) / k;
    const region = inBox(ALASKA_BOX, x, y)
      ? alaska
      : inBox(HAWAII_BOX, x, y)
        ? hawaii
        : inBox(PUERTO_RICO_BOX, x, y)
          ? puertoRico
          : lower48;
    return region.invert!(coordinates);
  };

  self.stream = (stream: GeoStream) => {
    if (cache && cacheStream === stream) return cache;
    cacheStream = stream;
    const streams = regions.map((region) => region.stream(stream));
    cache = {
      point: (x: number, y: number) => streams.forEach((s) => s.point(x, y)),
      sphere: () => streams.forEach((s) => s.sphere?.()),
      lineStart: () => streams.forEach((s) => s.lineStart()),
      lineEnd: () => streams.forEach((s) => s.lineEnd()),
      polygonStart: () => streams.forEach((s) => s.polygonStart()),
      polygonEnd: () => streams.forEach((s) => s.polygonEnd()),
    };
    return cache;
  };

  self.scale = (...args: number[]) => {
    if (!args.length) return lower48.scale();
    const k = args[0]!;
    lower48.scale(k);
    alaska.scale(k * 0.35);
    hawaii.scale(k);
    puertoRico.scale(k);
    return (self.translate as (t: [number, number]) => UsProjection)(lower48.translate());
  };

  const clip = (box: readonly number[], x: number, y: number, k: number): [[number, number], [number, number]] => [
    [x + box[0]! * k + EPSILON, y + box[1]! * k + EPSILON],
    [x + box[2]! * k - EPSILON, y + box[3]! * k - EPSILON],
  ];

  self.translate = (...args: [number, number][]) => {
    if (!args.length) return lower48.translate();
    const [x, y] = args[0]!;
    const k = lower48.scale();
    lower48.translate([x, y]).clipExtent([
      [x - 0.455 * k, y - 0.238 * k],
      [x + 0.455 * k, y + 0.238 * k],
    ]);
    alaska.translate([x - 0.307 * k, y + 0.201 * k]).clipExtent(clip(ALASKA_BOX, x, y, k));
    hawaii.translate([x - 0.205 * k, y + 0.212 * k]).clipExtent(clip(HAWAII_BOX, x, y, k));
    puertoRico.translate([x + 0.33 * k, y + 0.212 * k]).clipExtent(clip(PUERTO_RICO_BOX, x, y, k));
    // the lower 48 first, except inside an inset's box: a point in Puerto Rico falls in the lower 48's box too
    pointStreams = [alaska, hawaii, puertoRico, lower48].map((region) => region.stream(pointStream));
    cache = cacheStream = null;
    return projection;
  };

  self.precision = (...args: number[]) => {
    if (!args.length) return lower48.precision();
    regions.forEach((region) => region.precision(args[0]!));
    cache = cacheStream = null;
    return projection;
  };

  return (self.scale as (k: number) => UsProjection)(1070);
}

/** The boxes of the insets, in screen units for a projection's scale and translate, to outline them. */
export function insetOutlines(scale: number, translate: [number, number]): { name: string; x: number; y: number; width: number; height: number }[] {
  const [tx, ty] = translate;
  return (
    [
      ['Alaska', ALASKA_BOX],
      ['Hawaii', HAWAII_BOX],
      ['Puerto Rico', PUERTO_RICO_BOX],
    ] as const
  ).map(([name, box]) => ({
    name,
    x: tx + box[0] * scale,
    y: ty + box[1] * scale,
    width: (box[2] - box[0]) * scale,
    height: (box[3] - box[1]) * scale,
  }));
}
