import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  passwordProblems,
  type ChangePasswordRequest,
  type CurrentUser,
  type DemoAccountsResponse,
  type LoginRequest,
  type LoginResponse,
} from '@dutylist/shared';
import { AdminAuditService } from '../admin-audit/admin-audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { AppError } from '../../common/app-error';
import { UsersService } from '../users/users.service';
import { OrgUnitsService } from '../org-units/org-units.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../database/demo/demo-orgs';
import { userAbilities } from '../policies/admin.policy';
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
    private readonly audit: AdminAuditService,
    @InjectDataSource() private readonly db: DataSource,
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

  /**
   * The user's own password change: the current password proves it is them, the new one must pass the policy.
   * Their other sessions end (a stolen token stops working), this one goes on; the admin trail records it.
   */
  async changePassword(user: AuthUser, request: ChangePasswordRequest): Promise<void> {
    const problems = passwordProblems(request.newPassword, { username: user.username });
    if (request.newPassword === request.currentPassword) problems.unshift('新密码不能与当前密码相同');
    const newHash = problems.length === 0 ? await argon2.hash(request.newPassword) : null;
    await this.db.transaction(async (manager) => {
      const found = await this.users.findForPasswordChange(manager, user.id);
      const valid = found ? await argon2.verify(found.passwordHash, request.currentPassword).catch(() => false) : false;
      if (!found || !valid) throw new AppError('CURRENT_PASSWORD_WRONG', '当前密码不正确');
      if (!newHash) throw new AppError('WEAK_PASSWORD', problems.join('；'), { problems });
      await this.users.setPassword(manager, user.id, newHash);
      await this.users.endAllSessions(manager, user.id, user.sessionId ?? undefined);
      await this.audit.record(manager, {
        actor: { id: user.id },
        action: 'password_changed',
        orgUnitId: user.orgUnitId,
        targetType: 'user',
        targetId: user.id,
        summary: `${user.displayName}（${user.username}）修改了自己的密码`,
        details: { self: true, wasOneTimePassword: found.mustChangePassword },
      });
    });
  }

  async toCurrentUser(user: AuthUser): Promise<CurrentUser> {
    const [orgPath, lastLoginAt] = await Promise.all([
      this.orgUnits.pathOf(user.orgPath),
      this.users.previousLoginAt(user.id, user.sessionId),
    ]);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnit: { id: user.orgUnitId, name: user.orgUnitName, level: user.orgLevel },
      orgPath,
      can: userAbilities(user),
      mustChangePassword: user.mustChangePassword,
      lastLoginAt: lastLoginAt ? new Date(lastLoginAt).toISOString() : null,
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
