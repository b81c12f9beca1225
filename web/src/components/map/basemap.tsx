import 'maplibre-gl/dist/maplibre-gl.css';

import { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';

import styles from './us-map.module.css';

type BasemapProps = {
  styleUrl: string;
  center: [number, number];
  /** How wide the world is drawn, in the drawing's units, and how many units the drawing is wide. */
  worldUnits: number;
  drawingUnits: number;
};

/** MapLibre's zoom for a world `worldUnits` wide in a drawing `drawingUnits` wide shown `cssWidth` pixels wide. */
function zoomOf(worldUnits: number, drawingUnits: number, cssWidth: number): number {
  return Math.log2((worldUnits * (cssWidth / drawingUnits)) / 512);
}

/**
 * A deployment's vector-tile style (MAP_STYLE_URL) drawn by MapLibre under the map's own layers: not interactive
 * itself, it follows the view the map's SVG is panned and zoomed to. Loaded as a chunk of its own, and only when a
 * style is set.
 */
export default function Basemap({ styleUrl, center, worldUnits, drawingUnits }: BasemapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);

  useEffect(() => {
    if (!container.current) return undefined;
    const created = new MapLibreMap({
      container: container.current,
      style: styleUrl,
      center,
      zoom: zoomOf(worldUnits, drawingUnits, container.current.clientWidth || drawingUnits),
      interactive: false,
      attributionControl: { compact: true },
    });
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [styleUrl]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const width = container.current?.clientWidth || drawingUnits;
    map.current?.jumpTo({ center, zoom: zoomOf(worldUnits, drawingUnits, width) });
  }, [center, worldUnits, drawingUnits]);

  return <div ref={container} className={styles.basemap} aria-hidden="true" />;
}
