import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { TENANT_ROLES } from '@/lib/authorization';

import { adminQueryKey } from './users';

export const INVITATIONS_PATH = '/api/v1/admin/invitations';

export const invitationSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  createdAt: z.string().nullish(),
  expiresAt: z.string().nullish(),
  acceptedAt: z.string().nullish(),
  revokedAt: z.string().nullish(),
  status: z.string(),
});

export type Invitation = z.output<typeof invitationSchema>;

export const invitationsQueryKey = [...adminQueryKey, 'invitations'] as const;

export function getInvitations({ signal }: { signal?: AbortSignal } = {}): Promise<Invitation[]> {
  return apiClient.get(INVITATIONS_PATH, { schema: z.array(invitationSchema), signal });
}

export function useInvitations() {
  return useQuery({ queryKey: invitationsQueryKey, queryFn: ({ signal }) => getInvitations({ signal }) });
}

export const newInvitationInputSchema = z.object({
  email: z.string().trim().pipe(z.email('Enter an e-mail address.').max(200)),
  displayName: z.string().trim().min(1, 'Enter the name to show for them.').max(200),
  roles: z.array(z.enum(TENANT_ROLES)).min(1, 'Give at least one role.'),
});

export type NewInvitation = z.output<typeof newInvitationInputSchema>;

const issuedInvitationSchema = z.looseObject({ invitation: invitationSchema, link: z.string() });

/** POST /api/v1/admin/invitations: 201 with the link to send, which is shown only in this answer. */
export function createInvitation(input: NewInvitation): Promise<z.output<typeof issuedInvitationSchema>> {
  return apiClient.post(INVITATIONS_PATH, input, { schema: issuedInvitationSchema });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}

/** DELETE /api/v1/admin/invitations/{id}: the link stops working (204). */
export function revokeInvitation(id: string): Promise<unknown> {
  return apiClient.delete(`${INVITATIONS_PATH}/${encodeURIComponent(id)}`);
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
