import { describe, expect, it } from 'vitest';
import type { AdminOrgUnit } from '@dutylist/shared';
import { buildOrgTree, childLevelsOf, rolesFor } from './org-unit-tree-data';

let n = 0;
function unit(level: AdminOrgUnit['level'], name: string, parentId: string | null, extra: Partial<AdminOrgUnit> = {}) {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    name,
    shortName: null,
    aliases: [],
    level,
    parentId,
    isActive: true,
    userCount: 0,
    childCount: 0,
    createdAt: '',
    updatedAt: '',
    ...extra,
  } satisfies AdminOrgUnit;
}

describe('buildOrgTree', () => {
  const county = unit('county', '奇台县', null);
  const town = unit('township', '碧流河镇', county.id);
  const dept = unit('department', '奇台县民政局', county.id, { aliases: ['县民政局'] });
  const units = [county, town, dept];

  it('puts townships under their county and the departments in one 县直部门 folder after them', () => {
    const [root] = buildOrgTree(units);
    expect(root.unit?.name).toBe('奇台县');
    expect(root.children.map((c) => c.unit?.name ?? `folder:${c.departmentCount}`)).toEqual(['碧流河镇', 'folder:1']);
    expect(root.children[1].children[0].unit?.name).toBe('奇台县民政局');
  });

  it('keeps matching units (by alias too) and their ancestors only', () => {
    const [root] = buildOrgTree(units, '县民政');
    expect(root.children).toHaveLength(1);
    expect(root.children[0].children[0].unit?.id).toBe(dept.id);
    expect(buildOrgTree(units, '没有这个')).toEqual([]);
  });
});

describe('levels and roles', () => {
  it('offers townships and departments under a county, drafters in a township', () => {
    expect(childLevelsOf('county')).toEqual(['township', 'department']);
    expect(childLevelsOf('township')).toEqual([]);
    expect(rolesFor('township')).toEqual(['township_drafter']);
    expect(rolesFor('county')).toEqual(['county_reviewer', 'admin']);
    expect(rolesFor('department')).toEqual([]);
  });
});
