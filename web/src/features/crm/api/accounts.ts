import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { crmQueryKey, recordPath } from './records';
import { list, optionalNumber, optionalString } from './schema';

export const ACCOUNTS_PATH = '/api/v1/accounts';

export const ACCOUNT_KINDS = ['HOSPITAL', 'PRACTICE', 'GROUP', 'IDN', 'OTHER'] as const;

export const accountSchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  kind: z.string(),
  npi: optionalString,
  city: optionalString,
  state: optionalString,
  zip5: optionalString,
  phone: optionalString,
  website: optionalString,
  ownerId: optionalString,
  ownerName: optionalString,
  tags: list(z.string()),
  notes: optionalString,
  contactCount: optionalNumber,
  createdAt: optionalString,
  updatedAt: optionalString,
});
export type Account = z.output<typeof accountSchema>;

export type AccountFilters = { q?: string; tag?: string; ownerId?: string; deleted?: boolean };

/** GET /api/v1/accounts: the accounts I may see. */
export function useAccounts(filters: AccountFilters = {}) {
  return useQuery({
    queryKey: [...crmQueryKey, 'accounts', 'list', filters],
    queryFn: ({ signal }) =>
      apiClient.get(ACCOUNTS_PATH, {
        schema: z.array(accountSchema),
        params: { ...filters, deleted: filters.deleted ? true : undefined, size: 200 },
        signal,
      }),
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: [...crmQueryKey, 'accounts', id],
    queryFn: ({ signal }) => apiClient.get(recordPath('accounts', id), { schema: accountSchema, signal }),
  });
}

export type NewAccount = {
  name: string;
  kind: string;
  npi?: string;
  phone?: string;
  website?: string;
  zip5?: string;
  tags?: string[];
  notes?: string;
};

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: NewAccount) => apiClient.post(ACCOUNTS_PATH, account, { schema: accountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

export const ACCOUNT_FIELDS = ['name', 'kind', 'phone', 'website', 'zip5', 'notes'] as const;
export type AccountChange = Partial<Record<(typeof ACCOUNT_FIELDS)[number], string | null>> & { tags?: string[] };

/** PATCH /api/v1/accounts/{id} with the version read: 409 with `current` when someone changed it since. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, change }: { id: string; version: number; change: AccountChange }) =>
      apiClient.patch(recordPath('accounts', id), { version, ...change }, { schema: accountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}
