import { useEffect, useState } from 'react';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

const settingsSchema = z.looseObject({ styleUrl: z.string().nullish() });

let stylePromise: Promise<string | null> | undefined;

/**
 * GET /api/v1/map/settings, once per page load: the MapLibre style a deployment set (MAP_STYLE_URL) to draw streets
 * under the maps, or null (the default) for the bundled boundaries alone. A failure counts as none.
 */
export function loadMapStyle(): Promise<string | null> {
  stylePromise ??= apiClient
    .get('/api/v1/map/settings', { schema: settingsSchema })
    .then((settings) => settings.styleUrl?.trim() || null)
    .catch(() => null);
  return stylePromise;
}

/** The deployment's map style: undefined while asked, then a URL or null. */
export function useMapStyle(): string | null | undefined {
  const [style, setStyle] = useState<string | null>();
  useEffect(() => {
    let live = true;
    void loadMapStyle().then((loaded) => live && setStyle(loaded));
    return () => {
      live = false;
    };
  }, []);
  return style;
}
