import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

export const invitationOfferSchema = z.looseObject({
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  expiresAt: z.string().nullish(),
});

export type InvitationOffer = z.output<typeof invitationOfferSchema>;

function invitationPath(token: string): string {
  return `/api/v1/auth/invitations/${encodeURIComponent(token)}`;
}

/** GET /api/v1/auth/invitations/{token}: what the link offers; 404 when it is unknown, used, revoked or expired. */
export function getInvitation(token: string, { signal }: { signal?: AbortSignal } = {}): Promise<InvitationOffer> {
  return apiClient.get(invitationPath(token), { schema: invitationOfferSchema, signal, ignoreUnauthorized: true });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['auth', 'invitation', token],
    queryFn: ({ signal }) => getInvitation(token, { signal }),
    staleTime: Infinity,
  });
}

export const acceptInvitationInputSchema = z
  .object({
    username: z.string().trim().min(2, 'Choose a user name of at least 2 characters.').max(100),
    password: z.string().min(12, 'Use at least 12 characters.'),
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ.',
  });

export type AcceptInvitationInput = { username: string; password: string };

/** POST /api/v1/auth/invitations/{token}: creates the account (201); 400 with field errors for a refused name or password. */
export function acceptInvitation(token: string, input: AcceptInvitationInput): Promise<unknown> {
  return apiClient.post(invitationPath(token), input, { ignoreUnauthorized: true });
}

export function useAcceptInvitation(token: string) {
  return useMutation({ mutationFn: (input: AcceptInvitationInput) => acceptInvitation(token, input) });
}
