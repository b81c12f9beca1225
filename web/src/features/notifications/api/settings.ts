import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { notificationsQueryKey } from './notifications';

export const SETTINGS_PATH = '/api/v1/me/notification-settings';

const channelsSchema = z.object({ inApp: z.boolean(), email: z.boolean(), push: z.boolean() });
export type Channels = z.output<typeof channelsSchema>;

export const settingsSchema = z.looseObject({
  types: z.record(z.string(), channelsSchema),
  emailMode: z.string(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullish(),
  timeZone: z.string(),
  emailAvailable: z.boolean().nullish(),
  pushAvailable: z.boolean().nullish(),
});
export type NotificationSettings = z.output<typeof settingsSchema>;

export type SettingsChange = {
  types: Record<string, Channels>;
  emailMode: string;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
};

/** GET /api/v1/me/notification-settings. */
export function useNotificationSettings() {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'settings'],
    queryFn: ({ signal }) => apiClient.get(SETTINGS_PATH, { schema: settingsSchema, signal }),
  });
}

/** PUT /api/v1/me/notification-settings. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingsChange) => apiClient.put(SETTINGS_PATH, change, { schema: settingsSchema }),
    onSuccess: (saved) => queryClient.setQueryData([...notificationsQueryKey, 'settings'], saved),
  });
}
