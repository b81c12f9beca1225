import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { lenientArray, lenientNumber, lenientString } from '@/lib/lenient-schema';

import { targetingQueryKey } from './target-lists';

const repHomeSchema = z.looseObject({
  tasks: lenientArray(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      dueDate: lenientString,
      overdue: z.boolean(),
      priority: lenientString,
      contactId: lenientString,
    }),
  ),
  notReached: lenientArray(
    z.looseObject({
      listId: z.string(),
      listName: z.string(),
      npi: z.string(),
      name: z.string(),
      tier: lenientString,
      callGoal: lenientNumber,
      contactId: lenientString,
    }),
  ),
  notReachedCount: z.number(),
  lastVisit: lenientString,
  changes: lenientArray(
    z.looseObject({ kind: z.string(), npi: z.string(), name: z.string(), text: z.string(), at: lenientString }),
  ),
  callsThisWeek: z.looseObject({ since: z.string(), calls: z.number(), byKind: z.record(z.string(), z.number()) }),
});
export type RepHome = z.output<typeof repHomeSchema>;

const reachRowSchema = z.looseObject({
  listId: z.string(),
  listName: z.string(),
  ownerName: z.string(),
  userName: lenientString,
  targets: z.number(),
  reached: z.number(),
  reachPercent: z.number(),
  calls: z.number(),
  goal: z.number(),
  frequency: z.number(),
});
export type ReachRow = z.output<typeof reachRowSchema>;

const managerHomeSchema = z.looseObject({
  reach: lenientArray(reachRowSchema),
  tasks: lenientArray(z.looseObject({ userId: z.string(), name: z.string(), overdue: z.number(), dueToday: z.number() })),
  decileCoverage: z
    .array(z.looseObject({ basket: z.string(), topDecileProviders: z.number(), called: z.number(), percent: z.number() }))
    .nullish(),
});
export type ManagerHome = z.output<typeof managerHomeSchema>;

/** GET /api/v1/home/rep. */
export function useRepHome() {
  return useQuery({
    queryKey: [...targetingQueryKey, 'home', 'rep'],
    queryFn: ({ signal }) => apiClient.get('/api/v1/home/rep', { schema: repHomeSchema, signal }),
  });
}

/** GET /api/v1/home/manager. */
export function useManagerHome() {
  return useQuery({
    queryKey: [...targetingQueryKey, 'home', 'manager'],
    queryFn: ({ signal }) => apiClient.get('/api/v1/home/manager', { schema: managerHomeSchema, signal }),
  });
}

/** POST /api/v1/home/visit: what changed is counted from now on. */
export function useMarkVisited() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post('/api/v1/home/visit', undefined, { schema: z.looseObject({ at: z.string() }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...targetingQueryKey, 'home'] }),
  });
}
