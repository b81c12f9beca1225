import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';
import { TENANT_ROLES } from '@/lib/authorization';

export const USERS_PATH = '/api/v1/admin/users';

export const userSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullish(),
  roles: z.array(z.string()),
  enabled: z.boolean(),
  teams: z.array(z.string()).nullish().transform((teams) => teams ?? []),
  createdAt: z.string().nullish(),
  version: z.number().nullish(),
});

export type TenantUser = z.output<typeof userSchema>;

/** Every tenant-administration query starts with this key: a change refreshes users, teams and invitations. */
export const adminQueryKey = ['admin'] as const;
export const usersQueryKey = [...adminQueryKey, 'users'] as const;

function userPath(id: string): string {
  return `${USERS_PATH}/${encodeURIComponent(id)}`;
}

/** GET /api/v1/admin/users: the users of my tenant, by display name. */
export function getUsers({ signal }: { signal?: AbortSignal } = {}): Promise<TenantUser[]> {
  return apiClient.get(USERS_PATH, { schema: z.array(userSchema), signal });
}

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: ({ signal }) => getUsers({ signal }) });
}

export const rolesInputSchema = z.object({
  roles: z.array(z.enum(TENANT_ROLES)).min(1, 'Give at least one role.'),
});

export type UserChange = { roles?: string[]; enabled?: boolean; displayName?: string };

/** PATCH /api/v1/admin/users/{id}: roles, status or name; 400 with a roles error for an admin removing their own ADMIN. */
export function updateUser({ id, change }: { id: string; change: UserChange }): Promise<TenantUser> {
  return apiClient.patch(userPath(id), change, { schema: userSchema });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKey }),
  });
}

const passwordResetSchema = z.looseObject({ temporaryPassword: z.string() });

/** POST /api/v1/admin/users/{id}/password-reset: a generated password (shown once); the user's sessions end. */
export function resetPassword(id: string): Promise<{ temporaryPassword: string }> {
  return apiClient.post(`${userPath(id)}/password-reset`, undefined, { schema: passwordResetSchema });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
