const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Binary (1024-based) sizes with one decimal, e.g. 85899345920 → "80.0 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'Unknown';
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat('en-US').format(value);
}

export function parseDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** e.g. "Feb 15, 2026, 2:00 AM" in the viewer's time zone. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' });

export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** e.g. "3 weeks ago", "yesterday", "in 2 hours". */
export function formatRelative(date: Date, now: Date = new Date()): string {
  let value = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) {
      if (unit === 'second' && Math.abs(value) < 45) return 'just now';
      return relativeFormat.format(Math.round(value), unit);
    }
    value /= size;
  }
  return relativeFormat.format(Math.round(value), 'year');
}
