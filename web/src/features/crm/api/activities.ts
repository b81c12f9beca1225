import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { crmQueryKey } from './records';
import { list, optionalString } from './schema';

export const ACTIVITIES_PATH = '/api/v1/activities';

export const ACTIVITY_KINDS = ['CALL', 'VISIT', 'EMAIL', 'LUNCH', 'IN_SERVICE', 'NOTE'] as const;
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH'] as const;

export const activitySchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  kind: z.string(),
  occurredAt: optionalString,
  subject: optionalString,
  notes: optionalString,
  outcome: optionalString,
  nextStep: optionalString,
  products: list(z.string()),
  accountId: optionalString,
  accountName: optionalString,
  attendees: list(z.looseObject({ contactId: z.string(), name: optionalString })),
  ownerId: optionalString,
  ownerName: optionalString,
  followUpTaskId: optionalString,
});
export type Activity = z.output<typeof activitySchema>;

export type NewActivity = {
  kind: (typeof ACTIVITY_KINDS)[number];
  subject: string;
  notes?: string;
  outcome?: string;
  nextStep?: string;
  products?: string[];
  accountId?: string;
  attendeeIds: string[];
  followUp?: { title: string; dueDate?: string; priority: (typeof PRIORITIES)[number] };
};

/** POST /api/v1/activities: a call (or visit...) with its attendees and an optional follow-up task. */
export function useLogActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activity: NewActivity) => apiClient.post(ACTIVITIES_PATH, activity, { schema: activitySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

export function useActivities(params: { contactId?: string; accountId?: string }) {
  return useQuery({
    queryKey: [...crmQueryKey, 'activities', params],
    queryFn: ({ signal }) =>
      apiClient.get(ACTIVITIES_PATH, { schema: z.array(activitySchema), params: { ...params, size: 50 }, signal }),
  });
}
