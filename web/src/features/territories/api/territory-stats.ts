import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { TERRITORIES_PATH } from './territories';

const amount = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? 0 : Number(value)));
const year = z
  .number()
  .nullish()
  .transform((value) => value ?? null);

export const territoryStatsSchema = z.looseObject({
  territoryId: z.string(),
  parentId: z.string().nullish(),
  level: z.string(),
  name: z.string(),
  providers: amount,
  providersBySpecialty: z
    .array(z.looseObject({ code: z.string().nullish(), specialty: z.string(), count: amount }))
    .nullish()
    .transform((rows) => rows ?? []),
  partB: z.looseObject({ year, providers: amount, services: amount, paymentAmount: amount }),
  partD: z.looseObject({ year, providers: amount, claims: amount, drugCost: amount }),
  openPayments: z.looseObject({ year, providers: amount, count: amount, total: amount }),
});
export type TerritoryStats = z.output<typeof territoryStatsSchema>;

/** GET /api/v1/territories/stats: providers, Part B, Part D and Open Payments of every territory, side by side. */
export function useTerritoryStats() {
  return useQuery({
    queryKey: ['territories', 'stats'],
    queryFn: ({ signal }) =>
      apiClient.get(`${TERRITORIES_PATH}/stats`, { schema: z.array(territoryStatsSchema), signal }),
  });
}
