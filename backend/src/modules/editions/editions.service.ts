import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  LIST_STAGES,
  type EditionSettings,
  type EditionSummary,
  type ListStage,
  type OpenEditionRequest,
  type OpenEditionResponse,
  type UpdateEditionSettingsRequest,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AdminAuditService } from '../admin-audit/admin-audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ItemsService } from '../items/items.service';
import { ListsService } from '../lists/lists.service';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { isInScope } from '../org-units/org-unit.policy';
import { UsersService } from '../users/users.service';
import { authorizeUser } from '../policies/admin.policy';
import { EditionSettingsEntity } from './edition-settings.entity';

/** 三上三下: three rounds unless the edition says otherwise; no deadlines unless set. */
export const DEFAULT_MAX_ROUNDS = 3;

/** Stages whose deadline is the township's revision time; every other open stage uses the review time. */
const REVISE_STAGES: readonly ListStage[] = ['returned'];

const defaultTitle = (edition: number) => `${edition}年度`;

interface CountRow {
  edition: number;
  stage: ListStage;
  n: number;
  adjusting: number;
  overdue: number;
}

@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: ItemsService,
    private readonly adminAudit: AdminAuditService,
    private readonly users: UsersService,
    private readonly lists: ListsService,
  ) {}

  async get(edition: number, manager: EntityManager = this.db.manager): Promise<EditionSettings> {
    const row = await manager.findOneBy(EditionSettingsEntity, { edition });
    return {
      edition,
      maxRounds: row?.maxRounds ?? DEFAULT_MAX_ROUNDS,
      reviewDays: row?.reviewDays ?? null,
      reviseDays: row?.reviseDays ?? null,
    };
  }

  /** Every edition configured or holding lists, newest first, with the caller's lists per stage. */
  async list(user: AuthUser): Promise<EditionSummary[]> {
    const settings = await this.db.getRepository(EditionSettingsEntity).find();
    const counts: CountRow[] = await this.db.query(
      `SELECT l.edition, l.stage, count(*)::int AS n,
              count(*) FILTER (WHERE l.in_force_version_id IS NOT NULL AND l.stage <> 'published')::int AS adjusting,
              count(*) FILTER (WHERE l.stage <> 'published' AND l.deadline_at < now())::int AS overdue
       FROM duty_lists l JOIN org_units t ON t.id = l.township_id
       WHERE t.path LIKE $1 GROUP BY l.edition, l.stage`,
      [`${user.orgPath}%`],
    );
    const editions = [...new Set([...settings.map((s) => s.edition), ...counts.map((c) => c.edition)])].sort(
      (a, b) => b - a,
    );
    const people = await this.users.refs(settings.flatMap((s) => (s.openedBy ? [s.openedBy] : [])));
    return editions.map((edition) => {
      const row = settings.find((s) => s.edition === edition);
      const mine = counts.filter((c) => c.edition === edition);
      const stages = Object.fromEntries(LIST_STAGES.map((s) => [s, 0])) as Record<ListStage, number>;
      for (const c of mine) stages[c.stage] = c.n;
      return {
        edition,
        title: row?.title ?? defaultTitle(edition),
        maxRounds: row?.maxRounds ?? DEFAULT_MAX_ROUNDS,
        reviewDays: row?.reviewDays ?? null,
        reviseDays: row?.reviseDays ?? null,
        openedAt: row?.openedAt?.toISOString() ?? null,
        openedBy: row?.openedBy ? (people.get(row.openedBy) ?? null) : null,
        lists: mine.reduce((n, c) => n + c.n, 0),
        stages,
        adjusting: mine.reduce((n, c) => n + c.adjusting, 0),
        overdue: mine.reduce((n, c) => n + c.overdue, 0),
      };
    });
  }

  /**
   * Opens an edition: its title, round limit and deadlines, and a draft for every active township in
   * scope, started from the township's latest published list (item ids kept) or empty. Repeating it creates
   * drafts only for townships that have none yet (new townships); other settings are changed with `update`.
   */
  async open(user: AuthUser, request: OpenEditionRequest): Promise<OpenEditionResponse> {
    authorizeUser(user, 'manageEditions', '只有自治区编办或自治区级管理员可以开启和设置届次');
    const title = request.title ?? defaultTitle(request.edition);
    const result = await this.db.transaction(async (manager) => {
      const scope = await this.scopeUnit(manager, user, request.orgUnitId);
      await manager.query(
        `INSERT INTO edition_settings (edition, max_rounds) VALUES ($1, $2) ON CONFLICT (edition) DO NOTHING`,
        [request.edition, request.maxRounds],
      );
      const [settings] = await manager.find(EditionSettingsEntity, {
        where: { edition: request.edition },
        lock: { mode: 'pessimistic_write' },
      });
      const wanted = { maxRounds: request.maxRounds, reviewDays: request.reviewDays, reviseDays: request.reviseDays };
      const opened = settings.openedAt !== null;
      if (opened) {
        const same =
          settings.title === title &&
          settings.maxRounds === wanted.maxRounds &&
          settings.reviewDays === wanted.reviewDays &&
          settings.reviseDays === wanted.reviseDays;
        if (!same) {
          throw new AppError(
            'EDITION_CONFLICT',
            `${settings.title ?? defaultTitle(request.edition)}已开启，设置不同：请在届次管理中修改设置，或按原设置再次开启以补建草稿`,
          );
        }
      } else {
        await this.assertTitleFree(manager, request.edition, title);
        await manager.update(
          EditionSettingsEntity,
          { edition: request.edition },
          { ...wanted, title, openedAt: new Date(), openedBy: user.id },
        );
      }
      const { created, fromPublished, townships } = await this.createDrafts(manager, user, request.edition, scope);
      await this.adminAudit.record(manager, {
        actor: user,
        action: 'edition.open',
        orgUnitId: scope.id,
        targetType: 'edition',
        targetId: String(request.edition),
        summary: `开启届次“${title}”：新建草稿 ${created} 份（其中 ${fromPublished} 份沿用已发布清单），已有 ${townships - created} 份`,
        details: {
          ...wanted,
          title,
          edition: request.edition,
          created,
          skipped: townships - created,
          fromPublished,
          reopened: opened,
        },
      });
      return { created, skipped: townships - created, fromPublished };
    });
    const [edition] = (await this.list(user)).filter((e) => e.edition === request.edition);
    return { edition, ...result };
  }

  async update(user: AuthUser, edition: number, request: UpdateEditionSettingsRequest): Promise<EditionSettings> {
    authorizeUser(user, 'manageEditions', '只有自治区编办或自治区级管理员可以开启和设置届次');
    if (edition < 2000 || edition > 2999) throw AppError.notFound('EDITION_NOT_FOUND', '未找到该届次');
    await this.db.transaction(async (manager) => {
      const before = await manager.findOne(EditionSettingsEntity, {
        where: { edition },
        lock: { mode: 'pessimistic_write' },
      });
      const { title, ...settings } = request;
      if (title !== undefined) await this.assertTitleFree(manager, edition, title);
      await manager
        .createQueryBuilder()
        .insert()
        .into(EditionSettingsEntity)
        .values({ edition, ...settings, ...(title !== undefined ? { title } : {}) })
        .orUpdate(
          ['max_rounds', 'review_days', 'revise_days', ...(title !== undefined ? ['title'] : []), 'updated_at'],
          ['edition'],
        )
        .execute();
      const name = title ?? before?.title ?? defaultTitle(edition);
      await this.adminAudit.record(manager, {
        actor: user,
        action: 'edition.update',
        orgUnitId: user.orgUnitId,
        targetType: 'edition',
        targetId: String(edition),
        summary: `修改届次“${name}”的设置：轮次上限 ${settings.maxRounds}，审核 ${settings.reviewDays ?? '不限'} 天，修改 ${settings.reviseDays ?? '不限'} 天`,
        details: {
          before: before
            ? {
                title: before.title,
                maxRounds: before.maxRounds,
                reviewDays: before.reviewDays,
                reviseDays: before.reviseDays,
              }
            : null,
          after: { ...settings, title: name },
        },
      });
    });
    return this.get(edition);
  }

  /** When a stage entered now is due, or null (drafting and publishing have no deadline). */
  deadlineFor(stage: ListStage, settings: EditionSettings, from = new Date()): Date | null {
    if (stage === 'drafting' || stage === 'published') return null;
    const days = REVISE_STAGES.includes(stage) ? settings.reviseDays : settings.reviewDays;
    return days ? new Date(from.getTime() + days * 24 * 3600 * 1000) : null;
  }

  /** The unit whose townships get drafts: the caller's, or one below it (404 outside scope or unknown). */
  private async scopeUnit(manager: EntityManager, user: AuthUser, orgUnitId?: string): Promise<OrgUnitEntity> {
    const unit = await manager.findOneBy(OrgUnitEntity, { id: orgUnitId ?? user.orgUnitId });
    if (!unit || !isInScope(user, unit.path)) {
      throw AppError.notFound('ORG_UNIT_NOT_FOUND', '未找到该组织机构，或您无权访问');
    }
    return unit;
  }

  private async assertTitleFree(manager: EntityManager, edition: number, title: string): Promise<void> {
    const [taken]: { edition: number }[] = await manager.query(
      `SELECT edition FROM edition_settings WHERE title = $1 AND edition <> $2`,
      [title, edition],
    );
    if (taken) throw new AppError('EDITION_CONFLICT', `届次名称“${title}”已被 ${taken.edition} 届次使用`);
  }

  /**
   * One draft per active township under `scope` that has no list of the edition yet, in a few statements
   * (a region has about 1,100 townships): the list row with the 说明 and the version it started from, its
   * initial cycle, and its items copied with their ids.
   */
  private async createDrafts(manager: EntityManager, user: AuthUser, edition: number, scope: OrgUnitEntity) {
    const [{ n: townships }]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM org_units t
       WHERE t.level = 'township' AND t.is_active AND t.path LIKE $1`,
      [`${scope.path}%`],
    );
    const created = await this.lists.createEditionDrafts(manager, scope.path, edition, user.id);
    const based = created.filter((c): c is { listId: string; baseVersionId: string } => c.baseVersionId !== null);
    await this.items.copyVersionsIntoDrafts(
      manager,
      based.map((c) => ({ listId: c.listId, versionId: c.baseVersionId })),
    );
    return { created: created.length, fromPublished: based.length, townships };
  }
}
