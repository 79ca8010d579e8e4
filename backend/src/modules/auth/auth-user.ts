import type { OrgLevel, Role } from '@dutylist/shared';

/** The authenticated user attached to each request. */
export interface AuthUser {
  /** The session of the request's token (null for users loaded outside a request, e.g. by the seed). */
  sessionId: string | null;
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgLevel: OrgLevel;
  /** Materialised path of the user's org unit: the prefix of everything in scope. */
  orgPath: string;
  /** Logged in with a one-time password: only me, change-password and logout answer until it is changed. */
  mustChangePassword: boolean;
}

/** What an access token carries: the user and the session it belongs to. */
export interface AccessTokenPayload {
  sub: string;
  sid?: string;
  /** Set only on the other kinds of token (stream, queue board), which are never access tokens. */
  use?: string;
}
