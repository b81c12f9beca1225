import { formatDateTime, parseDate } from '@/lib/format';

/** An ISO instant from the API as a <time> in the viewer's time zone; `fallback` when there is none. */
export function DateTime({ value, fallback = '—' }: { value: string | null | undefined; fallback?: string }) {
  const date = parseDate(value);
  return date ? <time dateTime={date.toISOString()}>{formatDateTime(date)}</time> : <>{value || fallback}</>;
}
