import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, type FindOptionsWhere } from 'typeorm';
import type { CreateThreadRequest, ReplyRequest, Thread, ThreadStatus, UserRef } from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ItemEntity } from '../items/item.entity';
import { DutyListEntity } from '../lists/duty-list.entity';
import { ListsService } from '../lists/lists.service';
import { UserEntity } from '../users/user.entity';
import { toUserRef, UsersService } from '../users/users.service';
import { authorize } from '../policies/list.policy';
import { CommentThreadEntity } from './comment-thread.entity';
import { CommentEntity } from './comment.entity';

export interface ThreadFilter {
  itemId?: string;
  status?: ThreadStatus;
}

/**
 * Discussions on items. A thread points at the item's identity, so it stays attached across rounds,
 * renumbering, edits and moves; unresolved threads show on every later round until someone resolves them.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async listThreads(user: AuthUser, listId: string, filter: ThreadFilter = {}): Promise<Thread[]> {
    await this.lists.getForUser(user, listId);
    const where: FindOptionsWhere<CommentThreadEntity> = { listId };
    if (filter.itemId) where.itemId = filter.itemId;
    if (filter.status) where.status = filter.status;
    const threads = await this.db.manager.find(CommentThreadEntity, { where, order: { createdAt: 'ASC' } });
    return this.toDtos(this.db.manager, threads);
  }

  /** Everyone who can see the list and so may be @mentioned: its township and the levels above it. */
  async participants(user: AuthUser, listId: string): Promise<UserRef[]> {
    await this.lists.getForUser(user, listId);
    return (await this.participantEntities(this.db.manager, listId)).map(toUserRef);
  }

  createThread(user: AuthUser, listId: string, request: CreateThreadRequest): Promise<Thread> {
    return this.inList(user, listId, async (manager, list) => {
      const known =
        (await manager.existsBy(ItemEntity, { id: request.itemId, listId: list.id })) ||
        (await this.lastSnapshot(manager, list.id, request.itemId)) !== null;
      if (!known) throw AppError.notFound('ITEM_NOT_FOUND', '未找到该事项');
      const mentions = await this.checkMentions(manager, list.id, request.mentions);
      const thread = await manager.save(
        manager.create(CommentThreadEntity, {
          listId: list.id,
          itemId: request.itemId,
          field: request.field ?? null,
          openedRound: list.round,
          createdBy: user.id,
        }),
      );
      await this.addComment(manager, user, list, thread, request.body, mentions);
      await this.record(manager, user, list, thread, 'open_thread', { mentions, actorRole: user.role });
      return thread;
    });
  }

  reply(user: AuthUser, listId: string, threadId: string, request: ReplyRequest): Promise<Thread> {
    return this.inList(user, listId, async (manager, list) => {
      const thread = await this.findThread(manager, list.id, threadId);
      const mentions = await this.checkMentions(manager, list.id, request.mentions);
      await this.addComment(manager, user, list, thread, request.body, mentions);
      await manager.update(CommentThreadEntity, { id: thread.id }, { updatedAt: () => 'now()' });
      await this.record(manager, user, list, thread, 'reply_thread', { mentions });
      return thread;
    });
  }

  /** Resolving a resolved thread (or reopening an open one) changes nothing. */
  setStatus(user: AuthUser, listId: string, threadId: string, status: ThreadStatus): Promise<Thread> {
    return this.inList(user, listId, async (manager, list) => {
      const thread = await this.findThread(manager, list.id, threadId);
      if (thread.status === status) return thread;
      const resolved = status === 'resolved';
      await manager.update(
        CommentThreadEntity,
        { id: thread.id },
        {
          status,
          resolvedBy: resolved ? user.id : null,
          resolvedAt: resolved ? () => 'now()' : null,
        },
      );
      await this.record(manager, user, list, thread, resolved ? 'resolve_thread' : 'reopen_thread', {});
      return thread;
    });
  }

  private async inList(
    user: AuthUser,
    listId: string,
    work: (manager: EntityManager, list: DutyListEntity) => Promise<CommentThreadEntity>,
  ): Promise<Thread> {
    const threadId = await this.db.transaction(async (manager) => {
      const list = await this.lists.lockForUser(manager, user, listId);
      authorize(user, 'comment', list);
      return (await work(manager, list)).id;
    });
    const thread = await this.db.manager.findOneByOrFail(CommentThreadEntity, { id: threadId });
    const [dto] = await this.toDtos(this.db.manager, [thread]);
    return dto;
  }

  private async addComment(
    manager: EntityManager,
    user: AuthUser,
    list: DutyListEntity,
    thread: CommentThreadEntity,
    body: string,
    mentions: string[],
  ): Promise<void> {
    await manager.insert(CommentEntity, { threadId: thread.id, authorId: user.id, body, mentions, round: list.round });
  }

  private async findThread(manager: EntityManager, listId: string, threadId: string): Promise<CommentThreadEntity> {
    const thread = await manager.findOneBy(CommentThreadEntity, { id: threadId, listId });
    if (!thread) throw AppError.notFound('THREAD_NOT_FOUND', '未找到该讨论');
    return thread;
  }

  private record(
    manager: EntityManager,
    user: AuthUser,
    list: DutyListEntity,
    thread: CommentThreadEntity,
    action: 'open_thread' | 'reply_thread' | 'resolve_thread' | 'reopen_thread',
    details: Record<string, unknown>,
  ) {
    return this.audit.record(manager, {
      listId: list.id,
      actor: user,
      action,
      round: list.round,
      itemId: thread.itemId,
      details: { threadId: thread.id, ...(thread.field ? { field: thread.field } : {}), ...details },
    });
  }

  private participantEntities(manager: EntityManager, listId: string): Promise<UserEntity[]> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .innerJoinAndSelect('u.orgUnit', 'o')
      .innerJoin(DutyListEntity, 'l', 'l.id = :listId', { listId })
      .innerJoin('org_units', 't', 't.id = l.township_id')
      .where("u.is_active AND t.path LIKE o.path || '%'")
      .orderBy('length(o.path)', 'DESC')
      .addOrderBy('u.display_name')
      .getMany();
  }

  /** @mentions must name people who can see the list; anyone else is a 400, not a silent drop. */
  private async checkMentions(manager: EntityManager, listId: string, mentions: string[] = []): Promise<string[]> {
    const wanted = [...new Set(mentions)];
    if (wanted.length === 0) return [];
    const allowed = new Set((await this.participantEntities(manager, listId)).map((u) => u.id));
    if (wanted.some((id) => !allowed.has(id))) {
      throw new AppError('INVALID_MENTION', '只能 @ 能查看本清单的人员');
    }
    return wanted;
  }

  private async lastSnapshot(manager: EntityManager, listId: string, itemId: string) {
    const [row] = await manager.query(
      `SELECT vi.list_table AS "table", vi.seq, vi.name FROM version_items vi
       JOIN list_versions v ON v.id = vi.version_id
       WHERE v.list_id = $1 AND vi.item_id = $2 ORDER BY v.number DESC LIMIT 1`,
      [listId, itemId],
    );
    return (row as { table: ItemEntity['table']; seq: number; name: string } | undefined) ?? null;
  }

  private async toDtos(manager: EntityManager, threads: CommentThreadEntity[]): Promise<Thread[]> {
    if (threads.length === 0) return [];
    const comments = await manager.find(CommentEntity, {
      where: { threadId: In(threads.map((t) => t.id)) },
      order: { createdAt: 'ASC' },
    });
    const people = await this.users.refs([
      ...threads.flatMap((t) => [t.createdBy, ...(t.resolvedBy ? [t.resolvedBy] : [])]),
      ...comments.flatMap((c) => [c.authorId, ...c.mentions]),
    ]);
    const ref = (id: string): UserRef => people.get(id) ?? { id, displayName: '', role: 'admin', orgName: '' };
    const itemIds = [...new Set(threads.map((t) => t.itemId))];
    const drafts = new Map((await manager.find(ItemEntity, { where: { id: In(itemIds) } })).map((i) => [i.id, i]));
    const positions = new Map<string, Thread['item']>();
    for (const itemId of itemIds) {
      const draft = drafts.get(itemId);
      if (draft) {
        positions.set(itemId, { table: draft.table, seq: draft.seq, name: draft.name, deleted: false });
        continue;
      }
      const snapshot = await this.lastSnapshot(manager, threads[0].listId, itemId);
      positions.set(itemId, {
        table: snapshot?.table ?? 'basic',
        seq: snapshot?.seq ?? 0,
        name: snapshot?.name ?? '',
        deleted: true,
      });
    }
    return threads.map((t) => ({
      id: t.id,
      listId: t.listId,
      itemId: t.itemId,
      field: t.field,
      item: positions.get(t.itemId) as Thread['item'],
      openedRound: t.openedRound,
      status: t.status,
      createdBy: ref(t.createdBy),
      createdAt: t.createdAt.toISOString(),
      resolvedBy: t.resolvedBy ? ref(t.resolvedBy) : null,
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      comments: comments
        .filter((c) => c.threadId === t.id)
        .map((c) => ({
          id: c.id,
          author: ref(c.authorId),
          body: c.body,
          mentions: c.mentions.map(ref),
          round: c.round,
          createdAt: c.createdAt.toISOString(),
        })),
    }));
  }
}
