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

const shortDateTimeFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** Compact, for tables: "Feb 15, 2:00 AM" this year, the full `formatDateTime` otherwise. */
export function formatShortDateTime(date: Date, now: Date = new Date()): string {
  return date.getFullYear() === now.getFullYear() ? shortDateTimeFormat.format(date) : formatDateTime(date);
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

/** Elapsed time, coarse and compact: "45 s", "3 min 12 s", "2 h 05 min", "3 d 4 h". */
export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return '—';
  const totalSeconds = Math.floor(milliseconds / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min ${totalSeconds % 60} s`;
  const totalHours = Math.floor(totalMinutes / 60);
  if (totalHours < 24) return `${totalHours} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(totalHours / 24)} d ${totalHours % 24} h`;
}

/** A percentage with at most one decimal, e.g. 42.5 → "42.5%", 100 → "100%". */
export function formatPercent(value: number): string {
  const clamped = Math.min(100, Math.max(0, value));
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(clamped)}%`;
}

/** A wait the user is told about, rounded up: "45 seconds", "1 minute", "15 minutes". */
export function formatWait(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'a moment';
  if (seconds < 60) {
    const whole = Math.ceil(seconds);
    return `${whole} ${whole === 1 ? 'second' : 'seconds'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** A US ZIP as people write it: nine digits as ZIP+4 ("75751-3446"); anything else as given. */
export function formatPostalCode(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  return /^\d{9}$/.test(trimmed) ? `${trimmed.slice(0, 5)}-${trimmed.slice(5)}` : trimmed;
}

/** A North American number as "(555) 123-4567" (ten digits, or eleven starting with 1); anything else as given. */
export function formatPhone(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!/^[\d\s().+-]+$/.test(trimmed)) return trimmed;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return trimmed;
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}
