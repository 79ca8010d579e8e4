import { LIST_STAGES, ROLES, type Role } from '@dutylist/shared';
import type { AuthUser } from '../auth/auth-user';
import { authorize, denialOf, listAbilities, type ListAbility } from './list.policy';

const user = (role: Role): AuthUser => ({
  sessionId: null,
  id: '00000000-0000-4000-8000-000000000001',
  username: role,
  displayName: role,
  role,
  orgUnitId: '00000000-0000-4000-8000-000000000002',
  orgUnitName: '测试单位',
  orgLevel: 'county',
  orgPath: '/r/p/c/',
});

describe('list policy', () => {
  it('shows in `can` exactly what authorize lets through, for every role, stage and ability', () => {
    for (const role of ROLES) {
      for (const stage of LIST_STAGES) {
        const list = { stage, returnLevel: null };
        const can = listAbilities(user(role), list);
        for (const ability of Object.keys(can).filter((k) => k !== 'view') as ListAbility[]) {
          const allowed = (() => {
            try {
              authorize(user(role), ability, list);
              return true;
            } catch {
              return false;
            }
          })();
          expect({ role, stage, ability, allowed }).toEqual({ role, stage, ability, allowed: can[ability] });
        }
      }
    }
  });

  it('answers 403 to a role that may never do it, whatever the stage, before any 409', () => {
    expect(denialOf(user('county_reviewer'), 'editItems', { stage: 'county_review', returnLevel: null })).toMatchObject(
      { code: 'FORBIDDEN', message: '只有本乡镇的起草人可以编辑清单草稿' },
    );
    expect(denialOf(user('township_drafter'), 'publish', { stage: 'drafting', returnLevel: null })).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有自治区编办审核人可以执行“发布”',
    });
    expect(denialOf(user('admin'), 'comment', { stage: 'published', returnLevel: null })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('answers 409 to the right role in the wrong stage', () => {
    expect(denialOf(user('township_drafter'), 'editItems', { stage: 'submitted', returnLevel: null })).toMatchObject({
      code: 'LIST_NOT_EDITABLE',
    });
    expect(denialOf(user('county_reviewer'), 'approve', { stage: 'drafting', returnLevel: null })).toMatchObject({
      code: 'STAGE_CONFLICT',
      message: '清单当前为“起草中”，不能审定通过',
    });
    expect(
      denialOf(user('prefecture_reviewer'), 'decideItems', { stage: 'county_review', returnLevel: null }),
    ).toMatchObject({ code: 'STAGE_CONFLICT' });
  });

  it('lets the county approve a list the region returned straight back to the region', () => {
    const list = { stage: 'county_review' as const, returnLevel: 'region' as const };
    expect(denialOf(user('county_reviewer'), 'approve', list)).toBeNull();
  });
});
