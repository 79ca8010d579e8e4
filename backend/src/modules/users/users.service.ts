import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { UserRef } from '@dutylist/shared';
import type { AuthUser } from '../auth/auth-user';
import { UserEntity } from './user.entity';
import { UserSessionEntity, type SessionMethod } from './user-session.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(UserSessionEntity) private readonly sessions: Repository<UserSessionEntity>,
  ) {}

  /** Opens a session for a login and notes the login time. */
  async startSession(
    userId: string,
    method: SessionMethod,
    expiresAt: Date,
    client: { ip?: string | null; userAgent?: string | null } = {},
  ): Promise<string> {
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        method,
        expiresAt,
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      }),
    );
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
    return session.id;
  }

  /** Ends one session (logout). */
  async endSession(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every open session of a user, but the one named (password change, account disabled). */
  async endAllSessions(manager: EntityManager, userId: string, except?: string): Promise<void> {
    const query = manager
      .createQueryBuilder()
      .update(UserSessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (except) query.andWhere('id <> :except', { except });
    await query.execute();
  }

  /** The user with the password hash, for login only. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username: username.trim() })
      .getOne();
  }

  /**
   * The active user of an active org unit, as requests see them. With a session id (from a token), only
   * while that session is open: a logout, a password change or a disabled account ends it at once.
   */
  async findAuthUser(id: string, sessionId?: string): Promise<AuthUser | null> {
    const user = await this.users.findOne({ where: { id, isActive: true }, relations: { orgUnit: true } });
    if (!user?.orgUnit?.isActive) return null;
    if (sessionId !== undefined) {
      const open = await this.sessions
        .createQueryBuilder('s')
        .where('s.id = :sessionId AND s.user_id = :id', { sessionId, id })
        .andWhere('s.revoked_at IS NULL AND s.expires_at > now()')
        .getExists();
      if (!open) return null;
    }
    return {
      sessionId: sessionId ?? null,
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnitId: user.orgUnitId,
      orgUnitName: user.orgUnit.name,
      orgLevel: user.orgUnit.level,
      orgPath: user.orgUnit.path,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /** When the user logged in before the given session (上次登录): the start of their latest earlier session. */
  async previousLoginAt(userId: string, sessionId: string | null): Promise<Date | null> {
    const query = this.sessions
      .createQueryBuilder('s')
      .select('max(s.created_at)', 'at')
      .where('s.user_id = :userId', { userId });
    if (sessionId) {
      query.andWhere('s.created_at < (SELECT c.created_at FROM user_sessions c WHERE c.id = :sessionId)', {
        sessionId,
      });
    }
    const row = await query.getRawOne<{ at: Date | null }>();
    return row?.at ?? null;
  }

  /** The user with the password hash, locked for a password change. */
  findForPasswordChange(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** Stores a new password hash: the one-time password (if any) is done with. */
  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager
      .getRepository(UserEntity)
      .update({ id }, { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false });
  }

  async existingUsernames(usernames: string[]): Promise<Set<string>> {
    const rows = await this.users.find({ select: { username: true }, where: { username: In(usernames) } });
    return new Set(rows.map((r) => r.username));
  }

  /** Display references (name, role, org) of the given users, by id. */
  async refs(ids: Iterable<string>): Promise<Map<string, UserRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.users.find({ where: { id: In(unique) }, relations: { orgUnit: true } });
    return new Map(users.map((u) => [u.id, toUserRef(u)]));
  }
}

export function toUserRef(user: UserEntity): UserRef {
  return { id: user.id, displayName: user.displayName, role: user.role, orgName: user.orgUnit?.name ?? '' };
}
