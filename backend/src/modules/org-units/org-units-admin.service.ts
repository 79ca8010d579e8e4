import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { z } from 'zod';
import {
  IN_REVIEW_STAGES,
  LIST_STAGE_LABELS,
  ORG_LEVEL_LABELS,
  ORG_LEVELS,
  moveProblem,
  namesOf,
  ownUnitProblem,
  parentLevelProblem,
  type AdminOrgUnit,
  type UserAbilities,
  type adminOrgUnitQuerySchema,
  type createOrgUnitRequestSchema,
  type updateOrgUnitRequestSchema,
  type ListStage,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AdminAuditService } from '../admin-audit/admin-audit.service';
import type { AuthUser } from '../auth/auth-user';
import { authorizeAdmin } from '../policies/admin.policy';
import { OrgUnitEntity } from './org-unit.entity';

/** Requests as their zod schemas leave them (trimmed, names normalised). */
export type CreateOrgUnitInput = z.output<typeof createOrgUnitRequestSchema>;
export type UpdateOrgUnitInput = z.output<typeof updateOrgUnitRequestSchema>;
export type OrgUnitQueryInput = z.output<typeof adminOrgUnitQuerySchema>;

/** Who acts: the signed-in admin. */
export type AdminActor = AuthUser;

const NO_PARENT = '00000000-0000-0000-0000-000000000000';

/**
 * Advisory lock of the tree's shape: creates take it shared, moves exclusive, before they read any
 * path, so a unit is never created under a path that a concurrent move is rewriting.
 */
const TREE_SHAPE_LOCK = 727002;

interface AdminOrgUnitRow {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  level: AdminOrgUnit['level'];
  parentId: string | null;
  isActive: boolean;
  userCount: number;
  childCount: number;
  createdAt: Date;
  updatedAt: Date;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && (constraint === undefined || driver.constraint === constraint);
}

/**
 * The org directory as admins manage it: each rule of creating, renaming, moving and disabling a unit is
 * written here once. The `…InTransaction` methods take the caller's EntityManager, so the bulk onboarding
 * applies exactly the same rules inside its own transaction; every change writes its admin_events row there.
 */
@Injectable()
export class OrgUnitsAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AdminAuditService,
  ) {}

  /** The admin's subtree (or the children of one unit in it), with account and child counts, in one query. */
  async list(actor: AdminActor, query: OrgUnitQueryInput): Promise<AdminOrgUnit[]> {
    authorizeAdmin(actor, 'manageOrgUnits', { path: actor.orgPath });
    if (query.parentId) await this.findInScope(this.db.manager, actor, query.parentId);
    const params: unknown[] = [`${actor.orgPath}%`];
    const where: string[] = [];
    if (query.parentId) {
      params.push(query.parentId);
      where.push(`o.parent_id = $${params.length}`);
    }
    if (query.level) {
      params.push(query.level);
      where.push(`o.level = $${params.length}`);
    }
    if (query.search) {
      params.push(`%${escapeLike(query.search)}%`);
      const p = `$${params.length}`;
      where.push(
        `(o.name ILIKE ${p} OR o.short_name ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(o.aliases) a WHERE a ILIKE ${p}))`,
      );
    }
    return (await this.select(this.db.manager, where, params)).map(toAdminOrgUnit);
  }

  /** One unit of the subtree as the admin screens show it. */
  async getOne(actor: AdminActor, id: string, manager: EntityManager = this.db.manager): Promise<AdminOrgUnit> {
    await this.findInScope(manager, actor, id);
    const [row] = await this.select(manager, [`o.id = $2`], [`${actor.orgPath}%`, id]);
    return toAdminOrgUnit(row);
  }

  private select(manager: EntityManager, where: string[], params: unknown[]): Promise<AdminOrgUnitRow[]> {
    return manager.query(
      `SELECT o.id, o.name, o.short_name AS "shortName", o.aliases, o.level, o.parent_id AS "parentId",
              o.is_active AS "isActive", COALESCE(uc.n, 0)::int AS "userCount", COALESCE(cc.n, 0)::int AS "childCount",
              o.created_at AS "createdAt", o.updated_at AS "updatedAt"
         FROM org_units o
         LEFT JOIN (SELECT u.org_unit_id, count(*) AS n FROM users u WHERE u.is_active GROUP BY u.org_unit_id) uc
           ON uc.org_unit_id = o.id
         LEFT JOIN (SELECT c.parent_id, count(*) AS n FROM org_units c WHERE c.path LIKE $1 GROUP BY c.parent_id) cc
           ON cc.parent_id = o.id
        WHERE o.path LIKE $1 ${where.map((w) => `AND ${w}`).join(' ')}
        ORDER BY length(o.path), array_position($${params.length + 1}::text[], o.level::text), o.name COLLATE "C"`,
      [...params, ORG_LEVELS],
    );
  }

  /**
   * The unit, if it lies in the actor's subtree (else 404) and the actor may use `ability` there (else
   * 403). With `lock`, the row is locked for the rest of the transaction.
   */
  async findInScope(
    manager: EntityManager,
    actor: AdminActor,
    id: string,
    options: { lock?: boolean; ability?: keyof UserAbilities } = {},
  ): Promise<OrgUnitEntity> {
    const unit = await manager.findOne(OrgUnitEntity, {
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    authorizeAdmin(actor, options.ability ?? 'manageOrgUnits', unit);
    return unit as OrgUnitEntity;
  }

  async create(actor: AdminActor, request: CreateOrgUnitInput): Promise<AdminOrgUnit> {
    const unit = await this.db.transaction((m) => this.createInTransaction(m, actor, request));
    return this.getOne(actor, unit.id);
  }

  /**
   * Creates a unit under a parent of the actor's subtree: the parent active, the level fit for it, no
   * sibling already named by any of its names. The parent row is locked, so two creates of one name
   * under one parent cannot both pass.
   */
  async createInTransaction(
    manager: EntityManager,
    actor: AdminActor,
    request: CreateOrgUnitInput,
  ): Promise<OrgUnitEntity> {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [TREE_SHAPE_LOCK]);
    const parent = await this.findInScope(manager, actor, request.parentId, { lock: true });
    if (!parent.isActive) {
      throw new AppError('ORG_UNIT_INACTIVE', `上级单位“${parent.name}”已停用，不能在其下新建单位`);
    }
    const levelProblem = parentLevelProblem(request.level, parent.level);
    if (levelProblem) throw new AppError('ORG_LEVEL_MISMATCH', levelProblem);
    const shortName = request.shortName ?? null;
    const aliases = this.cleanAliases(request.name, shortName, request.aliases ?? []);
    await this.assertNamesFree(manager, parent, namesOf({ name: request.name, shortName, aliases }));

    const [{ id }] = (await manager.query('SELECT gen_random_uuid() AS id')) as { id: string }[];
    const unit = manager.create(OrgUnitEntity, {
      id,
      name: request.name,
      shortName,
      aliases,
      level: request.level,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      isActive: true,
    });
    await this.guardUnique(() => manager.insert(OrgUnitEntity, unit), parent, request.name);
    await this.audit.record(manager, {
      actor,
      action: 'org_unit.create',
      orgUnitId: id,
      targetType: 'org_unit',
      targetId: id,
      summary: `新建${ORG_LEVEL_LABELS[request.level]}“${request.name}”（上级：${parent.name}）`,
      details: { name: request.name, shortName, aliases, level: request.level, parentId: parent.id },
    });
    return unit;
  }

  async update(actor: AdminActor, id: string, request: UpdateOrgUnitInput): Promise<AdminOrgUnit> {
    await this.db.transaction((m) => this.updateInTransaction(m, actor, id, request));
    return this.getOne(actor, id);
  }

  /**
   * Renames (full name, short name, aliases), moves under another parent of the subtree, disables or
   * enables a unit: any subset, in this order of checks. A move rewrites the path of the whole subtree in
   * one statement. Disabling disables the whole subtree (its accounts can no longer sign in) and enabling
   * enables it again; neither a move nor a disable is allowed while a list below is in the review cycle,
   * nor on the actor's own unit. One admin_events row per kind of change.
   */
  async updateInTransaction(
    manager: EntityManager,
    actor: AdminActor,
    id: string,
    request: UpdateOrgUnitInput,
  ): Promise<OrgUnitEntity> {
    if (request.parentId !== undefined) {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [TREE_SHAPE_LOCK]);
    }
    const unit = await this.findInScope(manager, actor, id, { lock: true });
    let parent = unit.parentId ? await manager.findOneBy(OrgUnitEntity, { id: unit.parentId }) : null;

    const moving = request.parentId !== undefined && request.parentId !== unit.parentId;
    const toggling = request.isActive !== undefined && request.isActive !== unit.isActive;
    const next = {
      name: request.name ?? unit.name,
      shortName: request.shortName === undefined ? unit.shortName : request.shortName,
      aliases: request.aliases ?? unit.aliases,
    };
    next.aliases = this.cleanAliases(next.name, next.shortName, next.aliases);
    const renaming =
      next.name !== unit.name ||
      next.shortName !== unit.shortName ||
      next.aliases.join('\u0001') !== unit.aliases.join('\u0001');

    if (moving || (toggling && request.isActive === false)) {
      const own = ownUnitProblem(actor.orgPath, unit.path);
      if (own) throw new AppError('SELF_CHANGE_FORBIDDEN', own);
    }
    const oldParent = parent;
    if (moving) {
      if (unit.parentId === null) throw new AppError('INVALID_MOVE', '自治区是最上级单位，不能移动');
      const target = await this.findInScope(manager, actor, request.parentId as string, { lock: true });
      const problem = moveProblem(unit, target);
      if (problem) {
        throw new AppError(target.path.startsWith(unit.path) ? 'INVALID_MOVE' : 'ORG_LEVEL_MISMATCH', problem);
      }
      if (!target.isActive && (request.isActive ?? unit.isActive)) {
        throw new AppError('ORG_UNIT_INACTIVE', `上级单位“${target.name}”已停用，不能把启用的单位移到其下`);
      }
      await this.assertNoListInReview(manager, unit, '调整隶属关系');
      parent = target;
    }
    if (toggling && request.isActive === false) await this.assertNoListInReview(manager, unit, '停用');
    if (toggling && request.isActive === true && parent && !parent.isActive) {
      throw new AppError('ORG_UNIT_INACTIVE', `上级单位“${parent.name}”已停用，请先启用上级单位`);
    }
    if ((renaming || moving) && parent) await this.assertNamesFree(manager, parent, namesOf(next), unit.id);

    if (renaming) {
      await this.guardUnique(
        () =>
          manager.update(OrgUnitEntity, { id }, { name: next.name, shortName: next.shortName, aliases: next.aliases }),
        parent,
        next.name,
      );
      await this.audit.record(manager, {
        actor,
        action: 'org_unit.rename',
        orgUnitId: id,
        targetType: 'org_unit',
        targetId: id,
        summary: next.name !== unit.name ? `将“${unit.name}”更名为“${next.name}”` : `修改“${next.name}”的简称或别名`,
        details: {
          before: { name: unit.name, shortName: unit.shortName, aliases: unit.aliases },
          after: next,
        },
      });
    }
    if (moving && parent) {
      const newPath = `${parent.path}${unit.id}/`;
      await this.guardUnique(() => manager.update(OrgUnitEntity, { id }, { parentId: parent.id }), parent, next.name);
      await manager.query(
        `UPDATE org_units SET path = $2 || substr(path, length($1) + 1), updated_at = now() WHERE path LIKE $1 || '%'`,
        [unit.path, newPath],
      );
      await this.audit.record(manager, {
        actor,
        action: 'org_unit.move',
        orgUnitId: id,
        targetType: 'org_unit',
        targetId: id,
        summary: `将“${next.name}”从“${oldParent?.name ?? ''}”移到“${parent.name}”之下`,
        details: { fromParentId: unit.parentId, toParentId: parent.id },
      });
      unit.path = newPath;
      unit.parentId = parent.id;
    }
    if (toggling) {
      const result = await manager
        .createQueryBuilder()
        .update(OrgUnitEntity)
        .set({ isActive: request.isActive })
        .where(`path LIKE :prefix AND is_active <> :active`, { prefix: `${unit.path}%`, active: request.isActive })
        .execute();
      const below = Math.max(0, (result.affected ?? 1) - 1);
      await this.audit.record(manager, {
        actor,
        action: request.isActive ? 'org_unit.enable' : 'org_unit.disable',
        orgUnitId: id,
        targetType: 'org_unit',
        targetId: id,
        summary: `${request.isActive ? '启用' : '停用'}“${next.name}”${below > 0 ? `及其下 ${below} 个单位` : ''}`,
        details: { unitsChanged: below + 1 },
      });
    }
    return Object.assign(unit, next, toggling ? { isActive: request.isActive } : {});
  }

  /** Aliases without repeats and without the full or short name (they name the unit already). */
  cleanAliases(name: string, shortName: string | null, aliases: readonly string[]): string[] {
    return [...new Set(aliases)].filter((a) => a !== name && a !== shortName);
  }

  /**
   * Refuses (409 DUPLICATE) when a sibling under `parent` already goes by one of `names` (as full name,
   * short name or alias): a document naming `县民政局` must find one department, not two.
   */
  async assertNamesFree(
    manager: EntityManager,
    parent: Pick<OrgUnitEntity, 'id' | 'name'>,
    names: string[],
    exceptId: string = NO_PARENT,
  ): Promise<void> {
    const [clash] = (await manager.query(
      `SELECT name, short_name AS "shortName", aliases FROM org_units
        WHERE parent_id = $1 AND id <> $2 AND (name = ANY($3) OR short_name = ANY($3) OR aliases && $3::text[])
        LIMIT 1`,
      [parent.id, exceptId, names],
    )) as { name: string; shortName: string | null; aliases: string[] }[];
    if (!clash) return;
    const taken = namesOf(clash).find((n) => names.includes(n)) ?? clash.name;
    throw new AppError(
      'DUPLICATE',
      taken === clash.name
        ? `“${parent.name}”下已有名为“${taken}”的单位`
        : `“${parent.name}”下的“${clash.name}”已使用“${taken}”作为简称或别名`,
    );
  }

  /** Refuses (409 LIST_IN_REVIEW) while a list of the unit or below it is in the review cycle. */
  async assertNoListInReview(manager: EntityManager, unit: Pick<OrgUnitEntity, 'path'>, what: string): Promise<void> {
    // duty_lists belongs to the lists module; this one read is the rule of the org directory.
    const [busy] = (await manager.query(
      `SELECT o.name, l.stage FROM duty_lists l JOIN org_units o ON o.id = l.township_id
        WHERE o.path LIKE $1 || '%' AND l.stage = ANY($2) LIMIT 1`,
      [unit.path, IN_REVIEW_STAGES],
    )) as { name: string; stage: ListStage }[];
    if (busy) {
      throw new AppError(
        'LIST_IN_REVIEW',
        `“${busy.name}”的清单正在审核流程中（${LIST_STAGE_LABELS[busy.stage]}），暂不能${what}；请待该清单发布后再操作`,
      );
    }
  }

  /** The unique index on (parent, name) as the last guard against a race: 409 DUPLICATE, never a 500. */
  private async guardUnique<T>(write: () => Promise<T>, parent: Pick<OrgUnitEntity, 'name'> | null, name: string) {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('DUPLICATE', `${parent ? `“${parent.name}”下` : ''}已有名为“${name}”的单位`);
      }
      throw error;
    }
  }
}

function toAdminOrgUnit(row: AdminOrgUnitRow): AdminOrgUnit {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
