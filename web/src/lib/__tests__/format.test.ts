import { describe, expect, it } from 'vitest';

import {
  formatPhone,
  formatPostalCode,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatPercent,
  formatRelative,
  formatShortDateTime,
  formatWait,
} from '@/lib/format';

describe('format', () => {
  it('formats byte sizes in binary units', () => {
    expect(formatBytes(85899345920)).toBe('80.0 GB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(-1)).toBe('Unknown');
  });

  it('formats counts with separators', () => {
    expect(formatCount(5234567)).toBe('5,234,567');
  });

  it('formats relative ages', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(formatRelative(new Date('2026-02-28T23:59:50Z'), now)).toBe('just now');
    expect(formatRelative(new Date('2026-02-28T21:00:00Z'), now)).toBe('3 hours ago');
    expect(formatRelative(new Date('2026-02-15T02:00:00Z'), now)).toBe('2 weeks ago');
    expect(formatRelative(new Date('2025-12-20T02:00:00Z'), now)).toBe('2 months ago');
  });

  it('formats durations compactly', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(192_000)).toBe('3 min 12 s');
    expect(formatDuration((2 * 60 + 5) * 60_000)).toBe('2 h 05 min');
    expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 h');
    expect(formatDuration(-1)).toBe('—');
  });

  it('formats percentages with at most one decimal, clamped to 0-100', () => {
    expect(formatPercent(42.5)).toBe('42.5%');
    expect(formatPercent(42.567)).toBe('42.6%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(120)).toBe('100%');
  });

  it('leaves the year out of short date-times of the current year', () => {
    const date = new Date(2026, 1, 15, 14, 5);
    expect(formatShortDateTime(date, new Date(2026, 5, 1))).toBe('Feb 15, 2:05 PM');
    expect(formatShortDateTime(date, new Date(2027, 0, 2))).toBe(formatDateTime(date));
    expect(formatDateTime(date)).toMatch(/2026/);
  });

  it('rounds waits up to whole seconds or minutes', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(44.2)).toBe('45 seconds');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(900)).toBe('15 minutes');
    expect(formatWait(0)).toBe('a moment');
  });
});

describe('formatPostalCode', () => {
  it('writes nine digits as ZIP+4 and leaves other values as given', () => {
    expect(formatPostalCode('757513446')).toBe('75751-3446');
    expect(formatPostalCode('75751')).toBe('75751');
    expect(formatPostalCode('K1A 0B1')).toBe('K1A 0B1');
    expect(formatPostalCode(null)).toBeUndefined();
  });
});

describe('formatPhone', () => {
  it('writes ten digits, with or without a leading 1 or punctuation, as (555) 123-4567', () => {
    expect(formatPhone('5551234567')).toBe('(555) 123-4567');
    expect(formatPhone('1-555-123-4567')).toBe('(555) 123-4567');
    expect(formatPhone('555.123.4567')).toBe('(555) 123-4567');
  });

  it('leaves numbers it cannot read as given', () => {
    expect(formatPhone('555-1234')).toBe('555-1234');
    expect(formatPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(formatPhone('5551234567 ext 12')).toBe('5551234567 ext 12');
    expect(formatPhone(undefined)).toBeUndefined();
  });
});
