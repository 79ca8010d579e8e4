import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { z } from 'zod';
import {
  ROLE_LABELS,
  roleLevelProblem,
  type AdminUser,
  type AdminUserPage,
  type OneTimePasswordResponse,
  type adminUserQuerySchema,
  type createUserRequestSchema,
  type updateUserRequestSchema,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AdminAuditService } from '../admin-audit/admin-audit.service';
import type { AuthUser } from '../auth/auth-user';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnitsAdminService } from '../org-units/org-units-admin.service';
import { authorizeAdmin } from '../policies/admin.policy';
import { newOneTimeCredentials, type OneTimeCredentials } from './one-time-password';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

export type CreateUserInput = z.output<typeof createUserRequestSchema>;
export type UpdateUserInput = z.output<typeof updateUserRequestSchema>;
export type UserQueryInput = z.output<typeof adminUserQuerySchema>;

const userNotFound = () => AppError.notFound('USER_NOT_FOUND', '未找到该账号，或不在您的管理范围内');

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface AdminUserRow {
  id: string;
  username: string;
  displayName: string;
  role: AdminUser['role'];
  email: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  orgUnitId: string;
  orgUnitName: string;
  orgLevel: AdminUser['orgUnit']['level'];
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgUnit: { id: row.orgUnitId, name: row.orgUnitName, level: row.orgLevel },
    email: row.email,
    isActive: row.isActive,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

const SELECT_USERS = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.email, u.is_active AS "isActive",
         u.must_change_password AS "mustChangePassword", u.last_login_at AS "lastLoginAt",
         u.created_at AS "createdAt", o.id AS "orgUnitId", o.name AS "orgUnitName", o.level AS "orgLevel"
    FROM users u JOIN org_units o ON o.id = u.org_unit_id`;

/**
 * 账号管理: the accounts of an admin's subtree. Each rule (role fits the unit's level, user name unique
 * regardless of case, no admin disables, demotes, moves or resets themselves) is written here once; the
 * `…InTransaction` methods take the caller's EntityManager, so the bulk onboarding applies the same rules
 * in its own transaction. Every change writes its admin_events row in that transaction.
 */
@Injectable()
export class UserAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AdminAuditService,
    private readonly users: UsersService,
    private readonly orgUnits: OrgUnitsAdminService,
  ) {}

  async list(actor: AuthUser, query: UserQueryInput): Promise<AdminUserPage> {
    authorizeAdmin(actor, 'manageAccounts', { path: actor.orgPath });
    if (query.orgUnitId)
      await this.orgUnits.findInScope(this.db.manager, actor, query.orgUnitId, { ability: 'manageAccounts' });
    const params: unknown[] = [`${actor.orgPath}%`];
    const where = ['o.path LIKE $1'];
    if (query.search) {
      params.push(`%${escapeLike(query.search)}%`);
      where.push(`(u.username ILIKE $${params.length} OR u.display_name ILIKE $${params.length})`);
    }
    if (query.orgUnitId) {
      params.push(query.orgUnitId);
      where.push(`u.org_unit_id = $${params.length}`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`u.role = $${params.length}`);
    }
    if (query.isActive !== undefined) {
      params.push(query.isActive);
      where.push(`u.is_active = $${params.length}`);
    }
    const whereSql = where.join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `${SELECT_USERS} WHERE ${whereSql} ORDER BY u.created_at DESC, u.username
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ) as Promise<AdminUserRow[]>,
      this.db.query(
        `SELECT count(*)::int AS total FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE ${whereSql}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toAdminUser), total, page: query.page, pageSize: query.pageSize };
  }

  async getOne(actor: AuthUser, id: string, manager: EntityManager = this.db.manager): Promise<AdminUser> {
    await this.findInScope(manager, actor, id);
    const [row] = (await manager.query(`${SELECT_USERS} WHERE u.id = $1`, [id])) as AdminUserRow[];
    return toAdminUser(row);
  }

  /** The account, if its unit lies in the actor's subtree (else 404 USER_NOT_FOUND) and the actor is an admin (else 403). */
  async findInScope(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<UserEntity & { orgUnit: OrgUnitEntity }> {
    const user = await manager.findOne(UserEntity, {
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const unit = user ? await manager.findOneBy(OrgUnitEntity, { id: user.orgUnitId }) : null;
    authorizeAdmin(actor, 'manageAccounts', unit, userNotFound);
    return Object.assign(user as UserEntity, { orgUnit: unit as OrgUnitEntity });
  }

  async create(actor: AuthUser, request: CreateUserInput): Promise<OneTimePasswordResponse> {
    const { user, oneTimePassword } = await this.db.transaction((m) => this.createInTransaction(m, actor, request));
    return { user: await this.getOne(actor, user.id), oneTimePassword };
  }

  /**
   * Creates an account in a unit of the actor's subtree, with a one-time password that must be changed
   * at the first login. `credentials` lets a bulk caller hash its passwords ahead (see
   * newOneTimeCredentials); by default a fresh one is made here.
   */
  async createInTransaction(
    manager: EntityManager,
    actor: AuthUser,
    request: CreateUserInput,
    credentials?: OneTimeCredentials,
  ): Promise<{ user: UserEntity; oneTimePassword: string }> {
    const unit = await this.orgUnits.findInScope(manager, actor, request.orgUnitId, { ability: 'manageAccounts' });
    if (!unit.isActive) throw new AppError('ORG_UNIT_INACTIVE', `“${unit.name}”已停用，不能在其下新建账号`);
    this.assertRoleFits(request.role, unit);
    await this.assertUsernameFree(manager, request.username);
    const { password, hash } = credentials ?? (await newOneTimeCredentials());
    const user = manager.create(UserEntity, {
      id: randomUUID(),
      username: request.username,
      displayName: request.displayName,
      role: request.role,
      orgUnitId: unit.id,
      email: request.email ?? null,
      passwordHash: hash,
      mustChangePassword: true,
      isActive: true,
    });
    try {
      await manager.insert(UserEntity, user);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateUsername(request.username);
      throw error;
    }
    await this.audit.record(manager, {
      actor,
      action: 'user.create',
      orgUnitId: unit.id,
      targetType: 'user',
      targetId: user.id,
      summary: `新建账号“${user.username}”（${user.displayName}，${ROLE_LABELS[user.role]}，${unit.name}）`,
      details: { username: user.username, role: user.role, orgUnitId: unit.id },
    });
    return { user, oneTimePassword: password };
  }

  async update(actor: AuthUser, id: string, request: UpdateUserInput): Promise<AdminUser> {
    await this.db.transaction((m) => this.updateInTransaction(m, actor, id, request));
    return this.getOne(actor, id);
  }

  /**
   * Edits display name, email, role, unit (within the subtree) or active state. Disabling ends every
   * session of the account at once. Nobody changes their own role, unit or active state.
   */
  async updateInTransaction(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    request: UpdateUserInput,
  ): Promise<UserEntity> {
    const user = await this.findInScope(manager, actor, id, { lock: true });
    const self = user.id === actor.id;
    const roleChange = request.role !== undefined && request.role !== user.role;
    const unitChange = request.orgUnitId !== undefined && request.orgUnitId !== user.orgUnitId;
    const activeChange = request.isActive !== undefined && request.isActive !== user.isActive;
    if (self && (roleChange || unitChange || activeChange)) {
      throw new AppError(
        'SELF_CHANGE_FORBIDDEN',
        '不能停用自己的账号，也不能修改自己的角色或所属单位，请联系其他管理员',
      );
    }
    let unit = user.orgUnit;
    if (unitChange) {
      unit = await this.orgUnits.findInScope(manager, actor, request.orgUnitId as string, {
        ability: 'manageAccounts',
      });
      if (!unit.isActive) throw new AppError('ORG_UNIT_INACTIVE', `“${unit.name}”已停用，不能把账号调入`);
    }
    const role = request.role ?? user.role;
    if (roleChange || unitChange) this.assertRoleFits(role, unit);

    const before = { displayName: user.displayName, email: user.email, role: user.role, orgUnitId: user.orgUnitId };
    const after = {
      displayName: request.displayName ?? user.displayName,
      email: request.email === undefined ? user.email : request.email,
      role,
      orgUnitId: unit.id,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (changed.length > 0) {
      await manager.update(UserEntity, { id }, after);
      const what = changed
        .map((k) =>
          k === 'role'
            ? `角色改为${ROLE_LABELS[role]}`
            : k === 'orgUnitId'
              ? `调入“${unit.name}”`
              : k === 'displayName'
                ? `姓名改为“${after.displayName}”`
                : '修改邮箱',
        )
        .join('，');
      await this.audit.record(manager, {
        actor,
        action: 'user.update',
        orgUnitId: unit.id,
        targetType: 'user',
        targetId: id,
        summary: `修改账号“${user.username}”：${what}`,
        details: { changed, before, after },
      });
    }
    if (activeChange) {
      await manager.update(UserEntity, { id }, { isActive: request.isActive });
      if (request.isActive === false) await this.users.endAllSessions(manager, id);
      await this.audit.record(manager, {
        actor,
        action: request.isActive ? 'user.enable' : 'user.disable',
        orgUnitId: unit.id,
        targetType: 'user',
        targetId: id,
        summary: `${request.isActive ? '启用' : '停用'}账号“${user.username}”（${after.displayName}）`,
      });
    }
    return Object.assign(user, after, activeChange ? { isActive: request.isActive } : {});
  }

  async resetPassword(actor: AuthUser, id: string): Promise<OneTimePasswordResponse> {
    const oneTimePassword = await this.db.transaction((m) => this.resetPasswordInTransaction(m, actor, id));
    return { user: await this.getOne(actor, id), oneTimePassword };
  }

  /** A new one-time password (must be changed at the next login); every session of the account ends. */
  async resetPasswordInTransaction(manager: EntityManager, actor: AuthUser, id: string): Promise<string> {
    const user = await this.findInScope(manager, actor, id, { lock: true });
    if (user.id === actor.id) {
      throw new AppError('SELF_CHANGE_FORBIDDEN', '不能重置自己的密码，请使用“修改密码”');
    }
    const { password, hash } = await newOneTimeCredentials();
    await manager.update(UserEntity, { id }, { passwordHash: hash, mustChangePassword: true });
    await this.users.endAllSessions(manager, id);
    await this.audit.record(manager, {
      actor,
      action: 'user.reset_password',
      orgUnitId: user.orgUnitId,
      targetType: 'user',
      targetId: id,
      summary: `重置账号“${user.username}”（${user.displayName}）的密码`,
    });
    return password;
  }

  /** 422 ROLE_LEVEL_MISMATCH unless an account of `role` may belong to the unit. */
  assertRoleFits(role: UserEntity['role'], unit: Pick<OrgUnitEntity, 'level'>): void {
    const problem = roleLevelProblem(role, unit.level);
    if (problem) throw new AppError('ROLE_LEVEL_MISMATCH', problem);
  }

  /** 409 DUPLICATE when the user name is taken, regardless of case. */
  async assertUsernameFree(manager: EntityManager, username: string): Promise<void> {
    const taken = await manager
      .createQueryBuilder(UserEntity, 'u')
      .where('lower(u.username) = lower(:username)', { username })
      .getExists();
    if (taken) throw duplicateUsername(username);
  }
}

function duplicateUsername(username: string): AppError {
  return new AppError('DUPLICATE', `用户名“${username}”已被使用（不区分大小写）`);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}
