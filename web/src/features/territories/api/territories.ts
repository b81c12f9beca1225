import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

export const TERRITORIES_PATH = '/api/v1/territories';

export const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const count = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? 0 : Number(value)));

export const LEVELS = ['REGION', 'DISTRICT', 'TERRITORY'] as const;

export const territorySchema = z.looseObject({
  id: z.string(),
  parentId: optionalString,
  level: z.string(),
  name: z.string(),
  code: optionalString,
  zipCount: count,
  states: z
    .array(z.string())
    .nullish()
    .transform((states) => states ?? []),
  counties: z
    .array(z.looseObject({ geoid: z.string(), name: z.string(), state: z.string() }))
    .nullish()
    .transform((counties) => counties ?? []),
  assignments: z
    .array(z.looseObject({ userId: z.string(), displayName: optionalString, kind: optionalString }))
    .nullish()
    .transform((assignments) => assignments ?? []),
  version: z.number().nullish(),
});
export type Territory = z.output<typeof territorySchema>;

export const territoriesQueryKey = ['territories'] as const;

/** GET /api/v1/territories: regions, districts and territories (a flat list with parent ids). */
export function useTerritories() {
  return useQuery({
    queryKey: territoriesQueryKey,
    queryFn: ({ signal }) => apiClient.get(TERRITORIES_PATH, { schema: z.array(territorySchema), signal }),
  });
}

export type TerritoryNode = Territory & { children: TerritoryNode[] };

/** The flat list as a forest, each level sorted by name; a node whose parent is missing is a root. */
export function buildTree(territories: readonly Territory[]): TerritoryNode[] {
  const nodes = new Map(territories.map((t) => [t.id, { ...t, children: [] as TerritoryNode[] }]));
  const roots: TerritoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TerritoryNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name));
    list.forEach((node) => sort(node.children));
    return list;
  };
  return sort(roots);
}

const mapPointSchema = z.looseObject({
  zip5: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  territoryId: optionalString,
  territoryName: optionalString,
  /** The ZIP's home county (GEOID), whose outline the map colours. */
  county: optionalString,
  /** How the ZIP got its territory: ZIP (itself) or COUNTY. */
  via: optionalString,
});
export type MapPoint = z.output<typeof mapPointSchema>;

/** GET /api/v1/territories/map: the centroid of every aligned ZIP and its territory. */
export function useTerritoryMap() {
  return useQuery({
    queryKey: [...territoriesQueryKey, 'map'],
    queryFn: ({ signal }) => apiClient.get(`${TERRITORIES_PATH}/map`, { schema: z.array(mapPointSchema), signal }),
  });
}

export function useCreateTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (territory: { name: string; level: string; parentId?: string; code?: string }) =>
      apiClient.post(TERRITORIES_PATH, territory, { schema: territorySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoriesQueryKey }),
  });
}

export const alignmentPreviewSchema = z.looseObject({
  rowsRead: count,
  rejects: z
    .array(z.looseObject({ line: z.number().nullish(), reason: z.string().nullish() }))
    .nullish()
    .transform((rejects) => rejects ?? []),
  warnings: z
    .array(z.looseObject({ line: z.number().nullish(), reason: z.string().nullish() }))
    .nullish()
    .transform((warnings) => warnings ?? []),
  territoriesCreated: z
    .array(z.string())
    .nullish()
    .transform((created) => created ?? []),
  zipsUnassigned: z
    .array(z.string())
    .nullish()
    .transform((zips) => zips ?? []),
  zipsAdded: count,
  zipsMoved: z
    .array(z.looseObject({ zip5: z.string(), from: optionalString, to: optionalString }))
    .nullish()
    .transform((moved) => moved ?? []),
  countiesAdded: count,
  countiesMoved: z
    .array(z.looseObject({ geoid: z.string(), county: z.string(), state: z.string(), from: optionalString, to: optionalString }))
    .nullish()
    .transform((moved) => moved ?? []),
  countiesUnassigned: z
    .array(z.looseObject({ geoid: z.string(), name: z.string(), state: z.string() }))
    .nullish()
    .transform((counties) => counties ?? []),
  perTerritory: z
    .array(
      z.looseObject({
        territory: z.string(),
        zipsBefore: count,
        zipsAfter: count,
        providersGained: count,
        providersLost: count,
        countiesBefore: count,
        countiesAfter: count,
        countyZipsBefore: count,
        countyZipsAfter: count,
      }),
    )
    .nullish()
    .transform((rows) => rows ?? []),
  checksum: optionalString,
});
export type AlignmentPreview = z.output<typeof alignmentPreviewSchema>;

export type AlignmentMode = 'replace' | 'merge';

/** POST /api/v1/territories/alignment/preview: what the ZIP-to-territory file would change. */
export function usePreviewAlignment() {
  return useMutation({
    mutationFn: ({ csv, mode }: { csv: string; mode: AlignmentMode }) =>
      apiClient.post(`${TERRITORIES_PATH}/alignment/preview`, csv, {
        headers: { 'Content-Type': 'text/csv' },
        params: { mode },
        schema: alignmentPreviewSchema,
      }),
  });
}

/** POST /api/v1/territories/alignment/apply: applies the file in one transaction (replace: the file is the whole alignment). */
export function useApplyAlignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, mode }: { csv: string; mode: AlignmentMode }) =>
      apiClient.post(`${TERRITORIES_PATH}/alignment/apply`, csv, {
        headers: { 'Content-Type': 'text/csv' },
        params: { mode },
        schema: alignmentPreviewSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoriesQueryKey }),
  });
}

export const ASSIGNMENT_KINDS = ['PRIMARY', 'SECONDARY'] as const;
export type AssignmentRequest = { userId: string; kind: (typeof ASSIGNMENT_KINDS)[number] };

/** PUT /api/v1/territories/{id}/assignments: replaces the reps of a territory (at most one primary). */
export function useAssignTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, assignments }: { id: string; assignments: AssignmentRequest[] }) =>
      apiClient.put(`${TERRITORIES_PATH}/${encodeURIComponent(id)}/assignments`, { assignments }, { schema: territorySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoriesQueryKey }),
  });
}

function territoryPath(id: string): string {
  return `${TERRITORIES_PATH}/${encodeURIComponent(id)}`;
}

/** PATCH /api/v1/territories/{id}: renames a territory; 409 if someone changed it since `version`. */
export function useRenameTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name, version }: { id: string; name: string; version: number }) =>
      apiClient.patch(territoryPath(id), { name, version }, { schema: territorySchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: territoriesQueryKey }),
  });
}

/** DELETE /api/v1/territories/{id}: deletes a territory with its alignment (409 while territories sit under it). */
export function useDeleteTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete(territoryPath(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoriesQueryKey }),
  });
}

const zipAlignmentSchema = z.looseObject({
  zip5: z.string(),
  territoryId: z.string(),
  previousTerritoryId: optionalString,
  knownZip: z.boolean().nullish(),
});
export type ZipAlignment = z.output<typeof zipAlignmentSchema>;

/**
 * POST /api/v1/territories/{id}/zips/{zip} (add: moves the ZIP from whichever territory held it) or
 * DELETE (remove: the ZIP is then aligned to none); the removal answers nothing.
 */
export function useEditZip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, zip, add }: { id: string; zip: string; add: boolean }): Promise<ZipAlignment | null> => {
      const path = `${territoryPath(id)}/zips/${encodeURIComponent(zip)}`;
      if (add) return apiClient.post(path, undefined, { schema: zipAlignmentSchema });
      await apiClient.delete(path);
      return null;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoriesQueryKey }),
  });
}
