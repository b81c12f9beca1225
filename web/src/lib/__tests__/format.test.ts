import { describe, expect, it } from 'vitest';

import {
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
