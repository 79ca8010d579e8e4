import type { AuthUser } from '../auth/auth-user';

/** The scope rule: a user sees their own org unit and everything below it. */
export function isInScope(user: Pick<AuthUser, 'orgPath'>, targetPath: string): boolean {
  return targetPath.startsWith(user.orgPath);
}

/** Ids of a materialised path `/a/b/c/`, from the root down. */
export function idsOfPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}
