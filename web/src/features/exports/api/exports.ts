import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

export const EXPORTS_PATH = '/api/v1/exports';

export const exportsQueryKey = ['exports'] as const;

/** The lists that can be exported (POST /api/v1/exports `kind`). */
export type ExportKind =
  | 'providers'
  | 'contacts'
  | 'accounts'
  | 'activities'
  | 'tasks'
  | 'opportunities'
  | 'territory-stats'
  | 'target-list-members'
  | 'basket-deciles';

export type ExportFormat = 'CSV' | 'XLSX';

/** A list's own query parameters, as its GET endpoint takes them. */
export type ExportParams = Record<string, string | number | boolean | string[] | undefined>;

export const KIND_LABELS: Record<string, string> = {
  providers: 'Providers',
  contacts: 'Contacts',
  accounts: 'Accounts',
  activities: 'Activities',
  tasks: 'Tasks',
  opportunities: 'Pipeline',
  'territory-stats': 'Territory comparison',
  'target-list-members': 'Target list members',
  'basket-deciles': 'Basket deciles',
};

export const exportSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  format: z.string(),
  status: z.enum(['QUEUED', 'RUNNING', 'DONE', 'FAILED']),
  rows: z.number(),
  progress: z.number(),
  createdAt: z.string(),
  expiresAt: z.string(),
  error: z.string().nullish(),
  downloadUrl: z.string().nullish(),
});
export type Export = z.output<typeof exportSchema>;

const requestedSchema = z.looseObject({ id: z.string(), status: z.string() });

/** Whether an export may still change (so it is worth asking again). */
export function isPending(e: Pick<Export, 'status'>): boolean {
  return e.status === 'QUEUED' || e.status === 'RUNNING';
}

/** Drops empty values, so the export gets exactly the parameters the list was given. */
export function cleanParams(params: ExportParams): Record<string, string | number | boolean | string[]> {
  const clean: Record<string, string | number | boolean | string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    clean[key] = value;
  }
  return clean;
}

/** POST /api/v1/exports: queues an export (202). */
export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { kind: ExportKind; format: ExportFormat; params: ExportParams }) =>
      apiClient.post(
        EXPORTS_PATH,
        { kind: request.kind, format: request.format, params: cleanParams(request.params) },
        { schema: requestedSchema },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportsQueryKey }),
  });
}

/** GET /api/v1/exports/{id}, asked again every second while it runs. */
export function useExport(id: string | undefined) {
  return useQuery({
    queryKey: [...exportsQueryKey, id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => apiClient.get(`${EXPORTS_PATH}/${encodeURIComponent(id ?? '')}`, { schema: exportSchema, signal }),
    refetchInterval: (query) => (query.state.data && !isPending(query.state.data) ? false : 1000),
  });
}

/** GET /api/v1/exports: mine, newest first, asked again every two seconds while one runs. */
export function useExports() {
  return useQuery({
    queryKey: exportsQueryKey,
    queryFn: ({ signal }) => apiClient.get(EXPORTS_PATH, { schema: z.array(exportSchema), signal }),
    refetchInterval: (query) => (query.state.data?.some(isPending) ? 2000 : false),
  });
}
