import { idsOfPath, isInScope } from './org-unit.policy';

describe('scope rule', () => {
  const county = { orgPath: '/r/p/c/' };

  it('includes the unit itself and everything below it', () => {
    expect(isInScope(county, '/r/p/c/')).toBe(true);
    expect(isInScope(county, '/r/p/c/t/')).toBe(true);
  });

  it('excludes siblings, parents and units whose id merely starts the same', () => {
    expect(isInScope(county, '/r/p/c2/t/')).toBe(false);
    expect(isInScope(county, '/r/p/')).toBe(false);
    expect(isInScope({ orgPath: '/r/p/c/' }, '/r/p/cc/')).toBe(false);
  });

  it('splits a path into ids from the root down', () => {
    expect(idsOfPath('/r/p/c/')).toEqual(['r', 'p', 'c']);
  });
});
