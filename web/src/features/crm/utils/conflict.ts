import { isApiError } from '@/lib/api-client';

/** A record read from the server: its id and the version an edit must name. */
export type Versioned = { id: string; version: number };

/** The record as it is now, when `error` is a 409 that carries it (`current`), else undefined. */
export function conflictCurrent(error: unknown): (Versioned & Record<string, unknown>) | undefined {
  if (!isApiError(error) || error.status !== 409) return undefined;
  const current = (error.body as { current?: unknown } | undefined)?.current;
  if (!current || typeof current !== 'object') return undefined;
  // The server sends the stored row, whose columns are snake_case (first_name); the forms use the API's camelCase.
  const record = Object.fromEntries(
    Object.entries(current as Record<string, unknown>).map(([key, value]) => [
      key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
  return typeof record.id === 'string' && typeof record.version === 'number'
    ? (record as Versioned & Record<string, unknown>)
    : undefined;
}

/** Form values as the server's fields: blank text clears the field (null); numbers compare as their text. */
function normalise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return trimmed ? trimmed : null;
}

/**
 * The fields the user changed: those whose form value differs from the record they started from.
 * Tags are compared as comma-separated lists.
 */
export function changedFields(
  original: Record<string, unknown>,
  edited: Record<string, string>,
  fields: readonly string[],
): Record<string, string | null | string[]> {
  const change: Record<string, string | null | string[]> = {};
  for (const field of fields) {
    if (field === 'tags') {
      const before = ((original.tags as string[] | undefined) ?? []).join(', ');
      const after = parseTags(edited.tags ?? '');
      if (after.join(', ') !== before) change.tags = after;
      continue;
    }
    const before = normalise(original[field]);
    const after = normalise(edited[field]);
    if (before !== after) change[field] = after;
  }
  return change;
}

/** "a, b ,,c" → ["a", "b", "c"], without duplicates. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/** The form values of a record, for the given fields (tags joined with commas). */
export function formValuesOf(record: Record<string, unknown>, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = record[field];
    values[field] = Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '' : String(value);
  }
  return values;
}
