import { describe, expect, it } from 'vitest';

import { formatTick, niceTicks } from '@/lib/chart-scale';

describe('niceTicks', () => {
  it('runs from zero to a round top at or above the largest value', () => {
    expect(niceTicks(1520)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.9)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('still draws an axis when there is nothing to show', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('formatTick', () => {
  it('writes ticks compactly, with a dollar sign for money', () => {
    expect(formatTick(0)).toBe('0');
    expect(formatTick(2500)).toBe('2.5K');
    expect(formatTick(1_200_000, true)).toBe('$1.2M');
  });
});
