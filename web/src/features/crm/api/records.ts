import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { changeSchema, timelineEventSchema } from './schema';

/** Every CRM query key starts with this: a change anywhere refreshes lists, records, timelines and the board. */
export const crmQueryKey = ['crm'] as const;

/** The kinds of record with a change history, a timeline, soft delete and restore. */
export type RecordKind = 'contacts' | 'accounts' | 'activities' | 'tasks' | 'opportunities';

export function recordPath(kind: RecordKind, id: string): string {
  return `/api/v1/${kind}/${encodeURIComponent(id)}`;
}

/** GET /api/v1/{kind}/{id}/history: who changed which field, from what, to what. */
export function useHistory(kind: 'contacts' | 'accounts', id: string) {
  return useQuery({
    queryKey: [...crmQueryKey, kind, id, 'history'],
    queryFn: ({ signal }) => apiClient.get(`${recordPath(kind, id)}/history`, { schema: z.array(changeSchema), signal }),
  });
}

/** The timeline of a contact, an account or a provider: CRM activity and public-data events, newest first. */
export function useTimeline(source: { kind: 'contacts' | 'accounts'; id: string } | { kind: 'providers'; npi: string }) {
  const path =
    source.kind === 'providers'
      ? `/api/v1/providers/${encodeURIComponent(source.npi)}/timeline`
      : `${recordPath(source.kind, source.id)}/timeline`;
  return useQuery({
    queryKey: [...crmQueryKey, 'timeline', path],
    queryFn: ({ signal }) => apiClient.get(path, { schema: z.array(timelineEventSchema), signal }),
  });
}

/** DELETE /api/v1/{kind}/{id}: soft delete, restorable for 30 days. */
export function useDeleteRecord(kind: RecordKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete(recordPath(kind, id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

/** POST /api/v1/{kind}/{id}/restore: brings back a record deleted in the last 30 days. */
export function useRestoreRecord(kind: RecordKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post(`${recordPath(kind, id)}/restore`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}
