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

/** A unit as the move and self rules see it. */
export interface PlacedUnit {
  level: OrgLevel;
  /** Materialised path `/<id>/…/<id>/`. */
  path: string;
}

/** Why `unit` cannot move under `newParent` (null: it can): not under itself or below, and the level must fit. */
export function moveProblem(unit: PlacedUnit, newParent: PlacedUnit): string | null {
  if (newParent.path.startsWith(unit.path)) return '不能把单位移到它自己或它的下级单位之下';
  return parentLevelProblem(unit.level, newParent.level);
}

/**
 * Why an admin whose own unit has `actorOrgPath` cannot move or disable the unit at `unitPath` (null: they
 * can): nobody moves or disables their own unit or one above it (that is the job of the admin above).
 */
export function ownUnitProblem(actorOrgPath: string, unitPath: string): string | null {
  return actorOrgPath.startsWith(unitPath) ? '不能移动或停用您自己所在的单位或其上级单位，请联系上级管理员' : null;
}

/**
 * Stages in which a list is in the review cycle: its township (or any unit above it) can then be neither
 * moved nor disabled, since the reviewers holding it would lose it mid-round. Drafting and published lists
 * do not block.
 */
export const IN_REVIEW_STAGES = [
  'submitted',
  'county_review',
  'returned',
  'county_approved',
  'prefecture_review',
  'prefecture_approved',
  'region_review',
  'region_approved',
] as const;

/** The names by which a unit may be named in a document: full name, short name and aliases, without repeats. */
export function namesOf(unit: { name: string; shortName?: string | null; aliases?: readonly string[] }): string[] {
  return [...new Set([unit.name, ...(unit.shortName ? [unit.shortName] : []), ...(unit.aliases ?? [])])];
}
