import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import type { CrmUser } from './schema';

const userSchema = z.looseObject({ id: z.string(), displayName: z.string() });

export type Owner = { id: string; displayName: string };

/**
 * The people a record can be given to: the tenant's active users (GET /api/v1/users, readable by every user of the
 * tenant). Until they arrive, or if they cannot be read, the signed-in user picks themselves.
 */
export function useOwners(user: CrmUser) {
  const users = useQuery({
    queryKey: ['crm', 'owners'],
    queryFn: ({ signal }) => apiClient.get('/api/v1/users', { schema: z.array(userSchema), signal }),
    staleTime: 5 * 60_000,
  });
  const self: Owner = { id: user.id, displayName: user.displayName };
  if (!users.data || users.data.length === 0) return [self];
  return users.data.map((u) => ({ id: u.id, displayName: u.displayName }));
}
