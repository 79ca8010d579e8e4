import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';

/** Editions are opened and configured for everyone by the region: its reviewers or a region-level admin. */
export function canManageEditions(user: Pick<AuthUser, 'role' | 'orgLevel'>): boolean {
  return (user.role === 'region_reviewer' || user.role === 'admin') && user.orgLevel === 'region';
}

export function assertCanManageEditions(user: Pick<AuthUser, 'role' | 'orgLevel'>): void {
  if (!canManageEditions(user)) throw AppError.forbidden('只有自治区编办或自治区级管理员可以开启和设置届次');
}
