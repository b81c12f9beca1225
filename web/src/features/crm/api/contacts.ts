import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { crmQueryKey, recordPath } from './records';
import { list, optionalNumber, optionalString } from './schema';

export const CONTACTS_PATH = '/api/v1/contacts';

export const contactSchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  npi: optionalString,
  displayName: z.string(),
  firstName: optionalString,
  lastName: optionalString,
  credential: optionalString,
  title: optionalString,
  specialty: optionalString,
  email: optionalString,
  phone: optionalString,
  city: optionalString,
  state: optionalString,
  zip5: optionalString,
  providerStatus: optionalString,
  accountId: optionalString,
  accountName: optionalString,
  ownerId: optionalString,
  ownerName: optionalString,
  tags: list(z.string()),
  notes: optionalString,
  source: optionalString,
  createdAt: optionalString,
  updatedAt: optionalString,
});
export type Contact = z.output<typeof contactSchema>;

const contactPageSchema = z.looseObject({ items: z.array(contactSchema), nextCursor: optionalString });

/** The filters of the contact list, as they stand in the URL. */
export type ContactFilters = {
  q?: string;
  tag?: string;
  ownerId?: string;
  accountId?: string;
  territoryId?: string;
  deleted?: boolean;
};

/** GET /api/v1/contacts: one keyset page of the contacts I may see. */
export function useContacts(filters: ContactFilters, cursor?: string) {
  return useQuery({
    queryKey: [...crmQueryKey, 'contacts', 'list', filters, cursor ?? null],
    queryFn: ({ signal }) =>
      apiClient.get(CONTACTS_PATH, {
        schema: contactPageSchema,
        params: { ...filters, deleted: filters.deleted ? true : undefined, cursor, size: 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The contact of a provider, if this tenant has one: GET /api/v1/contacts?npi=. */
export function useContactOfProvider(npi: string) {
  return useQuery({
    queryKey: [...crmQueryKey, 'contacts', 'by-npi', npi],
    queryFn: async ({ signal }) => {
      const page = await apiClient.get(CONTACTS_PATH, { schema: contactPageSchema, params: { npi, size: 1 }, signal });
      return page.items[0] ?? null;
    },
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: [...crmQueryKey, 'contacts', id],
    queryFn: ({ signal }) => apiClient.get(recordPath('contacts', id), { schema: contactSchema, signal }),
    // no id (a deal without a contact): nothing to read
    enabled: id !== '',
  });
}

export type NewContact = {
  npi?: string;
  firstName?: string;
  lastName?: string;
  title?: string;
  specialty?: string;
  email?: string;
  phone?: string;
  zip5?: string;
  accountId?: string;
  ownerId?: string;
  tags?: string[];
  notes?: string;
};

/** POST /api/v1/contacts: {npi} links a provider (409 if it already is a contact), otherwise a name. */
export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: NewContact) => apiClient.post(CONTACTS_PATH, contact, { schema: contactSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

/** The fields of a contact a user edits. */
export const CONTACT_FIELDS = ['firstName', 'lastName', 'title', 'specialty', 'email', 'phone', 'zip5', 'notes'] as const;
export type ContactChange = Partial<Record<(typeof CONTACT_FIELDS)[number], string | null>> & {
  tags?: string[];
  ownerId?: string;
  accountId?: string | null;
};

/** PATCH /api/v1/contacts/{id} with the version read: 409 with `current` when someone changed it since. */
export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, change }: { id: string; version: number; change: ContactChange }) =>
      apiClient.patch(recordPath('contacts', id), { version, ...change }, { schema: contactSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

export type BulkChange = { ids: string[]; ownerId?: string; addTags?: string[]; removeTags?: string[] };

/** POST /api/v1/contacts/bulk: an owner and tags for many contacts at once. */
export function useBulkUpdateContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: BulkChange) =>
      apiClient.post(`${CONTACTS_PATH}/bulk`, change, { schema: z.looseObject({ updated: z.number() }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

const candidateSchema = z.looseObject({
  npi: z.string(),
  name: optionalString,
  specialty: optionalString,
  zip5: optionalString,
  confidence: optionalNumber,
});
export type ImportCandidate = z.output<typeof candidateSchema>;

const importRowSchema = z.looseObject({
  line: z.number(),
  input: z.record(z.string(), z.string().nullish()).nullish(),
  status: z.string(),
  confidence: optionalNumber,
  match: candidateSchema.nullish(),
  candidates: list(candidateSchema),
  existingContactId: optionalString,
});
export type ImportRow = z.output<typeof importRowSchema>;

export const importPreviewSchema = z.looseObject({
  rowsRead: z.number(),
  rejects: list(z.looseObject({ line: z.number(), reason: z.string() })),
  rows: list(importRowSchema),
  counts: z.record(z.string(), z.number()).nullish(),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

const importResultSchema = z.looseObject({
  created: z.number(),
  linked: z.number(),
  plain: z.number(),
  mergedIntoExisting: z.number(),
  rejected: z.number(),
});
export type ImportResult = z.output<typeof importResultSchema>;

/** POST /api/v1/contacts/import/preview: each row matched to a provider, with a confidence. */
export function usePreviewContactImport() {
  return useMutation({
    mutationFn: (csv: string) => apiClient.post(`${CONTACTS_PATH}/import/preview`, { csv }, { schema: importPreviewSchema }),
  });
}

/** POST /api/v1/contacts/import: decisions settle the REVIEW rows by line (an NPI or "none"). */
export function useImportContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, decisions }: { csv: string; decisions: Record<string, string> }) =>
      apiClient.post(`${CONTACTS_PATH}/import`, { csv, decisions }, { schema: importResultSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}
