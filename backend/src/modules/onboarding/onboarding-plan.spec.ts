import { planOnboarding, type Directory, type DirectoryUnit, type OrgInputRow } from './onboarding-plan';

const unit = (
  id: string,
  name: string,
  level: DirectoryUnit['level'],
  parent: DirectoryUnit | null,
): DirectoryUnit => ({
  id,
  name,
  shortName: null,
  aliases: [],
  level,
  parentId: parent?.id ?? null,
  path: `${parent?.path ?? '/'}${id}/`,
  isActive: true,
});

const region = unit('r', '新疆维吾尔自治区', 'region', null);
const changji = unit('p1', '昌吉回族自治州', 'prefecture', region);
const yili = unit('p2', '伊犁哈萨克自治州', 'prefecture', region);
const qitai = unit('c1', '奇台县', 'county', changji);
// The same county name under another prefecture: references must then be paths.
const qitai2 = unit('c2', '奇台县', 'county', yili);
const directory: Directory = { units: [region, changji, yili, qitai, qitai2], users: new Map() };
const regionAdmin = { username: 'admin', orgPath: region.path };

const org = (
  row: number,
  name: string,
  type: string,
  parent: string,
  extra: Partial<OrgInputRow> = {},
): OrgInputRow => ({
  row,
  name,
  shortName: '',
  type,
  parent,
  aliases: '',
  ...extra,
});

describe('planOnboarding', () => {
  it('resolves parents defined later in the file, in dependency order', () => {
    const plan = planOnboarding(
      {
        orgUnits: [org(2, '甲镇', '乡镇', '新县'), org(3, '新县', '县', '昌吉回族自治州')],
        users: [{ row: 2, username: 'jia', displayName: '甲', role: '乡镇起草人', orgUnit: '甲镇', email: '' }],
      },
      directory,
      regionAdmin,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.units.map((u) => [u.row, u.action, u.parent])).toEqual([
      [2, 'create', { row: 3 }],
      [3, 'create', { id: 'p1' }],
    ]);
    expect(plan.orgRows[0].path).toBe('新疆维吾尔自治区/昌吉回族自治州/新县/甲镇');
    expect(plan.users[0]).toMatchObject({ action: 'create', unit: { row: 2 }, role: 'township_drafter' });
  });

  it('asks for a path when names repeat, and takes the path', () => {
    const ambiguous = planOnboarding(
      { orgUnits: [org(2, '乙镇', '乡镇', '奇台县')], users: [] },
      directory,
      regionAdmin,
    );
    expect(ambiguous.problems[0]).toMatchObject({
      row: 2,
      column: '上级单位',
      message: expect.stringMatching(/请写出路径/),
    });
    const path = planOnboarding(
      { orgUnits: [org(2, '乙镇', '乡镇', '伊犁哈萨克自治州/奇台县')], users: [] },
      directory,
      regionAdmin,
    );
    expect(path.problems).toEqual([]);
    expect(path.units[0].parent).toEqual({ id: 'c2' });
  });

  it('matches an existing unit by parent and name: unchanged, or updated when its short name changes', () => {
    const same = planOnboarding(
      { orgUnits: [org(2, '奇台县', '县', '昌吉回族自治州')], users: [] },
      directory,
      regionAdmin,
    );
    expect(same.units[0]).toMatchObject({ action: 'unchanged', existingId: 'c1' });
    const renamed = planOnboarding(
      { orgUnits: [org(2, '奇台县', '县', '昌吉回族自治州', { shortName: '奇台' })], users: [] },
      directory,
      regionAdmin,
    );
    expect(renamed.units[0]).toMatchObject({ action: 'update', shortName: '奇台' });
    expect(renamed.signature).not.toBe(same.signature);
  });

  it('reports a cycle instead of looping', () => {
    const plan = planOnboarding(
      { orgUnits: [org(2, '甲县', '县', '乙县'), org(3, '乙县', '县', '甲县')], users: [] },
      directory,
      regionAdmin,
    );
    expect(plan.units.every((u) => u.action === 'error')).toBe(true);
    expect(plan.problems.map((p) => p.row).sort()).toEqual([2, 3]);
  });

  it('keeps a county admin inside the county: the prefecture above is out of scope', () => {
    const plan = planOnboarding(
      { orgUnits: [org(2, '丙县', '县', '昌吉回族自治州'), org(3, '丙镇', '乡镇', '奇台县')], users: [] },
      // What the service loads for them: their subtree and the units above it.
      { units: [region, changji, qitai], users: new Map() },
      { username: 'ca', orgPath: qitai.path },
    );
    expect(plan.problems).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringMatching(/不在您的管理范围内/) }),
    ]);
    // 奇台县 is unique for them: the other one is outside what they can see.
    expect(plan.units[1]).toMatchObject({ action: 'create', parent: { id: 'c1' } });
  });
});
