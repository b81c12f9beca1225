import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { lenientArray, lenientNumber, lenientString } from '@/lib/lenient-schema';

export const TARGET_LISTS_PATH = '/api/v1/target-lists';

/** Every targeting query key starts with this: a change anywhere refreshes lists, members, attainment and homes. */
export const targetingQueryKey = ['targeting'] as const;

export function targetListPath(id: string): string {
  return `${TARGET_LISTS_PATH}/${encodeURIComponent(id)}`;
}

export const targetListSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  ownerId: z.string(),
  ownerName: lenientString,
  rule: lenientString,
  memberCount: z.number(),
  evaluatedAt: lenientString,
  version: z.number(),
});
export type TargetList = z.output<typeof targetListSchema>;

export const memberSchema = z.looseObject({
  npi: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  primarySpecialty: lenientString,
  address: z
    .looseObject({ line1: lenientString, city: lenientString, state: lenientString, zip5: lenientString })
    .nullish(),
  tier: lenientString,
  callGoal: lenientNumber,
  calls: z.number(),
  attainment: lenientNumber,
  lastCallAt: lenientString,
  contactId: lenientString,
  manual: z.boolean().nullish(),
  byRule: z.boolean().nullish(),
});
export type Member = z.output<typeof memberSchema>;

const memberPageSchema = z.looseObject({
  items: lenientArray(memberSchema),
  nextCursor: lenientString,
  total: z.number(),
});

const totalsSchema = z.looseObject({
  tier: lenientString,
  targets: z.number(),
  reached: z.number(),
  reachPercent: z.number(),
  calls: z.number(),
  goal: z.number(),
  frequency: z.number(),
});
export type Totals = z.output<typeof totalsSchema>;

const attainmentSchema = z.looseObject({ overall: totalsSchema, byTier: lenientArray(totalsSchema) });

const changedMemberSchema = z.looseObject({ npi: z.string(), name: z.string(), reason: z.string() });
const changeSchema = z.looseObject({
  id: z.number(),
  evaluatedAt: z.string(),
  trigger: z.string(),
  joinedCount: z.number(),
  leftCount: z.number(),
  joined: lenientArray(changedMemberSchema),
  left: lenientArray(changedMemberSchema),
});
export type ListChange = z.output<typeof changeSchema>;

const addedSchema = z.looseObject({ added: z.number(), alreadyMembers: z.number(), memberCount: z.number() });
export type Added = z.output<typeof addedSchema>;

/** GET /api/v1/target-lists: mine and my team's (all for an admin). */
export function useTargetLists() {
  return useQuery({
    queryKey: [...targetingQueryKey, 'lists'],
    queryFn: ({ signal }) => apiClient.get(TARGET_LISTS_PATH, { schema: z.array(targetListSchema), signal }),
  });
}

export function useTargetList(id: string) {
  return useQuery({
    queryKey: [...targetingQueryKey, 'lists', id],
    queryFn: ({ signal }) => apiClient.get(targetListPath(id), { schema: targetListSchema, signal }),
  });
}

export type NewTargetList = { name: string; periodStart: string; periodEnd: string; rule?: string };

/** POST /api/v1/target-lists. */
export function useCreateTargetList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (list: NewTargetList) => apiClient.post(TARGET_LISTS_PATH, list, { schema: targetListSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetingQueryKey }),
  });
}

/** POST /api/v1/target-lists/{id}/members: NPIs, or every match of a search's query string. */
export function useAddMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ listId, ...body }: { listId: string; npis?: string[]; search?: string }) =>
      apiClient.post(`${targetListPath(listId)}/members`, body, { schema: addedSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetingQueryKey }),
  });
}

export type MemberSort = 'tier' | 'name' | 'calls' | 'attainment' | 'lastCallAt';

/** GET /api/v1/target-lists/{id}/members, page after page. */
export function useMembers(listId: string, sort: MemberSort) {
  return useInfiniteQuery({
    queryKey: [...targetingQueryKey, 'lists', listId, 'members', sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiClient.get(`${targetListPath(listId)}/members`, {
        schema: memberPageSchema,
        params: { sort, size: 100, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** PATCH /api/v1/target-lists/{id}/members/{npi}: tier and/or call goal. */
export function useUpdateMember(listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ npi, ...change }: { npi: string; tier?: string | null; callGoal?: number | null }) =>
      apiClient.patch(`${targetListPath(listId)}/members/${encodeURIComponent(npi)}`, change, { schema: memberSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetingQueryKey }),
  });
}

/** POST /api/v1/target-lists/{id}/members/bulk: one tier or goal for many members. */
export function useBulkUpdateMembers(listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { npis: string[]; tier?: string; clearTier?: boolean; callGoal?: number }) =>
      apiClient.post(`${targetListPath(listId)}/members/bulk`, change, { schema: z.looseObject({ changed: z.number() }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetingQueryKey }),
  });
}

/** DELETE /api/v1/target-lists/{id}/members/{npi}. */
export function useRemoveMember(listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (npi: string) => apiClient.delete(`${targetListPath(listId)}/members/${encodeURIComponent(npi)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetingQueryKey }),
  });
}

/**
 * POST /api/v1/contacts {npi} for each member that is not a contact yet, one after another (a contact
 * keeps no copy of the registry's facts, so this is all it takes). Returns how many were created.
 */
export function useCreateContactsFor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (npis: string[]) => {
      let created = 0;
      for (const npi of npis) {
        await apiClient.post('/api/v1/contacts', { npi });
        created += 1;
      }
      return created;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetingQueryKey }),
  });
}

export function useAttainment(listId: string) {
  return useQuery({
    queryKey: [...targetingQueryKey, 'lists', listId, 'attainment'],
    queryFn: ({ signal }) => apiClient.get(`${targetListPath(listId)}/attainment`, { schema: attainmentSchema, signal }),
  });
}

export function useListChanges(listId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...targetingQueryKey, 'lists', listId, 'changes'],
    queryFn: ({ signal }) =>
      apiClient.get(`${targetListPath(listId)}/changes`, { schema: z.array(changeSchema), signal }),
    enabled,
  });
}
