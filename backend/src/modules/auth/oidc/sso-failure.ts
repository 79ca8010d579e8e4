import type { SsoErrorReason } from '@dutylist/shared';

/** A single sign-on that ends on the login page with `?sso_error=<reason>` (and a Chinese message there). */
export class SsoFailure extends Error {
  constructor(
    readonly reason: SsoErrorReason,
    /** For the log only: what went wrong in detail. */
    detail?: string,
    /** The user name the identity service gave, shown back on the login page for unknown accounts. */
    readonly username?: string,
  ) {
    super(detail ?? reason);
    this.name = 'SsoFailure';
  }
}
