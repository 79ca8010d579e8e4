import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import type { CurrentUser, DemoAccountsResponse, LoginRequest, LoginResponse } from '@dutylist/shared';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { canManageEditions } from '../editions/edition.policy';
import { AppError } from '../../common/app-error';
import { UsersService } from '../users/users.service';
import { OrgUnitsService } from '../org-units/org-units.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../database/demo/demo-orgs';
import type { SessionMethod } from '../users/user-session.entity';
import type { AuthUser } from './auth-user';

/** Where a login comes from, kept with its session. */
export interface LoginClient {
  ip?: string | null;
  userAgent?: string | null;
}

@Injectable()
export class AuthService {
  // Verifying against a real hash when the user does not exist keeps timing equal for both failures.
  private readonly dummyHash = argon2.hash('not-a-real-password');

  constructor(
    private readonly users: UsersService,
    private readonly orgUnits: OrgUnitsService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(request: LoginRequest, client: LoginClient = {}): Promise<LoginResponse> {
    const found = await this.users.findForLogin(request.username);
    const hash = found?.passwordHash ?? (await this.dummyHash);
    const valid = await argon2.verify(hash, request.password).catch(() => false);
    if (!found || !valid || !found.isActive) throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
    return this.startSession(found.id, 'password', client);
  }

  /**
   * Opens a session for a user whose identity is proven (password or single sign-on) and signs the
   * access token naming it. A user who may not log in (disabled account or unit) gets the login error.
   */
  async startSession(userId: string, method: SessionMethod, client: LoginClient = {}): Promise<LoginResponse> {
    const user = await this.users.findAuthUser(userId);
    if (!user) throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
    const expiresAt = new Date(Date.now() + this.config.JWT_EXPIRES_IN_SECONDS * 1000);
    const sessionId = await this.users.startSession(user.id, method, expiresAt, client);
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: sessionId });
    return { accessToken, user: await this.toCurrentUser({ ...user, sessionId }) };
  }

  /** Ends the session of the request's token: the same token is refused from the next request on. */
  async logout(user: AuthUser): Promise<void> {
    if (user.sessionId) await this.users.endSession(user.sessionId);
  }

  async toCurrentUser(user: AuthUser): Promise<CurrentUser> {
    const orgPath = await this.orgUnits.pathOf(user.orgPath);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnit: { id: user.orgUnitId, name: user.orgUnitName, level: user.orgLevel },
      orgPath,
      can: { manageEditions: canManageEditions(user) },
    };
  }

  /** The demo accounts shown on the login page: only in demo mode, and only those that exist. */
  async demoAccounts(): Promise<DemoAccountsResponse> {
    if (!this.config.DEMO_MODE) return { enabled: false, accounts: [] };
    const existing = await this.users.existingUsernames(DEMO_ACCOUNTS.map((a) => a.username));
    return {
      enabled: true,
      accounts: DEMO_ACCOUNTS.filter((a) => existing.has(a.username)).map((a) => ({
        username: a.username,
        password: DEMO_PASSWORD,
        displayName: a.displayName,
        role: a.role,
        orgName: a.orgName,
      })),
    };
  }
}
