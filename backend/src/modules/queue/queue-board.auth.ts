import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '@dutylist/shared';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import type { AccessTokenPayload, AuthUser } from '../auth/auth-user';
import { UsersService } from '../users/users.service';

/** Where bull-board is served (outside the /api prefix). */
export const QUEUE_BOARD_ROUTE = '/admin/queues';
const COOKIE = 'dutylist_queue_board';
const TICKET_USE = 'queue-board-ticket';
const SESSION_USE = 'queue-board-session';
const TICKET_SECONDS = 60;
const SESSION_SECONDS = 8 * 3600;

/**
 * Admins only. A browser opens `/admin/queues?token=<ticket>` with a 60-second ticket from
 * `POST /api/queue-board/token`; the ticket is exchanged for an HttpOnly cookie limited to this path
 * (the board's own requests carry it). Scripts may send `Authorization: Bearer <access token>` instead.
 * Tickets and sessions are signed with their own key, so the API refuses them as access tokens.
 */
@Injectable()
export class QueueBoardAuth {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ticket(user: AuthUser): Promise<{ token: string; expiresAt: string; url: string }> {
    const token = await this.jwt.signAsync(
      { sub: user.id, sid: user.sessionId, use: TICKET_USE },
      { secret: this.secret, expiresIn: TICKET_SECONDS },
    );
    return {
      token,
      expiresAt: new Date(Date.now() + TICKET_SECONDS * 1000).toISOString(),
      url: `${QUEUE_BOARD_ROUTE}?token=${encodeURIComponent(token)}`,
    };
  }

  /** Express middleware in front of the board. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.authenticate(req, res).then((ok) => (ok ? next() : undefined), next);
  };

  private async authenticate(req: Request, res: Response): Promise<boolean> {
    const ticket = typeof req.query.token === 'string' ? req.query.token : null;
    if (ticket) {
      const user = await this.userFrom(ticket, this.secret, TICKET_USE);
      if (!user) return this.refuse(res, 'UNAUTHENTICATED', '链接已过期，请从系统中重新打开队列监控');
      if (user.mustChangePassword)
        return this.refuse(res, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码，再继续使用系统');
      if (user.role !== 'admin') return this.refuse(res, 'FORBIDDEN', '只有系统管理员可以查看队列监控');
      const session = await this.jwt.signAsync(
        { sub: user.id, sid: user.sessionId, use: SESSION_USE },
        { secret: this.secret, expiresIn: SESSION_SECONDS },
      );
      res.cookie(COOKIE, session, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: QUEUE_BOARD_ROUTE,
        maxAge: SESSION_SECONDS * 1000,
      });
      res.redirect(302, QUEUE_BOARD_ROUTE);
      return false;
    }
    const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
    const session = readCookie(req.headers.cookie, COOKIE);
    const user =
      scheme === 'Bearer' && bearer
        ? await this.userFrom(bearer, this.config.JWT_SECRET, undefined)
        : session
          ? await this.userFrom(session, this.secret, SESSION_USE)
          : null;
    if (!user) return this.refuse(res, 'UNAUTHENTICATED', '请先以系统管理员身份登录，再从系统中打开队列监控');
    if (user.mustChangePassword)
      return this.refuse(res, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码，再继续使用系统');
    if (user.role !== 'admin') return this.refuse(res, 'FORBIDDEN', '只有系统管理员可以查看队列监控');
    return true;
  }

  private async userFrom(token: string, secret: string, use: string | undefined): Promise<AuthUser | null> {
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token, { secret });
      if (payload.use !== use || typeof payload.sid !== 'string') return null;
      return await this.users.findAuthUser(payload.sub, payload.sid);
    } catch {
      return null;
    }
  }

  private refuse(res: Response, code: ErrorCode, message: string): false {
    const body: ApiErrorBody = { statusCode: ERROR_STATUS[code], code, message };
    res.status(body.statusCode).json(body);
    return false;
  }

  private get secret(): string {
    return `${this.config.JWT_SECRET}:queue-board`;
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
