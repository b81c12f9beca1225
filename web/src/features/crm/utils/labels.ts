/** Values that are abbreviations, kept in capitals. */
const ENUM_ACRONYMS: Record<string, string> = {
  IDN: 'IDN',
};

/** "IN_SERVICE" → "In service"; an abbreviation ("IDN", an integrated delivery network) stays as it is. */
export function enumLabel(value: string | null | undefined): string {
  if (!value) return '—';
  const acronym = ENUM_ACRONYMS[value.toUpperCase()];
  if (acronym) return acronym;
  const text = value.replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function formatAmount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : money.format(value);
}

/** A history value as the user reads it: the name an id stands for when the server gave one, else the value. */
export function changeValueText(value: unknown, name: string | null | undefined): string {
  return name ? name : valueText(value);
}

/** A history value as text: lists joined, nothing as a dash. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const TIMELINE_SOURCES: Record<string, string> = {
  CRM: 'CRM',
  NPPES: 'NPI registry',
  OPEN_PAYMENTS: 'Open Payments',
};

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar day "YYYY-MM-DD" as "Nov 26, 2026" (no time zone shift). */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : day.format(date);
}

/** Today, or `days` from today, as "YYYY-MM-DD" in the viewer's calendar. */
export function isoDay(days = 0, now: Date = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A history row that is not a field's edit, in words: creation ("*"), delete and restore; undefined for an edit. */
export function changeSummary(change: { field: string; newValue?: unknown }): string | undefined {
  if (change.field === '*') return 'Created the record';
  if (change.field === 'deleted_at') return change.newValue == null ? 'Restored' : 'Deleted';
  return undefined;
}
