import { describe, expect, it } from 'vitest';

import { ApiError } from '@/lib/api-client';

import { changedFields, conflictCurrent, formValuesOf, parseTags } from '../conflict';

describe('changedFields', () => {
  const record = { firstName: 'Ann', email: null, tags: ['kol', 'east'] };

  it('keeps only the fields whose value changed, blank text clearing a field', () => {
    expect(changedFields(record, { firstName: 'Ann ', email: 'a@b.co', tags: 'kol, east' }, ['firstName', 'email', 'tags'])).toEqual({
      email: 'a@b.co',
    });
    expect(changedFields(record, { firstName: '', email: '', tags: 'kol, east' }, ['firstName', 'email', 'tags'])).toEqual({
      firstName: null,
    });
  });

  it('compares tags as lists', () => {
    expect(changedFields(record, { tags: 'kol,east,new' }, ['tags'])).toEqual({ tags: ['kol', 'east', 'new'] });
  });
});

describe('parseTags and formValuesOf', () => {
  it('splits on commas, trims and drops blanks and repeats', () => {
    expect(parseTags(' a, b ,,a, c ')).toEqual(['a', 'b', 'c']);
  });

  it('turns a record into form text', () => {
    expect(formValuesOf({ a: null, b: 3, tags: ['x', 'y'] }, ['a', 'b', 'tags'])).toEqual({ a: '', b: '3', tags: 'x, y' });
  });
});

describe('conflictCurrent', () => {
  const problem = (status: number, body: unknown) =>
    new ApiError({ type: 'about:blank', title: 'Conflict', status, errors: [] }, body);

  it('reads the record as it is now from a 409', () => {
    const current = { id: 'c1', version: 4, firstName: 'Anne' };
    expect(conflictCurrent(problem(409, { title: 'Conflict', current }))).toEqual(current);
  });

  it('names the stored row\'s snake_case columns as the API\'s camelCase fields', () => {
    const row = { id: 'c1', version: 4, first_name: 'Anne', owner_id: 'u1', zip5: '10013', tags: ['kol'] };
    expect(conflictCurrent(problem(409, { title: 'Conflict', current: row }))).toEqual({
      id: 'c1',
      version: 4,
      firstName: 'Anne',
      ownerId: 'u1',
      zip5: '10013',
      tags: ['kol'],
    });
  });

  it('is undefined for other errors and for a 409 without a usable record', () => {
    expect(conflictCurrent(problem(400, { current: { id: 'c1', version: 1 } }))).toBeUndefined();
    expect(conflictCurrent(problem(409, { title: 'Conflict' }))).toBeUndefined();
    expect(conflictCurrent(problem(409, { current: { id: 'c1' } }))).toBeUndefined();
    expect(conflictCurrent(new Error('boom'))).toBeUndefined();
  });
});
