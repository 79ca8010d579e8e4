import {
  USERNAME_PATTERN,
  moveProblem,
  namesOf,
  normalizeOrgName,
  ownUnitProblem,
  parentLevelProblem,
  roleLevelProblem,
} from './org-unit-rules';

describe('org directory rules', () => {
  it('keeps names without whitespace, full-width included', () => {
    expect(normalizeOrgName(' 奇台县\u3000民政局 ')).toBe('奇台县民政局');
  });

  it('fits each level under its parent level only', () => {
    expect(parentLevelProblem('township', 'county')).toBeNull();
    expect(parentLevelProblem('department', 'county')).toBeNull();
    expect(parentLevelProblem('township', 'prefecture')).toBe('乡镇的上级必须是县，不能是地区/自治州');
    expect(parentLevelProblem('region', null)).toBeNull();
    expect(parentLevelProblem('region', 'region')).not.toBeNull();
  });

  it('refuses a move under the unit itself or below it, and a level that does not fit', () => {
    const county = { level: 'county' as const, path: '/r/p/c/' };
    expect(moveProblem(county, { level: 'county', path: '/r/p/c/' })).toMatch(/自己或它的下级/);
    expect(moveProblem(county, { level: 'township', path: '/r/p/c/t/' })).toMatch(/自己或它的下级/);
    expect(moveProblem(county, { level: 'county', path: '/r/p/c2/' })).toMatch(/县的上级必须是/);
    expect(moveProblem(county, { level: 'prefecture', path: '/r/p2/' })).toBeNull();
    // A sibling whose id merely starts the same is not below it.
    expect(moveProblem({ level: 'township', path: '/r/p/c/' }, { level: 'county', path: '/r/p/cc/' })).toBeNull();
  });

  it('refuses moving or disabling the admin’s own unit or one above it, nothing below', () => {
    expect(ownUnitProblem('/r/p/c/', '/r/p/c/')).not.toBeNull();
    expect(ownUnitProblem('/r/p/c/', '/r/p/')).not.toBeNull();
    expect(ownUnitProblem('/r/p/c/', '/r/p/c/t/')).toBeNull();
  });

  it('fits roles to levels', () => {
    expect(roleLevelProblem('township_drafter', 'township')).toBeNull();
    expect(roleLevelProblem('admin', 'county')).toBeNull();
    expect(roleLevelProblem('admin', 'township')).toBe('该角色的账号只能属于自治区、地区/自治州、县，不能属于乡镇');
    expect(roleLevelProblem('county_reviewer', 'department')).not.toBeNull();
  });

  it('lists every name of a unit once', () => {
    expect(namesOf({ name: '奇台县民政局', shortName: '县民政局', aliases: ['县民政局', '民政局'] })).toEqual([
      '奇台县民政局',
      '县民政局',
      '民政局',
    ]);
  });

  it('accepts user names of letters, digits and . _ -', () => {
    expect(USERNAME_PATTERN.test('qitai-admin')).toBe(true);
    expect(USERNAME_PATTERN.test('ab')).toBe(false);
    expect(USERNAME_PATTERN.test('-abc')).toBe(false);
    expect(USERNAME_PATTERN.test('张三')).toBe(false);
  });
});
