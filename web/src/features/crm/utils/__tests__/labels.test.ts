import { describe, expect, it } from 'vitest';

import { changeValueText, enumLabel } from '../labels';

describe('enumLabel', () => {
  it('writes a code as words, keeping the IDN abbreviation in capitals', () => {
    expect(enumLabel('IN_SERVICE')).toBe('In service');
    expect(enumLabel('HOSPITAL')).toBe('Hospital');
    expect(enumLabel('IDN')).toBe('IDN');
    expect(enumLabel(null)).toBe('—');
  });
});

describe('changeValueText', () => {
  it('prefers the name an id stands for, and falls back to the value', () => {
    expect(changeValueText('8a7d2f3e-1b2c-4d5e-8f90-123456789abc', 'Dana Whitfield')).toBe('Dana Whitfield');
    expect(changeValueText(['kol', 'speaker'], null)).toBe('kol, speaker');
    expect(changeValueText(null, undefined)).toBe('—');
  });
});
