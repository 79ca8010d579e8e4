import {
  EDITABLE_STAGES,
  LIST_ACTION_LABELS,
  LIST_ACTION_ROLES,
  LIST_STAGE_LABELS,
  REVIEW_LEVEL_LABELS,
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

/** Everything one may do with a list one can see. */
export type ListAbility = Exclude<keyof ListAbilities, 'view'>;

/**
 * One rule per ability: who may ever do it (anyone else gets 403) and when (otherwise 409). Scope is
 * not here: a list outside the user's scope is never found (404) by the queries that load it.
 */
interface ListRule {
  /** The 403 for a user whose role may never do this with a list in scope, or null. */
  forbidden(user: AuthUser): AppError | null;
  /** The 409 for a list whose stage does not allow it now, or null. */
  conflict(user: AuthUser, list: CycleState): AppError | null;
}

const roleRule = (allowed: (user: AuthUser) => boolean, message: string) => (user: AuthUser) =>
  allowed(user) ? null : AppError.forbidden(message);

const isDrafter = (user: AuthUser) => user.role === 'township_drafter';

const notEditable = (list: CycleState) =>
  EDITABLE_STAGES.includes(list.stage) ? null : new AppError('LIST_NOT_EDITABLE', '清单已报送，当前阶段不能修改草稿');

/** A step of the 三上三下 cycle: the roles that may ever take it, and the stage machine. */
function stepRule(action: ListAction): ListRule {
  const roles = LIST_ACTION_ROLES[action];
  return {
    forbidden: roleRule(
      (user) => roles.includes(user.role),
      `只有${roles.map((r) => ROLE_LABELS[r]).join('或')}可以执行“${LIST_ACTION_LABELS[action]}”`,
    ),
    conflict: (user, list) =>
      nextStage(action, user.role, list)
        ? null
        : new AppError(
            'STAGE_CONFLICT',
            `清单当前为“${LIST_STAGE_LABELS[list.stage]}”，不能${LIST_ACTION_LABELS[action]}`,
          ),
  };
}

const LIST_RULES: Record<ListAbility, ListRule> = {
  editItems: {
    forbidden: roleRule(isDrafter, '只有本乡镇的起草人可以编辑清单草稿'),
    conflict: (_user, list) => notEditable(list),
  },
  answerFeedback: {
    forbidden: roleRule(isDrafter, '只有本乡镇的起草人可以答复审核意见'),
    conflict: (_user, list) => notEditable(list),
  },
  decideItems: {
    forbidden: roleRule((user) => reviewLevelOf(user.role) !== null, '只有审核人可以审核事项'),
    conflict: (user, list) => {
      const level = reviewLevelOf(user.role);
      return level && list.stage === REVIEW_STAGE[level]
        ? null
        : new AppError('STAGE_CONFLICT', `清单当前不在${REVIEW_LEVEL_LABELS[level ?? 'county']}审核阶段，不能审核事项`);
    },
  },
  comment: {
    forbidden: roleRule((user) => user.role !== 'admin', '系统管理员不参与清单讨论'),
    conflict: (_user, list) =>
      list.stage === 'published' ? new AppError('STAGE_CONFLICT', '清单已发布，讨论已关闭') : null,
  },
  submit: stepRule('submit'),
  startReview: stepRule('start_review'),
  returnRound: stepRule('return_round'),
  approve: stepRule('approve'),
  signOff: stepRule('sign_off'),
  returnItems: stepRule('return_items'),
  publish: stepRule('publish'),
};

/** The ability of each step of the cycle. */
export const ACTION_ABILITY: Record<ListAction, ListAbility> = {
  submit: 'submit',
  start_review: 'startReview',
  return_round: 'returnRound',
  approve: 'approve',
  sign_off: 'signOff',
  return_items: 'returnItems',
  publish: 'publish',
};

/** Why the user may not do this with the list now (403 before 409), or null when they may. */
export function denialOf(user: AuthUser, ability: ListAbility, list: CycleState): AppError | null {
  const rule = LIST_RULES[ability];
  return rule.forbidden(user) ?? rule.conflict(user, list);
}

/** Throws the exact error (403, then 409) unless the user may do this with the list now. */
export function authorize(user: AuthUser, ability: ListAbility, list: CycleState): void {
  const denial = denialOf(user, ability, list);
  if (denial) throw denial;
}

/**
 * What the user may do with a list they can see. The UI shows its buttons from these and nothing
 * else; the services call `authorize` with the same rules, so the two cannot disagree.
 */
export function listAbilities(user: AuthUser, list: CycleState): ListAbilities {
  const can = Object.fromEntries(
    (Object.keys(LIST_RULES) as ListAbility[]).map((ability) => [ability, denialOf(user, ability, list) === null]),
  ) as Record<ListAbility, boolean>;
  return { view: true, ...can };
}
