import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  reviewLevelOf,
  type AnswerDecisionRequest,
  type BulkDecideRequest,
  type DecideItemRequest,
  type Feedback,
  type ItemDecision,
  type RejectSuggestionRequest,
  type ReviewLevel,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ItemsService } from '../items/items.service';
import { DutyListEntity } from '../lists/duty-list.entity';
import { authorize } from '../policies/list.policy';
import { ListVersionEntity } from '../lists/list-version.entity';
import { ListsService } from '../lists/lists.service';
import { VersionItemEntity } from '../lists/version-item.entity';
import { ItemDecisionEntity } from './item-decision.entity';
import { ReviewStateService } from './review-state.service';

export interface BulkDecideResult {
  decisions: ItemDecision[];
  /** Items left alone: someone decided them otherwise meanwhile, or they are not in the version. */
  skipped: { itemId: string; reason: string }[];
}

interface ReviewContext {
  list: DutyListEntity;
  level: ReviewLevel;
  version: ListVersionEntity;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Item-level review: a reviewer's decision per item and round, and the township's answer to it. Each
 * step runs in one transaction that locks the list row first, so two reviewers cannot race.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly items: ItemsService,
    private readonly audit: AuditService,
    private readonly state: ReviewStateService,
  ) {}

  decideItem(user: AuthUser, listId: string, itemId: string, request: DecideItemRequest): Promise<ItemDecision> {
    return this.db.transaction(async (manager) => {
      const ctx = await this.reviewContext(manager, user, listId);
      const inVersion = await manager.existsBy(VersionItemEntity, { versionId: ctx.version.id, itemId });
      if (!inVersion) throw AppError.notFound('ITEM_NOT_FOUND', '本轮报送的清单中没有该事项');
      const decision = await this.applyDecision(manager, user, ctx, itemId, request);
      const [dto] = await this.state.decisionDtos(manager, [decision]);
      return dto;
    });
  }

  /** One decision for many items (e.g. approve every unchanged item); items decided otherwise are skipped. */
  bulkDecide(user: AuthUser, listId: string, request: BulkDecideRequest): Promise<BulkDecideResult> {
    return this.db.transaction(async (manager) => {
      const ctx = await this.reviewContext(manager, user, listId);
      const inVersion = new Set(
        (
          await manager.find(VersionItemEntity, {
            select: { itemId: true },
            where: { versionId: ctx.version.id, itemId: In(request.itemIds) },
          })
        ).map((i) => i.itemId),
      );
      const decided: ItemDecisionEntity[] = [];
      const skipped: BulkDecideResult['skipped'] = [];
      for (const itemId of new Set(request.itemIds)) {
        if (!inVersion.has(itemId)) {
          skipped.push({ itemId, reason: '本轮报送的清单中没有该事项' });
          continue;
        }
        try {
          decided.push(
            await this.applyDecision(manager, user, ctx, itemId, {
              decision: request.decision,
              reason: request.reason,
            }),
          );
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'DECISION_CONFLICT') throw error;
          skipped.push({ itemId, reason: error.message });
        }
      }
      return { decisions: await this.state.decisionDtos(manager, decided), skipped };
    });
  }

  /** The township explains why a returned item stays as it is. */
  answer(user: AuthUser, listId: string, decisionId: string, request: AnswerDecisionRequest): Promise<Feedback> {
    return this.respond(user, listId, decisionId, {
      isReplay: (d) => d.resolution === 'answered' && d.response === request.text,
      apply: async (manager, list, decision) => {
        await this.settle(manager, user, decision, 'answered', request.text);
        await this.audit.record(manager, {
          listId: list.id,
          actor: user,
          action: 'answer_item',
          round: list.round,
          itemId: decision.itemId,
          reason: request.text,
          details: { decisionId: decision.id, level: decision.level },
        });
      },
    });
  }

  /** Applies a reviewer's suggestion to the draft in one click. */
  acceptSuggestion(user: AuthUser, listId: string, decisionId: string): Promise<Feedback> {
    return this.respond(user, listId, decisionId, {
      isReplay: (d) => d.resolution === 'accepted',
      apply: async (manager, list, decision) => {
        if (decision.decision !== 'suggested' || !decision.suggestion) {
          throw new AppError('DECISION_CONFLICT', '该意见不是修改建议，不能直接采纳');
        }
        const { fields = {}, table } = decision.suggestion;
        const item = await this.items.applyChange(manager, list.id, decision.itemId, fields, table);
        if (!item) throw AppError.notFound('ITEM_NOT_FOUND', '该事项已从草稿中删除，无法采纳建议');
        await this.settle(manager, user, decision, 'accepted', null);
        await this.audit.record(manager, {
          listId: list.id,
          actor: user,
          action: 'accept_suggestion',
          round: list.round,
          itemId: decision.itemId,
          details: { decisionId: decision.id, level: decision.level, suggestion: decision.suggestion },
        });
      },
    });
  }

  rejectSuggestion(
    user: AuthUser,
    listId: string,
    decisionId: string,
    request: RejectSuggestionRequest,
  ): Promise<Feedback> {
    return this.respond(user, listId, decisionId, {
      isReplay: (d) => d.resolution === 'rejected' && d.response === request.reason,
      apply: async (manager, list, decision) => {
        if (decision.decision !== 'suggested') throw new AppError('DECISION_CONFLICT', '该意见不是修改建议');
        await this.settle(manager, user, decision, 'rejected', request.reason);
        await this.audit.record(manager, {
          listId: list.id,
          actor: user,
          action: 'reject_suggestion',
          round: list.round,
          itemId: decision.itemId,
          reason: request.reason,
          details: { decisionId: decision.id, level: decision.level },
        });
      },
    });
  }

  /**
   * Creates or changes the caller's level's decision on an item of the current version. The same
   * decision again is a replay (no second effect); a different one needs `replaces` naming the decision
   * the reviewer saw, so two reviewers deciding at once leave exactly one effect.
   */
  private async applyDecision(
    manager: EntityManager,
    user: AuthUser,
    ctx: ReviewContext,
    itemId: string,
    request: DecideItemRequest,
  ): Promise<ItemDecisionEntity> {
    const existing = await manager.findOneBy(ItemDecisionEntity, {
      versionId: ctx.version.id,
      itemId,
      level: ctx.level,
    });
    const reason = request.reason || null;
    const suggestion = request.suggestion ?? null;
    if (
      existing &&
      existing.decision === request.decision &&
      (existing.reason ?? null) === reason &&
      sameJson(existing.suggestion, suggestion)
    ) {
      return existing;
    }
    if (existing && request.replaces !== existing.id) {
      const [current] = await this.state.decisionDtos(manager, [existing]);
      throw new AppError('DECISION_CONFLICT', '该事项已由他人作出审核决定，请刷新后再修改', { current });
    }
    let saved: ItemDecisionEntity;
    if (existing) {
      // A changed decision gets a new id, so that `replaces` names exactly the state the reviewer saw.
      await manager.update(
        ItemDecisionEntity,
        { id: existing.id },
        {
          id: () => 'gen_random_uuid()',
          decision: request.decision,
          reason,
          suggestion,
          reviewerId: user.id,
          carriedFrom: null,
          resolution: 'open',
          response: null,
          respondedBy: null,
          respondedAt: null,
        },
      );
      saved = await manager.findOneByOrFail(ItemDecisionEntity, {
        versionId: ctx.version.id,
        itemId,
        level: ctx.level,
      });
    } else {
      saved = await manager.save(
        manager.create(ItemDecisionEntity, {
          listId: ctx.list.id,
          versionId: ctx.version.id,
          itemId,
          level: ctx.level,
          round: ctx.list.round,
          decision: request.decision,
          reason,
          suggestion,
          reviewerId: user.id,
        }),
      );
    }
    await this.audit.record(manager, {
      listId: ctx.list.id,
      actor: user,
      action: 'decide_item',
      round: ctx.list.round,
      itemId,
      reason,
      details: {
        decision: request.decision,
        level: ctx.level,
        versionNumber: ctx.version.number,
        ...(suggestion ? { suggestion } : {}),
        ...(existing ? { replaced: existing.decision } : {}),
      },
    });
    return saved;
  }

  /** Locks the list and checks that the caller is the reviewer whose level reviews now. */
  private async reviewContext(manager: EntityManager, user: AuthUser, listId: string): Promise<ReviewContext> {
    const list = await this.lists.lockForUser(manager, user, listId);
    authorize(user, 'decideItems', list);
    const level = reviewLevelOf(user.role) ?? 'county';
    const [version] = await this.state.latestVersions(manager, list.id);
    if (!version) throw new AppError('NO_VERSION', '清单尚未报送，没有可审核的版本');
    return { list, level, version };
  }

  /**
   * The frame of every township answer: lock, drafter of an editable list, a return or suggestion on
   * the latest version. The same answer again is a replay; an answer may be changed until the next
   * submission, except an accepted suggestion (already applied to the draft).
   */
  private async respond(
    user: AuthUser,
    listId: string,
    decisionId: string,
    action: {
      isReplay: (decision: ItemDecisionEntity) => boolean;
      apply: (manager: EntityManager, list: DutyListEntity, decision: ItemDecisionEntity) => Promise<void>;
    },
  ): Promise<Feedback> {
    return this.db.transaction(async (manager) => {
      const list = await this.lists.lockForUser(manager, user, listId);
      authorize(user, 'answerFeedback', list);
      const decision = await manager.findOneBy(ItemDecisionEntity, { id: decisionId, listId: list.id });
      if (!decision || decision.decision === 'approved') {
        throw AppError.notFound('DECISION_NOT_FOUND', '未找到该审核意见');
      }
      const [version] = await this.state.latestVersions(manager, list.id);
      if (decision.versionId !== version?.id) {
        throw new AppError('DECISION_CONFLICT', '该意见属于以前的轮次，已不需要答复');
      }
      if (!action.isReplay(decision)) {
        if (decision.resolution === 'accepted') {
          throw new AppError('DECISION_CONFLICT', '该修改建议已被采纳并写入草稿，不能再更改答复');
        }
        await action.apply(manager, list, decision);
      }
      const entry = (await this.state.feedback(manager, list.id, version)).find((f) => f.decision.id === decision.id);
      const [dto] = await this.state.feedbackDtos(manager, entry ? [entry] : []);
      return dto;
    });
  }

  private async settle(
    manager: EntityManager,
    user: AuthUser,
    decision: ItemDecisionEntity,
    resolution: ItemDecisionEntity['resolution'],
    response: string | null,
  ): Promise<void> {
    await manager.update(
      ItemDecisionEntity,
      { id: decision.id },
      { resolution, response, respondedBy: user.id, respondedAt: () => 'now()' },
    );
  }
}
