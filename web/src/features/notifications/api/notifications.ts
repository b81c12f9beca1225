import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

export const NOTIFICATIONS_PATH = '/api/v1/notifications';

export const notificationsQueryKey = ['notifications'] as const;

export const NOTIFICATION_TYPES = [
  'PROVIDER_CHANGED',
  'NEW_PAYMENTS',
  'SEGMENT_MOVED',
  'LIST_CHANGED',
  'TASK_DUE',
  'ASSIGNED',
  'EXPORT_READY',
  'IMPORT_DONE',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const notificationSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullish(),
  npi: z.union([z.number(), z.string()]).nullish(),
  createdAt: z.string(),
  readAt: z.string().nullish(),
});
export type Notification = z.output<typeof notificationSchema>;

export const inboxSchema = z.looseObject({
  items: z.array(notificationSchema),
  unreadCount: z.number(),
  nextCursor: z.string().nullish(),
});

export type InboxFilters = { unread?: boolean; type?: NotificationType };

/** GET /api/v1/notifications: newest first, a page at a time. */
export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: [...notificationsQueryKey, 'inbox', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiClient.get(NOTIFICATIONS_PATH, {
        schema: inboxSchema,
        params: { unread: filters.unread ? true : undefined, type: filters.type, cursor: pageParam, size: 20 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const unreadQueryKey = [...notificationsQueryKey, 'unread'] as const;

/** The unread count for the bell, asked again every minute (and after marking read). */
export function useUnreadCount() {
  return useQuery({
    queryKey: unreadQueryKey,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      apiClient.get(NOTIFICATIONS_PATH, { schema: inboxSchema, params: { unread: true, size: 1 }, signal }),
    select: (inbox) => inbox.unreadCount,
    refetchInterval: 60_000,
    retry: false,
  });
}

/** POST /api/v1/notifications/{id}/read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.post(`${NOTIFICATIONS_PATH}/${encodeURIComponent(id)}/read`, undefined, { schema: notificationSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

/** POST /api/v1/notifications/read-all. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post(`${NOTIFICATIONS_PATH}/read-all`, undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
