import { EDITABLE_STAGES, type ListAbilities } from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import type { DutyListEntity } from './duty-list.entity';

/** What the user may do with a list they can see (scope is checked before this). */
export function listAbilities(user: AuthUser, list: Pick<DutyListEntity, 'stage'>): ListAbilities {
  return {
    view: true,
    editItems: user.role === 'township_drafter' && EDITABLE_STAGES.includes(list.stage),
  };
}

/** Throws the exact error for a user who may see the list but not edit its draft. */
export function assertCanEditItems(user: AuthUser, list: Pick<DutyListEntity, 'stage'>): void {
  if (user.role !== 'township_drafter') throw AppError.forbidden('只有本乡镇的起草人可以编辑清单草稿');
  if (!EDITABLE_STAGES.includes(list.stage)) {
    throw new AppError('LIST_NOT_EDITABLE', '清单已报送，当前阶段不能修改草稿');
  }
}
