import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { SESSION_PATH, sessionQueryKey } from './session';

/** DELETE /api/v1/auth/session: ends the session (204). */
export function signOut(): Promise<unknown> {
  return apiClient.delete(SESSION_PATH, { ignoreUnauthorized: true });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Signed out either way: a failed request most likely means the session had already ended.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
