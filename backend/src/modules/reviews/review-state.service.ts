import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  changedFields,
  reviewLevelOfStage,
  type Feedback,
  type ItemDecision,
  type ItemChange,
  type ItemHistory,
  type OpenItemsDetails,
  type ReviewLevel,
  type ReviewState,
  type VersionItem,
  type VersionRef,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ItemEntity } from '../items/item.entity';
import { DutyListEntity } from '../lists/duty-list.entity';
import { ListVersionEntity } from '../lists/list-version.entity';
import { ListsService } from '../lists/lists.service';
import { VersionItemEntity } from '../lists/version-item.entity';
import { UsersService } from '../users/users.service';
import { ItemDecisionEntity } from './item-decision.entity';

/** A return or suggestion on the latest version, and where its item stands in the draft now. */
export interface FeedbackEntry {
  decision: ItemDecisionEntity;
  reviewed: VersionItemEntity;
  current: ItemEntity | null;
  status: Feedback['status'];
  settled: boolean;
}

export function toVersionRef(v: ListVersionEntity): VersionRef {
  return { number: v.number, round: v.round, label: v.label, createdAt: v.createdAt.toISOString() };
}

export function toVersionItem(i: VersionItemEntity | ItemEntity): VersionItem {
  return {
    id: 'itemId' in i ? i.itemId : i.id,
    table: i.table,
    seq: i.seq,
    category: i.category,
    name: i.name,
    departments: i.departments,
    upperDuties: i.upperDuties,
    townshipDuties: i.townshipDuties,
    undertaker: i.undertaker,
  };
}

/**
 * The read side of the review: the latest frozen version with its decisions, what changed since the
 * round before, and what the township still has to answer.
 */
@Injectable()
export class ReviewStateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** An item across every version of the list, with all decisions on it and its audit trail. */
  async itemHistory(user: AuthUser, listId: string, itemId: string): Promise<ItemHistory> {
    await this.lists.getForUser(user, listId);
    const manager = this.db.manager;
    const versions = await manager.find(ListVersionEntity, { where: { listId }, order: { number: 'ASC' } });
    const snapshots = versions.length
      ? new Map(
          (
            await manager.find(VersionItemEntity, {
              where: { itemId, versionId: In(versions.map((v) => v.id)) },
            })
          ).map((i) => [i.versionId, i]),
        )
      : new Map<string, VersionItemEntity>();
    const current = await manager.findOneBy(ItemEntity, { id: itemId, listId });
    if (!current && snapshots.size === 0) throw AppError.notFound('ITEM_NOT_FOUND', '未找到该事项');
    const decisions = await manager.find(ItemDecisionEntity, {
      where: { listId, itemId },
      order: { createdAt: 'ASC' },
    });
    return {
      itemId,
      current: current ? toVersionItem(current) : null,
      versions: versions.map((v) => {
        const snapshot = snapshots.get(v.id);
        return { version: toVersionRef(v), item: snapshot ? toVersionItem(snapshot) : null };
      }),
      decisions: await this.decisionDtos(manager, decisions),
      events: await this.audit.historyForUser(user, listId, itemId),
    };
  }

  /** The latest version first, then the one before (either may be missing). */
  latestVersions(manager: EntityManager, listId: string): Promise<ListVersionEntity[]> {
    return manager.find(ListVersionEntity, { where: { listId }, order: { number: 'DESC' }, take: 2 });
  }

  /** Every return and suggestion on the version, with whether the township has dealt with it. */
  async feedback(manager: EntityManager, listId: string, version: ListVersionEntity): Promise<FeedbackEntry[]> {
    const decisions = await manager.find(ItemDecisionEntity, {
      where: { versionId: version.id, decision: In(['returned', 'suggested']) },
      order: { createdAt: 'ASC' },
    });
    if (decisions.length === 0) return [];
    const itemIds = decisions.map((d) => d.itemId);
    const reviewed = new Map(
      (await manager.find(VersionItemEntity, { where: { versionId: version.id, itemId: In(itemIds) } })).map((i) => [
        i.itemId,
        i,
      ]),
    );
    const current = new Map(
      (await manager.find(ItemEntity, { where: { listId, id: In(itemIds) } })).map((i) => [i.id, i]),
    );
    return decisions.map((decision) => {
      const before = reviewed.get(decision.itemId) as VersionItemEntity;
      const now = current.get(decision.itemId) ?? null;
      let status = decision.resolution;
      if (status === 'open' && (!now || changedFields(before, now).length > 0)) status = 'revised';
      return { decision, reviewed: before, current: now, status, settled: status !== 'open' };
    });
  }

  /** The items whose return or suggestion is still unanswered (blocks the next submission). */
  async openFeedbackItems(manager: EntityManager, list: DutyListEntity): Promise<OpenItemsDetails['items']> {
    const [latest] = await this.latestVersions(manager, list.id);
    if (!latest) return [];
    const open = (await this.feedback(manager, list.id, latest)).filter((f) => !f.settled);
    const seen = new Set<string>();
    return open.flatMap((f) => {
      if (seen.has(f.decision.itemId)) return [];
      seen.add(f.decision.itemId);
      const where = f.current ?? f.reviewed;
      return [{ itemId: f.decision.itemId, table: where.table, seq: where.seq, name: where.name }];
    });
  }

  async getForUser(user: AuthUser, listId: string): Promise<ReviewState> {
    const detail = await this.lists.getForUser(user, listId);
    const manager = this.db.manager;
    const [latest, previous] = await this.latestVersions(manager, listId);
    const level: ReviewLevel | null = reviewLevelOfStage(detail.stage);
    const summaryLevel = level ?? 'county';
    const threadCounts = await this.threadCounts(manager, listId);
    const unresolvedThreads = [...threadCounts.values()].reduce((n, c) => n + c.open, 0);
    if (!latest) {
      return {
        stage: detail.stage,
        round: detail.round,
        level,
        version: null,
        previousVersion: null,
        items: [],
        summary: { total: 0, approved: 0, returned: 0, suggested: 0, undecided: 0, changed: 0, unresolvedThreads },
        feedback: [],
        openFeedback: 0,
      };
    }
    const versionItems = await this.lists.versionItems(manager, latest.id);
    const before = previous
      ? new Map((await this.lists.versionItems(manager, previous.id)).map((i) => [i.itemId, i]))
      : new Map<string, VersionItemEntity>();
    const decisions = await manager.find(ItemDecisionEntity, {
      where: { versionId: latest.id },
      order: { createdAt: 'ASC' },
    });
    const dtos = await this.decisionDtos(manager, decisions);
    const byItem = new Map<string, ItemDecision[]>();
    for (const d of dtos) byItem.set(d.itemId, [...(byItem.get(d.itemId) ?? []), d]);

    const items = versionItems.map((vi) => {
      const old = before.get(vi.itemId);
      const fields = old ? changedFields(old, vi) : [];
      const change: ItemChange = !old ? 'added' : fields.length ? 'modified' : 'unchanged';
      const threads = threadCounts.get(vi.itemId);
      return {
        item: toVersionItem(vi),
        change,
        changedFields: fields,
        previous: old ? { table: old.table, seq: old.seq } : null,
        decisions: byItem.get(vi.itemId) ?? [],
        openThreads: threads?.open ?? 0,
        threads: threads?.total ?? 0,
      };
    });

    const levelDecisions = dtos.filter((d) => d.level === summaryLevel);
    const count = (decision: ItemDecision['decision']) => levelDecisions.filter((d) => d.decision === decision).length;
    const feedback = await this.feedback(manager, listId, latest);
    const feedbackDtos = await this.feedbackDtos(manager, feedback);
    return {
      stage: detail.stage,
      round: detail.round,
      level,
      version: toVersionRef(latest),
      previousVersion: previous ? toVersionRef(previous) : null,
      items,
      summary: {
        total: items.length,
        approved: count('approved'),
        returned: count('returned'),
        suggested: count('suggested'),
        undecided: items.length - levelDecisions.length,
        changed: items.filter((i) => i.change !== 'unchanged').length,
        unresolvedThreads,
      },
      feedback: feedbackDtos,
      openFeedback: new Set(feedback.filter((f) => !f.settled).map((f) => f.decision.itemId)).size,
    };
  }

  async feedbackDtos(manager: EntityManager, entries: FeedbackEntry[]): Promise<Feedback[]> {
    const dtos = await this.decisionDtos(
      manager,
      entries.map((e) => e.decision),
    );
    return entries.map((entry, i) => ({
      decision: dtos[i],
      reviewed: toVersionItem(entry.reviewed),
      current: entry.current ? { ...toVersionItem(entry.current), version: entry.current.version } : null,
      settled: entry.settled,
      status: entry.status,
    }));
  }

  /** Decisions as the API shows them: with the reviewer and the version number they were made on. */
  async decisionDtos(manager: EntityManager, decisions: ItemDecisionEntity[]): Promise<ItemDecision[]> {
    if (decisions.length === 0) return [];
    const reviewers = await this.users.refs(decisions.map((d) => d.reviewerId));
    const versions = new Map(
      (
        await manager.find(ListVersionEntity, {
          select: { id: true, number: true },
          where: { id: In([...new Set(decisions.map((d) => d.versionId))]) },
        })
      ).map((v) => [v.id, v.number]),
    );
    return decisions.map((d) => ({
      id: d.id,
      itemId: d.itemId,
      level: d.level,
      decision: d.decision,
      reason: d.reason,
      suggestion: d.suggestion,
      round: d.round,
      versionNumber: versions.get(d.versionId) ?? 0,
      reviewer: reviewers.get(d.reviewerId) ?? { id: d.reviewerId, displayName: '', role: 'admin', orgName: '' },
      carriedOver: d.carriedFrom !== null,
      resolution: d.resolution,
      response: d.response,
      respondedAt: d.respondedAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    }));
  }

  private async threadCounts(
    manager: EntityManager,
    listId: string,
  ): Promise<Map<string, { open: number; total: number }>> {
    const rows: { item_id: string; open: number; total: number }[] = await manager.query(
      `SELECT item_id, count(*) FILTER (WHERE status = 'open')::int AS open, count(*)::int AS total
       FROM comment_threads WHERE list_id = $1 GROUP BY item_id`,
      [listId],
    );
    return new Map(rows.map((r) => [r.item_id, { open: r.open, total: r.total }]));
  }
}
