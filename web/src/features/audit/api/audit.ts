import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

export const AUDIT_PATH = '/api/v1/admin/audit';
export const AUDIT_OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export const AUDIT_PAGE_SIZE = 50;

export const auditEventSchema = z.looseObject({
  id: z.number(),
  tenantId: z.string().nullish(),
  occurredAt: z.string(),
  actorId: z.string().nullish(),
  actor: z.string().nullish(),
  clientIp: z.string().nullish(),
  action: z.string(),
  target: z.string().nullish(),
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()).nullish(),
  hash: z.string().nullish(),
});

export type AuditEvent = z.output<typeof auditEventSchema>;

export const auditPageSchema = z.looseObject({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullish(),
});

export type AuditPage = z.output<typeof auditPageSchema>;

/** What the trail is searched by; `from` and `to` are ISO instants. */
export type AuditFilters = {
  action?: string;
  actor?: string;
  outcome?: string;
  from?: string;
  to?: string;
};

export const auditQueryKey = ['audit'] as const;

/** GET /api/v1/admin/audit: one page of events, newest first; `nextCursor` asks for the page after. */
export function searchAudit(
  filters: AuditFilters,
  cursor: string | undefined,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AuditPage> {
  return apiClient.get(AUDIT_PATH, {
    schema: auditPageSchema,
    params: { ...filters, cursor, size: AUDIT_PAGE_SIZE },
    signal,
  });
}

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...auditQueryKey, 'events', filters],
    queryFn: ({ pageParam, signal }) => searchAudit(filters, pageParam, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export const verificationSchema = z.looseObject({
  eventsChecked: z.number(),
  intact: z.boolean(),
  firstBrokenEventId: z.number().nullish(),
  reason: z.string().nullish(),
});

export type Verification = z.output<typeof verificationSchema>;

/** GET /api/v1/admin/audit/verify: recomputes the hash chain, names the first broken link. */
export function verifyAudit({ signal }: { signal?: AbortSignal } = {}): Promise<Verification> {
  return apiClient.get(`${AUDIT_PATH}/verify`, { schema: verificationSchema, signal });
}

/** Runs only when asked (refetch): the check reads the whole chain. */
export function useAuditVerification() {
  return useQuery({
    queryKey: [...auditQueryKey, 'verify'],
    queryFn: ({ signal }) => verifyAudit({ signal }),
    enabled: false,
    staleTime: 0,
  });
}
