import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { lenientString } from '@/lib/lenient-schema';

export const TAXONOMIES_PATH = '/api/v1/taxonomies';

const taxonomySchema = z.looseObject({
  code: z.string(),
  classification: lenientString,
  specialization: lenientString,
  displayName: lenientString,
});
export type Taxonomy = z.output<typeof taxonomySchema>;

/**
 * The names the specialty filter accepts, sorted and without repeats: every NUCC display name, classification and
 * specialization (the search matches any of them, or a code, ignoring case).
 */
export function specialtyNames(taxonomies: readonly Taxonomy[]): string[] {
  const names = new Map<string, string>();
  for (const taxonomy of taxonomies) {
    for (const name of [taxonomy.displayName, taxonomy.classification, taxonomy.specialization]) {
      const trimmed = name?.trim();
      if (trimmed && !names.has(trimmed.toLowerCase())) names.set(trimmed.toLowerCase(), trimmed);
    }
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * GET /api/v1/taxonomies as the specialty names to offer while typing, read once `enabled` (the user is at the field);
 * the code set changes once a year at most.
 */
export function useSpecialtyNames(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['taxonomies', 'specialty-names'],
    queryFn: async ({ signal }) => specialtyNames(await apiClient.get(TAXONOMIES_PATH, { schema: z.array(taxonomySchema), signal })),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
