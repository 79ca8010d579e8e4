import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Role } from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { UsersService } from '../users/users.service';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import type { AccessTokenPayload, AuthUser } from './auth-user';

/**
 * Global guard: a valid Bearer token of an active user with an open session, no pending one-time password
 * (403 PASSWORD_CHANGE_REQUIRED outside the routes marked AllowedBeforePasswordChange), then the route's roles.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new AppError('UNAUTHENTICATED', '请先登录');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    // Every access token names its session; a token without one (or any other kind of token) is refused.
    if (payload.use !== undefined || typeof payload.sid !== 'string') {
      throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    const user = await this.users.findAuthUser(payload.sub, payload.sid);
    if (!user) throw new AppError('UNAUTHENTICATED', '账号不存在或已停用，请重新登录');
    request.user = user;
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码，再继续使用系统');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw AppError.forbidden();
    return true;
  }
}
