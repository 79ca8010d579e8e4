import { reviewLevelOf, type UserAbilities } from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { isInScope } from '../org-units/org-unit.policy';

/**
 * Who may administer what. An admin administers the subtree of their own org unit: the region's
 * admin everything, a prefecture's or a county's only below itself. Outside the subtree a thing does
 * not exist for them (404), as everywhere else; inside it, anyone but an admin gets 403.
 */
export function userAbilities(user: AuthUser): UserAbilities {
  const admin = user.role === 'admin';
  return {
    manageOrgUnits: admin,
    manageAccounts: admin,
    onboard: admin,
    manageWebhooks: admin,
    manageEditions: user.orgLevel === 'region' && (admin || user.role === 'region_reviewer'),
    viewDashboard: user.role !== 'township_drafter',
    draftLists: user.role === 'township_drafter',
    reviewLists: reviewLevelOf(user.role) !== null,
  };
}

/** A thing placed in the hierarchy: an org unit, or an account or setting of one. */
export interface PlacedResource {
  /** The materialised path of the org unit it belongs to. */
  path: string;
}

/**
 * Throws the exact error unless the user may use `ability` on the resource: 404 outside their subtree
 * (`notFound` names what was not found), 403 inside it without the ability.
 */
export function authorizeAdmin(
  user: AuthUser,
  ability: keyof UserAbilities,
  resource: PlacedResource | null,
  notFound: () => AppError = () => AppError.notFound('ORG_UNIT_NOT_FOUND', '未找到该单位，或不在您的管理范围内'),
): void {
  if (!resource || !isInScope(user, resource.path)) throw notFound();
  if (!userAbilities(user)[ability]) throw AppError.forbidden('只有本级或上级的系统管理员可以进行此项管理');
}
