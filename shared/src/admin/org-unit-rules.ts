import { ORG_LEVEL_LABELS, PARENT_LEVEL, ROLE_LEVEL, type OrgLevel, type Role } from '../enums';

/**
 * The rules of the org directory and its accounts, shared by the admin screens, the admin API and
 * the bulk onboarding: each rule is written here once.
 */

/** A name as it is kept: trimmed, inner whitespace (half- or full-width) removed, as Chinese names have none. */
export function normalizeOrgName(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').trim();
}

/** Why a unit of `level` cannot sit under a unit of `parentLevel` (null: it can). */
export function parentLevelProblem(level: OrgLevel, parentLevel: OrgLevel | null): string | null {
  const expected = PARENT_LEVEL[level];
  if (expected === null) return parentLevel === null ? null : `${ORG_LEVEL_LABELS.region}是最上级单位，不能有上级`;
  if (parentLevel !== expected) {
    return `${ORG_LEVEL_LABELS[level]}的上级必须是${ORG_LEVEL_LABELS[expected]}${
      parentLevel ? `，不能是${ORG_LEVEL_LABELS[parentLevel]}` : ''
    }`;
  }
  return null;
}

/** Levels at which an account of each role may sit. Admins administer a region, prefecture or county. */
export const ROLE_LEVELS: Record<Role, readonly OrgLevel[]> = {
  township_drafter: ['township'],
  county_reviewer: ['county'],
  prefecture_reviewer: ['prefecture'],
  region_reviewer: ['region'],
  admin: ['region', 'prefecture', 'county'],
};

/** Why an account of `role` cannot belong to a unit of `level` (null: it can). */
export function roleLevelProblem(role: Role, level: OrgLevel): string | null {
  if (ROLE_LEVELS[role].includes(level)) return null;
  const where = ROLE_LEVELS[role].map((l) => ORG_LEVEL_LABELS[l]).join('、');
  return `该角色的账号只能属于${where}，不能属于${ORG_LEVEL_LABELS[level]}`;
}

/** The level a reviewer or drafter role works at (re-exported for the admin screens). */
export { ROLE_LEVEL };

/** User names: letters, digits and . _ -, 3–64 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
export const USERNAME_HINT = '用户名为 3–64 位字母、数字或 . _ -，以字母或数字开头';
