import { describe, expect, it } from 'vitest';

import { apiFiltersFrom, detailPairs, filterValuesFromParams, paramsFromFilterValues } from '../audit-filters';

describe('audit filters', () => {
  it('go between the page URL and the API, blank ones left out', () => {
    const values = filterValuesFromParams(new URLSearchParams('action=+auth+&outcome=SUCCESS&to=2026-11-26T10:00&other=x'));
    expect(values).toEqual({ action: 'auth', actor: '', outcome: 'SUCCESS', from: '', to: '2026-11-26T10:00' });
    expect(paramsFromFilterValues(values).toString()).toBe('action=auth&outcome=SUCCESS&to=2026-11-26T10%3A00');
    expect(apiFiltersFrom(values)).toEqual({
      action: 'auth',
      outcome: 'SUCCESS',
      to: new Date('2026-11-26T10:00').toISOString(),
    });
  });

  it('show details as key: value pairs', () => {
    expect(detailPairs({ reason: 'paused', roles: ['REP'] })).toEqual(['reason: paused', 'roles: ["REP"]']);
    expect(detailPairs(null)).toEqual([]);
  });
});
