import { describe, expect, it } from 'vitest';

import { formatBytes, formatCount, formatRelative } from '@/lib/format';

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
});
