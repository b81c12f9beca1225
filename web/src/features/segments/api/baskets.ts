import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { lenientArray, lenientNumber, lenientString } from '@/lib/lenient-schema';

export const BASKETS_PATH = '/api/v1/baskets';

export const SOURCES = ['PARTD', 'PARTB'] as const;
export type BasketSource = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<BasketSource, string> = { PARTD: 'Part D drugs', PARTB: 'Part B procedures' };
/** The metrics of each source, the default first (as the API has them). */
export const METRICS: Record<BasketSource, readonly string[]> = {
  PARTD: ['CLAIMS', 'FILLS', 'COST', 'BENEFICIARIES'],
  PARTB: ['SERVICES', 'BENEFICIARIES', 'ALLOWED'],
};
export const ROLES = ['OWN', 'COMPETITOR'] as const;

const amount = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? 0 : Number(value)));

export const basketSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  metric: z.string(),
  items: lenientArray(z.looseObject({ code: z.string(), role: z.string() })),
  status: z.string(),
  computedAt: lenientString,
  years: lenientArray(z.looseObject({ year: z.number(), providers: amount, totalVolume: amount })),
  version: z.number(),
});
export type Basket = z.output<typeof basketSchema>;

export const basketsQueryKey = ['baskets'] as const;

/** GET /api/v1/baskets: my tenant's baskets, each with its status (FRESH or BUILDING) and computed years. */
export function useBaskets() {
  return useQuery({
    queryKey: basketsQueryKey,
    queryFn: ({ signal }) => apiClient.get(BASKETS_PATH, { schema: z.array(basketSchema), signal }),
    // while a recomputation runs, look again every two seconds
    refetchInterval: (query) => (query.state.data?.some((basket) => basket.status === 'BUILDING') ? 2000 : false),
  });
}

export type BasketDraft = {
  name: string;
  source: string;
  metric: string;
  items: { code: string; role: string }[];
  version?: number;
};

/** POST /api/v1/baskets, or PUT /api/v1/baskets/{id} with the version read; 400 names the bad item. */
export function useSaveBasket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, draft }: { id?: string; draft: BasketDraft }) =>
      id
        ? apiClient.put(`${BASKETS_PATH}/${encodeURIComponent(id)}`, draft, { schema: basketSchema })
        : apiClient.post(BASKETS_PATH, draft, { schema: basketSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: basketsQueryKey }),
  });
}

export function useDeleteBasket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete(`${BASKETS_PATH}/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: basketsQueryKey }),
  });
}

const codeSchema = z.looseObject({ code: z.string(), label: lenientString, rows: amount });
export type BasketCode = z.output<typeof codeSchema>;

/** GET /api/v1/baskets/codes: drug names or HCPCS codes of the loaded data matching what is typed. */
export function useBasketCodes(source: string, q: string) {
  return useQuery({
    queryKey: ['baskets', 'codes', source, q] as const,
    queryFn: ({ signal }) =>
      apiClient.get(`${BASKETS_PATH}/codes`, { schema: z.array(codeSchema), params: { source, q, size: 20 }, signal }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export type Scope = { year?: string; state?: string; territoryId?: string };

const rowSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  name: lenientString,
  primarySpecialty: z.looseObject({ code: lenientString, name: lenientString }).nullish(),
  address: z.looseObject({ city: lenientString, state: lenientString, zip5: lenientString }).nullish(),
  volume: amount,
  ownVolume: amount,
  ownShare: amount,
  decile: z.number(),
  suppressedCells: amount,
});
export type DecileRow = z.output<typeof rowSchema>;

const scopeSchema = z.looseObject({ kind: z.string(), state: lenientString, territory: lenientString });

export const decilePageSchema = z.looseObject({
  items: lenientArray(rowSchema),
  nextCursor: lenientString,
  total: amount,
  year: lenientNumber,
  scope: scopeSchema,
  status: z.string(),
});

/**
 * GET /api/v1/baskets/{id}/deciles: a scope's providers by volume (200 of them), with their deciles. `computedAt`
 * (the basket's last computation) keys the answer, so that a recomputation is read again.
 */
export function useBasketDeciles(id: string, scope: Scope, minDecile: number, computedAt: string | null) {
  return useQuery({
    queryKey: ['baskets', id, 'deciles', scope, minDecile, computedAt] as const,
    queryFn: ({ signal }) =>
      apiClient.get(`${BASKETS_PATH}/${encodeURIComponent(id)}/deciles`, {
        schema: decilePageSchema,
        params: { ...scope, minDecile, size: 200 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

const moverSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  name: lenientString,
  previousDecile: z.number(),
  decile: z.number(),
  volume: amount,
});
export type Mover = z.output<typeof moverSchema>;

export const summarySchema = z.looseObject({
  year: lenientNumber,
  status: z.string(),
  computedAt: lenientString,
  providers: amount,
  volume: amount,
  deciles: lenientArray(z.looseObject({ decile: z.number(), providers: amount, volume: amount })),
  comparedWithYear: lenientNumber,
  enteredCount: amount,
  leftCount: amount,
  entered: lenientArray(moverSchema),
  left: lenientArray(moverSchema),
});
export type Summary = z.output<typeof summarySchema>;

/** GET /api/v1/baskets/{id}/summary: providers and volume per decile, and who moved in or out of deciles 8-10. */
export function useBasketSummary(id: string, scope: Scope, computedAt: string | null) {
  return useQuery({
    queryKey: ['baskets', id, 'summary', scope, computedAt] as const,
    queryFn: ({ signal }) =>
      apiClient.get(`${BASKETS_PATH}/${encodeURIComponent(id)}/summary`, { schema: summarySchema, params: scope, signal }),
    placeholderData: keepPreviousData,
  });
}

const territorySchema = z.looseObject({ id: z.string(), name: z.string(), level: z.string() });

/** GET /api/v1/territories: the territories a scope may be (their names only). */
export function useScopeTerritories() {
  return useQuery({
    queryKey: ['segments', 'territories'] as const,
    queryFn: ({ signal }) => apiClient.get('/api/v1/territories', { schema: z.array(territorySchema), signal }),
  });
}
