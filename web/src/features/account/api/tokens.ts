import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

export const TOKENS_PATH = '/api/v1/me/tokens';
export const TOKEN_SCOPES = ['READ', 'READ_WRITE'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const tokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullish(),
  scope: z.string(),
  createdAt: z.string().nullish(),
  expiresAt: z.string().nullish(),
  revokedAt: z.string().nullish(),
  lastUsedAt: z.string().nullish(),
});

export type ApiToken = z.output<typeof tokenSchema>;

export const tokensQueryKey = ['account', 'tokens'] as const;

/** GET /api/v1/me/tokens: my integration tokens, newest first, never their secrets. */
export function getTokens({ signal }: { signal?: AbortSignal } = {}): Promise<ApiToken[]> {
  return apiClient.get(TOKENS_PATH, { schema: z.array(tokenSchema), signal });
}

export function useTokens() {
  return useQuery(queryOptions({ queryKey: tokensQueryKey, queryFn: ({ signal }) => getTokens({ signal }) }));
}

export const newTokenInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the token after what will use it.').max(100, 'At most 100 characters.'),
  scope: z.enum(TOKEN_SCOPES),
  expiresInDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'At least 1 day.')
    .max(365, 'At most 365 days.'),
});

export type NewTokenInput = z.output<typeof newTokenInputSchema>;

export const createdTokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  scope: z.string(),
  expiresAt: z.string().nullish(),
  token: z.string(),
});

export type CreatedToken = z.output<typeof createdTokenSchema>;

/** POST /api/v1/me/tokens: 201 with the secret, which the server never shows again. */
export function createToken(input: NewTokenInput): Promise<CreatedToken> {
  return apiClient.post(TOKENS_PATH, input, { schema: createdTokenSchema });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

/** DELETE /api/v1/me/tokens/{id}: 204; the token stops working at once. */
export function revokeToken(id: string): Promise<unknown> {
  return apiClient.delete(`${TOKENS_PATH}/${encodeURIComponent(id)}`);
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

/** Revoked, expired (at `now`) or active. */
export function tokenStatus(token: ApiToken, now: Date = new Date()): 'REVOKED' | 'EXPIRED' | 'ACTIVE' {
  if (token.revokedAt) return 'REVOKED';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}
