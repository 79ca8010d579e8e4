import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@dutylist/shared';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'isPublic';
export const ROLES_KEY = 'roles';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'allowedBeforePasswordChange';

/** The route needs no login. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The route answers a user who must still change a one-time password (me, change-password, logout). */
export const AllowedBeforePasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/** Only these roles may call the route (403 otherwise); scope is then checked in the service. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
