import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient, isApiError } from '@/lib/api-client';

export const SESSION_PATH = '/api/v1/auth/session';

/** The signed-in user as /api/v1/auth/session and /api/v1/me answer it. */
export const sessionUserSchema = z.looseObject({
  id: z.string(),
  tenantId: z.string().nullish(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  scope: z.string().nullish(),
  /** An administrator reset the password: the API refuses everything else (403) until it is changed. */
  mustChangePassword: z.boolean().optional(),
});

export type SessionUser = z.output<typeof sessionUserSchema>;

export const sessionQueryKey = ['auth', 'session'] as const;

/** GET /api/v1/auth/session: who is signed in, or null (401) when nobody is. */
export async function getSession({ signal }: { signal?: AbortSignal } = {}): Promise<SessionUser | null> {
  try {
    return await apiClient.get(SESSION_PATH, { schema: sessionUserSchema, ignoreUnauthorized: true, signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession({ signal }),
    // Sign-in and sign-out set it, and any 401 clears it; a recheck now and then is enough.
    staleTime: 5 * 60_000,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions());
}
