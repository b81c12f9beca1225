import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import type { CrmUser } from './schema';

const userSchema = z.looseObject({ id: z.string(), displayName: z.string(), enabled: z.boolean().nullish() });

export type Owner = { id: string; displayName: string };

/**
 * The people a record can be given to. Only an administrator can list the tenant's users
 * (GET /api/v1/admin/users); there is no user directory for managers and reps, so they pick themselves.
 */
export function useOwners(user: CrmUser) {
  const admin = user.roles.includes('ADMIN');
  const users = useQuery({
    queryKey: ['crm', 'owners'],
    queryFn: ({ signal }) => apiClient.get('/api/v1/admin/users', { schema: z.array(userSchema), signal }),
    enabled: admin,
    staleTime: 5 * 60_000,
  });
  const self: Owner = { id: user.id, displayName: user.displayName };
  if (!admin || !users.data) return [self];
  return users.data.filter((u) => u.enabled !== false).map((u) => ({ id: u.id, displayName: u.displayName }));
}
