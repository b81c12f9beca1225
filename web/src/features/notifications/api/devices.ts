import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { notificationsQueryKey } from './notifications';

export const DEVICES_PATH = '/api/v1/me/devices';

export const deviceSchema = z.looseObject({ id: z.string(), platform: z.string(), createdAt: z.string() });

/** GET /api/v1/me/devices. */
export function useDevices() {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'devices'],
    queryFn: ({ signal }) => apiClient.get(DEVICES_PATH, { schema: z.array(deviceSchema), signal }),
  });
}

/** POST /api/v1/me/devices {token, platform: WEB}: this browser's FCM registration token. */
export function useRegisterDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiClient.post(DEVICES_PATH, { token, platform: 'WEB' }, { schema: deviceSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...notificationsQueryKey, 'devices'] }),
  });
}

/** DELETE /api/v1/me/devices/{id}. */
export function useRemoveDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete(`${DEVICES_PATH}/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...notificationsQueryKey, 'devices'] }),
  });
}
