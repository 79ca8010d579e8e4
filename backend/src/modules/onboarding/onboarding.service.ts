import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { ONBOARDING_LIMITS, ROLE_LABELS, type OnboardingPreview, type OrgLevel, type Role } from '@dutylist/shared';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { AppError } from '../../common/app-error';
import { AdminAuditService } from '../admin-audit/admin-audit.service';
import type { AuthUser } from '../auth/auth-user';
import { idsOfPath } from '../org-units/org-unit.policy';
import { authorizeAdmin } from '../policies/admin.policy';
import { OnboardingImportEntity } from './onboarding-import.entity';
import {
  countActions,
  planOnboarding,
  type Directory,
  type DirectoryUnit,
  type DirectoryUser,
  type OnboardingInput,
  type OnboardingPlan,
} from './onboarding-plan';
import { buildOnboardingTemplate, buildPasswordsWorkbook, readOnboardingWorkbook } from './onboarding-workbook';
import { generateOneTimePassword, hashOneTimePasswords } from '../users/one-time-password';
import { openPasswords, sealPasswords } from './sealed-passwords';

export interface UploadedWorkbook {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** A preview can be confirmed for a day; the initial passwords wait a day for their one download. */
const PREVIEW_TTL_MS = 24 * 3600_000;
const PASSWORDS_TTL = '24 hours';

const notFound = () => AppError.notFound('ONBOARDING_NOT_FOUND', '未找到该导入记录');
const stale = () => new AppError('ONBOARDING_STALE', '预览之后系统中的单位或账号已有变化，请重新上传文件预览后再确认');

/**
 * Bulk onboarding of org units and accounts from one workbook: a preview (nothing written), then a
 * confirmation that plans again inside one transaction and writes everything or nothing, then the one
 * download of the new accounts' initial passwords. Scope: the admin's own subtree.
 */
@Injectable()
export class OnboardingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AdminAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  template(user: AuthUser): Promise<Buffer> {
    authorizeAdmin(user, 'onboard', { path: user.orgPath });
    return buildOnboardingTemplate();
  }

  async preview(user: AuthUser, file: UploadedWorkbook | undefined): Promise<OnboardingPreview> {
    authorizeAdmin(user, 'onboard', { path: user.orgPath });
    if (!file) throw new AppError('FILE_REQUIRED', '请选择要导入的 Excel 文件');
    if (file.size === 0) throw new AppError('ONBOARDING_FILE_INVALID', '文件为空');
    if (file.size > ONBOARDING_LIMITS.maxFileBytes) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `文件超过 ${ONBOARDING_LIMITS.maxFileBytes / 1024 / 1024} MB，请分批导入（每个工作表最多 ${ONBOARDING_LIMITS.maxRowsPerSheet} 行）`,
      );
    }
    const input = await readOnboardingWorkbook(file.buffer);
    const plan = planOnboarding(input, await this.directory(this.db.manager, user, input), user);
    await this.purgeExpired();
    const entity = this.db.getRepository(OnboardingImportEntity).create({
      id: randomUUID(),
      createdBy: user.id,
      orgUnitId: user.orgUnitId,
      fileName: fileNameOf(file),
      fileSha256: createHash('sha256').update(file.buffer).digest('hex'),
      status: 'preview',
      input,
      preview: {
        counts: {
          orgUnits: countActions(plan.orgRows),
          users: countActions(plan.userRows),
          problems: plan.problems.length,
        },
        orgUnits: plan.orgRows,
        users: plan.userRows,
        problems: plan.problems,
      },
      planSignature: plan.signature,
      expiresAt: new Date(Date.now() + PREVIEW_TTL_MS),
    });
    await this.db.getRepository(OnboardingImportEntity).insert(entity);
    return toPreview({ ...entity, createdAt: new Date(), confirmedAt: null, passwordsDownloadedAt: null });
  }

  async get(user: AuthUser, id: string): Promise<OnboardingPreview> {
    authorizeAdmin(user, 'onboard', { path: user.orgPath });
    return toPreview(await this.find(this.db.manager, user, id));
  }

  /**
   * Applies a preview. The hashing of the new accounts' passwords happens before the transaction (it
   * is the slow part); inside it the plan is computed again from the stored rows against the directory
   * as it is now, and anything other than the previewed plan refuses with 409.
   */
  async confirm(user: AuthUser, id: string): Promise<OnboardingPreview> {
    authorizeAdmin(user, 'onboard', { path: user.orgPath });
    const found = await this.find(this.db.manager, user, id);
    if (found.status === 'confirmed') return toPreview(found);
    this.assertConfirmable(found);

    // The accounts the preview creates get their passwords now; hashing runs on the libuv thread pool
    // while this thread builds the passwords sheet and plans again inside the transaction. Should the
    // plan have changed since the preview, the transaction refuses before any hash is used.
    const initial = found.preview.users
      .filter((u) => u.action === 'create')
      .map((u) => ({
        username: u.username,
        displayName: u.displayName,
        orgUnit: u.orgUnitPath ?? u.orgUnit,
        password: generateOneTimePassword(),
      }));
    const hashing = hashOneTimePasswords(initial.map((u) => u.password));
    hashing.catch(() => undefined); // awaited below; never an unhandled rejection if the transaction fails first
    const sheet = initial.length ? await buildPasswordsWorkbook(initial) : null;

    try {
      return await this.db.transaction(async (manager) => {
        // One onboarding at a time, so two confirmations cannot both create the same unit.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dutylist:onboarding'))`);
        const locked = await manager.findOne(OnboardingImportEntity, {
          where: { id, createdBy: user.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!locked) throw notFound();
        if (locked.status === 'confirmed') return toPreview(locked);
        const plan = planOnboarding(locked.input, await this.directory(manager, user, locked.input), user);
        if (plan.signature !== locked.planSignature || plan.problems.length) throw stale();

        const hashes = await hashing;
        const hashByUsername = new Map(initial.map((u, i) => [u.username.toLowerCase(), hashes[i]]));
        const result = await this.apply(manager, user, plan, hashByUsername);
        const sealed = sheet ? sealPasswords(this.config.JWT_SECRET, locked.id, sheet) : null;
        const counts = locked.preview.counts;
        await this.audit.record(manager, {
          actor: user,
          action: 'onboarding.confirm',
          orgUnitId: user.orgUnitId,
          targetType: 'onboarding',
          targetId: locked.id,
          summary:
            `批量导入“${locked.fileName}”：新建单位 ${counts.orgUnits.create} 个、更新 ${counts.orgUnits.update} 个，` +
            `新建账号 ${counts.users.create} 个、更新 ${counts.users.update} 个`,
          details: {
            fileName: locked.fileName,
            fileSha256: locked.fileSha256,
            orgUnits: counts.orgUnits,
            users: counts.users,
            createdOrgUnitIds: result.createdUnitIds,
            createdUserIds: result.createdUserIds,
          },
        });
        await manager.update(
          OnboardingImportEntity,
          { id: locked.id },
          { status: 'confirmed', confirmedAt: () => 'now()', passwords: sealed },
        );
        return toPreview({ ...locked, status: 'confirmed', confirmedAt: new Date() }, initial.length > 0);
      });
    } catch (error) {
      // The single-item admin API created the same unit or user name meanwhile.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw stale();
      throw error;
    }
  }

  /** The initial passwords' sheet, once: the download erases it (a second call is 410). */
  async downloadPasswords(user: AuthUser, id: string): Promise<{ fileName: string; body: Buffer }> {
    authorizeAdmin(user, 'onboard', { path: user.orgPath });
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = (await this.db.query(
      `WITH taken AS (
         SELECT id, passwords, file_name FROM onboarding_imports
         WHERE id = $1 AND created_by = $2 AND passwords IS NOT NULL
           AND confirmed_at > now() - interval '${PASSWORDS_TTL}'
         FOR UPDATE
       )
       UPDATE onboarding_imports o SET passwords = NULL, passwords_downloaded_at = now()
       FROM taken WHERE o.id = taken.id
       RETURNING taken.passwords, taken.file_name`,
      [id, user.id],
    )) as [Array<{ passwords: Buffer; file_name: string }>, number];
    if (!rows.length) {
      await this.find(this.db.manager, user, id);
      throw new AppError(
        'ONBOARDING_PASSWORDS_GONE',
        '初始密码只能下载一次，已下载或已过期；如需要，请逐个为账号重置密码',
      );
    }
    const body = openPasswords(this.config.JWT_SECRET, id, rows[0].passwords);
    const base = rows[0].file_name.replace(/\.xlsx$/i, '');
    return { fileName: `${base}-初始密码.xlsx`, body };
  }

  private assertConfirmable(found: OnboardingImportEntity): void {
    if (found.expiresAt.getTime() < Date.now()) {
      throw new AppError('ONBOARDING_EXPIRED', '该预览已过期，请重新上传文件');
    }
    if (found.preview.problems.length) {
      throw new AppError(
        'ONBOARDING_HAS_PROBLEMS',
        `文件中有 ${found.preview.problems.length} 个问题，请修正后重新上传`,
      );
    }
  }

  private async find(manager: EntityManager, user: AuthUser, id: string): Promise<OnboardingImportEntity> {
    const found = await manager.findOneBy(OnboardingImportEntity, { id, createdBy: user.id });
    if (!found) throw notFound();
    return found;
  }

  /** Old previews go; passwords not fetched within a day are erased. */
  private async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM onboarding_imports WHERE status = 'preview' AND expires_at < now()`);
    await this.db.query(
      `UPDATE onboarding_imports SET passwords = NULL
       WHERE passwords IS NOT NULL AND confirmed_at < now() - interval '${PASSWORDS_TTL}'`,
    );
  }

  /** The units the admin may see (their subtree and the units above it) and the accounts the file names. */
  private async directory(manager: EntityManager, user: AuthUser, input: OnboardingInput): Promise<Directory> {
    const units: Array<{
      id: string;
      name: string;
      short_name: string | null;
      aliases: string[];
      level: OrgLevel;
      parent_id: string | null;
      path: string;
      is_active: boolean;
    }> = await manager.query(
      `SELECT id, name, short_name, aliases, level, parent_id, path, is_active FROM org_units
       WHERE path LIKE $1 OR id = ANY($2::uuid[])`,
      [`${user.orgPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, idsOfPath(user.orgPath)],
    );
    const usernames = [...new Set(input.users.map((u) => u.username.trim().toLowerCase()).filter(Boolean))];
    const users: Array<{
      id: string;
      username: string;
      display_name: string;
      role: Role;
      org_unit_id: string;
      email: string | null;
      path: string;
    }> = usernames.length
      ? await manager.query(
          `SELECT u.id, u.username, u.display_name, u.role, u.org_unit_id, u.email, o.path
           FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE lower(u.username) = ANY($1::text[])`,
          [usernames],
        )
      : [];
    return {
      units: units.map((u): DirectoryUnit => ({
        id: u.id,
        name: u.name,
        shortName: u.short_name,
        aliases: u.aliases,
        level: u.level,
        parentId: u.parent_id,
        path: u.path,
        isActive: u.is_active,
      })),
      users: new Map(
        users.map((u): [string, DirectoryUser] => [
          u.username.toLowerCase(),
          {
            id: u.id,
            username: u.username,
            displayName: u.display_name,
            role: u.role,
            orgUnitId: u.org_unit_id,
            email: u.email,
            orgPath: u.path,
          },
        ]),
      ),
    };
  }

  /** Writes the plan with a handful of set-based statements (jsonb_to_recordset), not one per row. */
  private async apply(
    manager: EntityManager,
    user: AuthUser,
    plan: OnboardingPlan,
    hashByUsername: Map<string, string>,
  ): Promise<{ createdUnitIds: string[]; createdUserIds: string[] }> {
    const existingPaths = new Map<string, string>(
      (
        (await manager.query(`SELECT id, path FROM org_units WHERE id = ANY($1::uuid[])`, [
          [...new Set(plan.units.flatMap((u) => (u.parent && 'id' in u.parent ? [u.parent.id] : [])))],
        ])) as Array<{ id: string; path: string }>
      ).map((r) => [r.id, r.path]),
    );
    const byRow = new Map(plan.units.map((u) => [u.row, u]));
    const newId = new Map<number, string>();
    const newPath = new Map<number, string>();
    for (const u of plan.units) if (u.action === 'create') newId.set(u.row, randomUUID());
    const pathOfRow = (row: number): string => {
      const known = newPath.get(row);
      if (known) return known;
      const unit = byRow.get(row);
      if (!unit?.parent) throw stale();
      const parentPath = 'id' in unit.parent ? existingPaths.get(unit.parent.id) : pathOfRow(unit.parent.row);
      if (!parentPath) throw stale();
      const path = `${parentPath}${newId.get(row)}/`;
      newPath.set(row, path);
      return path;
    };
    const unitId = (ref: { id: string } | { row: number } | null): string => {
      if (!ref) throw stale();
      if ('id' in ref) return ref.id;
      const id = newId.get(ref.row) ?? byRow.get(ref.row)?.existingId;
      if (!id) throw stale();
      return id;
    };

    const creates = plan.units
      .filter((u) => u.action === 'create')
      .map((u) => ({
        id: newId.get(u.row),
        name: u.name,
        short_name: u.shortName,
        aliases: u.aliases,
        level: u.level,
        parent_id: unitId(u.parent),
        path: pathOfRow(u.row),
      }))
      .sort((a, b) => a.path.length - b.path.length);
    if (creates.length) {
      await manager.query(
        `INSERT INTO org_units (id, name, short_name, aliases, level, parent_id, path)
         SELECT r.id, r.name, r.short_name, ARRAY(SELECT jsonb_array_elements_text(r.aliases)), r.level, r.parent_id, r.path
         FROM jsonb_to_recordset($1::jsonb)
           AS r(id uuid, name text, short_name text, aliases jsonb, level text, parent_id uuid, path text)`,
        [JSON.stringify(creates)],
      );
    }
    const unitUpdates = plan.units.filter((u) => u.action === 'update');
    if (unitUpdates.length) {
      await manager.query(
        `UPDATE org_units o SET short_name = r.short_name,
           aliases = ARRAY(SELECT jsonb_array_elements_text(r.aliases)), updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, short_name text, aliases jsonb)
         WHERE o.id = r.id`,
        [JSON.stringify(unitUpdates.map((u) => ({ id: u.existingId, short_name: u.shortName, aliases: u.aliases })))],
      );
      for (const u of unitUpdates) {
        await this.audit.record(manager, {
          actor: user,
          action: 'onboarding.update_org_unit',
          orgUnitId: u.existingId,
          targetType: 'org_unit',
          targetId: u.existingId,
          summary: `批量导入更新单位“${u.name}”：${u.changes.join('；')}`,
          details: { changes: u.changes },
        });
      }
    }

    const userCreates = plan.users
      .filter((u) => u.action === 'create')
      .map((u) => {
        const hash = hashByUsername.get(u.username.toLowerCase());
        if (!hash) throw stale();
        return {
          username: u.username,
          display_name: u.displayName,
          password_hash: hash,
          role: u.role,
          org_unit_id: unitId(u.unit),
          email: u.email,
        };
      });
    let createdUserIds: string[] = [];
    if (userCreates.length) {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO users (username, display_name, password_hash, role, org_unit_id, email, must_change_password)
         SELECT r.username, r.display_name, r.password_hash, r.role, r.org_unit_id, r.email, true
         FROM jsonb_to_recordset($1::jsonb)
           AS r(username text, display_name text, password_hash text, role text, org_unit_id uuid, email text)
         RETURNING id`,
        [JSON.stringify(userCreates)],
      );
      createdUserIds = rows.map((r) => r.id);
    }
    const userUpdates = plan.users.filter((u) => u.action === 'update');
    if (userUpdates.length) {
      // Name, role, unit and e-mail only: an existing account keeps its password.
      await manager.query(
        `UPDATE users u SET display_name = r.display_name, role = r.role, org_unit_id = r.org_unit_id,
           email = r.email, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb)
           AS r(id uuid, display_name text, role text, org_unit_id uuid, email text)
         WHERE u.id = r.id`,
        [
          JSON.stringify(
            userUpdates.map((u) => ({
              id: u.existingId,
              display_name: u.displayName,
              role: u.role,
              org_unit_id: unitId(u.unit),
              email: u.email,
            })),
          ),
        ],
      );
      for (const u of userUpdates) {
        await this.audit.record(manager, {
          actor: user,
          action: 'onboarding.update_user',
          orgUnitId: unitId(u.unit),
          targetType: 'user',
          targetId: u.existingId,
          summary: `批量导入更新账号“${u.username}”（${ROLE_LABELS[u.role as Role]}）：${u.changes.join('；')}`,
          details: { changes: u.changes },
        });
      }
    }
    return { createdUnitIds: creates.map((c) => c.id as string), createdUserIds };
  }
}

/** busboy hands the name over as Latin-1. */
function fileNameOf(file: UploadedWorkbook): string {
  const decoded = Buffer.from(file.originalname, 'latin1').toString('utf8');
  const name = decoded.includes('\uFFFD') ? file.originalname : decoded;
  // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
  return name.replace(/[\u0000-\u001f]/g, '').slice(0, 255) || '导入文件.xlsx';
}

function toPreview(entity: OnboardingImportEntity, passwordsAvailable?: boolean): OnboardingPreview {
  const expired = entity.expiresAt.getTime() < Date.now();
  const confirmed = entity.status === 'confirmed';
  const counts = entity.preview.counts;
  const withinPasswordTtl = !!entity.confirmedAt && Date.now() - entity.confirmedAt.getTime() < PREVIEW_TTL_MS;
  return {
    id: entity.id,
    status: entity.status,
    fileName: entity.fileName,
    fileSha256: entity.fileSha256,
    createdAt: entity.createdAt.toISOString(),
    expiresAt: entity.expiresAt.toISOString(),
    confirmedAt: entity.confirmedAt?.toISOString() ?? null,
    counts,
    orgUnits: entity.preview.orgUnits,
    users: entity.preview.users,
    problems: entity.preview.problems,
    canConfirm: !confirmed && !expired && entity.preview.problems.length === 0,
    passwordsAvailable:
      passwordsAvailable ??
      (confirmed && counts.users.create > 0 && !entity.passwordsDownloadedAt && withinPasswordTtl),
  };
}
