import type { OrgLevel, Role } from '@dutylist/shared';

/** The authenticated user attached to each request. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgLevel: OrgLevel;
  /** Materialised path of the user's org unit: the prefix of everything in scope. */
  orgPath: string;
}
