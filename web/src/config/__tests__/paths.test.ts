import { describe, expect, it } from 'vitest';

import { safeNextPath, signInHref } from '@/config/paths';

describe('paths', () => {
  it('comes back only to a path of this app after sign-in', () => {
    expect(safeNextPath('/admin/users?x=1#y')).toBe('/admin/users?x=1#y');
    expect(safeNextPath('//evil.example/x')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('/sign-in?next=/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });

  it('links to sign-in with where to come back to, unless that is the overview', () => {
    expect(signInHref('/providers?name=jia')).toBe('/sign-in?next=%2Fproviders%3Fname%3Djia');
    expect(signInHref('/')).toBe('/sign-in');
    expect(signInHref()).toBe('/sign-in');
  });
});
