import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { SESSION_PATH, sessionQueryKey, sessionUserSchema, type SessionUser } from './session';

export const signInInputSchema = z.object({
  username: z.string().trim().min(1, 'Enter your user name.'),
  password: z.string().min(1, 'Enter your password.'),
});

export type SignInInput = z.input<typeof signInInputSchema>;

/**
 * POST /api/v1/auth/session: starts a session (cookie) and answers the user. 401 for a wrong
 * user name or password, 429 with Retry-After while sign-in is paused after repeated failures.
 */
export function signIn(input: SignInInput): Promise<SessionUser> {
  return apiClient.post(SESSION_PATH, input, { schema: sessionUserSchema, ignoreUnauthorized: true });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (user) => {
      // Nothing fetched for someone else may show to this user.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}
