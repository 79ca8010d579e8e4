import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  nextStage,
  reviewLevelOf,
  sameItemContent,
  targetStages,
  type ApproveRequest,
  type EditionSettings,
  type ListAction,
  type ListDetail,
  type ListStage,
  type ReturnItemsRequest,
  type ReturnRoundRequest,
  type SignOffRequest,
  type SubmitRequest,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EditionsService } from '../editions/editions.service';
import { ItemEntity } from '../items/item.entity';
import { DutyListEntity } from '../lists/duty-list.entity';
import { ACTION_ABILITY, denialOf } from '../policies/list.policy';
import { ListVersionEntity } from '../lists/list-version.entity';
import { ListsService } from '../lists/lists.service';
import { VersionItemEntity } from '../lists/version-item.entity';
import { ItemDecisionEntity } from '../reviews/item-decision.entity';
import { ReviewStateService } from '../reviews/review-state.service';

/** What a step changes besides the stage, and what its audit row says. */
interface StepOutcome {
  changes?: Partial<Pick<DutyListEntity, 'round' | 'returnLevel'>>;
  reason?: string | null;
  details?: Record<string, unknown>;
}

type StepWork = (
  manager: EntityManager,
  list: DutyListEntity,
  to: ListStage,
  settings: EditionSettings,
) => Promise<StepOutcome>;

/**
 * The list-level steps of the 三上三下 cycle, one method per endpoint. Each runs in one transaction
 * that locks the list row first, checks scope (404), role (403) and stage (409), writes an audit row,
 * and is idempotent: the same step repeated (a double click) changes nothing and answers the same.
 */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly audit: AuditService,
    private readonly editions: EditionsService,
    private readonly state: ReviewStateService,
  ) {}

  /** k上: freezes the draft into a new version, keeps approvals on unchanged items. */
  submit(user: AuthUser, listId: string, request: SubmitRequest): Promise<ListDetail> {
    return this.step(user, listId, 'submit', async (manager, list) => {
      const itemCount = await manager.countBy(ItemEntity, { listId: list.id });
      if (itemCount === 0) throw new AppError('VALIDATION_FAILED', '清单中还没有任何事项，不能报送');
      const open = await this.state.openFeedbackItems(manager, list);
      if (open.length) {
        throw new AppError('OPEN_ITEMS', `还有 ${open.length} 个被退回的事项未修改或答复，不能报送`, { items: open });
      }
      const [previous] = await this.state.latestVersions(manager, list.id);
      const revised = previous ? await this.recordRevisions(manager, list.id, previous) : 0;
      const round = list.stage === 'returned' ? list.round + 1 : list.round;
      const version = await this.lists.createVersion(
        manager,
        { ...list, round },
        user.id,
        `第${round}轮报送（${round}上）`,
      );
      const carried = previous ? await this.carryApprovals(manager, previous, version) : 0;
      return {
        changes: { round },
        reason: request.note || null,
        details: { versionNumber: version.number, items: itemCount, revised, carriedApprovals: carried },
      };
    });
  }

  startReview(user: AuthUser, listId: string): Promise<ListDetail> {
    return this.step(user, listId, 'start_review', async () => ({}));
  }

  /** k下: the county sends its opinions back down; past the edition's last round only with a reason. */
  returnRound(user: AuthUser, listId: string, request: ReturnRoundRequest): Promise<ListDetail> {
    return this.step(user, listId, 'return_round', async (manager, list, _to, settings) => {
      const [version] = await this.state.latestVersions(manager, list.id);
      const returned = version
        ? await manager.countBy(ItemDecisionEntity, { versionId: version.id, decision: In(['returned', 'suggested']) })
        : 0;
      if (returned === 0 && !request.reason) {
        throw new AppError('VALIDATION_FAILED', '本轮没有退回或建议修改的事项；如仍要退回，请填写退回理由');
      }
      const extraRound = list.round >= settings.maxRounds && list.returnLevel === null;
      if (extraRound && !request.extraRoundReason) {
        throw new AppError(
          'EXTRA_ROUND_REASON_REQUIRED',
          `已是第 ${list.round} 轮（本届上限 ${settings.maxRounds} 轮），再次退回须填写增加轮次的理由`,
        );
      }
      return {
        reason: request.reason || null,
        details: {
          label: `${list.round}下`,
          returnedItems: returned,
          ...(extraRound ? { extraRound: true, extraRoundReason: request.extraRoundReason } : {}),
        },
      };
    });
  }

  /** The county approves the list: every item of the current version must be approved. */
  approve(user: AuthUser, listId: string, request: ApproveRequest): Promise<ListDetail> {
    return this.step(user, listId, 'approve', async (manager, list) => {
      const version = await this.currentVersion(manager, list);
      const open = await this.itemsWithout(manager, version, 'county', ['approved']);
      if (open.length) {
        throw new AppError('OPEN_ITEMS', `还有 ${open.length} 个事项未审核通过，不能审定`, { items: open });
      }
      return {
        changes: { returnLevel: null },
        reason: request.opinion || null,
        details: { versionNumber: version.number, returnedBy: list.returnLevel },
      };
    });
  }

  /** The prefecture or region signs the county-approved list (no item of theirs may stand returned). */
  signOff(user: AuthUser, listId: string, request: SignOffRequest): Promise<ListDetail> {
    return this.step(user, listId, 'sign_off', async (manager, list) => {
      const version = await this.currentVersion(manager, list);
      const level = reviewLevelOf(user.role) ?? 'region';
      const returned = await manager.find(ItemDecisionEntity, {
        where: { versionId: version.id, level, decision: In(['returned', 'suggested']) },
      });
      if (returned.length) {
        const items = await this.describe(
          manager,
          version,
          returned.map((d) => d.itemId),
        );
        throw new AppError(
          'OPEN_ITEMS',
          `您对 ${returned.length} 个事项提出了退回意见：请“退回事项”交县级处理，或改为通过后再签署`,
          { items },
        );
      }
      return { reason: request.opinion || null, details: { versionNumber: version.number, level } };
    });
  }

  /** The prefecture or region returns chosen items to the county, which reopens them. */
  returnItems(user: AuthUser, listId: string, request: ReturnItemsRequest): Promise<ListDetail> {
    return this.step(user, listId, 'return_items', async (manager, list) => {
      const version = await this.currentVersion(manager, list);
      const level = reviewLevelOf(user.role);
      if (level !== 'prefecture' && level !== 'region') throw AppError.forbidden();
      const itemIds = request.items.map((i) => i.itemId);
      const known = await manager.countBy(VersionItemEntity, { versionId: version.id, itemId: In(itemIds) });
      if (known !== new Set(itemIds).size) throw AppError.notFound('ITEM_NOT_FOUND', '本轮报送的清单中没有所选的事项');
      for (const { itemId, reason } of request.items) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(ItemDecisionEntity)
          .values({
            listId: list.id,
            versionId: version.id,
            itemId,
            level,
            round: list.round,
            decision: 'returned',
            reason,
            reviewerId: user.id,
          })
          .orUpdate(
            [
              'decision',
              'reason',
              'suggestion',
              'reviewer_id',
              'carried_from',
              'resolution',
              'response',
              'responded_by',
              'responded_at',
              'updated_at',
            ],
            ['version_id', 'item_id', 'level'],
          )
          .execute();
      }
      // The county must look at these items again: its approvals of them no longer stand.
      await manager.delete(ItemDecisionEntity, { versionId: version.id, level: 'county', itemId: In(itemIds) });
      return {
        changes: { returnLevel: level },
        reason: request.reason || null,
        details: { level, items: request.items, versionNumber: version.number },
      };
    });
  }

  publish(user: AuthUser, listId: string): Promise<ListDetail> {
    return this.step(user, listId, 'publish', async (manager, list) => {
      const version = await this.currentVersion(manager, list);
      return { details: { versionNumber: version.number } };
    });
  }

  /** The frame of every step: lock (404), policy (403, 409 or idempotent replay), work, stage clock, audit. */
  private async step(user: AuthUser, listId: string, action: ListAction, work: StepWork): Promise<ListDetail> {
    await this.db.transaction(async (manager) => {
      const list = await this.lists.lockForUser(manager, user, listId);
      const denial = denialOf(user, ACTION_ABILITY[action], list);
      if (denial) {
        // The same step repeated (a double click) finds the list where it took it: answer, change nothing.
        if (denial.code === 'STAGE_CONFLICT' && (await this.isReplay(manager, list, action, user))) return;
        throw denial;
      }
      const to = nextStage(action, user.role, list);
      if (!to) throw new Error(`the policy allowed ${action} from ${list.stage}, which the stage machine does not`);
      const settings = await this.editions.get(list.edition, manager);
      const outcome = await work(manager, list, to, settings);
      const now = new Date();
      await manager.update(
        DutyListEntity,
        { id: list.id },
        {
          ...outcome.changes,
          stage: to,
          stageSince: now,
          deadlineAt: this.editions.deadlineFor(to, settings, now),
          updatedAt: () => 'now()',
        },
      );
      await this.audit.record(manager, {
        listId: list.id,
        actor: user,
        action,
        round: outcome.changes?.round ?? list.round,
        fromStage: list.stage,
        toStage: to,
        reason: outcome.reason ?? null,
        details: outcome.details,
      });
    });
    return this.lists.getForUser(user, listId);
  }

  /** The list already stands where this very step (by this role) last took it: a repeated request. */
  private async isReplay(manager: EntityManager, list: DutyListEntity, action: ListAction, user: AuthUser) {
    if (!targetStages(action, user.role).includes(list.stage)) return false;
    const last = await this.audit.lastTransition(manager, list.id);
    return last?.action === action && last.toStage === list.stage;
  }

  private async currentVersion(manager: EntityManager, list: DutyListEntity): Promise<ListVersionEntity> {
    const [version] = await this.state.latestVersions(manager, list.id);
    if (!version) throw new AppError('NO_VERSION', '清单尚未报送，没有可审核的版本');
    return version;
  }

  /** Items of the version with no decision of `level` among `decisions`, in table order. */
  private async itemsWithout(
    manager: EntityManager,
    version: ListVersionEntity,
    level: ItemDecisionEntity['level'],
    decisions: ItemDecisionEntity['decision'][],
  ) {
    const rows: { item_id: string }[] = await manager.query(
      `SELECT vi.item_id FROM version_items vi
       WHERE vi.version_id = $1 AND NOT EXISTS (
         SELECT 1 FROM item_decisions d
         WHERE d.version_id = vi.version_id AND d.item_id = vi.item_id AND d.level = $2 AND d.decision = ANY($3))`,
      [version.id, level, decisions],
    );
    return this.describe(
      manager,
      version,
      rows.map((r) => r.item_id),
    );
  }

  private async describe(manager: EntityManager, version: ListVersionEntity, itemIds: string[]) {
    if (itemIds.length === 0) return [];
    const items = await manager.find(VersionItemEntity, {
      where: { versionId: version.id, itemId: In(itemIds) },
      order: { table: 'ASC', seq: 'ASC' },
    });
    return items.map((i) => ({ itemId: i.itemId, table: i.table, seq: i.seq, name: i.name }));
  }

  /** Marks the returns the draft has since dealt with by editing (or deleting) the item. */
  private async recordRevisions(manager: EntityManager, listId: string, previous: ListVersionEntity): Promise<number> {
    const revised = (await this.state.feedback(manager, listId, previous)).filter(
      (f) => f.status === 'revised' && f.decision.resolution === 'open',
    );
    if (revised.length) {
      await manager.update(
        ItemDecisionEntity,
        { id: In(revised.map((f) => f.decision.id)) },
        { resolution: 'revised', respondedAt: () => 'now()' },
      );
    }
    return revised.length;
  }

  /**
   * Approvals survive on unchanged items: every approval on the previous version whose item says
   * exactly the same in the new one is kept (pointing at the approval it came from). Changed items reopen.
   */
  private async carryApprovals(
    manager: EntityManager,
    previous: ListVersionEntity,
    next: ListVersionEntity,
  ): Promise<number> {
    const approvals = await manager.find(ItemDecisionEntity, {
      where: { versionId: previous.id, decision: 'approved' },
    });
    if (approvals.length === 0) return 0;
    const ids = [...new Set(approvals.map((a) => a.itemId))];
    const before = new Map(
      (await manager.find(VersionItemEntity, { where: { versionId: previous.id, itemId: In(ids) } })).map((i) => [
        i.itemId,
        i,
      ]),
    );
    const after = new Map(
      (await manager.find(VersionItemEntity, { where: { versionId: next.id, itemId: In(ids) } })).map((i) => [
        i.itemId,
        i,
      ]),
    );
    const kept = approvals.filter((a) => {
      const old = before.get(a.itemId);
      const now = after.get(a.itemId);
      return old && now && sameItemContent(old, now);
    });
    if (kept.length) {
      await manager.insert(
        ItemDecisionEntity,
        kept.map((a) => ({
          listId: a.listId,
          versionId: next.id,
          itemId: a.itemId,
          level: a.level,
          round: next.round,
          decision: 'approved' as const,
          reason: a.reason,
          carriedFrom: a.id,
          reviewerId: a.reviewerId,
        })),
      );
    }
    return kept.length;
  }
}
