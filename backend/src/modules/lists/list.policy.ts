import {
  EDITABLE_STAGES,
  LIST_ACTION_LABELS,
  LIST_ACTION_ROLES,
  REVIEW_STAGE,
  ROLE_LABELS,
  nextStage,
  reviewLevelOf,
  type CycleState,
  type ListAbilities,
  type ListAction,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import type { DutyListEntity } from './duty-list.entity';

/**
 * What the user may do with a list they can see (scope is checked before this). The UI shows its
 * buttons from these and nothing else; the services enforce the same rules.
 */
export function listAbilities(user: AuthUser, list: CycleState): ListAbilities {
  const drafter = user.role === 'township_drafter';
  const editable = EDITABLE_STAGES.includes(list.stage);
  const level = reviewLevelOf(user.role);
  const can = (action: ListAction) =>
    LIST_ACTION_ROLES[action].includes(user.role) && nextStage(action, user.role, list) !== null;
  return {
    view: true,
    editItems: drafter && editable,
    submit: can('submit'),
    startReview: can('start_review'),
    decideItems: level !== null && list.stage === REVIEW_STAGE[level],
    returnRound: can('return_round'),
    approve: can('approve'),
    signOff: can('sign_off'),
    returnItems: can('return_items'),
    publish: can('publish'),
    answerFeedback: drafter && editable,
    comment: user.role !== 'admin' && list.stage !== 'published',
    startAdjustment: list.stage === 'published' && ADJUSTMENT_ROLES.includes(user.role),
  };
}

/** Who may start an adjustment (动态调整) of a published list: its township, or its county office. */
export const ADJUSTMENT_ROLES: readonly AuthUser['role'][] = ['township_drafter', 'county_reviewer'];

/** 403 for a role that may never adjust, 409 when the list is not published (an adjustment may be under way). */
export function assertCanStartAdjustment(
  user: AuthUser,
  list: Pick<DutyListEntity, 'stage' | 'inForceVersionId'>,
): void {
  if (!ADJUSTMENT_ROLES.includes(user.role)) {
    throw AppError.forbidden('只有本乡镇的起草人或县委编办可以发起动态调整');
  }
  if (list.stage !== 'published') {
    throw new AppError(
      'STAGE_CONFLICT',
      list.inForceVersionId ? '该清单的动态调整正在进行中，发布后才能再次发起' : '清单尚未发布，不能发起动态调整',
    );
  }
}

/** Throws the exact error for a user who may see the list but not edit its draft. */
export function assertCanEditItems(user: AuthUser, list: Pick<DutyListEntity, 'stage'>): void {
  if (user.role !== 'township_drafter') throw AppError.forbidden('只有本乡镇的起草人可以编辑清单草稿');
  if (!EDITABLE_STAGES.includes(list.stage)) {
    throw new AppError('LIST_NOT_EDITABLE', '清单已报送，当前阶段不能修改草稿');
  }
}

/** 403 unless the user's role may ever take this step (inside scope; outside scope was 404 already). */
export function assertActionRole(user: AuthUser, action: ListAction): void {
  const roles = LIST_ACTION_ROLES[action];
  if (!roles.includes(user.role)) {
    throw AppError.forbidden(
      `只有${roles.map((r) => ROLE_LABELS[r]).join('或')}可以执行“${LIST_ACTION_LABELS[action]}”`,
    );
  }
}
